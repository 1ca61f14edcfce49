"""The two small pain dialogs of issue 15: how bad (after `!`), and the next
morning (on the routine library).

Pain is one key: 0-9, and t for 10, so no answer needs Enter; Enter skips.
What is answered is posted as a `RecordCheckIn` message; the app stores it
in a thread. The words and keys are `tui.core.present.asking`.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.present.asking import ASK_NEXT_DAY, pain_of_key
from tui.core.present.pain import CHANGE_KEYS
from tui.core.programme.zones import Change


class PainDialog(ModalScreen[int | None]):
    """`!`: "How bad, 0-10?" Returns the pain, or None when skipped (Enter, Escape)."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("enter,escape", "skip", "Skip")]

    def __init__(self, exercise: str) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Paused: this hurts", classes="dialog-title")
            yield Static(f"How bad, 0-10? ({self.exercise})", markup=False)
            yield Static("0-9, t for 10, Enter skips", classes="dialog-keys")

    def on_key(self, event: events.Key) -> None:
        pain = pain_of_key(event.key)
        if pain is not None:
            event.stop()
            self.dismiss(pain)

    def action_skip(self) -> None:
        self.dismiss(None)


class NextDayDialog(ModalScreen[Change | None]):
    """The next-morning question. Returns the change, or None when dismissed."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("enter,escape", "dismiss_question", "Dismiss")]

    def __init__(self, advice: str = "") -> None:
        super().__init__()
        self.advice = advice

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -info"):
            yield Static("Since yesterday", classes="dialog-title")
            yield Static(ASK_NEXT_DAY)
            if self.advice:
                yield Static(self.advice, classes="dialog-advice", markup=False)

    def on_key(self, event: events.Key) -> None:
        change = CHANGE_KEYS.get(event.key)
        if change is not None:
            event.stop()
            self.dismiss(change)

    def action_dismiss_question(self) -> None:
        self.dismiss(None)

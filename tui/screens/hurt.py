"""`!`: "this hurts". The session is already paused; the person chooses what next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class HurtDialog(ModalScreen[str]):
    """Returns "skip", "end" or "carry-on"."""

    BINDINGS = [
        Binding("s", "choose('skip')", "Skip exercise"),
        Binding("e", "choose('end')", "End session"),
        Binding("c,escape", "choose('carry-on')", "Carry on"),
    ]

    def __init__(self, exercise: str) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with Vertical(id="hurt-box", classes="dialog"):
            yield Static("Paused: this hurts", classes="dialog-title")
            yield Static(
                f"Stop {self.exercise}. Sharp, shooting or radiating pain is a reason to stop, "
                "not to push through. If pain persists, talk to a health professional.",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Skip exercise (s)", id="skip", variant="primary")
                yield Button("End session (e)", id="end", variant="error")
                yield Button("Carry on (c)", id="carry-on")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

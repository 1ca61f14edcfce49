"""A question with a few answers, as a modal that returns the chosen one."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from textual.widgets.button import ButtonVariant


class Answer(NamedTuple):
    id: str
    label: str
    key: str  # one letter that chooses it


class ChoiceDialog(ModalScreen[str]):
    """Returns the id of the chosen answer; Escape returns `escape_answer`."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "choose_escape", "Cancel")]

    def __init__(
        self,
        title: str,
        text: str,
        answers: list[Answer],
        *,
        escape_answer: str = "cancel",
        danger: str | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.answers = answers
        self.escape_answer = escape_answer
        self.danger = danger

    def compose(self) -> ComposeResult:
        # Scrolls in a small terminal; the answer keys work wherever the view is.
        with VerticalScroll(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.text, markup=False)
            with Horizontal(classes="dialog-buttons"):
                for i, answer in enumerate(self.answers):
                    variant: ButtonVariant = (
                        "error" if answer.id == self.danger else "primary" if i == 0 else "default"
                    )
                    yield Button(f"{answer.label} ({answer.key})", id=answer.id, variant=variant)

    def on_key(self, event: events.Key) -> None:
        for answer in self.answers:
            if event.key == answer.key:
                event.stop()
                self.dismiss(answer.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose_escape(self) -> None:
        self.dismiss(self.escape_answer)


def hurt_dialog(exercise: str) -> ChoiceDialog:
    """`!`: the session is already paused; returns "skip", "end" or "carry-on"."""
    return ChoiceDialog(
        "Paused: this hurts",
        f"Stop {exercise}. Sharp, shooting or radiating pain is a reason to stop, not to "
        "push through. If pain persists, talk to a health professional.",
        [
            Answer("skip", "Skip exercise", "s"),
            Answer("end", "End session", "e"),
            Answer("carry-on", "Carry on", "c"),
        ],
        escape_answer="carry-on",
        danger="end",
    )


HEALTH_NOTICE = (
    "spinewise gives general exercise guidance, not medical advice.\n\n"
    "Start easy and move slowly. Stop any exercise that hurts: press ! and it pauses.\n\n"
    "See a doctor or physiotherapist before you start if you have back pain that persists, "
    "follows an injury or a fall, spreads down a leg, or comes with numbness, weakness, "
    "fever or trouble controlling your bladder or bowels."
)


def health_notice() -> ChoiceDialog:
    """Shown once, on the first run."""
    return ChoiceDialog(
        "Before you start",
        HEALTH_NOTICE,
        [Answer("ok", "I understand", "enter")],
        escape_answer="ok",
    )

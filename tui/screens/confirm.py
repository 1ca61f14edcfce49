"""A question with a few answers, as a modal that returns the chosen one, typed.

`ChoiceDialog[T]` returns the value of the answer chosen: a member of the
question's own Enum (`Hurt`, `Waiting`, `Unsaved`), or a bool for a yes/no
question (frogmouth's `ModalScreen[bool]`), so a caller compares with names
the type checker knows, never with answer strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from tui.core.present.health import HEALTH_NOTICE
from tui.core.programme.zones import AMBER_MAX, GREEN_MAX

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Answer(Generic[T]):
    value: T
    label: str
    key: str  # one letter that chooses it


class ChoiceDialog(ModalScreen[T]):
    """Returns the value of the chosen answer; Escape returns `escape`, or does
    nothing when that is None (an answer must then be chosen)."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "choose_escape", "Cancel")]

    def __init__(
        self,
        title: str,
        text: str,
        answers: list[Answer[T]],
        *,
        escape: T | None,
        danger: T | None = None,
        tone: str = "",
        default: T | None = None,
        keys: list[Answer[T]] | None = None,
    ) -> None:
        super().__init__()
        #: Answers given by a key only, each said on a line of its own under the buttons.
        self.keys = keys or []
        self.default = default  # focused at once, so Enter chooses it
        self.tone = tone  # a class for the box: "-red" for a red pain answer
        self.title_text = title
        self.text = text
        self.answers = answers
        self.escape = escape
        self.danger = danger

    def compose(self) -> ComposeResult:
        # Scrolls in a small terminal; the answer keys work wherever the view is.
        with VerticalScroll(classes=f"dialog {self.tone}".strip()):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.text, markup=False)
            # Four answers do not fit side by side in the box: two rows of two.
            # (Three too wide for the box go so too: `_fit_buttons`.)
            grid = " -grid" if len(self.answers) > 3 else ""
            with Horizontal(classes=f"dialog-buttons{grid}"):
                for i, answer in enumerate(self.answers):
                    danger = self.danger is not None and answer.value == self.danger
                    variant: ButtonVariant = (
                        "error" if danger else "primary" if i == 0 else "default"
                    )
                    yield Button(
                        f"{answer.label} ({answer.key})", name=str(i), variant=variant
                    )
            for i, answer in enumerate(self.keys):
                # One line each, the first set apart: the red box fits 80x24 whole.
                more = " -more" if i else ""
                yield Static(f"{answer.key}: {answer.label}", classes=f"dialog-keys{more}",
                             markup=False)  # fmt: skip

    def on_mount(self) -> None:
        for i, answer in enumerate(self.answers):
            if self.default is not None and answer.value == self.default:
                self.query(Button)[i].focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_buttons)

    def _fit_buttons(self) -> None:
        """Answers too wide side by side for the box (the red box's three at 80
        columns cut "End session" to "End sessi") go two to a row, as four always
        do; one under another below 70 columns (`-narrow`, in dialog.tcss)."""
        row = self.query_one(".dialog-buttons", Horizontal)
        buttons = list(row.query(Button))
        # A button is as wide as its label and its padding; each has a margin of 1.
        wide = sum(cell_len(str(b.label)) + b.styles.gutter.width + 1 for b in buttons) - 1
        row.set_class(len(buttons) > 3 or wide > row.content_size.width, "-grid")

    def on_key(self, event: events.Key) -> None:
        for answer in [*self.answers, *self.keys]:
            if event.key == answer.key:
                event.stop()
                self.dismiss(answer.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.answers[int(event.button.name or 0)].value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "choose_escape" or self.escape is not None

    def action_choose_escape(self) -> None:
        if self.escape is not None:
            self.dismiss(self.escape)


class Hurt(Enum):
    """What to do after `!` (this hurts)."""

    SKIP = "skip"
    #: Swap to the exercise's easier variant and carry on (offered when it has one).
    EASIER = "easier"
    END = "end"
    CARRY_ON = "carry-on"
    #: Escape: the dialog closes and the session stays paused (someone in pain
    #: carries on when ready, with space, not at once).
    STAY_PAUSED = "stay-paused"
    #: Sharp, shooting or radiating pain: the session ends, and nothing progresses
    #: after it (`programme.progression`).
    SHARP = "sharp"
    #: `q`, as on the workout: leave, keeping the session to resume.
    QUIT = "quit"


def hurt_dialog(
    exercise: str, pain: int | None = None, *, easier: str | None = None
) -> ChoiceDialog[Hurt]:
    """`!`: the session is already paused. With a `pain` of 6 or more (red in the
    pain-monitoring model, `tui.core.programme.zones`) the box turns red and says
    why skipping is the answer; "Skip this exercise" is the first, focused answer and
    "Carry on" is no button, only the key `c` listed under them.
    `easier`: the name of the exercise's easier variant, offered as "Try the easier
    version" (`e`, the workout's key for it). End session is `x`, so that `e` never
    ends a session; `q` leaves and keeps the session, as on the workout."""
    red = pain is not None and pain > AMBER_MAX
    said = f"Pain {pain} of 10. " if pain is not None else ""
    # What to do, by zone (Silbernagel 2007): green carries on gently, amber only
    # if it settles, red (and an unsaid pain) stops.
    if pain is not None and pain <= GREEN_MAX:
        why = f"Fine to carry on gently with {exercise}; stop if it gets sharp. "
    elif pain is not None and not red:
        why = f"Carry on with {exercise} only if it settles; if not, skip it. "
    else:
        why = ("That is more than exercise should cause (6 or more is red): skip this "
               "exercise and ease off. " if red else "") + f"Stop this exercise ({exercise}). "
    offer = f" An easier version: {easier}." if easier else ""
    # At red, carrying on is kept (it is the person's call) but only as a listed key,
    # never a button beside skip: conservative, as red means ease off.
    carry_on = Answer(Hurt.CARRY_ON, "carry on anyway (not advised at this pain)" if red
                      else "Carry on", "c")  # fmt: skip
    easier_answer = [Answer(Hurt.EASIER, "Try the easier version", "e")] if easier else []
    return ChoiceDialog(
        f"Paused: this hurts ({pain} of 10)" if pain is not None else "Paused: this hurts",
        f"{said}{why}Sharp, shooting or radiating pain is a reason to stop, "
        f"not to push through. If pain persists, talk to a health professional.{offer}",
        [
            Answer(Hurt.SKIP, "Skip this exercise", "s"),
            *easier_answer,
            Answer(Hurt.END, "End session", "x"),
            *([] if red else [carry_on]),
        ],
        escape=Hurt.STAY_PAUSED,
        danger=Hurt.SKIP if red else Hurt.END,
        tone="-red" if red else "",
        default=Hurt.SKIP if red else None,
        keys=[
            *([carry_on] if red else []),
            Answer(Hurt.SHARP, "it is sharp, shooting or radiating: end the session", "r"),
            Answer(Hurt.QUIT, "leave now, keeping the session for later", "q"),
        ],
    )


class Waiting(Enum):
    """A paused session waits while another routine is chosen: what to do with it."""

    RESUME = "resume"
    DISCARD = "discard"
    CANCEL = "cancel"


def waiting_dialog(paused: str, where: str, starting: str) -> ChoiceDialog[Waiting]:
    return ChoiceDialog(
        "A session is waiting",
        f"{paused} is paused ({where}). Discard it and start {starting}?",
        [
            # Short labels: the question names both routines, and three buttons
            # then fit the 66 columns inside the box (a routine's name need not).
            Answer(Waiting.RESUME, "Resume it", "r"),
            Answer(Waiting.DISCARD, "Discard, start new", "d"),
            Answer(Waiting.CANCEL, "Cancel", "c"),
        ],
        escape=Waiting.CANCEL,
        danger=Waiting.DISCARD,
    )


class Unsaved(Enum):
    """Leaving the editor with changes not saved."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def health_notice() -> ChoiceDialog[bool]:
    """Shown once, on the first run; returns True once "I understand" is chosen.
    Escape does nothing: closing it is not having read it (ctrl+q still quits)."""
    return ChoiceDialog(
        "Before you start",
        HEALTH_NOTICE,
        [Answer(True, "I understand", "enter")],
        escape=None,
    )

"""Asking for a routine's name, as a modal that returns it (or None when cancelled)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..widgets.line import Line


class NameDialog(ModalScreen[str | None]):
    """`check(name)` says what is wrong with a name (None when it will do)."""

    CSS_PATH = ["dialog.tcss", "name_dialog.tcss"]

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str, *, value: str = "",
                 check: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.value = value
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -info", id="name-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.text, markup=False)
            yield Input(value=self.value, placeholder="Evening stretch", id="name-input")
            yield Line(id="name-error")
            yield Static("Enter: create · Escape: cancel", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#name-input", Input).focus()

    @on(Input.Changed, "#name-input")
    def _typed(self) -> None:
        self.query_one("#name-error", Line).show("")

    @on(Input.Submitted, "#name-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        problem = self.check(name) if self.check is not None else None
        if problem:
            self.query_one("#name-error", Line).show(problem)
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


def name_problem(name: str) -> str | None:
    """What is wrong with a new routine's name (None when it will do)."""
    from tui.core.authoring.files import AuthoringError, check_new_name

    try:
        check_new_name(name)
    except AuthoringError as error:
        return str(error)
    return None

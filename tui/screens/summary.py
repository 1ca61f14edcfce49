"""After the last step: what was done, skipped and flagged."""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.present.summary import SessionSummary


class AfterSummary(Enum):
    """Where the person goes from the summary."""

    LIBRARY = "library"
    QUIT = "quit"


class SummaryScreen(Screen[AfterSummary]):
    """Returns where to go next."""

    CSS_PATH = "summary.tcss"

    BINDINGS = [
        Binding("l,enter", "leave('library')", "Library", id="library"),
        Binding("q,escape", "leave('quit')", "Quit", id="quit"),
    ]

    def __init__(self, summary: SessionSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        s = self.summary
        with Vertical(id="summary-box"):
            yield Static(s.title, id="summary-title", markup=False)
            yield Static(s.routine, id="summary-routine", markup=False)
            for label, value in s.lines():
                # Label and value side by side: a long value wraps under itself.
                with Horizontal(classes="summary-line"):
                    yield Static(label, classes="summary-label", markup=False)
                    yield Static(value, classes="summary-value", markup=False)
            yield Static(s.closing, id="summary-closing", markup=False)
        yield Footer()

    def action_leave(self, where: str) -> None:
        """`where` is the binding's word: an `AfterSummary` value."""
        self.dismiss(AfterSummary(where))

"""Past sessions, the streak, and minutes per week."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Sparkline, Static

from tui.core.store.history import SessionRecord


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="back")]

    def __init__(
        self, records: list[SessionRecord], streak: int, weeks: list[tuple[date, float]]
    ) -> None:
        super().__init__()
        self.records = records
        self.streak = streak
        self.weeks = weeks

    def compose(self) -> ComposeResult:
        days = "day" if self.streak == 1 else "days"
        total = sum(minutes for _, minutes in self.weeks)
        with Vertical(id="history-head"):
            yield Static(
                f"Streak: {self.streak} {days} in a row · "
                f"{total:.0f} minutes in the last {len(self.weeks)} weeks",
                id="history-streak",
            )
            yield Static("Minutes per week", id="history-chart-label")
            yield Sparkline([minutes for _, minutes in self.weeks], id="history-chart")
        yield DataTable(id="history-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#history-table", DataTable)
        table.add_columns("Date", "Routine", "Minutes", "Status", "Skipped or hurt")
        for record in self.records:
            # Text cells: names are shown as written, never read as markup.
            table.add_row(*(Text(cell) for cell in record.row()))
        if not self.records:
            table.add_row("", "No sessions yet: Enter on a routine starts one.", "", "", "")
        table.focus()

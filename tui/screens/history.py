"""Past sessions (with their pain before and after, and its zone), the streak,
and minutes per week; tabs for the last 12 weeks as a calendar, for the pain
before and after each session in those weeks as a chart (`present.charts`;
textual-plotext imported only then), and for each exercise (sessions, skips,
`!`, the worst pain during it), each read in a thread worker the first time
its tab opens (counted in SQL, or the 12 weeks' check-ins only, not loaded).

The table is filled a page at a time: the first `PAGE` sessions come with the
screen (read, without their steps, in the app's worker), and the next page is
read in a thread worker when the cursor nears the last row loaded. So opening
it costs the same with 5,000 sessions as with 10 (it froze 6-7 s when every
session and its steps were read and put in the table at once).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from tui.core.present.calendar import WEEKS, Day, calendar_grid, week_strip_label
from tui.core.present.charts import Chart, pain_chart, window_start
from tui.core.present.pain import cell_zone, pains_by_session
from tui.core.programme.zones import red_days, zone
from tui.core.store.active import running_elsewhere
from tui.core.store.checkins import ExerciseStats
from tui.core.store.database import NullStore, Store
from tui.core.store.record import SessionRecord
from tui.core.words import count, minutes_count

from ..widgets.day_grid import DayGrid
from ..widgets.week_strip import WeekStrip
from .history_columns import Fitted, fit

#: A pain cell's colour, from its zone (`pain.cell_zone`).
PAIN_STYLE = {"green": "green", "amber": "yellow", "red": "bold red"}
#: Sessions read at a time.
PAGE = 100
#: A new page is read when the cursor comes this close to the last row loaded.
NEAR_END = 20

#: (offset, limit) -> that window of sessions, newest first (run in a thread).
Pager = Callable[[int, int], list[SessionRecord]]
#: Session ids -> the pain cell of each that has check-ins (`asking.pain_cell`; in a thread).
Pains = Callable[[list[int | None]], dict[int | None, str]]


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="back"),
        Binding("1", "show_tab('tab-sessions')", "Sessions", id="sessions"),
        Binding("2", "show_tab('tab-calendar')", "Calendar", id="calendar"),
        Binding("3", "show_tab('tab-pain')", "Pain", id="pain"),
        Binding("4", "show_tab('tab-exercises')", "Exercises", id="exercises"),
    ]

    def __init__(
        self,
        records: list[SessionRecord],
        streak: int,
        weeks: list[tuple[date, float]],
        *,
        count: int | None = None,
        more: Pager | None = None,
        pains: dict[int | None, str] | None = None,
        tell: Pains | None = None,
        calendar: Callable[[], list[list[Day]]] | None = None,
        exercises: Callable[[], list[ExerciseStats]] | None = None,
        pain: Callable[[], Chart] | None = None,
        elsewhere: int | None = None,
    ) -> None:
        super().__init__()
        #: The session open in another spinewise that still runs: "in progress".
        self.elsewhere = elsewhere
        self.records = list(records)
        self.streak = streak
        self.weeks = weeks
        #: Every session there is to show; `records` holds those loaded so far.
        self.count = len(records) if count is None else count
        self._more = more
        #: The pain cell of each session loaded that has check-ins, and how to read more.
        self.pains = dict(pains or {})
        self._tell = tell
        #: What the Calendar, Pain and Exercises tabs show, read when each first opens.
        given = {"tab-calendar": calendar, "tab-pain": pain, "tab-exercises": exercises}
        self._tabs: dict[str, Callable[[], object]] = {
            tab: read for tab, read in given.items() if read is not None
        }
        self._reading = False
        #: The Sessions table's columns as last fitted to its width (`history_columns`).
        self._fitted: Fitted | None = None

    def compose(self) -> ComposeResult:
        total = sum(minutes for _, minutes in self.weeks)
        with Vertical(id="history-head"):
            yield Static(
                f"Streak: {count(self.streak, 'day')} in a row · "
                f"{minutes_count(total)} in the last {count(len(self.weeks), 'week')}",
                id="history-streak",
            )
            yield Static(week_strip_label(self.weeks), id="history-chart-label")
            yield WeekStrip([minutes for _, minutes in self.weeks], id="history-chart")
            if self.weeks:
                # The weeks under the chart: its first and its last (this week).
                with Horizontal(id="history-weeks"):
                    first, last = self.weeks[0][0], self.weeks[-1][0]
                    yield Static(f"week of {first:%d %b %Y}", id="history-first-week")
                    yield Static(f"week of {last:%d %b %Y}", id="history-last-week")
        with TabbedContent(id="history-tabs"):
            with TabPane("Sessions", id="tab-sessions"):
                yield DataTable(id="history-table", cursor_type="row")
            with TabPane("Calendar", id="tab-calendar"):
                yield DayGrid("Reading…", id="history-calendar")
            with TabPane("Pain", id="tab-pain"), Vertical(id="history-pain"):
                yield Static("Reading…", id="history-pain-note")
            with TabPane("Exercises", id="tab-exercises"):
                yield DataTable(id="history-exercises", cursor_type="row")
        yield Footer()

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#history-tabs", TabbedContent).active = tab

    @on(TabbedContent.TabActivated, "#history-tabs")
    def _tab_opened(self, event: TabbedContent.TabActivated) -> None:
        tab = event.pane.id or ""
        read = self._tabs.pop(tab, None)
        if read is not None:
            self._read_tab(tab, read)
        target = {"tab-sessions": "#history-table", "tab-exercises": "#history-exercises"}
        if tab in target:
            self.query_one(target[tab]).focus()

    @work(thread=True, group="history-tab", exit_on_error=False)
    def _read_tab(self, tab: str, read: Callable[[], object]) -> None:
        found = read()
        self.app.call_from_thread(self._show_tab_data, tab, found)

    def _show_tab_data(self, tab: str, found: object) -> None:
        if tab == "tab-calendar":
            self.query_one("#history-calendar", DayGrid).show_days(cast("list[list[Day]]", found))
            return
        if tab == "tab-pain":
            self._show_pain(cast(Chart, found))
            return
        table = self.query_one("#history-exercises", DataTable)
        stats = cast("list[ExerciseStats]", found)
        if not stats:
            table.add_row("No exercises done yet.", "", "", "", "")
        table.add_rows(
            [Text(e.exercise), str(e.sessions), str(e.skipped), str(e.hurt),
             "" if e.worst_pain is None else f"{e.worst_pain} ({zone(e.worst_pain).value})"]
            for e in stats
        )  # fmt: skip

    def _show_pain(self, chart: Chart) -> None:
        """The chart above its note; with no answers, a sentence alone (no empty axes)."""
        note = self.query_one("#history-pain-note", Static)
        if chart.empty is not None:
            note.update(chart.empty)
            return
        from ..widgets.chart_plot import ChartPlot  # plotext: only now

        self.query_one("#history-pain", Vertical).mount(
            ChartPlot(chart, id="history-pain-chart"), before=note
        )
        note.update(chart.note)

    def on_mount(self) -> None:
        table = self.query_one("#history-table", DataTable)
        self.query_one("#history-exercises", DataTable).add_columns(
            "Exercise", "Sessions", "Skipped", "Hurt (!)", "Worst pain"
        )
        self._fit_sessions()
        table.focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_sessions)  # once laid out: the table's new width

    def _cells(self, record: SessionRecord) -> list[Text]:
        """A session's row. Text cells: names are shown as written, never read as markup."""
        record = record.as_shown(self.elsewhere)  # in progress in another spinewise
        when, routine, minutes, status, notes = (Text(cell) for cell in record.row())
        pain = self.pains.get(record.id, "")
        style = PAIN_STYLE.get(cell_zone(pain), "")
        return [when, routine, minutes, status, Text(pain, style=style), notes]

    def _fit_sessions(self) -> bool:
        """The Sessions table's columns fitted to its width (`history_columns.fit`), and
        its rows put back under them (each as tall as its wrapped cells) when the fit
        changed; the cursor stays on its row. True when it changed."""
        table = self.query_one("#history-table", DataTable)
        rows = self._rows()
        fitted = fit(rows, table.size.width or self.app.size.width, table.cell_padding)
        if fitted == self._fitted:
            return False
        self._fitted, at = fitted, table.cursor_row
        table.clear(columns=True)
        for label, width in zip(fitted.labels, fitted.widths, strict=True):
            table.add_column(label, width=width)
        for cells in rows:
            table.add_row(*cells, height=None)
        table.move_cursor(row=at)
        return True

    def _rows(self) -> list[list[Text]]:
        if not self.records:
            empty = Text("No sessions yet: Enter on a routine starts one.")
            return [[Text(""), empty, *(Text("") for _ in range(4))]]
        return [self._cells(record) for record in self.records]

    def _add_rows(self, records: list[SessionRecord]) -> None:
        """A page read later: below the rest, or all again when it widens a column."""
        if self._fit_sessions():
            return
        table = self.query_one("#history-table", DataTable)
        for record in records:
            table.add_row(*self._cells(record), height=None)

    @on(DataTable.RowHighlighted, "#history-table")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        loaded = len(self.records)
        if event.cursor_row >= loaded - NEAR_END and loaded < self.count:
            self.read_more()

    def read_more(self) -> None:
        """Read the next page in a thread (once at a time), then add its rows."""
        if self._more is not None and not self._reading and len(self.records) < self.count:
            self._reading = True
            self._read(self._more, len(self.records))

    @work(thread=True, group="history-page", exit_on_error=False, description="a history page")
    def _read(self, more: Pager, offset: int) -> None:
        try:
            page = more(offset, PAGE)
            pains = {} if self._tell is None else self._tell([record.id for record in page])
        finally:
            self.app.call_from_thread(self._reading_done)
        self.app.call_from_thread(self._append, offset, page, pains)

    def _reading_done(self) -> None:
        self._reading = False

    def _append(self, offset: int, page: list[SessionRecord], pains: dict[int | None, str]) -> None:
        if offset != len(self.records):
            return  # already added
        self.pains.update(pains)
        if not page:
            self.count = len(self.records)  # fewer than counted: some were deleted
            return
        self.records.extend(page)
        self._add_rows(page)


def history_screen(store: Store | NullStore, today: date | None = None) -> HistoryScreen:
    """The screen with its first page read from `store` (run it in a thread): the
    sessions, paused ones too, without their steps; the rest are counted in SQL.
    A `NullStore` (the file could not be opened to write) gives way to the file
    opened read-only. Raises `StoreError` with one sentence."""
    if not store.available:
        store = Store.read_only()

    def more(offset: int, limit: int) -> list[SessionRecord]:
        return store.history(limit, include_active=True, offset=offset, steps=False)

    def tell(ids: list[int | None]) -> dict[int | None, str]:
        return pains_by_session(store.checkins(ids))

    def calendar() -> list[list[Day]]:
        day = today or date.today()
        since = datetime.combine(day - timedelta(weeks=WEEKS), datetime.min.time()).timestamp()
        red = red_days(store.checkins(since=since))
        return calendar_grid(store.daily_minutes(since), red, day)

    def pain() -> Chart:
        day = today or date.today()
        since = datetime.combine(window_start(day) - timedelta(days=1), datetime.min.time())
        given = store.checkins(since=since.timestamp())
        return pain_chart(given, day, previews=store.preview_ids(since.timestamp()))

    first = more(0, PAGE)
    count = store.count_sessions(include_active=True) if len(first) == PAGE else len(first)
    return HistoryScreen(
        first, store.streak(today), store.minutes_per_week(today=today), count=count, more=more,
        pains=tell([record.id for record in first]), tell=tell,
        calendar=calendar, exercises=store.exercise_stats, pain=pain,
        elsewhere=running_elsewhere(store),
    )  # fmt: skip

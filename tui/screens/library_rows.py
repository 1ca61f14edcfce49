"""What a row of the routine library shows of a routine: read (valid or not), or
only listed so far from the cache (`catalog.listing`), its time "…" until known;
and how the rows are put in the table: a batch per refresh, since Textual
measures every new row when it next paints (1,000 rows at once held the first
paint some 0.5 s, measured).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import DataTable

from tui.core.catalog.entries import CatalogEntry, Invalid
from tui.core.catalog.listing import Listing
from tui.core.present.preview import DosePreview, exercise_lines
from tui.core.routine.models import format_clock
from tui.core.words import count

from .library_today import TodayRow, today_preview

#: A row of the library: a routine read (valid or not), or only listed so far; first,
#: while a plan runs, the Today row.
Shown = CatalogEntry | Listing | TodayRow
#: What the library is given: its routines, or a loader to run in a worker.
Catalog = list[CatalogEntry] | Callable[[], list[CatalogEntry]]
#: The time of a routine not read yet.
NOT_KNOWN = "…"
#: Rows put in the table at a time.
BATCH = 50
#: The library's columns: name, time and level are read whole at 80x24 (issue 14 for
#: the first two; the level was cut there, issue 16); the tags last, cut with "…"
#: where the width runs out (the preview shows them whole).
COLUMNS = ("Routine", "Time", "Level", "Tags")
TAGS = COLUMNS.index("Tags")
NAME = COLUMNS.index("Routine")
#: A routine's name is cut (with "…") only where a long one would push the level
#: out of an 80-column terminal (issue 16, reported again), never below this many
#: cells (the preview shows it whole); the tags keep this many while it is cut.
NAME_MIN = 16
TAGS_KEEP = 16
#: Columns kept for the table's vertical scrollbar.
SCROLLBAR = 2
#: The library's title bar: the way out is said where it is never cut off.
TITLE = "spinewise · choose a routine · ctrl+q quits"


def row_cells(entry: Shown) -> tuple[Text, str, str, Text]:
    """Routine, time, level, tags (`COLUMNS`). Text cells: names and tags are shown as
    written, never read as markup; tags too long for their column end in "…"."""
    if isinstance(entry, TodayRow):
        time = "" if entry.seconds is None or not entry.due else format_clock(entry.seconds)
        return _name(entry.name, style="bold"), time, "", _tags(entry.plan.programme.name)
    if isinstance(entry, Invalid) or (isinstance(entry, Listing) and entry.error):
        return _name(entry.ref.id), "", "", _tags("invalid")
    if isinstance(entry, Listing):
        time = NOT_KNOWN if entry.total_seconds is None else format_clock(entry.total_seconds)
        return _name(entry.name or entry.ref.id), time, entry.level or "", _tags(*entry.tags)
    routine = entry.routine
    return (_name(routine.name), format_clock(entry.total_seconds), routine.level or "",
            _tags(*routine.tags))  # fmt: skip


def _name(name: str, style: str = "") -> Text:
    return Text(name, style=style, no_wrap=True, overflow="ellipsis")


def _tags(*tags: str) -> Text:
    return Text(", ".join(tags), no_wrap=True, overflow="ellipsis")


def preview_texts(entry: Shown | None, dose: DosePreview | None = None
                  ) -> tuple[str, str, str, str, str]:
    """What the preview beside the rows shows of `entry`: name, meta (level, time,
    exercises, where from, tags), summary, caution, exercises; at today's `dose`
    when given (`present.preview.dose_preview`: some exercise past stage 0), else
    as written."""
    if entry is None:
        return "No routine matches.", "", "", "", ""
    if isinstance(entry, TodayRow):
        name, meta, summary, exercises = today_preview(entry, dose)
        return name, meta, summary, "", exercises
    if isinstance(entry, Listing):
        return (entry.name or entry.ref.id, f"{entry.level or 'any level'} · {entry.ref.origin}",
                entry.error or entry.summary, "", "Reading this routine…")  # fmt: skip
    if isinstance(entry, Invalid):
        where = ("This file has mistakes" if entry.error_file == str(entry.ref.path)
                 else "The exercise library it is read with has mistakes")  # fmt: skip
        return (entry.ref.id, f"{entry.ref.origin} · {entry.ref.path}",
                f"{where}:\n{entry.error}",
                f"Fix them, then check: spinewise check {entry.error_file}", "")  # fmt: skip
    routine = entry.routine
    seconds = entry.total_seconds if dose is None else dose.total_seconds
    meta = (f"{routine.level or 'any level'} · {format_clock(seconds)} · "
            f"{count(len(routine.exercises), 'exercise')} · {entry.ref.origin}"
            + "".join(f" · {', '.join(routine.tags)}" for _ in routine.tags[:1]))  # fmt: skip
    exercises = exercise_lines(routine) if dose is None else dose.exercises
    caution = f"Caution: {routine.caution}" if routine.caution else ""
    return routine.name, meta, routine.summary, caution, exercises


class BatchedRows:
    """Fills a routine table a `BATCH` of rows per refresh; a new fill stops the last."""

    def __init__(self, table: DataTable[object]) -> None:
        self.table = table
        self._round = 0
        #: The width the columns were last fitted to.
        self.room = 0

    def room_now(self) -> int:
        """The table's width (the screen's, before its first layout)."""
        return self.table.size.width or self.table.app.size.width

    def fill(self, entries: Sequence[Shown], at_least: int = 0) -> None:
        """The rows of `entries`, the first `at_least` + 1 (a row to select) at once."""
        self._round += 1
        self.room = self.room_now()
        set_columns(self.table, entries, self.room)
        self._add(entries, 0, max(BATCH, at_least + 1), self._round)

    def _add(self, entries: Sequence[Shown], start: int, count: int, round: int) -> None:
        if round != self._round or start >= len(entries):
            return
        self.table.add_rows(row_cells(entry) for entry in entries[start : start + count])
        self.table.call_after_refresh(self._add, entries, start + count, BATCH, round)


def set_columns(table: DataTable[object], entries: Sequence[Shown], room: int = 0) -> None:
    """Empty `table`, under `COLUMNS` exactly as wide as the widest cell of `entries`,
    the tags narrowed, then a long name (to `NAME_MIN`), so that every column fits
    in `room` cells (0: no limit): time and level are always whole.

    The widths are set before any row is added: left to the table, they were
    measured only after a first paint, whose rows (cut to the width of each
    column's label: "15:5", "core") it kept drawing from its cache at 80x24.
    """
    rows = [row_cells(entry) for entry in entries]
    table.clear(columns=True)
    widths = [
        max(len(label), max((Text(str(row[index])).cell_len for row in rows), default=0))
        for index, label in enumerate(COLUMNS)
    ]
    if room:
        def over() -> int:
            return max(0, sum(widths) + 2 * table.cell_padding * len(COLUMNS) + SCROLLBAR - room)

        # The tags give way first, to `TAGS_KEEP`; then a long name, to `NAME_MIN`;
        # then the tags again, to their heading.
        widths[TAGS] = max(min(TAGS_KEEP, widths[TAGS]), widths[TAGS] - over())
        widths[NAME] = max(min(NAME_MIN, widths[NAME]), widths[NAME] - over())
        widths[TAGS] = max(len(COLUMNS[TAGS]), widths[TAGS] - over())
    for label, width in zip(COLUMNS, widths, strict=True):
        table.add_column(label, width=width)


#: The Today row's key (no routine id holds a NUL).
TODAY_KEY = "\0today"


def row_key(entry: Shown) -> str:
    """What keeps a row selected across refills: its routine's id; the Today row's own."""
    return TODAY_KEY if isinstance(entry, TodayRow) else entry.ref.id

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
from tui.core.routine.models import format_clock

#: A row of the library: a routine read (valid or not), or only listed so far.
Shown = CatalogEntry | Listing
#: What the library is given: its routines, or a loader to run in a worker.
Catalog = list[CatalogEntry] | Callable[[], list[CatalogEntry]]
#: The time of a routine not read yet.
NOT_KNOWN = "…"
#: Rows put in the table at a time.
BATCH = 50
#: The library's columns: name, time and tags first, as they must be read whole at
#: 80x24 (the level, cut there, is also in the preview), issue 14.
COLUMNS = ("Routine", "Time", "Tags", "Level")
#: The library's title bar: the way out is said where it is never cut off.
TITLE = "spinewise · choose a routine · ctrl+q quits"


def row_cells(entry: Shown) -> tuple[Text, str, Text, str]:
    """Routine, time, tags, level (`COLUMNS`). Text cells: names and tags are shown as
    written, never read as markup."""
    if isinstance(entry, Invalid) or (isinstance(entry, Listing) and entry.error):
        return Text(entry.ref.id), "", Text("invalid"), ""
    if isinstance(entry, Listing):
        time = NOT_KNOWN if entry.total_seconds is None else format_clock(entry.total_seconds)
        tags = Text(", ".join(entry.tags))
        return Text(entry.name or entry.ref.id), time, tags, entry.level or ""
    routine = entry.routine
    return (Text(routine.name), format_clock(entry.total_seconds),
            Text(", ".join(routine.tags)), routine.level or "")  # fmt: skip


class BatchedRows:
    """Fills a routine table a `BATCH` of rows per refresh; a new fill stops the last."""

    def __init__(self, table: DataTable[object]) -> None:
        self.table = table
        self._round = 0

    def fill(self, entries: Sequence[Shown], at_least: int = 0) -> None:
        """The rows of `entries`, the first `at_least` + 1 (a row to select) at once."""
        self._round += 1
        set_columns(self.table, entries)
        self._add(entries, 0, max(BATCH, at_least + 1), self._round)

    def _add(self, entries: Sequence[Shown], start: int, count: int, round: int) -> None:
        if round != self._round or start >= len(entries):
            return
        self.table.add_rows(row_cells(entry) for entry in entries[start : start + count])
        self.table.call_after_refresh(self._add, entries, start + count, BATCH, round)


def set_columns(table: DataTable[object], entries: Sequence[Shown]) -> None:
    """Empty `table`, under `COLUMNS` exactly as wide as the widest cell of `entries`.

    The widths are set before any row is added: left to the table, they were
    measured only after a first paint, whose rows (cut to the width of each
    column's label: "15:5", "core") it kept drawing from its cache at 80x24.
    """
    rows = [row_cells(entry) for entry in entries]
    table.clear(columns=True)
    for index, label in enumerate(COLUMNS):
        widest = max((Text(str(row[index])).cell_len for row in rows), default=0)
        table.add_column(label, width=max(len(label), widest))

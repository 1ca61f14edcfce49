"""What a row of the routine library shows of a routine: read (valid or not), or
only listed so far from the cache (`catalog.listing`), its time "…" until known."""

from __future__ import annotations

from rich.text import Text

from tui.core.catalog.entries import CatalogEntry, Invalid
from tui.core.catalog.listing import Listing
from tui.core.routine.models import format_clock

#: A row of the library: a routine read (valid or not), or only listed so far.
Shown = CatalogEntry | Listing
#: The time of a routine not read yet.
NOT_KNOWN = "…"


def row_cells(entry: Shown) -> tuple[Text, str, str, Text]:
    """Routine, level, time, tags. Text cells: names and tags are shown as written,
    never read as markup."""
    if isinstance(entry, Invalid) or (isinstance(entry, Listing) and entry.error):
        return Text(entry.ref.id), "invalid", "", Text("")
    if isinstance(entry, Listing):
        time = NOT_KNOWN if entry.total_seconds is None else format_clock(entry.total_seconds)
        tags = Text(", ".join(entry.tags))
        return Text(entry.name or entry.ref.id), entry.level or "", time, tags
    routine = entry.routine
    return (Text(routine.name), routine.level or "", format_clock(entry.total_seconds),
            Text(", ".join(routine.tags)))  # fmt: skip

"""`spinewise history export`: sessions as CSV (one row a session, for a
spreadsheet) or JSON Lines (every session with its steps and check-ins, then
the check-ins that stand alone). Text only: the command writes it.

Dates are ISO 8601 with the local offset (`2026-03-02T07:30:00+01:00`), so a
file read elsewhere, or after a clock change, still says when.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import tzinfo

from tui.core.present.pain import session_pain
from tui.core.present.session_text import IsoDates, jsonl_session
from tui.core.programme.zones import CheckIn
from tui.core.store.record import NAMES_SEP, SessionRecord

CSV_COLUMNS = (
    "started_at", "date", "time", "routine", "minutes", "status", "pain_before",
    "pain_after", "zone", "effort", "next_day_change", "skipped", "hurt", "sharp_pain",
    "notes",
)  # fmt: skip
FORMATS = ("csv", "jsonl")
#: Written first in a CSV file (`-o`), never to standard output: Excel on Windows
#: reads a CSV file without one in the local code page ("Café" as "CafÃ©"), while
#: a program reading standard output (csv, pandas, awk) would take it as part of
#: the first column's name.
BOM = "\ufeff"
#: Between the items of a list in one CSV cell (names, notes): `record.NAMES_SEP`, as
#: the history table joins names. An item holding ";" or '"', or starting or ending
#: with a space, is quoted, its '"' doubled (as CSV quotes a cell), so a name such as
#: "Side plank; knees" reads as one item however a spreadsheet splits the cell (found
#: by a tester).
LIST_SEP = NAMES_SEP


def iso(epoch: float | None, tz: tzinfo | None = None) -> str | None:
    """Epoch seconds as ISO 8601 with the offset of `tz` (the local zone by default),
    as `session_text.IsoDates` writes every date."""
    return IsoDates(tz).text(epoch)


def cell_list(items: Iterable[str]) -> str:
    """Items in one cell, `LIST_SEP` between: `Plank; "Side plank; knees"`."""
    shown = []
    for item in items:
        if ";" in item or '"' in item or item != item.strip():
            item = '"' + item.replace('"', '""') + '"'
        shown.append(item)
    return LIST_SEP.join(shown)


def csv_row(
    record: SessionRecord, checkins: Sequence[CheckIn], tz: tzinfo | None = None
) -> list[str]:
    """One session's row of `CSV_COLUMNS`: when it started (ISO 8601, and the local
    date, YYYY-MM-DD, and time, HH:MM, for a spreadsheet to sort and filter by), the
    last pain before and after, the zone of the worst (`pain.session_pain`, as the
    tables show them), the exercises of a sharp `!` pain ("?": none named) and the
    check-ins' notes, each after its kind ("after: stiff"), in `cell_list`s."""
    pain = session_pain(checkins)
    before, after, zone, change = pain.before, pain.after, pain.zone, pain.change
    started = iso(record.started_at, tz) or ""
    return [
        started,
        started[:10],
        started[11:16],
        record.routine_name,
        f"{record.minutes:.1f}",
        record.outcome,  # as history shows it (`engine.credit`)
        "" if before is None else str(before),
        "" if after is None else str(after),
        "" if zone is None else zone.value,
        "" if pain.effort is None else pain.effort.value,
        "" if change is None else change.value,
        cell_list(record.skipped),
        cell_list(record.hurt),
        cell_list(name or "?" for name in record.sharp),
        cell_list(f"{c.kind.value}: {c.note}" for c in checkins if c.note),
    ]


def csv_text(
    records: Iterable[SessionRecord],
    checkins: Mapping[int | None, Sequence[CheckIn]],
    tz: tzinfo | None = None,
    *,
    bom: bool = False,
) -> Iterator[str]:
    """The CSV, a header then a row a session, as pieces of text; with `bom`, a UTF-8
    byte order mark first (`BOM`)."""
    buffer = io.StringIO()
    if bom:
        buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(csv_row(record, checkins.get(record.id, ()), tz))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_text(
    sessions: Iterable[tuple[SessionRecord, str | None, str | None]],
    standalone: Iterable[str],
    dates: IsoDates,
) -> Iterator[str]:
    """A line a session (`"type": "session"`, with steps and check-ins), then a line
    for each check-in that belongs to no session (`"type": "checkin"`). `sessions`
    as `Store.each_session_json(json_rows.LINES, dates)` gives them, `standalone`
    as `Store.standalone_json(dates)`; each session's line as
    `session_text.jsonl_session` writes it."""
    for record, steps, told in sessions:
        yield jsonl_session(record, steps, told, dates)
    yield from standalone


def by_session(checkins: Iterable[CheckIn]) -> dict[int | None, list[CheckIn]]:
    grouped: dict[int | None, list[CheckIn]] = {}
    for c in checkins:
        grouped.setdefault(c.session_id, []).append(c)
    return grouped

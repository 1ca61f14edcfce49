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
    "date", "routine", "minutes", "status", "pain_before", "pain_after", "zone", "effort",
    "next_day_change", "skipped", "hurt",
)  # fmt: skip
FORMATS = ("csv", "jsonl")


def iso(epoch: float | None, tz: tzinfo | None = None) -> str | None:
    """Epoch seconds as ISO 8601 with the offset of `tz` (the local zone by default),
    as `session_text.IsoDates` writes every date."""
    return IsoDates(tz).text(epoch)


def csv_row(
    record: SessionRecord, checkins: Sequence[CheckIn], tz: tzinfo | None = None
) -> list[str]:
    """One session's row of `CSV_COLUMNS`: the last pain before and after, and the
    zone of the worst (`pain.session_pain`, as the tables show them)."""
    pain = session_pain(checkins)
    before, after, zone, change = pain.before, pain.after, pain.zone, pain.change
    return [
        iso(record.started_at, tz) or "",
        record.routine_name,
        f"{record.minutes:.1f}",
        record.outcome,  # as history shows it (`engine.credit`)
        "" if before is None else str(before),
        "" if after is None else str(after),
        "" if zone is None else zone.value,
        "" if pain.effort is None else pain.effort.value,
        "" if change is None else change.value,
        NAMES_SEP.join(record.skipped),  # in one cell, as the history table joins them
        NAMES_SEP.join(record.hurt),
    ]


def csv_text(
    records: Iterable[SessionRecord],
    checkins: Mapping[int | None, Sequence[CheckIn]],
    tz: tzinfo | None = None,
) -> Iterator[str]:
    """The CSV, a header then a row a session, as pieces of text."""
    buffer = io.StringIO()
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

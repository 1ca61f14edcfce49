"""Every session with its steps as raw rows, for the writers of whole histories
(`history --json`, `history export --format jsonl`).

Those outputs hold every step, so their cost is the steps': at 1,825 sessions
of 58 steps (105,850 rows) making a `StepRecord` of each row took 0.56 s of a
6.2 s profile and `json.dumps(indent=2)` 4.9 s. Here a page of sessions is read
with one query and its steps with one more (two cursors merged by session id,
none a session), and each step stays the tuple SQLite gives, in `STEP_FIELDS`
order, for `present.session_text` to format straight into text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.store.record import SessionRecord

#: One step row: its fields, in the order and with the names of `StepRecord.to_json`.
#: Numbers that may be missing (set, rep, planned_seconds) come as the text "null",
#: JSON's word, so that a writer puts every number in with "%s" (str of an int or a
#: float is its JSON); side, phase and ended_at as None; skipped and hurt as 0 or 1.
STEP_FIELDS = (
    "index", "kind", "exercise", "set", "rep", "side", "phase", "planned_seconds",
    "started_at", "ended_at", "skipped", "hurt",
)  # fmt: skip
_STEP_SQL = (
    "step_index, kind, exercise, coalesce(set_no, 'null'), coalesce(rep, 'null'),"
    " side, phase, coalesce(planned_seconds, 'null'), started_at, ended_at,"
    " skipped != 0, hurt != 0, session_id, id"
)
_SESSION, _ID = len(STEP_FIELDS), len(STEP_FIELDS) + 1

#: A step row: the values of `STEP_FIELDS`, then two more (its session's id and its own).
StepRow = tuple[Any, ...]
#: A session and its step rows.
Paged = tuple["SessionRecord", list[StepRow]]


def page_with_rows(
    conn: sqlite3.Connection, limit: int, offset: int, *, include_active: bool
) -> list[tuple[SessionRecord, list[StepRow]]]:
    """Sessions newest first (`history.load_sessions`, without `StepRecord`s), each
    with its step rows in the order they were entered."""
    from tui.core.store.history import load_sessions

    sessions = load_sessions(
        conn, limit, include_active=include_active, offset=offset, steps=False
    )
    if not sessions:
        return []
    ids = [record.id for record in sessions if record.id is not None]  # read: all stored
    found: dict[int | None, list[StepRow]] = {sid: [] for sid in ids}
    marks = ", ".join("?" * len(ids))
    # No ORDER BY: sorting 29,000 rows of a page by id in SQLite took 0.12 s of 0.18;
    # the index gives them by session, and each session's few are sorted here.
    for row in conn.execute(f"SELECT {_STEP_SQL} FROM steps WHERE session_id IN ({marks})", ids):
        found[row[_SESSION]].append(row)
    by_id = itemgetter(_ID)
    for rows in found.values():
        rows.sort(key=by_id)  # in the order entered: going back makes a new row
    return [(record, found.get(record.id, [])) for record in sessions]


class RowMethods:
    """`Store.each_session_rows` (a mixin: `Store` supplies `_read`)."""

    if TYPE_CHECKING:

        def _read(self, read: Callable[[sqlite3.Connection], Any]) -> Any: ...


    def each_session_rows(
        self, page: int = 100, *, include_active: bool = False
    ) -> Iterator[tuple[SessionRecord, list[StepRow]]]:
        """Every ended session (and the active one, if `include_active`), newest first,
        with its step rows, read `page` sessions at a time (each page as one read, so
        damage or undecodable text is handled as in any read of the store)."""
        offset = 0
        while True:

            def read(conn: sqlite3.Connection, at: int = offset) -> list[Paged]:
                return page_with_rows(conn, page, at, include_active=include_active)

            batch: list[Paged] = self._read(read)
            if not batch:
                return
            yield from batch
            offset += len(batch)

"""Check-ins kept in the session database: how the back was before, during and
after a session, the next morning, or on a day without one.

The table comes with migration 2 (`schema`). The rules (zones, where a
`spinewise checkin` goes) are in `tui.core.programme.zones`; this module only
stores and reads. `CheckInMethods` gives `Store` its check-in methods, run in
the store's lock and write transactions like the rest; `ProgressMethods`, what
the answers change (progression, migration 5: the rows and the judging are
`stage_rows`, imported when first used; only the read of today's stages is
here, as the Store is opened before a workout's first frame).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from tui.core.store.schema import by_name

if TYPE_CHECKING:  # the Store is opened before a workout's first frame; the zones are not
    from datetime import tzinfo

    from tui.core.programme.deciding import Facts
    from tui.core.programme.progression import Decision
    from tui.core.programme.stages import Stage, StartedStage
    from tui.core.programme.zones import CheckIn, LastSession
    from tui.core.store.stage_rows import LogEntry

T = TypeVar("T")
_COLUMNS = "id, session_id, kind, at, pain, change, effort, exercise, note, sharp"


class CheckInMethods:
    """The check-in methods of `Store` (a mixin: it supplies `_read` and `_write`)."""

    if TYPE_CHECKING:

        def _read(self, read: Callable[[sqlite3.Connection], T]) -> T: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def add_checkin(self, checkin: CheckIn) -> int:
        """Store `checkin`; its new id. IntegrityError for a pain off 0-10 (a bug)."""
        with self._write() as conn:
            return insert(conn, checkin)

    def replace_checkin(self, checkin_id: int, checkin: CheckIn) -> int:
        """Keep `checkin` in place of the row `checkin_id` (a later answer to the same
        question); its id: a new one when that row is gone (deleted meanwhile)."""
        with self._write() as conn:
            conn.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,))
            return insert(conn, checkin)

    def checkins(
        self, session_ids: Iterable[int | None] | None = None, *, since: float | None = None
    ) -> list[CheckIn]:
        """Check-ins oldest first: of the sessions given, or all (from epoch `since`)."""
        return self._read(lambda conn: select(conn, session_ids, since))

    def standalone(self, last: int) -> tuple[int, list[CheckIn]]:
        """How many check-ins belong to no session (`spinewise checkin` with none in the
        last 24 hours), and the `last` latest of them, oldest first."""

        def read(conn: sqlite3.Connection) -> tuple[int, list[CheckIn]]:
            (total,) = conn.execute(
                "SELECT count(*) FROM checkins WHERE session_id IS NULL").fetchone()
            rows = by_name(conn.execute(
                f"SELECT {_COLUMNS} FROM checkins WHERE session_id IS NULL"
                " ORDER BY at DESC, id DESC LIMIT ?", (max(0, last),)))  # fmt: skip
            return int(total), [_checkin(row) for row in reversed(list(rows))]

        return self._read(read)

    def replace_next_day(self, c: CheckIn) -> list[CheckIn]:
        """Keep the next-morning answer `c` in place of its session's earlier ones
        (answered or dismissed), in one transaction: the earlier ones, oldest first."""
        with self._write() as conn:
            earlier = [e for e in select(conn, [c.session_id], None) if e.kind.value == "next-day"]
            conn.execute("DELETE FROM checkins WHERE session_id = ? AND kind = ?",
                         (c.session_id, "next-day"))  # fmt: skip
            insert(conn, c)
        return earlier

    def last_session(self, *, counting: bool = False) -> LastSession | None:
        """The most recently started session that has ended, with what it was told;
        with `counting`, the most recent that counts (no preview: `engine.credit`)."""
        return self._read(lambda conn: last_session(conn, counting=counting))

    def preview_ids(self, since: float) -> set[int]:
        """The previews (`engine.credit`) among the sessions of the check-ins given
        from epoch `since`: the Pain chart leaves their answers out."""
        return self._read(lambda conn: preview_ids(conn, since))

    def daily_minutes(self, since: float) -> dict[date, float]:
        return self._read(lambda conn: daily_minutes(conn, since))

    def exercise_stats(self) -> list[ExerciseStats]:
        return self._read(lambda conn: exercise_stats(conn))


def insert(conn: sqlite3.Connection, c: CheckIn) -> int:
    cursor = conn.execute(
        f"INSERT INTO checkins ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (c.session_id, c.kind.value, c.at, c.pain, None if c.change is None else c.change.value,
         None if c.effort is None else c.effort.value, c.exercise, c.note,
         None if c.sharp is None else int(c.sharp)),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def select(
    conn: sqlite3.Connection, session_ids: Iterable[int | None] | None, since: float | None
) -> list[CheckIn]:
    # A next-morning question dismissed (Enter) is kept only so it is not asked
    # again (`last_session` reads it); it is no answer: never read back as one.
    sql, params = (
        f"SELECT {_COLUMNS} FROM checkins WHERE at >= ?"
        " AND NOT (kind = 'next-day' AND change IS NULL AND pain IS NULL)",
        [since or float("-inf")],
    )
    if session_ids is not None:  # a session not stored (id None) has none
        ids = [int(i) for i in session_ids if i is not None]
        if not ids:
            return []
        sql += f" AND session_id IN ({', '.join('?' * len(ids))})"
        params += ids
    rows = by_name(conn.execute(sql + " ORDER BY at, id", params))
    return [_checkin(row) for row in rows]


def last_session(conn: sqlite3.Connection, *, counting: bool = False) -> LastSession | None:
    from tui.core.engine.credit import counting_sql
    from tui.core.programme.zones import LastSession

    which = f" AND {counting_sql('s.speed')}" if counting else ""
    row = conn.execute(
        "SELECT s.id, s.ended_at,"
        " EXISTS (SELECT 1 FROM checkins c WHERE c.session_id = s.id AND c.kind = 'after'),"
        " EXISTS (SELECT 1 FROM checkins c WHERE c.session_id = s.id AND c.kind = 'next-day'),"
        f" s.speed, s.started_at FROM sessions s WHERE s.status != 'active'{which}"
        " ORDER BY s.started_at DESC, s.id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    ended = None if row[1] is None else float(row[1])  # read here: a bad value is said
    return LastSession(int(row[0]), ended, bool(row[2]), bool(row[3]), float(row[4]),
                       float(row[5]))  # fmt: skip


def preview_ids(conn: sqlite3.Connection, since: float) -> set[int]:
    from tui.core.engine.credit import counting_sql

    rows = conn.execute(
        "SELECT DISTINCT s.id FROM checkins c JOIN sessions s ON s.id = c.session_id"
        f" WHERE c.at >= ? AND NOT {counting_sql('s.speed')}",
        (since,),
    )
    return {int(sid) for (sid,) in rows}


def _checkin(row: sqlite3.Row) -> CheckIn:
    from tui.core.programme.zones import Change, CheckIn, Effort, Kind
    return CheckIn(
        id=row["id"],
        session_id=row["session_id"],
        kind=Kind(row["kind"]),
        at=row["at"],
        pain=row["pain"],
        change=None if row["change"] is None else Change(row["change"]),
        effort=None if row["effort"] is None else Effort(row["effort"]),
        exercise=row["exercise"],
        note=row["note"],
        sharp=None if row["sharp"] is None else bool(row["sharp"]),
    )


def to_json(c: CheckIn) -> dict[str, object]:
    """One check-in as `history --json` and the JSONL export print it: `sharp` is
    whether a `!` pain was sharp, shooting or radiating (null: not asked)."""
    return {
        "kind": c.kind.value,
        "at": c.at,
        "pain": c.pain,
        "change": None if c.change is None else c.change.value,
        "effort": None if c.effort is None else c.effort.value,
        "exercise": c.exercise,
        "note": c.note,
        "sharp": c.sharp,
    }


def daily_minutes(conn: sqlite3.Connection, since: float) -> dict[date, float]:
    """Active minutes per local day from epoch `since`, added up in SQL; previews
    left out, as `engine.credit.counted_seconds` says (run at speed 1, or not counted)."""
    from tui.core.engine.credit import counting_sql

    rows = conn.execute(
        "SELECT date(started_at, 'unixepoch', 'localtime'), sum(active_seconds) / 60.0"
        f" FROM sessions WHERE started_at >= ? AND {counting_sql()} GROUP BY 1",
        (since,),
    )
    return {date.fromisoformat(day): float(total) for day, total in rows}


class ExerciseStats(NamedTuple):
    """One exercise over all sessions: in how many it was done, skipped, or `!` was
    pressed on it, and the worst pain given in the `!` dialog during it (None: never
    asked)."""

    exercise: str
    sessions: int
    skipped: int
    hurt: int
    worst_pain: int | None


#: Done, skipped and hurt are the session's own lists (`engine.credit`'s rule, each
#: exercise named as it was then: the step log names a hurt at the `!`, done and
#: skipped as the session ended), so the tab tells the summary's story: a step left
#: early by a swap is no skip, and `!` on a get-ready counts. A session ended before
#: `done` was kept (NULL) counts the exercises whose work it began, as before. A list
#: a damaged byte left unreadable counts nothing (`json_valid`).
_EXERCISE_FACTS = """
WITH facts(exercise, session_id, what) AS (
  SELECT j.value, s.id, 'done' FROM sessions s, json_each(s.done) j
    WHERE s.done IS NOT NULL AND json_valid(s.done) AND j.type = 'text'
  UNION
  SELECT st.exercise, st.session_id, 'done' FROM steps st JOIN sessions s ON s.id = st.session_id
    WHERE s.done IS NULL AND st.kind != 'prepare'
  UNION
  SELECT j.value, s.id, 'skipped' FROM sessions s, json_each(s.skipped) j
    WHERE json_valid(s.skipped) AND j.type = 'text'
  UNION
  SELECT j.value, s.id, 'hurt' FROM sessions s, json_each(s.hurt) j
    WHERE json_valid(s.hurt) AND j.type = 'text'
)
SELECT exercise, count(CASE WHEN what = 'done' THEN 1 END),
  count(CASE WHEN what = 'skipped' THEN 1 END), count(CASE WHEN what = 'hurt' THEN 1 END)
FROM facts GROUP BY exercise ORDER BY 2 DESC, 1
"""


def exercise_stats(conn: sqlite3.Connection) -> list[ExerciseStats]:
    """Every exercise done, skipped or flagged in a session, most sessions done first,
    counted in SQL (`_EXERCISE_FACTS`)."""
    worst = dict(conn.execute(
        "SELECT exercise, max(pain) FROM checkins WHERE kind = 'during'"
        " AND exercise IS NOT NULL GROUP BY exercise"
    ).fetchall())  # fmt: skip
    rows = conn.execute(_EXERCISE_FACTS)
    return [ExerciseStats(name, done, skipped, hurt, worst.get(name))
            for name, done, skipped, hurt in rows]  # fmt: skip


class ProgressMethods:
    """The progression methods of `Store` (a mixin: it supplies `_read` and `_write`)."""

    if TYPE_CHECKING:

        def _read(self, read: Callable[[sqlite3.Connection], T]) -> T: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def stages(self, routine_id: str) -> dict[str, Stage]:
        """Each exercise's stage in `routine_id`, by key (missing: as written)."""
        return self._read(lambda conn: read_stages(conn, routine_id))

    def stage_log(self, routine_id: str) -> list[LogEntry]:
        """Every decision about `routine_id`'s exercises, oldest first."""
        from tui.core.store.stage_rows import read_log

        return self._read(lambda conn: read_log(conn, routine_id))

    def apply_session(
        self, session_id: int, now: float, tz: tzinfo | None = None
    ) -> list[tuple[StartedStage, Decision]]:
        """Judge session `session_id` for each exercise it progresses, once; the
        decisions made now (none when it is still open, or all were made before).
        `now` is epoch seconds; the two-red-days window ends on its day in `tz`."""
        from tui.core.store.stage_rows import apply_session

        with self._write() as conn:
            return apply_session(conn, session_id, now, tz)

    def session_facts(self, session_id: int, now: float, tz: tzinfo | None = None) -> Facts | None:
        """What is stored of an ended session for deciding its progression (None while it
        is open, or when nothing in it progresses): `stage_rows.session_facts`."""
        from tui.core.store.stage_rows import session_facts

        return self._read(lambda conn: session_facts(conn, session_id, now, tz))

    def reset_stages(
        self, routine_id: str, started: list[StartedStage], now: float
    ) -> list[tuple[StartedStage, Decision | None]]:
        """Back to the dose written for each of `started` (the log keeps the reset);
        None for one already at the dose written (nothing logged)."""
        from tui.core.store.stage_rows import reset_rows

        with self._write() as conn:
            return reset_rows(conn, routine_id, started, now)


def read_stages(conn: sqlite3.Connection, routine_id: str) -> dict[str, Stage]:
    from tui.core.programme.stages import Stage

    rows = conn.execute(
        "SELECT exercise, stage, settled FROM stages WHERE routine_id = ?", (routine_id,)
    )
    return {name: Stage(stage, settled) for name, stage, settled in rows}

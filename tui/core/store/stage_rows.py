"""The rows of progression (migration 5): each exercise's stage per routine
(`stages`), the append-only log of every decision (`stage_log`), and judging a
session from its check-ins (`apply_session`). `checkins.ProgressMethods` gives
`Store` these, imported when first used (not before a workout's first frame).

When a session begins it stores the stages it starts with (`sessions.stages`,
JSON: `StartedStage`), so resuming rebuilds that very plan, and deciding
later needs neither the routine file nor the exercise library. A session is
judged whenever something about it is learnt: its pain after, a `!` answer,
the next-morning answer, and first by the workout as it ends (the decision is
made once, from what is stored: `session_facts`, then `programme.deciding`,
which the summary shows too). It is idempotent: the log says which sessions already
counted for which exercise, so calling it twice, or once for every answer,
never counts a session twice; a session already counted as settled can still
turn red (a "worse" next morning), once. The rules are
`tui.core.programme.progression`'s.
"""

from __future__ import annotations

import sqlite3
from datetime import tzinfo
from typing import TYPE_CHECKING, NamedTuple

from tui.core.store.checkins import read_stages
from tui.core.store.schema import by_name

if TYPE_CHECKING:
    from tui.core.programme.deciding import Facts
    from tui.core.programme.progression import Decision
    from tui.core.programme.stages import StartedStage


class LogEntry(NamedTuple):
    """One row of the stage log: a decision about an exercise, with its words."""

    exercise: str
    session_id: int | None
    at: float
    rule: str
    reason: str
    stage_before: int
    stage_after: int
    settled: int
    dose_before: str
    dose_after: str

    def line(self) -> str:
        """`Bird dog: 6-4-2 becomes 7-5-3: two settled sessions (step up)`: the rule is
        named, in brackets when the reason does not say it already."""
        why = self.reason if self.rule in self.reason else f"{self.reason} ({self.rule})"
        if self.stage_after != self.stage_before:
            return f"{self.exercise}: {self.dose_before} becomes {self.dose_after}: {why}"
        return f"{self.exercise}: stays at {self.dose_after}: {why}"


def read_log(
    conn: sqlite3.Connection, routine_id: str, session_id: int | None = None
) -> list[LogEntry]:
    """The log of `routine_id`, oldest first (of one session's decisions, given its id)."""
    where = "routine_id = ?"
    params: list[object] = [routine_id]
    if session_id is not None:
        where += " AND session_id = ?"
        params.append(session_id)
    rows = by_name(conn.execute(
        "SELECT exercise, session_id, at, rule, reason, stage_before, stage_after,"
        f" settled, dose_before, dose_after FROM stage_log WHERE {where} ORDER BY id",
        params))  # fmt: skip
    return [LogEntry(**dict(row)) for row in rows]


def reset_rows(
    conn: sqlite3.Connection, routine_id: str, started: list[StartedStage], now: float
) -> list[tuple[StartedStage, Decision | None]]:
    """Each of `started` back to the dose written, logged as a reset; None for one
    already there (stage 0, no settled session toward the next step): nothing changes,
    so nothing is logged (a log of empty resets would bury the changes that matter),
    unless a session of the routine is open (paused or running): the reset is logged
    then too, so that session, begun before it, does not count (`deciding`)."""
    from tui.core.programme.deciding import current_stage
    from tui.core.programme.progression import reset

    current = read_stages(conn, routine_id)
    open_session = conn.execute(
        "SELECT 1 FROM sessions WHERE routine_id = ? AND status = 'active' LIMIT 1",
        (routine_id,),
    ).fetchone()
    done: list[tuple[StartedStage, Decision | None]] = []
    for s in started:
        state = current_stage(current, s)
        if state.stage == 0 and state.settled == 0 and open_session is None:
            done.append((s, None))
            continue
        decision = reset(state)
        _record(conn, routine_id, s, None, now, decision)
        done.append((s, decision))
    return done


def session_facts(
    conn: sqlite3.Connection, session_id: int, now: float, tz: tzinfo | None
) -> Facts | None:
    """What is stored of session `session_id` for deciding its progression
    (`programme.deciding`); None while it is open, or when nothing in it progresses.
    `now` (epoch seconds) ends the two-red-days window, on its day in `tz`."""
    from tui.core.engine.credit import is_preview
    from tui.core.programme.deciding import Facts
    from tui.core.programme.progression import Decision, Rule
    from tui.core.programme.stages import Stage, read_started
    from tui.core.programme.zones import local_day, see_professional
    from tui.core.store.checkins import select

    row = by_name(conn.execute(
        "SELECT routine_id, status, speed, stages, done, hurt, started_at FROM sessions"
        " WHERE id = ?", (session_id,))).fetchone()  # fmt: skip
    if row is None or row["status"] == "active":
        return None
    started = read_started(row["stages"])
    if not started:
        return None
    routine_id = row["routine_id"]
    logged: dict[str, list[Decision]] = {}
    for e in read_log(conn, routine_id, session_id):
        before, after = Stage(e.stage_before), Stage(e.stage_after, e.settled)
        logged.setdefault(e.exercise, []).append(Decision(Rule(e.rule), e.reason, before, after))
    reset = conn.execute(
        "SELECT DISTINCT exercise FROM stage_log WHERE routine_id = ? AND rule = ? AND at >= ?",
        (routine_id, Rule.RESET.value, row["started_at"]),
    )
    week = select(conn, None, now - 7 * 24 * 3600.0)
    return Facts(
        routine_id=routine_id, started=tuple(started), current=read_stages(conn, routine_id),
        logged={key: tuple(found) for key, found in logged.items()},
        reset=frozenset(key for (key,) in reset),
        done=frozenset(_names(row["done"])), hurt=frozenset(_names(row["hurt"])),
        checkins=tuple(select(conn, [session_id], None)),
        preview=is_preview(float(row["speed"])),
        held=see_professional(week, local_day(now, tz), tz),
    )  # fmt: skip


def apply_session(
    conn: sqlite3.Connection, session_id: int, now: float, tz: tzinfo | None
) -> list[tuple[StartedStage, Decision]]:
    """Session `session_id` decided from what is stored (`session_facts`, the rules of
    `programme.deciding.outlook`): the final decisions not logged before are logged
    and returned (none while it is open, or once all were made)."""
    from tui.core.programme.deciding import outlook

    facts = session_facts(conn, session_id, now, tz)
    if facts is None:
        return []
    made = []
    for found in outlook(facts):
        if found.new:
            _record(conn, facts.routine_id, found.started, session_id, now, found.decision)
            made.append((found.started, found.decision))
    return made


def _names(text: str | None) -> list[str]:
    import json  # here: `today` and `plan status` read stages, not these names

    try:
        names = json.loads(text) if text else []
    except ValueError:
        return []
    return [str(n) for n in names] if isinstance(names, list) else []


def _record(
    conn: sqlite3.Connection,
    routine_id: str,
    s: StartedStage,
    session_id: int | None,
    now: float,
    decision: Decision,
) -> None:
    after = decision.after
    conn.execute(
        "INSERT INTO stages (routine_id, exercise, stage, settled, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (routine_id, exercise) DO UPDATE SET"
        " stage = excluded.stage, settled = excluded.settled, updated_at = excluded.updated_at",
        (routine_id, s.key, after.stage, after.settled, now),
    )
    conn.execute(
        "INSERT INTO stage_log (routine_id, exercise, session_id, at, rule, reason,"
        " stage_before, stage_after, settled, dose_before, dose_after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (routine_id, s.key, session_id, now, decision.rule.value, decision.reason,
         decision.before.stage, after.stage, after.settled, s.brief(decision.before.stage),
         s.brief(after.stage)),
    )  # fmt: skip

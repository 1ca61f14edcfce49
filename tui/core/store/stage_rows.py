"""The rows of progression (migration 5): each exercise's stage per routine
(`stages`), the append-only log of every decision (`stage_log`), and judging a
session from its check-ins (`apply_session`). `checkins.ProgressMethods` gives
`Store` these, imported when first used (not before a workout's first frame).

When a session begins it stores the stages it starts with (`sessions.stages`,
JSON: `StartedStage`), so resuming rebuilds that very plan, and deciding
later needs neither the routine file nor the exercise library. A session is
judged whenever something about it is learnt: its pain after, a `!` answer,
the next-morning answer. It is idempotent: the log says which sessions already
counted for which exercise, so calling it twice, or once for every answer,
never counts a session twice; a session already counted as settled can still
turn red (a "worse" next morning), once. The rules are
`tui.core.programme.progression`'s.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.core.store.checkins import read_stages
from tui.core.store.schema import by_name

if TYPE_CHECKING:
    from tui.core.programme.progression import Decision
    from tui.core.programme.stages import Stage, StartedStage


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


def read_log(conn: sqlite3.Connection, routine_id: str) -> list[LogEntry]:
    rows = by_name(conn.execute(
        "SELECT exercise, session_id, at, rule, reason, stage_before, stage_after,"
        " settled, dose_before, dose_after FROM stage_log WHERE routine_id = ?"
        " ORDER BY id", (routine_id,)))  # fmt: skip
    return [LogEntry(**dict(row)) for row in rows]


def reset_rows(
    conn: sqlite3.Connection, routine_id: str, started: list[StartedStage], now: float
) -> list[tuple[StartedStage, Decision | None]]:
    """Each of `started` back to the dose written, logged as a reset; None for one
    already there (stage 0, no settled session toward the next step): nothing changes,
    so nothing is logged (a log of empty resets would bury the changes that matter)."""
    from tui.core.programme.progression import reset

    current = read_stages(conn, routine_id)
    done: list[tuple[StartedStage, Decision | None]] = []
    for s in started:
        state = _current(current, s)
        if state.stage == 0 and state.settled == 0:
            done.append((s, None))
            continue
        decision = reset(state)
        _record(conn, routine_id, s, None, now, decision)
        done.append((s, decision))
    return done


def _current(stages: dict[str, Stage], s: StartedStage) -> Stage:
    from tui.core.programme.stages import Stage

    found = stages.get(s.key, Stage())
    return Stage(max(0, min(found.stage, s.top)), found.settled)


def apply_session(
    conn: sqlite3.Connection, session_id: int, now: float, tz: tzinfo | None
) -> list[tuple[StartedStage, Decision]]:
    from tui.core.programme.progression import PENDING, Rule, apply, judge

    row = by_name(conn.execute(
        "SELECT routine_id, status, speed, stages, done, hurt FROM sessions WHERE id = ?",
        (session_id,))).fetchone()  # fmt: skip
    if row is None or row["status"] == "active":
        return []
    from tui.core.programme.stages import read_started

    started = read_started(row["stages"])
    if not started:
        return []
    routine_id = row["routine_id"]
    evidence = _evidence(conn, session_id, row, now, tz)
    before = _logged(conn, session_id)
    current = read_stages(conn, routine_id)
    made = []
    for s in started:
        rules = before.get(s.key, set())
        verdict = judge(evidence(s.name))
        if verdict.rule in PENDING or Rule.RED in rules:
            continue
        if rules and verdict.rule is not Rule.RED:
            continue  # decided before: only a later red (a worse next day) changes it
        decision = apply(_current(current, s), verdict, every=s.every, top=s.top)
        _record(conn, routine_id, s, session_id, now, decision)
        made.append((s, decision))
    return made


def _logged(conn: sqlite3.Connection, session_id: int) -> dict[str, set[Any]]:
    from tui.core.programme.progression import Rule

    found: dict[str, set[Any]] = {}
    for exercise, rule in conn.execute(
        "SELECT exercise, rule FROM stage_log WHERE session_id = ?", (session_id,)
    ):
        found.setdefault(exercise, set()).add(Rule(rule))
    return found


def _evidence(
    conn: sqlite3.Connection, session_id: int, row: sqlite3.Row, now: float, tz: tzinfo | None
) -> Any:
    """A function of an exercise's name (as run) to its `Evidence` in this session."""
    from tui.core.engine.credit import is_preview
    from tui.core.programme.progression import Evidence
    from tui.core.programme.zones import Kind, local_day, next_day_change, see_professional
    from tui.core.store.checkins import select

    given = select(conn, [session_id], None)
    week = select(conn, None, now - 7 * 24 * 3600.0)
    held = see_professional(week, local_day(now, tz), tz)
    done = set(_names(row["done"]))
    hurt = set(_names(row["hurt"]))
    during = [c for c in given if c.kind is Kind.DURING and c.pain is not None]
    afters = [c.pain for c in given if c.kind is Kind.AFTER and c.pain is not None]
    sharp = any(c.kind is Kind.DURING and c.sharp for c in given)
    change = next_day_change(given)

    def of(name: str) -> Evidence:
        mine = [c.pain for c in during if c.exercise == name and c.pain is not None]
        others = [c.pain for c in during if c.exercise != name and c.pain is not None]
        return Evidence(
            done=name in done, hurt=name in hurt, sharp=sharp,
            pain_during=max(mine, default=None), pain_elsewhere=max(others, default=None),
            pain_after=afters[-1] if afters else None, next_day=change,
            preview=is_preview(float(row["speed"])), held=held,
        )  # fmt: skip

    return of


def _names(text: str | None) -> list[str]:
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

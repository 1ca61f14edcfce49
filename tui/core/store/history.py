"""Sessions read back from the step log (`step_log` writes it), and the
numbers drawn from them.

Functions here take a connection; `store.Store` owns it and the transaction
around each call. The aggregates (`streak_of`, `weekly_minutes`) are pure
functions over plain values so they can be tested with fixed dates; days and
weeks are in local time, a session belonging to the day (and week) it started.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tui.core.engine.credit import completes_a_day, counts, outcome
from tui.core.store.schema import by_name

#: A day counts towards the streak with a completed session or this much activity.
STREAK_MIN_ACTIVE_SECONDS = 5 * 60


@dataclass(frozen=True, slots=True)
class StepRecord:
    index: int
    kind: str
    exercise_index: int
    exercise: str
    set: int | None
    rep: int | None
    side: str | None
    phase: str | None
    planned_seconds: float | None
    started_at: float
    ended_at: float | None
    elapsed: float | None
    skipped: bool
    extended_seconds: float
    hurt: bool

    def to_json(self) -> dict[str, object]:
        return {
            "index": self.index,
            "kind": self.kind,
            "exercise": self.exercise,
            "set": self.set,
            "rep": self.rep,
            "side": self.side,
            "phase": self.phase,
            "planned_seconds": self.planned_seconds,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "skipped": self.skipped,
            "hurt": self.hurt,
        }


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    routine_id: str
    routine_name: str
    routine_path: str | None
    status: str
    started_at: float
    ended_at: float | None
    active_seconds: float
    total_seconds: float
    exercises: int
    #: Names of the exercises skipped, and of those flagged as hurting.
    skipped: tuple[str, ...]
    hurt: tuple[str, ...]
    steps: tuple[StepRecord, ...]
    #: The speed it ran at (not 1: a preview); names of the exercises done
    #: (None: ended before that was kept, or not ended yet).
    speed: float = 1.0
    done: tuple[str, ...] | None = None

    @property
    def minutes(self) -> float:
        return self.active_seconds / 60

    @property
    def outcome(self) -> str:
        """How it reads everywhere: 'completed', 'skipped', 'stopped', 'abandoned',
        'paused' or 'preview' (`engine.credit.outcome`)."""
        return outcome(self.status, self.speed, None if self.done is None else len(self.done))

    @property
    def counted(self) -> bool:
        """Whether its minutes count towards the week and the streak."""
        return counts(self.outcome)

    def row(self, today: date | None = None) -> tuple[str, str, str, str, str]:
        """As a person reads it in a table: when, routine, minutes, status, what was
        skipped or hurt. Plain text: it holds routine and exercise names as written.
        The date has its year when that is not the year of `today` (default: now)."""
        notes = [f"skipped {', '.join(self.skipped)}"] if self.skipped else []
        notes += [f"hurt: {', '.join(self.hurt)}"] if self.hurt else []
        return (
            when_text(self.started_at, today or date.today()),
            self.routine_name,
            f"{self.minutes:.0f}",
            self.outcome,
            "; ".join(notes),
        )

    @property
    def day(self) -> date:
        """The local date the session started."""
        return local_date(self.started_at)

    def to_json(self) -> dict[str, object]:
        """One session as `spinewise history --json` prints it."""
        return {
            "id": self.id,
            "routine": self.routine_id,
            "routine_name": self.routine_name,
            "status": self.outcome,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "active_seconds": self.active_seconds,
            "speed": self.speed,
            "counted": self.counted,
            "done": None if self.done is None else list(self.done),
            "skipped": list(self.skipped),
            "hurt": list(self.hurt),
            "steps": [step.to_json() for step in self.steps],
        }


_SESSION_COLUMNS = (
    "id, routine_id, routine_name, routine_path, status, started_at, ended_at,"
    " active_seconds, total_seconds, exercises, skipped, hurt, speed, done"
)
_STEP_COLUMNS = (
    "session_id, step_index, kind, exercise_index, exercise, set_no, rep, side, phase,"
    " planned_seconds, started_at, ended_at, elapsed, skipped, extended_seconds, hurt"
)


def load_sessions(
    conn: sqlite3.Connection,
    limit: int | None = None,
    *,
    include_active: bool = False,
    offset: int = 0,
    steps: bool = True,
) -> list[SessionRecord]:
    """Sessions newest first, `offset` of them left out, with their steps unless
    `steps` is False (a table of sessions uses none: `skipped` and `hurt` are
    columns of the session. With 5,000 sessions, reading their 290,000 step rows
    was 4.2 s of `history`'s 4.7 s)."""
    where = "" if include_active else "WHERE status != 'active'"
    chosen = (
        f"SELECT id FROM sessions {where} ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?"
    )
    window = (-1 if limit is None else max(0, int(limit)), max(0, int(offset)))
    found: dict[int, list[StepRecord]] = {}
    if steps:
        rows = by_name(conn.execute(
            f"SELECT {_STEP_COLUMNS} FROM steps WHERE session_id IN ({chosen}) ORDER BY id",
            window,
        ))
        for row in rows:
            found.setdefault(row["session_id"], []).append(_step(row))
    sessions = by_name(conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id IN ({chosen})"
        " ORDER BY started_at DESC, id DESC",
        window,
    ))
    return [_session(row, found.get(row["id"], [])) for row in sessions]


def count_sessions(conn: sqlite3.Connection, *, include_active: bool = False) -> int:
    """How many sessions `load_sessions` would give without a limit."""
    where = "" if include_active else " WHERE status != 'active'"
    return int(conn.execute(f"SELECT count(*) FROM sessions{where}").fetchone()[0])


def activity(conn: sqlite3.Connection) -> list[tuple[float, str, float]]:
    """(started_at, outcome, active_seconds) of every session, the paused one too
    (as the history table lists it), for the aggregates; `outcome` as
    `SessionRecord.outcome` says it."""
    rows = conn.execute(
        "SELECT started_at, status, active_seconds, speed, json_array_length(done)"
        " FROM sessions"
    )
    return [(float(a), outcome(s, v, d), float(b)) for a, s, b, v, d in rows]


def _step(row: sqlite3.Row) -> StepRecord:
    """A row of `_STEP_COLUMNS`, read by name."""
    return StepRecord(
        index=row["step_index"],
        kind=row["kind"],
        exercise_index=row["exercise_index"],
        exercise=row["exercise"],
        set=row["set_no"],
        rep=row["rep"],
        side=row["side"],
        phase=row["phase"],
        planned_seconds=row["planned_seconds"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        elapsed=row["elapsed"],
        skipped=bool(row["skipped"]),
        extended_seconds=row["extended_seconds"],
        hurt=bool(row["hurt"]),
    )


def _session(row: sqlite3.Row, steps: list[StepRecord]) -> SessionRecord:
    """A row of `_SESSION_COLUMNS`, read by name, with its steps."""
    return SessionRecord(
        id=row["id"],
        routine_id=row["routine_id"],
        routine_name=row["routine_name"],
        routine_path=row["routine_path"],
        status=row["status"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        active_seconds=row["active_seconds"],
        total_seconds=row["total_seconds"],
        exercises=row["exercises"],
        skipped=_names(row["skipped"]),
        hurt=_names(row["hurt"]),
        steps=tuple(steps),
        speed=row["speed"],
        done=None if row["done"] is None else tuple(json.loads(row["done"])),
    )


def _names(text: str) -> tuple[str, ...]:
    """A JSON list of exercise names; none when a damaged byte left it unreadable."""
    try:
        names = json.loads(text)
    except ValueError:
        return ()
    return tuple(str(name) for name in names) if isinstance(names, list) else ()


# -- aggregates -------------------------------------------------------------


def when_text(epoch: float, today: date) -> str:
    """`Mon 03 Nov 07:30` in `today`'s year, `Mon 03 Nov 2025 07:30` in another."""
    moment = datetime.fromtimestamp(epoch)
    if moment.year == today.year:
        return moment.strftime("%a %d %b %H:%M")
    return moment.strftime("%a %d %b %Y %H:%M")


def local_date(epoch: float) -> date:
    return datetime.fromtimestamp(epoch).date()


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def streak_of(sessions: Iterable[tuple[float, str, float]], today: date) -> int:
    """Consecutive days, ending today or yesterday, on which the person exercised.

    A day counts when a session started on it was completed (with something
    done: `engine.credit`), or when the sessions started on it (whatever their
    outcome, previews aside) add up to at least `STREAK_MIN_ACTIVE_SECONDS` of
    active time. The run may end yesterday, so the streak does not read 0 on a
    morning before today's session.
    `sessions` holds (started_at epoch, outcome, active_seconds).
    """
    active: dict[date, float] = {}
    counted: set[date] = set()
    for started_at, label, seconds in sessions:
        if not counts(label):
            continue
        day = local_date(started_at)
        active[day] = active.get(day, 0.0) + seconds
        if completes_a_day(label) or active[day] >= STREAK_MIN_ACTIVE_SECONDS:
            counted.add(day)
    day = today if today in counted else today - timedelta(days=1)
    streak = 0
    while day in counted:
        streak += 1
        day -= timedelta(days=1)
    return streak


def weekly_minutes(
    sessions: Iterable[tuple[float, str, float]], today: date, weeks: int = 12
) -> list[tuple[date, float]]:
    """Active minutes in each of the last `weeks` weeks (Monday first), oldest first.

    The last entry is the current week. Every outcome but a preview counts
    (`engine.credit.counts`): the minutes of a stopped, abandoned or paused
    session were still exercised.
    """
    this_week = week_start(today)
    starts = [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    minutes = dict.fromkeys(starts, 0.0)
    for started_at, label, seconds in sessions:
        if not counts(label):
            continue
        monday = week_start(local_date(started_at))
        if monday in minutes:
            minutes[monday] += seconds / 60
    return [(monday, minutes[monday]) for monday in starts]

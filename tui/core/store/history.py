"""Sessions read back from the step log (`step_log` writes it) as
`record.SessionRecord`s, and the numbers drawn from them.

Functions here take a connection; `store.Store` owns it and the transaction
around each call. The aggregates (`streak_of`, `weekly_minutes`) are pure
functions over plain values so they can be tested with fixed dates; days and
weeks are in local time, a session belonging to the day (and week) it started.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta

from tui.core.engine.credit import completes_a_day, counted_seconds, counts, outcome
from tui.core.store.record import (
    SESSION_COLUMNS,
    STEP_COLUMNS,
    SessionRecord,
    StepRecord,
    local_date,
    session_record,
    step_record,
)
from tui.core.store.schema import by_name

#: A day counts towards the streak with a completed session or this much activity.
STREAK_MIN_ACTIVE_SECONDS = 5 * 60


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
            f"SELECT {STEP_COLUMNS} FROM steps WHERE session_id IN ({chosen}) ORDER BY id",
            window,
        ))
        for row in rows:
            found.setdefault(row["session_id"], []).append(step_record(row))
    sessions = by_name(conn.execute(
        f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id IN ({chosen})"
        " ORDER BY started_at DESC, id DESC",
        window,
    ))
    return [session_record(row, tuple(found.get(row["id"], ()))) for row in sessions]


def count_sessions(conn: sqlite3.Connection, *, include_active: bool = False) -> int:
    """How many sessions `load_sessions` would give without a limit."""
    where = "" if include_active else " WHERE status != 'active'"
    return int(conn.execute(f"SELECT count(*) FROM sessions{where}").fetchone()[0])


def activity(conn: sqlite3.Connection) -> list[tuple[float, str, float]]:
    """(started_at, outcome, seconds counted) of every session, the paused one too
    (as the history table lists it), for the aggregates; `outcome` as
    `SessionRecord.outcome` says it, the seconds as `engine.credit.counted_seconds`
    (none for a preview)."""
    rows = conn.execute(
        "SELECT started_at, status, active_seconds, speed, json_array_length(done)"
        " FROM sessions"
    )
    return [(float(a), outcome(s, v, d), counted_seconds(b, v)) for a, s, b, v, d in rows]


# -- aggregates -------------------------------------------------------------


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

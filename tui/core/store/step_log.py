"""The step log: engine events written as step rows of the session they belong to.

Functions here take a connection; `store.Store` owns it and the transaction
around each call. `history` reads the log back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from tui.core.engine.events import (
    Event,
    ExerciseDone,
    Extended,
    HurtFlagged,
    SessionFinished,
    StepEnded,
    StepStarted,
    Swapped,
)

ToEpoch = Callable[[float], float]

_OPEN_ROW = (
    "(SELECT max(id) FROM steps WHERE session_id = ? AND step_index = ? AND ended_at IS NULL)"
)


def record_events(
    conn: sqlite3.Connection, session_id: int, events: Iterable[Event], to_epoch: ToEpoch
) -> None:
    """One step row per StepStarted, closed by its StepEnded; the rest marks them.

    A step left open when the program died is closed by the StepEnded of the
    resumed session (it carries the same index). `to_epoch` turns the
    engine's clock time `due` into Unix epoch seconds.
    """
    for event in events:
        if isinstance(event, StepStarted):
            s = event.step
            conn.execute(
                "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise,"
                " set_no, rep, side, phase, planned_seconds, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, event.index, s.kind, s.exercise_index, s.exercise, s.set, s.rep,
                 s.side, s.phase, s.seconds, to_epoch(event.due)),
            )  # fmt: skip
        elif isinstance(event, StepEnded):
            conn.execute(
                f"UPDATE steps SET ended_at = ?, elapsed = ?, skipped = ? WHERE id = {_OPEN_ROW}",
                (to_epoch(event.due), event.elapsed, event.skipped, session_id, event.index),
            )
        elif isinstance(event, Extended):
            conn.execute(
                f"UPDATE steps SET extended_seconds = extended_seconds + ? WHERE id = {_OPEN_ROW}",
                (event.seconds, session_id, event.index),
            )
        elif isinstance(event, HurtFlagged):
            row_id, name = _last_step_of(conn, session_id, event.exercise_index)
            conn.execute("UPDATE steps SET hurt = 1 WHERE id = ?", (row_id,))
            _add_name(conn, session_id, "hurt", name)
        elif isinstance(event, ExerciseDone) and event.skipped:
            _, name = _last_step_of(conn, session_id, event.exercise_index)
            _add_name(conn, session_id, "skipped", name)
        elif isinstance(event, Swapped):
            _add_swap(conn, session_id, event)
        elif isinstance(event, SessionFinished):
            status = "stopped" if event.ended_early else "completed"
            _write_tally(conn, session_id, event)
            end_session(conn, session_id, status, to_epoch(event.due))


def end_session(conn: sqlite3.Connection, session_id: int, status: str, now: float) -> None:
    """Close an active session (no-op once it has ended).

    Its `extras` (the exercise library's text, some 20 KB) were kept for resuming
    only: they go, so the database does not grow by them with every session.
    """
    conn.execute(
        "UPDATE sessions SET status = ?, ended_at = ?, updated_at = max(updated_at, ?),"
        " owner_pid = NULL, extras = '{}' WHERE id = ? AND status = 'active'",
        (status, now, now, session_id),
    )


def _write_tally(conn: sqlite3.Connection, session_id: int, event: SessionFinished) -> None:
    """The exercises done and skipped, by the one rule (`engine.credit`), by name."""
    conn.execute(
        "UPDATE sessions SET done = ?, skipped = ? WHERE id = ? AND status = 'active'",
        (json.dumps(list(event.done)), json.dumps(list(event.skipped)), session_id),
    )


def _last_step_of(
    conn: sqlite3.Connection, session_id: int, exercise_index: int
) -> tuple[int | None, str]:
    row = conn.execute(
        "SELECT id, exercise FROM steps WHERE session_id = ? AND exercise_index = ?"
        " ORDER BY id DESC LIMIT 1",
        (session_id, exercise_index),
    ).fetchone()
    return (row[0], row[1]) if row else (None, f"exercise {exercise_index + 1}")


def _add_name(conn: sqlite3.Connection, session_id: int, column: str, name: str) -> None:
    """Add an exercise to the session's `hurt` or `skipped` list (once)."""
    sql = {"hurt": "SELECT hurt FROM sessions", "skipped": "SELECT skipped FROM sessions"}
    row = conn.execute(f"{sql[column]} WHERE id = ?", (session_id,)).fetchone()
    names = json.loads(row[0]) if row else None
    if names is not None and name not in names:
        names.append(name)
        conn.execute(
            f"UPDATE sessions SET {column} = ? WHERE id = ?", (json.dumps(names), session_id)
        )


def _add_swap(conn: sqlite3.Connection, session_id: int, event: Swapped) -> None:
    """Add a swap to the session's `swaps` list (the step rows say what was done)."""
    row = conn.execute("SELECT swaps FROM sessions WHERE id = ?", (session_id,)).fetchone()
    try:
        swaps = json.loads(row[0]) if row else None
    except ValueError:
        swaps = []  # a damaged list gives way to what is known now
    if isinstance(swaps, list):
        swaps.append({"exercise": event.was, "variant": event.to, "way": event.way})
        conn.execute("UPDATE sessions SET swaps = ? WHERE id = ?", (json.dumps(swaps), session_id))


def active_seconds(snapshot: dict[str, Any]) -> float:
    return float(snapshot.get("active_seconds", 0.0))


def save_position(
    conn: sqlite3.Connection, session_id: int, snapshot: dict[str, Any], now: float
) -> None:
    """The active session's engine position (`snapshot`) and when it was saved."""
    conn.execute(
        "UPDATE sessions SET snapshot = ?, updated_at = ?, active_seconds = ?,"
        " paused_at = CASE ? WHEN 'running' THEN NULL"
        "   WHEN 'paused' THEN coalesce(paused_at, ?) ELSE paused_at END"
        " WHERE id = ? AND status = 'active'",
        (json.dumps(snapshot), now, active_seconds(snapshot), snapshot.get("status"), now,
         session_id),
    )  # fmt: skip

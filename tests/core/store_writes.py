"""Writes only tests make: a snapshot alone, a step log alone, an ending set by hand.

The product writes through `Store.checkpoint` (a snapshot and its step log in one
transaction) and ends sessions through the step log's `SessionFinished`; tests
build their histories with these, inside the store's own write transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from tests.doubles import FakeClock
from tui.core.engine.events import Event
from tui.core.engine.session import Session
from tui.core.plan import build_plan
from tui.core.routine.parse import parse_routine
from tui.core.store.database import Store, epoch_converter
from tui.core.store.step_log import ToEpoch, end_session, record_events

ENDINGS = frozenset({"completed", "stopped", "abandoned"})


def played_and_stored(
    routine_id: str,
    path: str,
    text: str,
    exercises: int,
    play: Callable[[Session, FakeClock], Sequence[Event]],
    *,
    began: float = 1_800_000_000.0,
) -> None:
    """Begin a session of routine `text` (read as `path`) in the default store at
    epoch `began`, let `play(session, clock)` drive it on a fake clock and return its
    events, and checkpoint them at `began` plus the fake seconds played."""
    plan = build_plan(parse_routine(text, path))
    clock = FakeClock()
    start = clock.now()
    session = Session(plan, clock)
    to_epoch = epoch_converter(clock, wall=lambda: began)
    with Store.open() as store:
        sid = store.begin(routine_id, path, plan.name, text, plan.total_seconds, exercises,
                          session.snapshot(), began)  # fmt: skip
        events = play(session, clock)
        store.checkpoint(sid, session.snapshot(), events, began + clock.now() - start, to_epoch)


def save(store: Store, session_id: int, snapshot: dict[str, Any], now: float) -> None:
    """Store the engine's position only (a checkpoint with no events)."""
    store.checkpoint(session_id, snapshot, (), now, lambda due: due)


def log_events(store: Store, session_id: int, events: Iterable[Event], to_epoch: ToEpoch) -> None:
    """Write the step log of a batch of events only."""
    with store._write() as conn:
        record_events(conn, session_id, events, to_epoch)


def finish(store: Store, session_id: int, status: str, now: float) -> None:
    """End the session as 'completed', 'stopped' or 'abandoned' (no-op if ended)."""
    if status not in ENDINGS:
        raise ValueError(f"a session ends as one of {sorted(ENDINGS)}, not {status!r}")
    with store._write() as conn:
        end_session(conn, session_id, status, now)


def fill_history(
    store: Store, count: int, *, steps_each: int = 58, start: float = 1_700_000_000.0
) -> None:
    """`count` ended sessions, one a day going back from `start`, each with `steps_each`
    step rows (58 is the average of the five-year history the issue measured), written
    straight into the tables: a large history in a second, for tests and benchmarks."""
    statuses = ("completed", "stopped", "abandoned")
    with store._write() as conn:
        for n in range(count):
            began = start - n * 86_400
            cursor = conn.execute(
                "INSERT INTO sessions (routine_id, routine_path, routine_name, routine_text,"
                " routine_hash, status, started_at, updated_at, ended_at, snapshot,"
                " active_seconds, total_seconds, exercises, skipped, hurt)"
                " VALUES ('daily', '/r/daily.toml', ?, 'x', 'h', ?, ?, ?, ?, '{}', ?, 900, 3,"
                " ?, ?)",
                (f"Daily {n}", statuses[n % 3], began, began + 900, began + 900, 600 + n % 300,
                 '["Plank"]' if n % 7 == 0 else "[]", '["Bridge"]' if n % 11 == 0 else "[]"),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise,"
                " set_no, rep, side, phase, planned_seconds, started_at, ended_at, elapsed)"
                " VALUES (?, ?, 'work', 0, 'Plank', 1, ?, NULL, 'Hold', 10, ?, ?, 10)",
                [(cursor.lastrowid, i, i + 1, began + 10 * i, began + 10 * i + 10)
                 for i in range(steps_each)],
            )  # fmt: skip

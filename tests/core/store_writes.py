"""Writes only tests make: a snapshot alone, a step log alone, an ending set by hand.

The product writes through `Store.checkpoint` (a snapshot and its step log in one
transaction) and ends sessions through the step log's `SessionFinished`; tests
build their histories with these, inside the store's own write transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.core.engine.events import Event
from tui.core.store.database import Store
from tui.core.store.step_log import ToEpoch, end_session, record_events

ENDINGS = frozenset({"completed", "stopped", "abandoned"})


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

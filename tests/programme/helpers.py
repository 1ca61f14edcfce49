"""Sessions written straight into the store, as a workout that ended leaves them."""

from __future__ import annotations

import json
from datetime import datetime

from tui.core.store.database import Store


def ended(store: Store, routine_id: str, when: datetime, *, status: str = "completed",
          done: tuple[str, ...] = ("Pelvic tilt",), speed: float = 1.0) -> int:
    """A session of `routine_id` started at `when`, ended five minutes later."""
    at = when.timestamp()
    sid = store.begin(routine_id, None, routine_id, 'name = "x"\n', 300.0, 1, {}, at, speed=speed)
    with store._write() as conn:
        conn.execute("UPDATE sessions SET status = ?, ended_at = ?, done = ? WHERE id = ?",
                     (status, at + 300, json.dumps(list(done)), sid))  # fmt: skip
    return sid

"""The progression methods of `Store` (migration 5): each exercise's stage per
routine, the log of every decision, and judging a session once its answers
come. The rows and the judging are `stage_rows`, imported when first used: the
Store is opened before a workout's first frame, and this class is all it needs.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.programme.progression import Decision
    from tui.core.programme.stages import Stage, StartedStage
    from tui.core.store.stage_rows import LogEntry


class ProgressMethods:
    """The progression methods of `Store` (a mixin: it supplies `_guard` and `_write`)."""

    if TYPE_CHECKING:

        def _guard(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def stages(self, routine_id: str) -> dict[str, Stage]:
        """Each exercise's stage in `routine_id`, by key (missing: as written)."""
        with self._guard() as conn:
            return read_stages(conn, routine_id)

    def stage_log(self, routine_id: str) -> list[LogEntry]:
        """Every decision about `routine_id`'s exercises, oldest first."""
        from tui.core.store.stage_rows import read_log

        with self._guard() as conn:
            return read_log(conn, routine_id)

    def apply_session(
        self, session_id: int, now: float, tz: tzinfo | None = None
    ) -> list[tuple[StartedStage, Decision]]:
        """Judge session `session_id` for each exercise it progresses, once; the
        decisions made now (none when it is still open, or all were made before).
        `now` is epoch seconds; the two-red-days window ends on its day in `tz`."""
        from tui.core.store.stage_rows import apply_session

        with self._write() as conn:
            return apply_session(conn, session_id, now, tz)

    def reset_stages(
        self, routine_id: str, started: list[StartedStage], now: float
    ) -> list[tuple[StartedStage, Decision]]:
        """Back to the dose written for each of `started` (the log keeps the reset)."""
        from tui.core.store.stage_rows import reset_rows

        with self._write() as conn:
            return reset_rows(conn, routine_id, started, now)


def read_stages(conn: sqlite3.Connection, routine_id: str) -> dict[str, Stage]:
    from tui.core.programme.stages import Stage

    rows = conn.execute(
        "SELECT exercise, stage, settled FROM stages WHERE routine_id = ?", (routine_id,)
    )
    return {name: Stage(stage, settled) for name, stage, settled in rows}

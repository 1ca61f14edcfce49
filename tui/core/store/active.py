"""The active session as read back from the store, and the small helpers around it:
ownership by process id, the routine text's hash, the clock-to-epoch converter,
and `NullStore`, which stands in when the database cannot be written."""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

import json
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.core.engine.clock import Clock
from tui.core.routine.problems import RoutineError
from tui.core.routine.source import read_source
from tui.core.sound_modes import SOUND_MODES
from tui.core.store.schema import SessionOpenError, StoreUnavailable, by_name, lenient
from tui.core.store.step_log import ToEpoch

if TYPE_CHECKING:
    from tui.core.store.record import SessionRecord


class ActiveSession(NamedTuple):
    """The session that can be resumed: its routine as it was, and where it stopped."""

    id: int
    routine_id: str
    routine_path: str | None
    routine_name: str
    routine_text: str
    routine_hash: str
    snapshot: dict[str, Any]
    started_at: float
    updated_at: float
    paused_at: float | None
    owner_pid: int | None
    exercises: int
    total_seconds: float
    #: What `begin` was given as `extras` (JSON types).
    extras: dict[str, Any]
    #: Index (from 0) of the exercise of the last step entered; None before any.
    current_exercise: int | None
    #: The speed it was started at; resuming keeps it (not 1: a preview).
    speed: float = 1.0
    #: JSON of the progression stages it started with (`progress.StartedStage`), if any.
    stages: str | None = None

    @property
    def sound(self) -> str | None:
        """The sound mode it was started with (`--sound`); None: not given, or unknown."""
        mode = self.extras.get("sound")
        return mode if isinstance(mode, str) and mode in SOUND_MODES else None

    @property
    def voice(self) -> bool | None:
        """`--voice` or `--no-voice` as it was started with; None: not given."""
        voice = self.extras.get("voice")
        return voice if isinstance(voice, bool) else None

    @property
    def left_at(self) -> float:
        """When the person left it: paused, or the last save before a crash."""
        return self.paused_at if self.paused_at is not None else self.updated_at

    @property
    def held_elsewhere(self) -> bool:
        """Open in another spinewise that is still running (not this process)."""
        return held_by_other(self.owner_pid, os.getpid())

    def paused_snapshot(self) -> dict[str, Any]:
        """The snapshot to restore from: a session that was running comes back paused."""
        data = dict(self.snapshot)
        if data.get("status") == "running":
            data["status"] = "paused"
        return data

    def routine_file_state(self) -> str:
        """'unchanged', 'changed' or 'missing' for the file at `routine_path`; else 'unknown'."""
        if not self.routine_path:
            return "unknown"
        try:
            text = read_source(Path(self.routine_path))
        except RoutineError:
            return "missing" if not Path(self.routine_path).exists() else "changed"
        return "unchanged" if text == self.routine_text else "changed"


def read_active(conn: sqlite3.Connection, path: str) -> ActiveSession | None:
    """The session waiting to be resumed, if any (`Store.active`)."""
    row = by_name(conn.execute(
        "SELECT id, routine_id, routine_path, routine_name, routine_text, routine_hash,"
        " snapshot, started_at, updated_at, paused_at, owner_pid, exercises,"
        " total_seconds, extras, speed, stages FROM sessions WHERE status = 'active'"
    )).fetchone()
    if row is None:
        return None
    last = conn.execute(
        "SELECT exercise_index FROM steps WHERE session_id = ? ORDER BY id DESC LIMIT 1",
        (row["id"],),
    ).fetchone()
    try:
        snapshot, extras = json.loads(row["snapshot"]), json.loads(row["extras"])
    except ValueError:
        raise StoreUnavailable(
            f"the paused session of {row['routine_name']} in {path} is damaged and "
            "cannot be resumed: start anew with spinewise run ROUTINE --discard"
        ) from None
    return ActiveSession(
        id=row["id"],
        routine_id=row["routine_id"],
        routine_path=row["routine_path"],
        routine_name=row["routine_name"],
        routine_text=row["routine_text"],
        routine_hash=row["routine_hash"],
        snapshot=snapshot,
        started_at=row["started_at"],
        updated_at=row["updated_at"],
        paused_at=row["paused_at"],
        owner_pid=row["owner_pid"],
        exercises=row["exercises"],
        total_seconds=row["total_seconds"],
        extras=extras,
        speed=row["speed"],
        stages=row["stages"],
        current_exercise=None if last is None else last[0],
    )


def open_session(conn: sqlite3.Connection, session_id: int | None = None) -> sqlite3.Row | None:
    """The active session's id, routine name and owner; `session_id`'s only, if given."""
    sql = (  # the name as bytes: it may not be UTF-8, and is only ever shown
        "SELECT id, CAST(routine_name AS BLOB) AS routine_name, owner_pid FROM sessions"
        " WHERE status = 'active'"
    )
    if session_id is None:
        cursor = conn.execute(sql)
    else:
        cursor = conn.execute(f"{sql} AND id = ?", (session_id,))
    row: sqlite3.Row | None = by_name(cursor).fetchone()
    return row


def check_owner(row: sqlite3.Row, pid: int, *, new: bool) -> None:
    """Refuse while a live other spinewise owns the session `row` (`open_session`),
    or, for `new`, at all."""
    session_id, name, owner = int(row["id"]), lenient(row["routine_name"]), row["owner_pid"]
    if held_by_other(owner, pid):
        raise SessionOpenError(
            f"a session is open in another spinewise (pid {owner})",
            session_id=session_id,
            pid=owner,
        )
    if new:
        raise SessionOpenError(
            f"a session of {name!r} is waiting to be resumed: resume it or discard it first",
            session_id=session_id,
        )


def routine_hash(text: str) -> str:
    """The `routine_hash` column: a short fingerprint of the routine's text (CRC-32, hex),
    to tell versions apart when reading the database by eye.

    Nothing compares it: `routine_file_state` compares the text itself. (Rows written
    before hold a SHA-256; hashlib loads OpenSSL, which the first frame waited for.)
    """
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def epoch_converter(clock: Clock, wall: Callable[[], float] = time.time) -> ToEpoch:
    """`to_epoch` for engine events: clock time `due` -> Unix epoch seconds."""
    return lambda due: wall() - (clock.now() - due)


def running_elsewhere(store: Any) -> int | None:
    """The id of the session open in another spinewise that is still running (its
    owner alive), if any; None too when the active session does not read. Shown as
    `record.IN_PROGRESS` (`SessionRecord.as_shown`)."""
    try:
        active = store.active()
    except StoreUnavailable:
        return None
    return active.id if active is not None and active.held_elsewhere else None


def held_by_other(owner: int | None, pid: int) -> bool:
    """Whether a session owned by process `owner` is held by a live one other than `pid`."""
    return owner is not None and owner != pid and pid_alive(owner)


def pid_alive(pid: int) -> bool:
    """Whether process `pid` exists. (Windows cannot be asked safely: assume not.)"""
    if pid <= 0 or sys.platform == "win32":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has died but not yet been reaped (Linux): not alive."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # The state follows the command name, which is in parentheses and may hold spaces.
    return stat[stat.rfind(")") + 1 :].split()[:1] == ["Z"]


class NullStore:
    """Stands in for `Store` once it is unavailable: the same methods, recording
    nothing, so the workout goes on in memory. `reason` says why."""

    available = False
    path = None

    def __init__(self, reason: str = "") -> None:
        self.reason = reason
        self.warnings: list[str] = [reason] if reason else []

    # What writes does nothing: each written out, so the type checker sees them all.
    def close(self) -> None:
        return None

    def claim(self, session_id: int, pid: int | None = None) -> None:
        return None

    def release(self, session_id: int, pid: int | None = None) -> None:
        return None

    def checkpoint(self, *args: Any, **kwargs: Any) -> None:
        return None

    def mark_paused(self, session_id: int, now: float) -> None:
        return None

    def discard_active(self, now: float | None = None, *, pid: int | None = None) -> None:
        return None

    def forget(self, session_id: int) -> None:
        return None

    def set_speed(self, session_id: int, speed: float) -> None:
        return None

    def begin(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def active(self) -> None:
        return None

    def history(self, *args: Any, **kwargs: Any) -> "list[SessionRecord]":
        return []

    def count_sessions(self, *, include_active: bool = False) -> int:
        return 0

    def each_session_json(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        return iter(())

    def standalone_json(self, *args: Any, **kwargs: Any) -> list[str]:
        return []

    def add_checkin(self, checkin: Any) -> int:
        return 0

    def replace_checkin(self, checkin_id: int, checkin: Any) -> int:
        return 0

    def checkins(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def last_session(self, *, counting: bool = False) -> None:
        return None

    def preview_ids(self, since: float) -> set[int]:
        return set()

    def daily_minutes(self, since: float) -> dict[date, float]:
        return {}

    def exercise_stats(self) -> list[Any]:
        return []

    def stages(self, routine_id: str) -> dict[str, Any]:
        return {}

    def stage_log(self, routine_id: str) -> list[Any]:
        return []

    def apply_session(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def session_facts(self, *args: Any, **kwargs: Any) -> None:
        return None

    def reset_stages(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def streak(self, today: date | None = None) -> int:
        return 0

    def minutes_per_week(
        self, weeks: int = 12, today: date | None = None
    ) -> list[tuple[date, float]]:
        from tui.core.store.history import weekly_minutes

        return weekly_minutes([], today or date.today(), weeks)

"""Sessions kept in SQLite: the one active (paused or interrupted) session, and history.

`Store.open()` opens `paths.database_file()` (or a given path, or ":memory:"),
moving a damaged file aside and refusing one from a newer spinewise. Every
write is one `BEGIN IMMEDIATE` transaction; `checkpoint()` stores the engine
snapshot and the step log of a batch of engine events together, so what is
on disk is always a consistent position. Any failure to write raises
`StoreUnavailable`: the app then swaps in `NullStore` and the workout goes on
in memory. Methods are safe to call from a worker thread (one lock).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core import paths
from tui.core.engine.events import Event
from tui.core.store.active import (
    ActiveSession,
    NullStore,
    epoch_converter,
    held_by_other,
    pid_alive,
    routine_hash,
)
from tui.core.store.checkins import CheckInMethods
from tui.core.store.schema import (
    Damaged,
    SessionOpenError,
    StoreError,
    StoreUnavailable,
    StoreVersionError,
    by_name,
    connect,
    describe,
    migrate,
    move_aside,
    open_checked,
)
from tui.core.store.step_log import ToEpoch, end_session, record_events

if TYPE_CHECKING:  # history is read in other runs than workouts: imported when asked
    from tui.core.store.history import SessionRecord

__all__ = [
    "ActiveSession",
    "NullStore",
    "SessionOpenError",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "StoreVersionError",
    "epoch_converter",
    "pid_alive",
    "routine_hash",
]

MEMORY = ":memory:"


class Store(CheckInMethods):
    """The session database. Open with `Store.open()`; see the module's docstring
    (check-ins: `checkins.CheckInMethods`)."""

    available = True

    def __init__(self, conn: sqlite3.Connection, path: str, warnings: list[str]) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        #: Things the person should be told (a damaged file moved aside, and where).
        self.warnings = warnings

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (creating or migrating) the database at `path`, by default
        `paths.database_file()`; ":memory:" keeps everything in memory.

        A damaged file is moved aside and a fresh one started (`warnings` says
        where). Raises `StoreVersionError` for a database from a newer spinewise
        (left untouched) and `StoreUnavailable` when the file or its folder cannot
        be read or written.
        """
        target = paths.database_file() if path is None else path
        if str(target) == MEMORY:
            conn = connect(MEMORY)
            migrate(conn)
            return cls(conn, MEMORY, [])
        target = Path(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot create the folder {target.parent} for the session database: "
                f"{describe(exc)}"
            ) from exc
        warnings: list[str] = []
        try:
            conn = open_checked(target)
        except Damaged as exc:
            try:
                aside = move_aside(target, datetime.now())
            except OSError as err:
                raise StoreUnavailable(
                    f"the session database {target} is damaged ({exc}) and cannot be moved "
                    f"aside: {describe(err)}"
                ) from err
            warnings.append(
                f"The session database was damaged ({exc}); it was moved to {aside} "
                "and a new one was started."
            )
            try:
                conn = open_checked(target)
            except Damaged as again:  # a new file cannot be damaged: the disk is failing
                raise StoreUnavailable(f"cannot start a new session database: {again}") from again
        return cls(conn, str(target), warnings)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the active session ----------------------------------------------------

    def begin(
        self,
        routine_id: str,
        routine_path: str | Path | None,
        routine_name: str,
        routine_text: str,
        plan_total: float,
        exercises: int,
        snapshot: dict[str, Any],
        now: float,
        *,
        pid: int | None = None,
        extras: dict[str, Any] | None = None,
        speed: float = 1.0,
    ) -> int:
        """Store a new active session owned by `pid` (this process); its id.

        `routine_text` is kept whole so resuming never needs the file; `extras`
        (JSON types) holds anything else resuming needs, such as the text of
        the exercise library files the routine `use`s; `speed`, what it runs at
        (a preview at any other than 1: `engine.credit`). Refuses with
        `SessionOpenError` while another session is active.
        """
        pid = os.getpid() if pid is None else pid
        with self._write() as conn:
            row = _open_session(conn)
            if row:
                _check_owner(row, pid, new=True)
            cursor = conn.execute(
                "INSERT INTO sessions (routine_id, routine_path, routine_name, routine_text,"
                " routine_hash, status, started_at, updated_at, snapshot, active_seconds,"
                " total_seconds, exercises, owner_pid, extras, speed)"
                " VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (routine_id, None if routine_path is None else str(routine_path), routine_name,
                 routine_text, routine_hash(routine_text), now, now, json.dumps(snapshot),
                 _active(snapshot), plan_total, exercises, pid, json.dumps(extras or {}),
                 float(speed)),
            )  # fmt: skip
            return int(cursor.lastrowid or 0)

    def active(self) -> ActiveSession | None:
        with self._guard() as conn:
            row = by_name(conn.execute(
                "SELECT id, routine_id, routine_path, routine_name, routine_text, routine_hash,"
                " snapshot, started_at, updated_at, paused_at, owner_pid, exercises,"
                " total_seconds, extras, speed FROM sessions WHERE status = 'active'"
            )).fetchone()
            if row is None:
                return None
            last = conn.execute(
                "SELECT exercise_index FROM steps WHERE session_id = ? ORDER BY id DESC LIMIT 1",
                (row["id"],),
            ).fetchone()
        return ActiveSession(
            id=row["id"],
            routine_id=row["routine_id"],
            routine_path=row["routine_path"],
            routine_name=row["routine_name"],
            routine_text=row["routine_text"],
            routine_hash=row["routine_hash"],
            snapshot=json.loads(row["snapshot"]),
            started_at=row["started_at"],
            updated_at=row["updated_at"],
            paused_at=row["paused_at"],
            owner_pid=row["owner_pid"],
            exercises=row["exercises"],
            total_seconds=row["total_seconds"],
            extras=json.loads(row["extras"]),
            speed=row["speed"],
            current_exercise=None if last is None else last[0],
        )

    def discard_active(self, now: float | None = None, *, pid: int | None = None) -> int | None:
        """Abandon the active session, if any (its id); refused while another live
        spinewise holds it."""
        pid = os.getpid() if pid is None else pid
        now = time.time() if now is None else now
        with self._write() as conn:
            row = _open_session(conn)
            if row is None:
                return None
            _check_owner(row, pid, new=False)
            end_session(conn, row["id"], "abandoned", now)
            return int(row["id"])

    def forget(self, session_id: int) -> None:
        """Delete the active session `session_id`, steps and all: one left before it began."""
        with self._write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ? AND status = 'active'", (session_id,))

    def set_speed(self, session_id: int, speed: float) -> None:
        """The active session now runs at `speed` (resumed at another: a preview)."""
        sql = "UPDATE sessions SET speed = ? WHERE id = ? AND status = 'active'"
        with self._write() as conn:
            conn.execute(sql, (float(speed), session_id))

    def claim(self, session_id: int, pid: int | None = None) -> None:
        """Make `pid` (this process) the session's owner, unless a live other one is."""
        pid = os.getpid() if pid is None else pid
        with self._write() as conn:
            row = _open_session(conn, session_id)
            if row is None:
                raise SessionOpenError(f"session {session_id} is not open", session_id=session_id)
            _check_owner(row, pid, new=False)
            conn.execute("UPDATE sessions SET owner_pid = ? WHERE id = ?", (pid, session_id))

    def release(self, session_id: int, pid: int | None = None) -> None:
        """Give up ownership (on a clean quit); only the owner's release counts."""
        pid = os.getpid() if pid is None else pid
        with self._write() as conn:
            conn.execute(
                "UPDATE sessions SET owner_pid = NULL WHERE id = ? AND owner_pid = ?",
                (session_id, pid),
            )

    def checkpoint(
        self,
        session_id: int,
        snapshot: dict[str, Any],
        events: Iterable[Event],
        now: float,
        to_epoch: ToEpoch,
    ) -> None:
        """Store the engine's position and the step log of a batch of engine events
        in one transaction (nothing of a session that has ended)."""
        with self._write() as conn:
            _save(conn, session_id, snapshot, now)
            record_events(conn, session_id, events, to_epoch)

    def mark_paused(self, session_id: int, now: float) -> None:
        """Record when the person left (`save` of a paused snapshot does this too)."""
        with self._write() as conn:
            conn.execute(
                "UPDATE sessions SET paused_at = ? WHERE id = ? AND status = 'active'",
                (now, session_id),
            )

    # -- history ---------------------------------------------------------------

    def history(
        self,
        limit: int | None = None,
        *,
        include_active: bool = False,
        offset: int = 0,
        steps: bool = True,
    ) -> list[SessionRecord]:
        """Ended sessions, newest first, `offset` left out; with their steps unless not
        `steps` (`history.load_sessions`)."""
        from tui.core.store.history import load_sessions

        with self._guard() as conn:
            return load_sessions(
                conn, limit, include_active=include_active, offset=offset, steps=steps
            )

    def count_sessions(self, *, include_active: bool = False) -> int:
        from tui.core.store.history import count_sessions

        with self._guard() as conn:
            return count_sessions(conn, include_active=include_active)

    def each_session(
        self, page: int = 100, *, include_active: bool = False
    ) -> Iterator[SessionRecord]:
        """Every ended session (and the active one, if `include_active`) with its steps,
        newest first, read `page` sessions at a time: `history --json` writes each as
        it comes, never holding them all."""
        offset = 0
        while batch := self.history(page, offset=offset, include_active=include_active):
            yield from batch
            offset += len(batch)

    def streak(self, today: date | None = None) -> int:
        """Days in a row exercised, ending today or yesterday (`history.streak_of`)."""
        from tui.core.store.history import activity, streak_of

        with self._guard() as conn:
            rows = activity(conn)
        return streak_of(rows, today or date.today())

    def minutes_per_week(
        self, weeks: int = 12, today: date | None = None
    ) -> list[tuple[date, float]]:
        """(Monday, active minutes) for the last `weeks` weeks, oldest first."""
        from tui.core.store.history import activity, weekly_minutes

        with self._guard() as conn:
            rows = activity(conn)
        return weekly_minutes(rows, today or date.today(), weeks)

    # -- inside ------------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                    raise  # a bug, not the disk
                raise StoreUnavailable(
                    f"the session database {self.path} cannot be used: {describe(exc)}"
                ) from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._guard() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise


def _active(snapshot: dict[str, Any]) -> float:
    return float(snapshot.get("active_seconds", 0.0))


def _open_session(conn: sqlite3.Connection, session_id: int | None = None) -> sqlite3.Row | None:
    """The active session's id, routine name and owner; `session_id`'s only, if given."""
    sql = "SELECT id, routine_name, owner_pid FROM sessions WHERE status = 'active'"
    if session_id is None:
        cursor = conn.execute(sql)
    else:
        cursor = conn.execute(f"{sql} AND id = ?", (session_id,))
    row: sqlite3.Row | None = by_name(cursor).fetchone()
    return row


def _check_owner(row: sqlite3.Row, pid: int, *, new: bool) -> None:
    """Refuse while a live other spinewise owns the session `row` (`_open_session`),
    or, for `new`, at all."""
    session_id, name, owner = int(row["id"]), str(row["routine_name"]), row["owner_pid"]
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


def _save(conn: sqlite3.Connection, session_id: int, snapshot: dict[str, Any], now: float) -> None:
    conn.execute(
        "UPDATE sessions SET snapshot = ?, updated_at = ?, active_seconds = ?,"
        " paused_at = CASE ? WHEN 'running' THEN NULL"
        "   WHEN 'paused' THEN coalesce(paused_at, ?) ELSE paused_at END"
        " WHERE id = ? AND status = 'active'",
        (json.dumps(snapshot), now, _active(snapshot), snapshot.get("status"), now, session_id),
    )

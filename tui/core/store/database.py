"""Sessions kept in SQLite: the one active (paused or interrupted) session, and history.

`Store.open()` opens `paths.database_file()` (or a given path, or ":memory:"),
moving a damaged file aside (what still reads is salvaged into the new one,
`recovery`) and refusing one from a newer spinewise. `Store.read_only()` opens
it for reading only (`history`): nothing is migrated or written. Every write
is one `BEGIN IMMEDIATE` transaction; `checkpoint()` stores the engine
snapshot and the step log of a batch of engine events together, so what is
on disk is always a consistent position. Any failure to use the database
after opening raises `StoreUnavailable` with one sentence: the workout then
goes on in memory and tries again at its next save. Text that is not UTF-8 (a
flipped byte that `quick_check` does not see) is read with replacement
characters. Methods are safe to call from a worker thread (one lock).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core import paths
from tui.core.engine.events import Event
from tui.core.store.active import (
    ActiveSession,
    NullStore,
    check_owner,
    epoch_converter,
    open_session,
    pid_alive,
    read_active,
    routine_hash,
)
from tui.core.store.checkins import CheckInMethods, ProgressMethods
from tui.core.store.enrolment import EnrolmentMethods
from tui.core.store.json_methods import JsonRowMethods
from tui.core.store.schema import (
    Damaged,
    SessionOpenError,
    StoreError,
    StoreUnavailable,
    StoreVersionError,
    connect,
    describe,
    is_damage,
    migrate,
    open_checked,
    read_leniently,
)
from tui.core.store.step_log import (
    ToEpoch,
    active_seconds,
    end_session,
    record_events,
    save_position,
)

if TYPE_CHECKING:  # history is read in other runs than workouts: imported when asked
    from tui.core.store.record import SessionRecord

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
T = TypeVar("T")


class Store(CheckInMethods, EnrolmentMethods, JsonRowMethods, ProgressMethods):
    """The session database. Open with `Store.open()`; see the module's docstring
    (check-ins: `checkins.CheckInMethods`; plans: `enrolment.EnrolmentMethods`;
    progression: `checkins.ProgressMethods`)."""

    available = True

    def __init__(
        self, conn: sqlite3.Connection, path: str, warnings: list[str], *, read_only: bool = False
    ) -> None:
        self._conn = conn
        self._read_only = read_only
        self._repaired = False
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
            from tui.core.store.recovery import replace_damaged  # only for a damaged file

            conn, warning = replace_damaged(target, str(exc))
            warnings.append(warning)
        return cls(conn, str(target), warnings)

    @classmethod
    def read_only(cls, path: str | Path | None = None) -> Store:
        """The database at `path` (by default `paths.database_file()`) for reading:
        from a read-only folder or a full disk too. Nothing is migrated, moved or
        written; a missing file reads as no history, a damaged one as what still
        reads (`recovery.open_read_only`; `warnings` says so). Raises as `open`."""
        from tui.core.store.recovery import open_read_only
        from tui.core.store.row_check import readable_copy

        target = Path(paths.database_file() if path is None else path)
        conn, warnings = open_read_only(target)
        conn, left_out = readable_copy(conn, str(target))  # rows a hand edit spoilt: said
        return cls(conn, str(target), [*warnings, *([left_out] if left_out else [])],
                   read_only=True)  # fmt: skip

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
        stages: str | None = None,
    ) -> int:
        """Store a new active session owned by `pid` (this process); its id.

        `routine_text` is kept whole so resuming never needs the file; `extras`
        (JSON types) holds anything else resuming needs, such as the text of
        the exercise library files the routine `use`s; `speed`, what it runs at
        (a preview at any other than 1: `engine.credit`); `stages`, the JSON of the
        progression stages it starts with (`progress.StartedStage`). Refuses with
        `SessionOpenError` while another session is active.
        """
        pid = os.getpid() if pid is None else pid
        with self._write() as conn:
            row = open_session(conn)
            if row:
                check_owner(row, pid, new=True)
            cursor = conn.execute(
                "INSERT INTO sessions (routine_id, routine_path, routine_name, routine_text,"
                " routine_hash, status, started_at, updated_at, snapshot, active_seconds,"
                " total_seconds, exercises, owner_pid, extras, speed, stages)"
                " VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (routine_id, None if routine_path is None else str(routine_path), routine_name,
                 routine_text, routine_hash(routine_text), now, now, json.dumps(snapshot),
                 active_seconds(snapshot), plan_total, exercises, pid, json.dumps(extras or {}),
                 float(speed), stages),
            )  # fmt: skip
            return int(cursor.lastrowid or 0)

    def active(self) -> ActiveSession | None:
        """The session waiting to be resumed, if any; `StoreUnavailable` when its
        saved place no longer reads (discard it with `run ROUTINE --discard`)."""
        return self._read(lambda conn: read_active(conn, self.path))

    def discard_active(self, now: float | None = None, *, pid: int | None = None) -> int | None:
        """Abandon the active session, if any (its id); refused while another live
        spinewise holds it."""
        pid = os.getpid() if pid is None else pid
        now = time.time() if now is None else now
        with self._write() as conn:
            row = open_session(conn)
            if row is None:
                return None
            check_owner(row, pid, new=False)
            end_session(conn, row["id"], "abandoned", now)
            return int(row["id"])

    def forget(self, session_id: int) -> None:
        """Delete the active session `session_id`, steps and check-ins and all: one left
        before it began keeps nothing (its pain before would stay, session-less, by
        the check-ins' ON DELETE SET NULL)."""
        with self._write() as conn:
            active = conn.execute(
                "SELECT 1 FROM sessions WHERE id = ? AND status = 'active'", (session_id,)
            ).fetchone()
            if active is None:
                return
            conn.execute("DELETE FROM checkins WHERE session_id = ?", (session_id,))
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def set_speed(self, session_id: int, speed: float) -> None:
        """The active session now runs at `speed` (resumed at another: a preview)."""
        sql = "UPDATE sessions SET speed = ? WHERE id = ? AND status = 'active'"
        with self._write() as conn:
            conn.execute(sql, (float(speed), session_id))

    def claim(self, session_id: int, pid: int | None = None) -> None:
        """Make `pid` (this process) the session's owner, unless a live other one is."""
        pid = os.getpid() if pid is None else pid
        with self._write() as conn:
            row = open_session(conn, session_id)
            if row is None:
                raise SessionOpenError(f"session {session_id} is not open", session_id=session_id)
            check_owner(row, pid, new=False)
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
            save_position(conn, session_id, snapshot, now)
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

        return self._read(
            lambda conn: load_sessions(
                conn, limit, include_active=include_active, offset=offset, steps=steps
            )
        )

    def count_sessions(self, *, include_active: bool = False) -> int:
        from tui.core.store.history import count_sessions

        return self._read(lambda conn: count_sessions(conn, include_active=include_active))

    def streak(self, today: date | None = None) -> int:
        """Days in a row exercised, ending today or yesterday (`history.streak_of`)."""
        from tui.core.store.history import activity, streak_of

        rows = self._read(activity)
        return streak_of(rows, today or date.today())

    def minutes_per_week(
        self, weeks: int = 12, today: date | None = None
    ) -> list[tuple[date, float]]:
        """(Monday, active minutes) for the last `weeks` weeks, oldest first."""
        from tui.core.store.history import activity, weekly_minutes

        rows = self._read(activity)
        return weekly_minutes(rows, today or date.today(), weeks)

    # -- inside ------------------------------------------------------------------

    def _read(self, read: Callable[[sqlite3.Connection], T]) -> T:
        """`read(conn)`; read again with lenient text when a column is not UTF-8
        (decoding every read leniently would cost some 40% of a large read), and
        from the repaired database when the read found damage (`_repair`)."""
        with self._lock:
            before = self._conn
            try:
                with self._guard() as conn:
                    return read_leniently(conn, read)
            except StoreUnavailable:
                if self._conn is before:  # not repaired by this failure
                    raise
            with self._guard() as conn:
                return read_leniently(conn, read)

    def _repair(self, reason: str) -> None:
        """Damage found after opening (`quick_check` passed; a page broke on reading):
        once, salvage what reads, into memory for a read-only store, else into a new
        file with the damaged one moved aside as at opening (`warnings` says so)."""
        from tui.core.store.recovery import counted, replace_damaged, salvaged_copy

        self._repaired = True
        if self._read_only:
            conn, counts = salvaged_copy(self._conn)
            warning = (
                f"The session database {self.path} is damaged ({reason}); showing what "
                f"could be read ({counted(counts)})."
            )
        else:
            conn, warning = replace_damaged(Path(self.path), reason)
            self._conn.close()
        self._conn = conn
        self.warnings.append(warning)

    @contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                    raise  # a bug, not the disk
                if is_damage(exc) and not self._repaired and self.path != MEMORY:
                    with suppress(StoreError, sqlite3.Error, OSError):
                        self._repair(describe(exc))
                raise StoreUnavailable(
                    f"the session database {self.path} cannot be used: {describe(exc)}"
                ) from exc
            except UnicodeDecodeError as exc:  # SQLite's message quoted damaged bytes
                raise StoreUnavailable(
                    f"the session database {self.path} cannot be used: it is damaged"
                ) from exc
            except (ValueError, TypeError) as exc:  # a row a hand edit spoilt, or a bug
                from tui.core.store.row_check import bad_rows, unreadable_row

                bad = bad_rows(self._conn)
                if not bad:
                    raise
                raise StoreUnavailable(unreadable_row(self.path, bad)) from exc

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


"""The plan a person follows, kept in the session database (migration 4), and the
completed sessions a plan counts.

The rules (what counts, what is due) are in `tui.core.programme.schedule`; this
module only stores and reads. `EnrolmentMethods` gives `Store` its plan
methods, run in the store's lock and write transactions like the rest. The
plan's text is kept whole as it was started: what was followed never changes
when the file is edited later, and `plan status` needs no file to read.

`PlanReader` reads the same without `Store`: `today` and `plan status` open the
file read-only and import none of the workout's store (the active session, the
step log, the engine's events), to start in about the time of `check`. It never
writes, migrates or moves a file: a database of an older version simply has no
plan yet, and a damaged one is repaired when a workout or `plan start` opens it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from tui.core.engine.credit import COMPLETED, outcome
from tui.core.store.schema import (
    Damaged,
    StoreError,
    StoreUnavailable,
    by_name,
    describe,
    header_version,
    refuse_newer,
)

if TYPE_CHECKING:
    from tui.core.programme.stages import Stage
    from tui.core.programme.zones import CheckIn
    from tui.core.store.stage_rows import LogEntry

T = TypeVar("T")
_COLUMNS = "id, plan_id, plan_path, plan_name, plan_text, started_on, started_at, days, stopped_at"


class PlanRunning(StoreError):
    """A plan is already running (starting another needs it stopped, or replacing)."""

    def __init__(self, running: Enrolment) -> None:
        super().__init__(f"the plan {running.plan_name!r} is already running")
        self.running = running


class Enrolment(NamedTuple):
    """One plan followed: its id, file and name, its text as started, the local day
    and epoch it started, the weekdays chosen (0 Monday; None: each phase's own),
    and when it was stopped (None: it runs)."""

    id: int
    plan_id: str
    plan_path: str | None
    plan_name: str
    plan_text: str
    started_on: date
    started_at: float
    days: tuple[int, ...] | None
    stopped_at: float | None = None


class EnrolmentMethods:
    """The plan methods of `Store` (a mixin: it supplies `_guard` and `_write`)."""

    if TYPE_CHECKING:

        def _guard(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def running_plan(self) -> Enrolment | None:
        """The plan followed now, if any."""
        with self._guard() as conn:
            return running(conn)

    def start_plan(
        self,
        plan_id: str,
        plan_path: str | None,
        plan_name: str,
        plan_text: str,
        started_on: date,
        started_at: float,
        days: tuple[int, ...] | None,
        *,
        replace: bool = False,
    ) -> tuple[Enrolment, Enrolment | None]:
        """Start following a plan: (the new enrolment, the one it replaced if any).

        Raises `PlanRunning` while one runs, unless `replace` (which stops that one
        at `started_at`, in the same transaction)."""
        with self._write() as conn:
            before = running(conn)
            if before is not None:
                if not replace:
                    raise PlanRunning(before)
                conn.execute(
                    "UPDATE plan_enrolments SET stopped_at = ? WHERE id = ?",
                    (started_at, before.id),
                )
            text = None if days is None else ",".join(str(d) for d in days)
            cursor = conn.execute(
                "INSERT INTO plan_enrolments (plan_id, plan_path, plan_name, plan_text,"
                " started_on, started_at, days) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (plan_id, plan_path, plan_name, plan_text, started_on.isoformat(), started_at,
                 text),
            )  # fmt: skip
            new = running(conn)
            assert new is not None and new.id == cursor.lastrowid
            return new, before

    def set_plan_days(self, days: tuple[int, ...] | None) -> Enrolment | None:
        """Change the weekdays (0 Monday; None: each phase's own) of the plan followed
        now, keeping its start and so its place (sessions count from `started_at`);
        the enrolment as changed, or None when no plan runs."""
        with self._write() as conn:
            before = running(conn)
            if before is None:
                return None
            text = None if days is None else ",".join(str(d) for d in days)
            conn.execute("UPDATE plan_enrolments SET days = ? WHERE id = ?", (text, before.id))
            return running(conn)

    def stop_plan(self, now: float) -> Enrolment | None:
        """Stop the plan followed now; the one stopped, or None when none ran."""
        with self._write() as conn:
            before = running(conn)
            if before is not None:
                conn.execute(
                    "UPDATE plan_enrolments SET stopped_at = ? WHERE id = ?", (now, before.id)
                )
            return before

    def completed_since(self, since: float) -> list[tuple[float, str]]:
        """(started_at epoch, routine id) of each session started at or after epoch
        `since` that completed (`engine.credit.outcome`: not a preview, not skipped),
        oldest first."""
        with self._guard() as conn:
            return completed_since(conn, since)


def running(conn: sqlite3.Connection) -> Enrolment | None:
    row = by_name(conn.execute(
        f"SELECT {_COLUMNS} FROM plan_enrolments WHERE stopped_at IS NULL ORDER BY id DESC"
    )).fetchone()  # fmt: skip
    return None if row is None else _enrolment(row)


def _enrolment(row: sqlite3.Row) -> Enrolment:
    days = row["days"]
    return Enrolment(
        id=row["id"],
        plan_id=row["plan_id"],
        plan_path=row["plan_path"],
        plan_name=row["plan_name"],
        plan_text=row["plan_text"],
        started_on=date.fromisoformat(row["started_on"]),
        started_at=row["started_at"],
        days=None if days is None else tuple(int(d) for d in days.split(",") if d),
        stopped_at=row["stopped_at"],
    )


def completed_since(conn: sqlite3.Connection, since: float) -> list[tuple[float, str]]:
    rows = conn.execute(
        "SELECT started_at, routine_id, status, speed, json_array_length(done) FROM sessions"
        " WHERE started_at >= ? AND status = 'completed' ORDER BY started_at, id",
        (since,),
    )
    return [(float(at), str(rid)) for at, rid, status, speed, done in rows
            if outcome(status, speed, done) == COMPLETED]  # fmt: skip


#: The schema version that made the plan table (`schema.MIGRATIONS`).
PLANS_FROM_VERSION = 4


class PlanReader:
    """The plan methods of `Store` that read, over the database opened read-only.

    `PlanReader.open(path)`: a missing file, or one older than the plan table,
    reads as no plan. Raises `StoreUnavailable` when the file cannot be read.
    """

    def __init__(self, conn: sqlite3.Connection | None, path: Path | str = "") -> None:
        self._conn = conn
        self._path = str(path)

    @classmethod
    def open(cls, path: Path) -> PlanReader:
        """Raises `StoreVersionError` for a database from a newer spinewise (a plan it
        keeps may mean what this one cannot tell), as `Store.open` does."""
        try:
            version = header_version(path)
            refuse_newer(path, version)
            if version < PLANS_FROM_VERSION:
                return cls(None)
            reader = cls(_connect_read_only(path), path)
            try:  # the header may lag a version written through the -wal
                row = reader._read(lambda c: c.execute("PRAGMA user_version").fetchone())
                refuse_newer(path, int(row[0]))
            except BaseException:
                reader.close()
                raise
            return reader
        except (OSError, sqlite3.Error, ValueError, Damaged) as exc:
            raise StoreUnavailable(
                f"cannot read the session database {path}: {describe(_error(exc))}"
            ) from exc

    def running_plan(self) -> Enrolment | None:
        return None if self._conn is None else self._read(running)

    def completed_since(self, since: float) -> list[tuple[float, str]]:
        return [] if self._conn is None else self._read(lambda c: completed_since(c, since))

    def paused_routine(self) -> str | None:
        """The routine id of the session waiting to be resumed (paused or
        interrupted, at speed 1: a preview would not count), if any."""
        if self._conn is None:
            return None
        row = self._read(lambda c: c.execute(
            "SELECT routine_id FROM sessions WHERE status = 'active' AND speed = 1"
        ).fetchone())  # fmt: skip
        return None if row is None else str(row[0])

    def checkins(self, *, since: float | None = None) -> list[CheckIn]:
        """Check-ins from epoch `since`, oldest first (`store.checkins.select`), for
        the advice to see a professional; none in a file older than the check-ins."""
        from tui.core.store.checkins import select

        if self._conn is None:
            return []
        try:
            return select(self._conn, None, since)
        except sqlite3.OperationalError:  # no such table: written before check-ins
            return []

    def progress_of(self, routine_id: str) -> tuple[dict[str, Stage], list[LogEntry]]:
        """Each exercise's stage in `routine_id` and the log of its changes
        (`store.checkins`, for `today`); none in a file older than migration 5."""
        from tui.core.store.checkins import read_stages
        from tui.core.store.stage_rows import read_log

        if self._conn is None:
            return {}, []
        try:
            return read_stages(self._conn, routine_id), read_log(self._conn, routine_id)
        except sqlite3.OperationalError:  # no such table: written before progression
            return {}, []

    def _read(self, read: Callable[[sqlite3.Connection], T]) -> T:
        assert self._conn is not None
        try:
            return read(self._conn)
        except (ValueError, TypeError) as exc:  # a row a hand edit spoilt (`row_check`)
            from tui.core.store.row_check import bad_rows, unreadable_row

            bad = bad_rows(self._conn)
            if not bad and isinstance(exc, TypeError):
                raise
            raise StoreUnavailable(unreadable_row(self._path, bad)) from exc
        except sqlite3.Error as exc:
            raise StoreUnavailable(
                f"the session database cannot be read: {describe(_error(exc))}"
            ) from exc

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    def __enter__(self) -> PlanReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """`path` opened so that it cannot be written: `mode=ro` when a `-wal` is beside
    it (the sessions committed there must be read), else `immutable` (nothing made
    beside it). `recovery.connect_read_only` does the same with more fallbacks; it
    is not imported here, for start-up (it brings `json` and `urllib`)."""
    wal = path.with_name(path.name + "-wal").exists()
    uri = path.resolve().as_uri() + ("?mode=ro" if wal else "?mode=ro&immutable=1")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _error(exc: BaseException) -> sqlite3.Error | OSError:
    return exc if isinstance(exc, sqlite3.Error | OSError) else sqlite3.DatabaseError(str(exc))


"""The session database file: its tables, the migrations that build them, the
checks made when opening it, and the store's errors.

`PRAGMA user_version` holds how many migrations a database has had. Opening a
database applies the missing ones in order, all in one transaction, so a
database is always at a version this code knows or untouched. A database at a
higher version than `SCHEMA_VERSION` was written by a newer spinewise and is
refused (see `store.StoreVersionError`), never changed. One written by an
older spinewise is first copied whole beside it (`keep_copy`, `NAME.bak-vN`).

To change the schema, append a migration; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tui.core.store.errors import describe as describe
from tui.core.store.errors import one_line as one_line

#: Seconds a write waits for another spinewise holding the database.
BUSY_TIMEOUT = 5.0
_MAGIC = b"SQLite format 3\x00"
T = TypeVar("T")


class StoreError(Exception):
    """Base of the store's errors. Its text is one sentence, without a capital (it
    follows "spinewise: " or "Progress will not be saved: "), ending in a full stop:
    added here when the message has none, so every raise site reads alike."""

    def __init__(self, message: str = "", *args: object) -> None:
        if message and not message.endswith((".", "!", "?")):
            message += "."
        super().__init__(message, *args)


class StoreUnavailable(StoreError):
    """The database cannot be opened or written (read-only, disk full, I/O error)."""


class StoreVersionError(StoreError):
    """The database was written by a newer spinewise; it is left untouched."""


class SessionOpenError(StoreError):
    """A session is already open: paused here, or running in another process."""

    def __init__(self, message: str, *, session_id: int | None = None, pid: int | None = None):
        super().__init__(message)
        self.session_id = session_id
        self.pid = pid  # the other live spinewise holding it, if any


_V1 = """
CREATE TABLE sessions (
    id             INTEGER PRIMARY KEY,
    routine_id     TEXT    NOT NULL,
    routine_path   TEXT,
    routine_name   TEXT    NOT NULL,
    routine_text   TEXT    NOT NULL,
    routine_hash   TEXT    NOT NULL,
    status         TEXT    NOT NULL
                   CHECK (status IN ('active', 'completed', 'stopped', 'abandoned')),
    started_at     REAL    NOT NULL,
    updated_at     REAL    NOT NULL,
    ended_at       REAL,
    paused_at      REAL,
    snapshot       TEXT    NOT NULL,
    active_seconds REAL    NOT NULL DEFAULT 0,
    total_seconds  REAL    NOT NULL DEFAULT 0,
    exercises      INTEGER NOT NULL DEFAULT 0,
    skipped        TEXT    NOT NULL DEFAULT '[]',
    hurt           TEXT    NOT NULL DEFAULT '[]',
    owner_pid      INTEGER,
    -- JSON object of whatever else resuming needs (the exercise library's text...).
    extras         TEXT    NOT NULL DEFAULT '{}'
);
-- At most one session waits to be resumed.
CREATE UNIQUE INDEX sessions_one_active ON sessions (status) WHERE status = 'active';
CREATE INDEX sessions_started ON sessions (started_at);

-- One row per step entered: going back or restarting a step makes a new row.
CREATE TABLE steps (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    step_index       INTEGER NOT NULL,
    kind             TEXT    NOT NULL,
    exercise_index   INTEGER NOT NULL,
    exercise         TEXT    NOT NULL,
    set_no           INTEGER,
    rep              INTEGER,
    side             TEXT,
    phase            TEXT,
    planned_seconds  REAL,
    started_at       REAL    NOT NULL,
    ended_at         REAL,
    elapsed          REAL,
    skipped          INTEGER NOT NULL DEFAULT 0,
    extended_seconds REAL    NOT NULL DEFAULT 0,
    hurt             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX steps_session ON steps (session_id, step_index);
"""

# Check-ins (issue 15; `checkins` reads and writes them): how the back was before,
# during (the `!` dialog), after, the next morning, or alone. A session deleted
# leaves its check-ins standing alone.
_V2 = """
CREATE TABLE checkins (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    kind       TEXT    NOT NULL
               CHECK (kind IN ('before', 'during', 'after', 'next-day', 'standalone')),
    at         REAL    NOT NULL,
    pain       INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
    change     TEXT    CHECK (change IS NULL OR change IN ('better', 'same', 'worse')),
    effort     TEXT    CHECK (effort IS NULL OR effort IN ('easy', 'right', 'hard')),
    exercise   TEXT,
    note       TEXT
);
CREATE INDEX checkins_session ON checkins (session_id, at);
CREATE INDEX checkins_at ON checkins (at);
"""

# What counts (issue 14, `engine.credit`): the speed a session runs at (resume
# keeps it; a preview, at any other speed than 1, never counts), and the names
# of the exercises done, written when it ends (NULL: ended before this was kept).
_V3 = """
ALTER TABLE sessions ADD COLUMN speed REAL NOT NULL DEFAULT 1;
ALTER TABLE sessions ADD COLUMN done TEXT;
"""

# Plans (issue 16; `enrolment`): the plan followed, its text as started, its local start
# day and weekdays ("0,2,4"; NULL: each phase's own); stopped ones stay; one runs at most.
_V4 = """
CREATE TABLE plan_enrolments (
    id INTEGER PRIMARY KEY, plan_id TEXT NOT NULL, plan_path TEXT, plan_name TEXT NOT NULL,
    plan_text TEXT NOT NULL, started_on TEXT NOT NULL, started_at REAL NOT NULL, days TEXT,
    stopped_at REAL
);
CREATE UNIQUE INDEX plan_enrolments_one_running ON plan_enrolments ((stopped_at IS NULL))
    WHERE stopped_at IS NULL;
"""

# Progression (issue 16, `store.checkins`): each exercise's stage per routine, the log
# of every decision with its rule, the stages a session started with (resume rebuilds
# that plan), and whether a `!` pain was sharp or radiating (NULL: not asked).
_V5 = """
ALTER TABLE checkins ADD COLUMN sharp INTEGER CHECK (sharp IS NULL OR sharp IN (0, 1));
ALTER TABLE sessions ADD COLUMN stages TEXT;
CREATE TABLE stages (
    routine_id TEXT NOT NULL, exercise TEXT NOT NULL,
    stage      INTEGER NOT NULL DEFAULT 0 CHECK (stage >= 0),
    settled    INTEGER NOT NULL DEFAULT 0 CHECK (settled >= 0),
    updated_at REAL NOT NULL, PRIMARY KEY (routine_id, exercise)
);
CREATE TABLE stage_log (
    id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL, exercise TEXT NOT NULL,
    session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    at REAL NOT NULL, rule TEXT NOT NULL, reason TEXT NOT NULL,
    stage_before INTEGER NOT NULL, stage_after INTEGER NOT NULL, settled INTEGER NOT NULL,
    dose_before TEXT NOT NULL DEFAULT '', dose_after TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_log_routine ON stage_log (routine_id, exercise, id);
CREATE INDEX stage_log_session ON stage_log (session_id);
"""

# Variants (issue 16): each swap for an easier or harder variant, in order (`step_log`).
_V6 = "ALTER TABLE sessions ADD COLUMN swaps TEXT NOT NULL DEFAULT '[]';"

#: Migration n (from 1) takes a database from version n-1 to version n.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: list[str] | None = None) -> list[int]:
    """Bring the database up to date; return the versions applied (oldest first).

    `conn` must be in autocommit mode (`isolation_level=None`): the migrations
    and the new `user_version` are one explicit transaction, so a failure
    leaves the database exactly as it was. The caller refuses a database newer
    than `migrations` before calling this.
    """
    steps = MIGRATIONS if migrations is None else migrations
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = user_version(conn)  # read again under the write lock
        applied = list(range(current + 1, len(steps) + 1))
        for version in applied:
            for statement in _statements(steps[version - 1]):
                conn.execute(statement)
        # Written even when nothing was applied: it proves the file writable now.
        conn.execute(f"PRAGMA user_version = {int(max(current, len(steps)))}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return applied


def _statements(script: str) -> list[str]:
    """The statements of a script (`executescript` would commit on its own)."""
    return [part.strip() for part in script.split(";") if part.strip()]


def lenient(data: bytes) -> str:
    """Text of a column that may not be valid UTF-8 (a flipped byte): never an error."""
    return data.decode("utf-8", errors="replace")


def undecodable(error: sqlite3.Error) -> bool:
    """Whether `error` is SQLite's text that is not UTF-8 ("Could not decode to UTF-8")."""
    return "decode" in str(error).lower()


def read_leniently(conn: sqlite3.Connection, read: Callable[[sqlite3.Connection], T]) -> T:
    """`read(conn)`, again with `lenient` text if a column was not UTF-8."""
    try:
        return read(conn)
    except sqlite3.OperationalError as exc:
        if not undecodable(exc) or conn.text_factory is lenient:
            raise
        conn.text_factory = lenient
        try:
            return read(conn)
        finally:
            conn.text_factory = str


# -- opening the file --------------------------------------------------------


class Damaged(Exception):
    """The file is not a usable SQLite database (the reason is the message)."""


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection in autocommit mode: writes open their own transactions.

    Shared between threads (`store.Store` serializes its use with a lock).
    """
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def by_name(cursor: sqlite3.Cursor) -> sqlite3.Cursor:
    """`cursor` yielding `sqlite3.Row`s, read by column name: records are built with
    keywords, so the order of a SELECT's columns is tied to nothing.

    Per cursor rather than on the connection, whose plain tuples other reads keep.
    """
    cursor.row_factory = sqlite3.Row
    return cursor


def header_version(path: Path) -> int:
    """`user_version` read from the file's header without SQLite (so nothing is written).

    0 for a missing or empty file; `Damaged` when the file is not a database.
    Raises OSError when the file cannot be read.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise Damaged("not a SQLite database")
    return int.from_bytes(header[60:64], "big")


def quick_check(conn: sqlite3.Connection) -> None:
    """Raise `Damaged` unless SQLite's `quick_check` finds the file sound."""
    conn.text_factory = lenient  # its report may quote the damaged bytes
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:
        raise Damaged(one_line(str(exc))) from exc
    except UnicodeDecodeError as exc:  # SQLite's message itself quoted damaged bytes
        raise Damaged(one_line(lenient(exc.object))) from exc
    finally:
        conn.text_factory = str
    if [tuple(r) for r in rows] != [("ok",)]:
        raise Damaged(one_line("; ".join(str(r[0]) for r in rows[:3])))


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether an error says the file itself is broken (rather than unwritable).

    A table or column the migrations made but the file lacks is damage too: a
    flipped byte in the schema's text ("hurt" read as "hurx") passes `quick_check`.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    if str(exc).startswith(("no such column", "no such table")):
        return True
    return name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or (
        not isinstance(exc, sqlite3.OperationalError) and isinstance(exc, sqlite3.DatabaseError)
    )


def open_checked(path: Path) -> sqlite3.Connection:
    """Open, check and migrate the file at `path`.

    `Damaged` for a broken file (the caller moves it aside), `StoreVersionError`
    for a newer one (checked in the header before SQLite touches it, and again
    before any write), `StoreUnavailable` when it cannot be read or written.
    """
    try:
        refuse_newer(path, header_version(path))
    except OSError as exc:
        raise StoreUnavailable(f"cannot read the session database {path}: {describe(exc)}") from exc
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"cannot open the session database {path}: {describe(exc)}") from exc
    try:
        quick_check(conn)
        refuse_newer(path, user_version(conn))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # durable across a crash of the program
        keep_copy(conn, path)
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        if is_damage(exc):
            raise Damaged(one_line(str(exc))) from exc
        raise StoreUnavailable(
            f"cannot write the session database {path}: {describe(exc)}"
        ) from exc
    except UnicodeDecodeError as exc:  # SQLite's message quoted damaged bytes
        conn.close()
        raise Damaged(one_line(lenient(exc.object))) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def keep_copy(conn: sqlite3.Connection, path: Path) -> Path | None:
    """Before migrating a database written by an older spinewise, copy it whole to
    `NAME.bak-vN` (N its version) beside it; the copy's path, or None when there
    is nothing to migrate (a new file, or one up to date).

    SQLite's backup API copies a consistent database, -wal included; the copy is
    written to a temporary name and renamed, so a half copy is never taken for
    one. An existing copy of that version is kept, not overwritten. Raises
    `StoreUnavailable` when it cannot be written: nothing is migrated then.
    """
    version = user_version(conn)
    if not 0 < version < SCHEMA_VERSION:
        return None
    target = path.with_name(f"{path.name}.bak-v{version}")
    if target.exists():
        return target
    temporary = path.with_name(f"{target.name}.tmp")
    try:
        copy = sqlite3.connect(str(temporary))
        try:
            conn.backup(copy)
        finally:
            copy.close()
        temporary.replace(target)
    except (sqlite3.Error, OSError) as exc:
        temporary.unlink(missing_ok=True)
        raise StoreUnavailable(
            f"cannot keep a copy of the session database before updating it ({target}): "
            f"{describe(exc)}; it was left as it was"
        ) from exc
    return target


def refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StoreVersionError(
            f"the session database {path} was written by a newer spinewise (schema version "
            f"{version}; this one knows up to {SCHEMA_VERSION}). It was left untouched: "
            "update spinewise to use it."
        )

"""What can be read from a damaged or read-only session database.

Recovery used to be all or nothing: one flipped byte moved the whole file
aside and history dropped to zero, though in 100 of 106 such files (issue 13)
the sessions table was fully readable. `salvage` copies row by row what still
reads into a fresh database: a scan that hits a damaged page or record skips
past it (doubling the jump, then narrowing it by halves to the first row that
reads again), so one bad page costs its own rows only. The tables and
columns copied are those both databases have, so it follows new migrations.

`open_read_only` opens the file with a `mode=ro` URI: `history` must show a
readable history from a read-only folder or a full disk, and never migrates
or writes. A file that is damaged or older than this schema is copied into
memory (salvaged, or migrated there) and read from the copy.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from tui.core.store.schema import (
    SCHEMA_VERSION,
    Damaged,
    StoreUnavailable,
    connect,
    describe,
    header_version,
    lenient,
    migrate,
    open_checked,
    quick_check,
    refuse_newer,
    user_version,
)

#: Damaged stretches skipped in one table before the scan gives up (bounds the time).
MAX_SKIPS = 10_000
_LAST_ROWID = 2**63 - 1
#: What reading a damaged file raises: SQLite's errors, and its messages that
#: quote damaged bytes (Python decodes them as UTF-8, strictly).
BROKEN = (sqlite3.DatabaseError, UnicodeDecodeError)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write `path`.

    With no `-wal` beside it the file is opened `immutable`: read as it is,
    nothing created beside it (a WAL-mode database opened `mode=ro` makes a
    `-wal` and `-shm` it cannot then remove). With one, `mode=ro` reads the
    WAL too, and `immutable` is the fallback where its `-shm` cannot be made.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    errors: list[sqlite3.Error] = []
    has_wal = path.with_name(path.name + "-wal").exists()
    for suffix in ("", "&immutable=1") if has_wal else ("&immutable=1",):
        conn = sqlite3.connect(
            uri + suffix, uri=True, isolation_level=None, check_same_thread=False
        )
        try:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except UnicodeDecodeError as exc:  # SQLite's message quoted damaged bytes
                raise sqlite3.DatabaseError(lenient(exc.object)) from exc
        except sqlite3.DatabaseError as exc:
            conn.close()
            if not isinstance(exc, sqlite3.OperationalError):
                raise
            errors.append(exc)
            continue
        conn.text_factory = lenient
        return conn
    raise errors[-1]


def open_read_only(path: Path) -> tuple[sqlite3.Connection, list[str]]:
    """A connection for reading history from `path`, and what the person should be told.

    A missing file reads as an empty history. Raises `StoreVersionError` for a
    newer database and `StoreUnavailable` when the file cannot be read at all, or
    is not a database (shown as no sessions, that was a false "No sessions yet").
    """
    try:
        refuse_newer(path, header_version(path))
        if not path.exists():
            return _empty(), []
    except Damaged as exc:  # nothing in it reads: no history to show, never "no sessions yet"
        raise StoreUnavailable(
            f"the session database {path} is not a database ({exc}), so there is no history "
            "to show; spinewise moves it aside (keeping it) and starts a new one the next "
            "time it records something"
        ) from exc
    except OSError as exc:
        raise StoreUnavailable(f"cannot read the session database {path}: {describe(exc)}") from exc
    try:
        source = connect_read_only(path)
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"cannot read the session database {path}: {describe(exc)}") from exc
    try:
        quick_check(source)
        version = user_version(source)
        refuse_newer(path, version)
        if version == SCHEMA_VERSION:
            return source, []
        copy = _empty(migrated=False)  # older: migrated in memory, the file untouched
        source.backup(copy)
        migrate(copy)
        source.close()
        return copy, []
    except Damaged as exc:
        copy, counts = salvaged_copy(source)
        return copy, [
            f"The session database {path} is damaged ({exc}); showing what could be read "
            f"({counted(counts)}). It is repaired when a workout next opens it."
        ]
    except sqlite3.Error as exc:
        source.close()
        raise StoreUnavailable(f"cannot read the session database {path}: {describe(exc)}") from exc
    except BaseException:
        source.close()
        raise


def move_aside(path: Path, when: datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; keep it."""
    stem = f"{path.name}.corrupt-{when:%Y%m%d-%H%M%S}"
    aside = path.with_name(stem)
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{stem}-{n}")
    path.rename(aside)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(aside.with_name(aside.name + suffix))
    return aside


def replace_damaged(target: Path, reason: str) -> tuple[sqlite3.Connection, str]:
    """Move the damaged database at `target` aside, start a new one there, and
    salvage into it what reads; the new connection and a sentence saying so.

    `StoreUnavailable` when the file cannot be moved aside or a new one made.
    """
    try:
        aside = move_aside(target, datetime.now())
    except OSError as err:
        raise StoreUnavailable(
            f"the session database {target} is damaged ({reason}) and cannot be moved "
            f"aside: {describe(err)}"
        ) from err
    try:
        conn = open_checked(target)
    except Damaged as again:  # a new file cannot be damaged: the disk is failing
        raise StoreUnavailable(f"cannot start a new session database: {again}") from again
    try:
        kept = f"what could be read ({counted(salvage_file(aside, conn))}) was copied"
    except sqlite3.Error as err:
        kept = f"nothing could be copied ({describe(err)})"
    except UnicodeDecodeError:
        kept = "nothing could be copied"
    return conn, (
        f"The session database was damaged ({reason}); it was moved to {aside}, "
        f"and {kept} into a new one."
    )


def salvaged_copy(source: sqlite3.Connection) -> tuple[sqlite3.Connection, dict[str, int]]:
    """What reads of `source`, in a new database in memory (`source` is closed)."""
    copy = _empty()
    try:
        counts = salvage(source, copy)
    finally:
        source.close()
    return copy, counts


def _empty(*, migrated: bool = True) -> sqlite3.Connection:
    conn = connect(":memory:")
    if migrated:
        migrate(conn)
    return conn


def salvage_file(aside: Path, target: sqlite3.Connection) -> dict[str, int]:
    """`salvage` from the damaged file moved to `aside`; {} if it cannot open.

    Read-only: only its `-shm` (an index SQLite rebuilds from the `-wal`) may
    be rewritten, and not even that for a file whose header is not SQLite's.
    """
    try:
        header_version(aside)
        source = connect_read_only(aside)
    except (Damaged, OSError, *BROKEN):
        return {}
    try:
        return salvage(source, target)
    finally:
        source.close()


def salvage(source: sqlite3.Connection, target: sqlite3.Connection) -> dict[str, int]:
    """Copy every row that reads from `source` into the (new, migrated) `target`;
    rows copied per table.

    One transaction in `target`. Rows the target's constraints refuse are
    dropped (`INSERT OR IGNORE`), then rows whose parent was lost (a step of
    a session that did not read), and a paused session whose saved place no
    longer parses is ended as abandoned, so it cannot block a new one.
    """
    source.text_factory = lenient
    counts: dict[str, int] = {}
    target.execute("PRAGMA foreign_keys = OFF")  # parents may come after children
    target.execute("BEGIN IMMEDIATE")
    try:
        for table, columns in _common_tables(source, target):
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
            before = target.total_changes
            for row in _readable_rows(source, table, names):
                target.execute(insert, row)
            counts[table] = target.total_changes - before
        for table, rowid, _parent, _key in target.execute("PRAGMA foreign_key_check").fetchall():
            target.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            counts[table] -= 1
        _abandon_unreadable_active(target)
        target.execute("COMMIT")
    except BaseException:
        if target.in_transaction:
            target.execute("ROLLBACK")
        raise
    finally:
        target.execute("PRAGMA foreign_keys = ON")
    return counts


def _common_tables(
    source: sqlite3.Connection, target: sqlite3.Connection
) -> list[tuple[str, list[str]]]:
    tables = [row[0] for row in target.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY rowid"
    )]  # fmt: skip
    common = []
    for table in tables:
        try:
            have = {row[1] for row in source.execute(f'PRAGMA table_info("{table}")')}
        except BROKEN:
            continue  # the schema itself did not read
        want = [row[1] for row in target.execute(f'PRAGMA table_info("{table}")')]
        columns = [c for c in want if c in have]
        if columns:
            common.append((table, columns))
    return common


def _readable_rows(
    source: sqlite3.Connection, table: str, names: str
) -> Iterator[tuple[object, ...]]:
    """The rows of `table` that read, in rowid order, skipping damaged stretches."""
    sql = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    after = -_LAST_ROWID - 1
    for _ in range(MAX_SKIPS):
        try:
            for row in source.execute(sql, (after,)):
                if row[0] <= after:
                    continue  # a damaged page can repeat rows
                after = row[0]
                yield tuple(row[1:])
            return
        except BROKEN:
            resume = _next_readable(source, sql, after)
            if resume is None:
                return
            after = resume


def _next_readable(source: sqlite3.Connection, sql: str, after: int) -> int | None:
    """The least `x > after` from which the scan reads again, or None if none does."""

    def reads(x: int) -> bool:
        try:
            source.execute(sql + " LIMIT 1", (x,)).fetchall()
        except BROKEN:
            return False
        return True

    step = 1
    while not reads(after + step):
        step *= 2
        if after + step >= _LAST_ROWID:
            return None
    low, high = after + step // 2, after + step  # low fails (or is `after`), high reads
    while high - low > 1:
        middle = (low + high) // 2
        if reads(middle):
            high = middle
        else:
            low = middle
    return high


def _abandon_unreadable_active(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, snapshot, extras FROM sessions WHERE status = 'active'")
    for session_id, snapshot, extras in rows.fetchall():
        try:
            if not all(isinstance(json.loads(text), dict) for text in (snapshot, extras)):
                raise ValueError("not an object")
        except (ValueError, TypeError):
            conn.execute(
                "UPDATE sessions SET status = 'abandoned', ended_at = updated_at,"
                " owner_pid = NULL WHERE id = ?",
                (session_id,),
            )


def counted(counts: dict[str, int]) -> str:
    """"3 sessions, 120 steps": what `salvage` copied, in words."""
    sessions, steps = counts.get("sessions", 0), counts.get("steps", 0)
    return f"{sessions} session{'s' * (sessions != 1)}, {steps} step{'s' * (steps != 1)}"


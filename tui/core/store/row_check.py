"""Rows a hand edit left unreadable, found in one place (issue 15, found by a
tester: `started_at = 'yesterday'` made `history` and its export crash).

SQLite keeps any value in any column, so a row edited by hand (or by another
tool) can hold text where spinewise wrote a time. `bad_rows` finds them in SQL,
by the type each field must have, and says each as `TABLE row ID: FIELD:
VALUE is not ...`. What is read for showing (`Store.read_only`) leaves them out
of an in-memory copy and says so (`without_bad_rows`); what writes
(`Store.open`) is refused with the same words when a read meets one
(`unreadable_row`), since the person's file is never changed behind their back.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

#: What each checked field must hold, by table: (field, SQL that is true when the
#: value fits, what it must be, in words). Times are epoch seconds (REAL).
_NUMBER = "typeof({f}) IN ('integer', 'real')"
_MAYBE = "({f} IS NULL OR typeof({f}) IN ('integer', 'real'))"
_TEXT = "typeof({f}) != 'blob'"  # SQLite's json_quote refuses a blob (`json_rows`)
_CHECKS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "sessions": (
        ("started_at", _NUMBER, "a time (epoch seconds)"),
        ("updated_at", _NUMBER, "a time (epoch seconds)"),
        ("ended_at", _MAYBE, "a time (epoch seconds) or empty"),
        ("paused_at", _MAYBE, "a time (epoch seconds) or empty"),
        ("active_seconds", _NUMBER, "a number of seconds"),
        ("total_seconds", _NUMBER, "a number of seconds"),
        ("speed", f"{_NUMBER} AND {{f}} > 0", "a speed above 0"),
    ),
    "steps": (
        ("step_index", _NUMBER, "a step number"),
        ("set_no", _MAYBE, "a set number or empty"),
        ("rep", _MAYBE, "a rep number or empty"),
        ("started_at", _NUMBER, "a time (epoch seconds)"),
        ("ended_at", _MAYBE, "a time (epoch seconds) or empty"),
        ("planned_seconds", _MAYBE, "a number of seconds or empty"),
        ("elapsed", _MAYBE, "a number of seconds or empty"),
        ("extended_seconds", _NUMBER, "a number of seconds"),
        *((field, _TEXT, "text") for field in ("kind", "exercise", "side", "phase")),
    ),
    "checkins": (
        ("at", _NUMBER, "a time (epoch seconds)"),
        ("pain", "({f} IS NULL OR typeof({f}) = 'integer')", "a whole number 0-10 or empty"),
        *((field, _TEXT, "text") for field in ("kind", "change", "effort", "exercise", "note")),
    ),
}


class BadRow(NamedTuple):
    """One field of one row that is not what spinewise wrote there."""

    table: str
    id: int
    field: str
    value: object
    expected: str

    def __str__(self) -> str:
        return f"{self.table} row {self.id}: {self.field}: {self.value!r} is not {self.expected}"


def bad_rows(
    conn: sqlite3.Connection, limit: int = 20, tables: tuple[str, ...] = tuple(_CHECKS)
) -> list[BadRow]:
    """The fields of `tables` that do not read as `_CHECKS` says, at most `limit`, by
    table and id. A table or column the file lacks is not checked (older files; damage
    is found elsewhere). One scan of each table, in SQL."""
    found: list[BadRow] = []
    for table in tables:
        checks = _CHECKS[table]
        try:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        except sqlite3.Error:
            continue
        present = [c for c in checks if c[0] in columns]
        if not present:
            continue
        wrong = " OR ".join(f"NOT ({test.format(f=field)})" for field, test, _ in present)
        fields = ", ".join(field for field, _, _ in present)
        sql = f"SELECT id, {fields} FROM {table} WHERE {wrong} ORDER BY id LIMIT ?"
        try:
            rows = conn.execute(sql, (limit - len(found),)).fetchall()
        except sqlite3.Error:
            continue
        for row in rows:
            for (field, test, expected), value in zip(present, row[1:], strict=True):
                ok = conn.execute(f"SELECT {test.format(f='v')} FROM (SELECT ? AS v)",
                                  (value,)).fetchone()[0]  # fmt: skip
                if not ok:
                    found.append(BadRow(table, int(row[0]), field, value, expected))
        if len(found) >= limit:
            break
    return found[:limit]


def without_bad_rows(conn: sqlite3.Connection, bad: list[BadRow]) -> None:
    """Delete the rows of `bad` from `conn` (an in-memory copy, never the person's
    file); a session's steps and check-ins go with it."""
    for row in bad:
        if row.table == "sessions":
            conn.execute("DELETE FROM steps WHERE session_id = ?", (row.id,))
            conn.execute("DELETE FROM checkins WHERE session_id = ?", (row.id,))
        conn.execute(f"DELETE FROM {row.table} WHERE id = ?", (row.id,))


def left_out(path: str, bad: list[BadRow]) -> str:
    """The warning for rows left out of what is shown: one sentence."""
    rows = "; ".join(str(row) for row in bad)
    return (
        f"The session database {path} has rows spinewise cannot read, left out of what "
        f"is shown ({rows}); fix or delete them (with sqlite3) to see them again."
    )


def unreadable_row(path: str, bad: list[BadRow]) -> str:
    """Why a database that is written to is not used: one sentence (no capital: it
    follows "spinewise: ")."""
    rows = "; ".join(str(row) for row in bad) if bad else "a value of the wrong type"
    return (
        f"the session database {path} has a row spinewise cannot read ({rows}); "
        "fix or delete it (with sqlite3), then try again. Nothing was changed."
    )


def readable_copy(conn: sqlite3.Connection, path: str) -> tuple[sqlite3.Connection, str | None]:
    """For showing only: `conn` itself when every row reads, else an in-memory copy
    without the rows that do not (`conn` closed), with the warning that says which.

    Sessions and check-ins are scanned (some 2 ms at 1,825 sessions); the 105,850
    steps of those sessions are not (45-80 ms, measured: as long as `history`
    itself): a step that does not read is found when a read fails on it
    (`Store._guard`, which names it)."""
    bad = bad_rows(conn, tables=("sessions", "checkins"))
    if not bad:
        return conn, None
    copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.backup(copy)
    conn.close()
    without_bad_rows(copy, bad)
    return copy, left_out(path, bad)

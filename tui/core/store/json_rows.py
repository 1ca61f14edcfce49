"""Every session's steps and check-ins as JSON text made by SQLite, for the
writers of whole histories (`history --json`, `history export --format jsonl`).

Why SQL writes the text: those outputs hold every step (at 1,825 sessions of 58
steps, 105,850 of them: 36 MB of `--json`), and a Python value per step field
was the cost (reading the rows alone made 1.4 M of them; formatting them, more).
Here one query a page gives, per session, its steps and its check-ins as two
finished pieces of text (`printf` of a template per row, `json_quote` for text,
`group_concat` to join them), so Python handles a few strings a session.
Measured at 1,825 sessions (tests/bench/bench_checkins.py): the query takes
0.33 s of `--json`'s 0.55 s CPU (0.11 s at 10 sessions; 0.92 s before): SQLite
spends some 0.1-0.2 us on each value it converts (json_quote, a number's text,
time()), and a step has a dozen; the dates, 0.1 s, are the largest part.

The text is the same, byte for byte, as `json.dumps` of the same values with
dates written by `present.session_text.IsoDates` (tests/core/test_json_rows.py
holds the two side by side), because:

- strings: `json_quote` escapes exactly what `json.dumps(ensure_ascii=False)`
  does (`"`, `\\`, and control characters, \\n \\t \\r \\b \\f by letter, the
  rest as \\u00xx); `--json` escapes the rest to ASCII in Python (`as_ascii`);
- numbers: integers as they are; a REAL only when it is a multiple of 1/4
  below 10^12 (exact in 15 digits, so SQLite's `%!.15g` is Python's repr);
- dates: ISO 8601 with the local offset from SQLite's 'localtime' (the C
  library's localtime_r, which Python's datetime calls too), exact for UTC
  years 1971-2037 (outside them SQLite guesses with the offset of 2000);
- anything else (another REAL, a date outside those years or in a zone whose
  offset has seconds) is written as a mark, \\x01 + a letter + the row's id +
  \\x01 (no JSON text holds a raw control character), which `fill_in`
  replaces by Python's own text of the value: rare, and exact.

A date worked out in full takes four 'localtime's (some 2 us): the steps and
check-ins on their session's local day take its offset and date, worked out
once for the session, and only their time of day (`_step_date`). That is exact
when the offset is the same a day before and a day after the start: no zone in
the tz database (2024) changes its offset twice in less than 7 days between
1971 and 2037 (the closest: Brazil's Noronha, Recife and Boa Vista in October
2000, 601,200 s apart), so one equal at both ends holds all that day.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

import re
import sqlite3
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from tui.core.store.record import SessionRecord

#: The keys of a step and of a check-in, in the order written (`StepRecord.to_json`,
#: `checkins.to_json`).
STEP_KEYS = (
    "index", "kind", "exercise", "set", "rep", "side", "phase", "planned_seconds",
    "started_at", "ended_at", "skipped", "hurt",
)  # fmt: skip
CHECKIN_KEYS = ("kind", "at", "pain", "change", "effort", "exercise", "note", "sharp")
#: Epoch seconds of 1971-01-01 and 2038-01-01 UTC: SQLite's 'localtime' is exact between.
FIRST, LAST = 31_536_000, 2_145_916_800
#: Seconds either side of a session's start its offset must hold for its day's steps
#: to take it (see above).
WINDOW = 86_400
#: A mark's letter: the table, the column, and whether it is a date.
MARKS = {
    "s": ("steps", "set_no", False),
    "r": ("steps", "rep", False), "p": ("steps", "planned_seconds", False),
    "a": ("steps", "started_at", True), "b": ("steps", "ended_at", True),
    "n": ("checkins", "pain", False), "c": ("checkins", "at", True),
}  # fmt: skip
#: A mark, and a run of characters `json.dumps` escapes by default: compiled when
#: first used (the Store is opened on a workout's first frame's way; these are not).
MARK = "\x01([a-z])([0-9]+)\x01"
NOT_ASCII = "[\x7f-\U0010ffff]+"
#: A dismissed next-morning question is no answer (`checkins.select`): never written.
_ANSWERED = "NOT (kind = 'next-day' AND change IS NULL AND pain IS NULL)"


class Style(NamedTuple):
    """How a session's lists are laid out: `INDENTED` as `json.dumps(indent=2)` writes
    them inside `history --json`'s list, or `LINES` as `json.dumps()` writes them."""

    step: str  # a printf template with a %s per key
    checkin: str
    between: str  # between two items of a list
    ascii: bool  # non-ASCII escaped as \uXXXX (json.dumps's ensure_ascii)


def _template(keys: Sequence[str], *, indented: bool) -> str:
    if indented:  # a session is an item of the top list: its lists' items are 6 deep
        return "      {\n" + ",\n".join(f'        "{k}": %s' for k in keys) + "\n      }"
    return "{" + ", ".join(f'"{k}": %s' for k in keys) + "}"


INDENTED = Style(_template(STEP_KEYS, indented=True), _template(CHECKIN_KEYS, indented=True),
                 ",\n", ascii=True)  # fmt: skip
LINES = Style(_template(STEP_KEYS, indented=False), _template(CHECKIN_KEYS, indented=False),
              ", ", ascii=False)  # fmt: skip


# -- SQL text of values ------------------------------------------------------


def _mark(letter: str) -> str:
    return f"char(1) || '{letter}' || id || char(1)"


def _number(column: str, letter: str) -> str:
    """A number as Python writes it: a whole one below 10^15 (an INTEGER, or a REAL
    which SQLite writes with ".0", as repr does), any other INTEGER, a REAL that is
    a multiple of 1/4 below 10^12 (exact in 15 digits), NULL as null, or a mark
    (also for a text or blob a hand edit left there: `fill_in` refuses it).
    Asking whether a value equals itself made whole comes first: cheaper than `typeof`."""
    return (
        f"CASE WHEN {column} = CAST({column} AS INTEGER) AND abs({column}) < 1e15"
        f" THEN {column} WHEN {column} IS NULL THEN 'null'"
        f" WHEN typeof({column}) = 'integer' OR (typeof({column}) = 'real'"
        f" AND {column} * 4 = CAST({column} * 4 AS INTEGER) AND abs({column}) < 1e12)"
        f" THEN {column} ELSE {_mark(letter)} END"
    )


def _whole(column: str) -> str:
    """Epoch seconds to the second as datetime rounds them (to the microsecond first:
    `IsoDates`); for dates after 1970."""
    return f"(CAST({column} AS INTEGER) + ({column} - CAST({column} AS INTEGER) >= 0.9999995))"


def _offset(epoch: str) -> str:
    """The local offset at whole epoch seconds, in seconds east of UTC."""
    return f"(CAST(strftime('%s', {epoch}, 'unixepoch', 'localtime') AS INTEGER) - {epoch})"


def _zone(offset: str) -> str:
    """'+01:00"': an offset in whole minutes, as isoformat writes it, and the closing quote."""
    return (
        f"printf('%s%02d:%02d\"', CASE WHEN {offset} < 0 THEN '-' ELSE '+' END,"
        f" abs({offset}) / 3600, abs({offset}) / 60 % 60)"
    )


def _date(column: str, letter: str) -> str:
    """A date (not NULL) as a quoted ISO 8601 string, each part worked out anew."""
    whole = _whole(column)
    offset = _offset(whole)
    return (
        f"CASE WHEN {column} >= {FIRST} AND {column} < {LAST - 1} AND {offset} % 60 = 0"
        f" THEN '\"' || replace(datetime({whole}, 'unixepoch', 'localtime'), ' ', 'T')"
        f" || {_zone(offset)} ELSE {_mark(letter)} END"
    )


def _maybe(column: str, text: str) -> str:
    return f"CASE WHEN {column} IS NULL THEN 'null' ELSE {text} END"


def _flag(column: str) -> str:
    return f"CASE WHEN {column} != 0 THEN 'true' ELSE 'false' END"


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


#: Each session of the page (its ids in `?`s) with what its steps' dates share:
#: its start to the second (anchor), the offset there, whether that offset holds a
#: day either side (steady), and its local day's bounds (epoch), text and zone.
_SESSION_ZONE = (
    "SELECT id, anchor, shift, (anchor + shift) / 86400 * 86400 - shift AS day_begins,"
    " (anchor + shift) / 86400 * 86400 + 86400 - shift AS day_ends,"
    " '\"' || date(anchor + shift, 'unixepoch') || 'T' AS day, {zone} AS zone,"
    " (anchor >= {first} AND anchor < {last} AND shift % 60 = 0"
    " AND {before} = shift AND {after} = shift) AS steady"
    " FROM (SELECT id, anchor, {offset} AS shift FROM (SELECT id,"
    " CAST(started_at AS INTEGER) AS anchor FROM sessions WHERE id IN ({marks}))"
    " LIMIT -1 OFFSET 0) LIMIT -1 OFFSET 0"  # OFFSET: kept a subquery, each column once
)


def _step_date(column: str, letter: str) -> str:
    """A step's (or its session's check-in's) date: its session's local day and offset
    (`s`, `_SESSION_ZONE`) and its own time of day, when it is in that day (its last
    second aside: the date may round up to the next) and the offset is steady; else
    `_date`."""
    return (
        f"CASE WHEN s.steady AND {column} >= s.day_begins AND {column} < s.day_ends - 1"
        f" THEN s.day || time({_whole(column)} + s.shift, 'unixepoch') || s.zone"
        f" ELSE {_date(column, letter)} END"
    )


@cache
def page_sql(style: Style, count: int) -> str:
    """The query giving (session id, steps text or NULL, check-ins text or NULL) for
    `count` session ids. group_concat joins the rows in the order the subquery gives
    them: SQLite keeps a subquery's ORDER BY under an aggregate (ticket #2942, and
    its ORDER BY omission keeps it for one, select.c), and the tests check it."""
    step = ", ".join([
        "row_number() OVER (ORDER BY id) - 1", "json_quote(kind)", "json_quote(exercise)",
        _number("set_no", "s"), _number("rep", "r"), "json_quote(side)", "json_quote(phase)",
        _number("planned_seconds", "p"), _step_date("started_at", "a"),
        _maybe("ended_at", _step_date("ended_at", "b")), _flag("skipped"), _flag("hurt"),
    ])  # fmt: skip
    told = ", ".join([
        "json_quote(kind)", _step_date("at", "c"), _number("pain", "n"), "json_quote(change)",
        "json_quote(effort)", "json_quote(exercise)", "json_quote(note)",
        _maybe("sharp", _flag("sharp")),
    ])  # fmt: skip
    between = _sql_text(style.between)
    zone = _SESSION_ZONE.format(
        zone=_zone("shift"), first=FIRST + WINDOW, last=LAST - WINDOW - 1,
        before=_offset(f"(anchor - {WINDOW})"), after=_offset(f"(anchor + {WINDOW})"),
        offset=_offset("anchor"), marks=", ".join("?" * count),
    )
    return (
        "SELECT s.id,"
        f" (SELECT group_concat(t, {between}) FROM (SELECT printf({_sql_text(style.step)},"
        f" {step}) AS t FROM steps WHERE session_id = s.id ORDER BY id)),"
        f" (SELECT group_concat(t, {between}) FROM (SELECT printf({_sql_text(style.checkin)},"
        f" {told}) AS t FROM checkins WHERE session_id = s.id AND {_ANSWERED}"
        " ORDER BY at, id))"
        f" FROM ({zone}) AS s"
    )


#: A check-in of no session as an item of `history --json`'s list, its lines after
#: the first 2 deeper (`history.write_items`), and as a JSON Lines line.
_ALONE_INDENTED = "{\n" + ",\n".join(
    f'    "{k}": %s' for k in ("type", *CHECKIN_KEYS)) + "\n  }"
_ALONE_LINE = '{"type": %s, ' + LINES.checkin[1:] + "\n"


@cache
def standalone_sql(style: Style = LINES) -> str:
    """Check-ins of no session, oldest first, each a JSON Lines line's text (`LINES`)
    or an item of `history --json`'s list (`INDENTED`), `"type": "checkin"` first."""
    told = ", ".join([
        "'\"checkin\"'", "json_quote(kind)", _date("at", "c"), _number("pain", "n"),
        "json_quote(change)", "json_quote(effort)", "json_quote(exercise)", "json_quote(note)",
        _maybe("sharp", _flag("sharp")),
    ])  # fmt: skip
    line = _ALONE_INDENTED if style.ascii else _ALONE_LINE
    return (
        f"SELECT printf({_sql_text(line)}, {told}) FROM checkins"
        f" WHERE session_id IS NULL AND {_ANSWERED} ORDER BY at, id"
    )


# -- in Python ---------------------------------------------------------------


def fill_in(conn: sqlite3.Connection, text: str, dates: Callable[[float | None], str]) -> str:
    """`text` with each mark (\\x01, a letter of `MARKS`, a row id, \\x01) replaced by
    Python's JSON of that value: `dates(epoch)` (`IsoDates`) for a date, else the
    number's `str` (Python's repr of a float, as `json.dumps` writes it).

    Raises ValueError for a number's mark whose value is text or a blob (a hand edit),
    TypeError from `dates` for such a date: `Store._guard` turns either into one
    sentence naming the row and field (`row_check`)."""
    if "\x01" not in text:
        return text
    wanted: dict[str, set[int]] = {}
    for letter, row in re.findall(MARK, text):
        wanted.setdefault(letter, set()).add(int(row))
    found: dict[tuple[str, str], str] = {}
    for letter, rows in wanted.items():
        table, column, is_date = MARKS[letter]
        ids = sorted(rows)
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT id, {column} FROM {table} WHERE id IN ({marks})"
            for row_id, value in conn.execute(sql, chunk):
                if not is_date and not isinstance(value, int | float | None):
                    # a hand edit (text where a number belongs): `Store._guard` names
                    # the row (`row_check`), never JSON with the text bare in it
                    raise ValueError(f"{table} row {row_id}: {column}: {value!r}")
                shown = dates(value) if is_date else "null" if value is None else str(value)
                found[letter, str(row_id)] = shown
    return re.sub(MARK, lambda m: found[m[1], m[2]], text)


def as_ascii(text: str) -> str:
    """JSON text with every character past ASCII (and DEL) as `json.dumps` escapes it
    by default (\\uXXXX, a surrogate pair past U+FFFF). Such characters are only
    ever inside strings, where escaping them means the same."""
    if text.isascii() and "\x7f" not in text:
        return text
    from json.encoder import encode_basestring_ascii

    return re.sub(NOT_ASCII, lambda m: encode_basestring_ascii(m[0])[1:-1], text)


def _blob_refused(conn: sqlite3.Connection, sql: str, args: Sequence[Any]) -> list[Any]:
    """The rows of `sql`; SQLite's "JSON cannot hold BLOB values" (a hand edit put a blob
    where text belongs) as a ValueError, which `Store._guard` names by row (`row_check`)."""
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        if "BLOB" not in str(exc):
            raise
        raise ValueError(str(exc)) from exc


#: A session and the text of its steps' and its check-ins' lists' items (None: none).
Texts = tuple["SessionRecord", str | None, str | None]


def page_texts(
    conn: sqlite3.Connection,
    style: Style,
    dates: Callable[[float | None], str],
    limit: int,
    offset: int,
    *,
    include_active: bool,
) -> list[Texts]:
    """A page of sessions, newest first (`history.load_sessions` without steps), each
    with its lists' items as `style` writes them."""
    from tui.core.store.history import load_sessions

    records = load_sessions(conn, limit, include_active=include_active, offset=offset,
                            steps=False)  # fmt: skip
    ids = [record.id for record in records]
    texts: dict[Any, tuple[str | None, str | None]] = {}
    if ids:
        for sid, steps, told in _blob_refused(conn, page_sql(style, len(ids)), ids):
            steps, told = (None if text is None else _finished(conn, text, style, dates)
                           for text in (steps, told))  # fmt: skip
            texts[sid] = (steps, told)
    return [(record, *texts.get(record.id, (None, None))) for record in records]


def standalone_texts(
    conn: sqlite3.Connection, style: Style, dates: Callable[[float | None], str]
) -> list[str]:
    """The check-ins of no session, oldest first, each as `style` writes it."""
    rows = _blob_refused(conn, standalone_sql(style), ())
    return [_finished(conn, line, style, dates) for (line,) in rows]


def _finished(
    conn: sqlite3.Connection, text: str, style: Style, dates: Callable[[float | None], str]
) -> str:
    """`text` as SQLite wrote it with its dates filled in, and in ASCII if `style` says."""
    text = fill_in(conn, text, dates)
    return as_ascii(text) if style.ascii else text

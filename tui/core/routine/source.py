"""Reading a TOML file people wrote: bytes -> text -> a table, or one clear problem.

`read_source` is the one reader of routines, exercise libraries, settings and
import files. Only a regular file is read, and only up to a size limit
(`limits.py`): a FIFO named as a routine used to block forever, a device to
read without end. The type is checked with `stat` before opening (opening a
FIFO for reading waits for a writer) and again on the open descriptor.

Whole-file problems (cannot be read, a folder, not a regular file, too large,
not UTF-8, empty) are at 1:1 with the field `file`; invalid TOML is at the
parser's line and column with the field `toml` and the parser's message, plus
a hint for the usual slips (a duration without quotes, `True` instead of
`true`). Nesting too deep for the parser and integers of thousands of digits
are problems too, never tracebacks.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from tui.core.routine.limits import MAX_ROUTINE_BYTES, size_text
from tui.core.routine.problems import Problem, RoutineError

#: Where tomllib says an error is; compiled when first used (`re` caches it), not at import.
_POSITION = r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$"


def file_problem(path: Path | str, message: str) -> Problem:
    return Problem(str(path), 1, 1, "file", message)


def read_source(path: Path, *, limit: int = MAX_ROUTINE_BYTES) -> str:
    """The text of a regular file of at most `limit` bytes, or RoutineError saying why not."""
    return decode_source(read_file_bytes(path, limit=limit), path)


def read_file_bytes(path: Path, *, limit: int = MAX_ROUTINE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or RoutineError saying why not."""
    path = Path(path)
    try:
        info = os.stat(path)
        _check_kind(path, info.st_mode)
        _check_size(path, info.st_size, limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise RoutineError([file_problem(path, "no such file")]) from None
    except IsADirectoryError:
        raise RoutineError([file_problem(path, "is a folder, not a file")]) from None
    except OSError as error:
        raise RoutineError([_os_problem(path, error)]) from None
    try:
        info = os.fstat(fd)
        _check_kind(path, info.st_mode)
        _check_size(path, info.st_size, limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise RoutineError([_os_problem(path, error)]) from None
    finally:
        os.close(fd)
    _check_size(path, size, limit)  # grew while read
    return b"".join(chunks)


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise RoutineError([file_problem(path, "is a folder, not a file")])
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
        message = f"is {kind}, not a regular file"
        raise RoutineError([file_problem(path, message)])


def _check_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        message = f"is larger than the size limit of {size_text(limit)}"
        raise RoutineError([file_problem(path, message)])


def _os_problem(path: Path, error: OSError) -> Problem:
    reason = error.strerror or str(error)
    return file_problem(path, f"cannot be read: {reason}")


def decode_source(data: bytes, path: Path | str) -> str:
    """UTF-8 text (a leading byte order mark is dropped), else RoutineError.

    A NUL byte is valid UTF-8 but never text a person wrote: it is how a UTF-16
    file without a byte order mark looks (`a` is `61 00`), which the TOML parser
    used to report as an invalid `\\x00` character. It is called not UTF-8 text.
    """
    nul = data.find(b"\x00")
    try:
        # Not the "utf-8-sig" codec: looking it up costs 0.9 M instructions before a
        # workout's first frame, and its errors count bytes from after the mark.
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        if not 0 <= nul < error.start:
            what = f"byte 0x{data[error.start]:02x}"
            raise RoutineError([_not_utf8(data, error.start, path, what)]) from None
    if nul >= 0:
        raise RoutineError([_not_utf8(data, nul, path, "a NUL byte (UTF-16 text?)")])
    return text


def _not_utf8(data: bytes, at: int, path: Path | str, what: str) -> Problem:
    before = data[:at]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    message = f"not UTF-8 text: {what} at line {line}, column {col}; save the file as UTF-8"
    return file_problem(path, message)


def parse_toml(text: str, path: Path | str, *, what: str = "a routine") -> dict[str, Any]:
    """The top-level table of `text`, or RoutineError: invalid TOML, or nothing in it."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoutineError([toml_problem(text, path, error)]) from None
    except RecursionError:
        raise RoutineError([_too_deep(text, path)]) from None
    except ValueError:  # an integer over Python's 4300 digits
        raise RoutineError([_long_number(text, path)]) from None
    if not table:
        message = "is empty" if not text.strip() else "has no keys, only comments"
        raise RoutineError([file_problem(path, f"{message}; expected {what}")])
    return table


def _too_deep(text: str, path: Path | str) -> Problem:
    """Arrays or inline tables nested deeper than the parser goes (about 1000)."""
    line, col = _position(text, _deep_value(text))
    return Problem(str(path), line, col, "toml", "arrays or tables nested too deeply")


def _deep_value(text: str, deep: int = 100) -> int | None:
    """Where the first value nested `deep` levels starts (strings and comments skipped)."""
    depth, start, quote, i = 0, 0, "", 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote or ch == "\n":
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            i = text.find("\n", i)
            if i < 0:
                break
        elif ch in "[{":
            start = i if depth == 0 else start
            depth += 1
            if depth >= deep:
                return start
        elif ch in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return None


def _long_number(text: str, path: Path | str) -> Problem:
    match = re.search(r"[0-9_]{4000,}", text)
    line, col = _position(text, match.start() if match else None)
    return Problem(str(path), line, col, "toml", "a number of thousands of digits")


def _position(text: str, index: int | None) -> tuple[int, int]:
    if index is None:
        return 1, 1
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def toml_problem(text: str, path: Path | str, error: tomllib.TOMLDecodeError) -> Problem:
    """The parser's complaint at the parser's line and column."""
    # Python 3.14 gives msg/lineno/colno; 3.11 only "message (at line L, column C)".
    raw = getattr(error, "msg", None) or (str(error.args[0]) if error.args else str(error))
    line = getattr(error, "lineno", None)
    col = getattr(error, "colno", None)
    match = re.search(_POSITION, raw)
    if match:
        raw = raw[: match.start()]
        if line is None and match.group(1):
            line, col = int(match.group(1)), int(match.group(2))
    if line is None or col is None:
        line, col = _end_of(text)
    message = raw + _hint(raw, text, line, col)
    return Problem(str(path), line, col, "toml", message)


def _end_of(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def _hint(message: str, text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    row = lines[line - 1]
    after = row[col - 1 :].split("#")[0].strip()
    before = row[: col - 1]
    if message == "Invalid value":
        word = after.split(",")[0].strip().rstrip("]}").strip()
        if word in ("True", "False", "TRUE", "FALSE"):
            return f"; write {word.lower()} in lowercase"
        if word and (word[0].isalpha() or re.match(r"\d+(\.\d+)?[a-zA-Z]", word)):
            return f'; text needs quotes, such as "{word}"'
    if message.startswith("Expected newline or end of document"):
        if "=" in after:
            return "; put each key = value on a line of its own"
        value = re.search(r"=\s*(\S.*)$", before)
        written = (value.group(1) + after) if value else ""
        if written and after.startswith(","):
            return f"; an array needs brackets, such as [{written}]"
        if re.fullmatch(r"[0-9.][0-9.:\- a-zA-Z]*", written):
            # 30s, 1m30s, 30 seconds, 1:30, 3-1-3
            return f'; text needs quotes, such as "{written}"'
    if message == "Unclosed array" and (after[:1] in ('"', "'") or after[:1].isdigit()):
        return "; is a comma missing between two elements?"
    if message == "Illegal character '\\n'":
        return '; a string must end on its line; use """ for text over several lines'
    if message == "Cannot overwrite a value":
        return "; this key is already set in this table"
    return ""

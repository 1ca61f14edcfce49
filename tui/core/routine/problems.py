"""Problems found in a routine or exercise library file, and how they read.

Every mistake a person can make in a file becomes one `Problem`, printed as
`PATH:LINE:COL: field: message`. A file with problems raises `RoutineError`
carrying all of them. `toml_repr` shows a found value the way it was written,
cut to 80 characters before it is built: a multi-megabyte string or an array
nested hundreds deep costs no more to quote than a short one.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

#: Key paths name a place in a file: ("exercise", 2, "hold"), ("defaults", "rest").
KeyPath = tuple[str | int, ...]

_BARE_KEY = r"[A-Za-z0-9_-]+\Z"  # compiled when first used (`re` caches it): not at import
_MAX_SHOWN = 80


class Problem(NamedTuple):
    """One mistake in a file, where it is and what was expected."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.field}: {self.message}"


class RoutineError(Exception):
    """A file is not a valid routine (or exercise library): all its problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def field_name(key_path: Sequence[str | int]) -> str:
    """("exercise", 1, "reps", 0) -> `exercise[2].reps[1]` (indexes count from 1)."""
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            key = part if re.match(_BARE_KEY, part) else toml_repr(part)
            text += f".{key}" if text else key
    return text or "file"


def toml_repr(value: object) -> str:
    """A value as TOML would write it: `"abc"`, `true`, `[1, 2]`, `{ a = 1 }`."""
    text = _toml_repr(value, _MAX_SHOWN + 1, 0)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 3] + "..."
    return text


def _toml_repr(value: object, room: int, depth: int) -> str:
    """At least the first `room` characters of the value's text (more is cut by the caller)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _quote(value[:room])
    if isinstance(value, int):
        if value.bit_length() > 4 * room:  # str() refuses over 4300 digits, and is slow
            size = abs(value)
            digits = int(size.bit_length() * math.log10(2))
            digits += size >= 10**digits
            return f"a number of {digits} digits"
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple | dict):
        if depth > 8:
            return "{...}" if isinstance(value, dict) else "[...]"
        return _container(value, room, depth)
    return repr(value)[:room]


def _container(value: list[object] | tuple[object, ...] | dict[object, object], room: int,
               depth: int) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = ("{ ", " }")
        items = (
            (f"{field_name([k]) if isinstance(k, str) else k} = ", v) for k, v in value.items()
        )
    else:
        parts = ("[", "]")
        items = (("", v) for v in value)
    text = parts[0]
    for index, (key, item) in enumerate(items):
        if len(text) > room:
            break
        text += (", " if index else "") + key + _toml_repr(item, room - len(text), depth + 1)
    return text + parts[1]


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
}


def _quote(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def quoted_list(words: Sequence[str], conjunction: str = "or") -> str:
    """`"a", "b" or "c"`."""
    quoted = [_quote(w) for w in words]
    return plain_list(quoted, conjunction)


def plain_list(words: Sequence[str], conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]

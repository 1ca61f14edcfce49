"""Where each key of a TOML source is: tomllib gives values but no positions.

`KeyPositions(text)` scans the source once, by hand, and remembers the line
and column (both from 1) of every key, table header and array element, under
its key path: `("exercise", 2, "hold")` is the `hold` key of the third
`[[exercise]]` table (array indexes count from 0 here), `("defaults", "rest")`
the `rest` of `[defaults]`, `("exercise", 0, "reps", 1)` the second element of
an array. `find(path)` falls back to the nearest enclosing table that was
found, then to 1:1.

The scanner knows enough TOML to not be fooled: comments, basic and literal
strings (one- and multi-line, with escapes), arrays and inline tables over
several lines, dotted and quoted keys, and `[[array.of.tables]]` counting.
It never raises: on anything it does not understand it skips to the next line,
and a source it cannot scan at all just has fewer positions.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from bisect import bisect_right
from collections.abc import Sequence

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

_BARE = r"[A-Za-z0-9_-]+"  # compiled when first used (`re` caches it): not at import
_SPACE = " \t"
_BLANK = " \t\r\n"


class KeyPositions:
    """The positions of the keys of one TOML source."""

    def __init__(self, text: str) -> None:
        self._found: dict[KeyPath, Position] = {}
        # Never raise: a source it cannot scan to the end just has fewer positions.
        with contextlib.suppress(Exception):
            _Scanner(text, self).run()

    def record(self, path: KeyPath, position: Position) -> None:
        """Keep the first position of `path` (a later one is invalid TOML anyway)."""
        self._found.setdefault(path, position)

    def get(self, path: Sequence[str | int]) -> Position | None:
        """The exact position of `path`, or None when it was not found."""
        return self._found.get(tuple(path))

    def find(self, path: Sequence[str | int]) -> Position:
        """The position of `path`, else of its nearest enclosing table, else 1:1."""
        path = tuple(path)
        for end in range(len(path), 0, -1):
            position = self._found.get(path[:end])
            if position is not None:
                return position
        return (1, 1)


def value_position(text: str, key: Position) -> Position:
    """Where the value of the `key = value` at `key` starts (`easier = "x"` at 1:1:
    1:10), so a problem about the value points at it; `key` itself when no `=`
    follows on its line."""
    line, col = key
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return key
    rest = lines[line - 1][col - 1:]
    equals = re.match(_VALUE_START, rest)  # compiled at first use: not on the first frame's way
    return (line, col + equals.end()) if equals else key


_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
#: A key (bare, quoted or dotted), its `=`, and the spaces before the value.
_VALUE_START = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*\s*=\s*"


def find_position(text: str, path: Sequence[str | int]) -> Position:
    """One-off lookup: `(line, col)` of the key at `path` in `text`."""
    return KeyPositions(text).find(path)


class _Scanner:
    def __init__(self, text: str, out: KeyPositions) -> None:
        self.s = text
        self.n = len(text)
        self.i = 0
        self.out = out
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.table: KeyPath = ()
        self.array_counts: dict[KeyPath, int] = {}

    # -- positions -------------------------------------------------------

    def position(self, index: int) -> Position:
        line = bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def record(self, path: KeyPath, index: int) -> None:
        self.out.record(path, self.position(index))

    # -- statements -------------------------------------------------------

    def run(self) -> None:
        while True:
            self.skip(_BLANK)
            if self.i >= self.n:
                return
            start = self.i
            char = self.s[self.i]
            if char == "#":
                pass
            elif char == "[":
                self.header()
            else:
                self.key_value(self.table)
            self.skip_line()
            if self.i <= start:  # always move on
                self.i = start + 1

    def header(self) -> None:
        start = self.i
        is_array = self.s.startswith("[[", self.i)
        self.i += 2 if is_array else 1
        keys = self.key()
        if not keys:
            return
        path: KeyPath = ()
        for number, key in enumerate(keys, start=1):
            path += (key,)
            if is_array and number == len(keys):
                index = self.array_counts.get(path, 0)
                self.array_counts[path] = index + 1
                self.record(path, start)
                path += (index,)
            elif path in self.array_counts:
                path += (self.array_counts[path] - 1,)
            self.record(path, start)
        self.table = path

    def key_value(self, table: KeyPath) -> None:
        start = self.i
        keys = self.key()
        if not keys:
            return
        self.skip(_SPACE)
        if self.peek() != "=":
            return
        self.i += 1
        self.skip(_SPACE)
        path = table
        for key in keys[:-1]:
            path += (key,)
            self.record(path, start)
        path += (keys[-1],)
        self.record(path, start)
        self.value(path)

    # -- keys and values --------------------------------------------------

    def key(self) -> list[str]:
        """A dotted key `a."b c".d` as its parts; empty if there is none here."""
        parts: list[str] = []
        while True:
            self.skip(_SPACE)
            char = self.peek()
            if char and char in "\"'":
                start = self.i
                self.string()
                parts.append(_decode_key(self.s[start : self.i]))
            else:
                match = re.compile(_BARE).match(self.s, self.i)
                if not match:
                    return parts
                parts.append(match.group())
                self.i = match.end()
            self.skip(_SPACE)
            if self.peek() != ".":
                return parts
            self.i += 1

    def value(self, path: KeyPath) -> None:
        char = self.peek()
        if char and char in "\"'":
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            while self.i < self.n and self.s[self.i] not in ",]}#\n":
                self.i += 1

    def array(self, path: KeyPath) -> None:
        self.i += 1
        index = 0
        while True:
            self.skip_blank_and_comments()
            char = self.peek()
            if char in ("]", ""):
                self.i += 1
                return
            start = self.i
            if char == ",":
                self.i += 1
                continue
            self.record((*path, index), start)
            self.value((*path, index))
            index += 1
            if self.i <= start:
                self.i = start + 1

    def inline_table(self, path: KeyPath) -> None:
        self.i += 1
        while True:
            self.skip_blank_and_comments()
            char = self.peek()
            if char in ("}", ""):
                self.i += 1
                return
            start = self.i
            if char == ",":
                self.i += 1
                continue
            self.key_value(path)
            if self.i <= start:
                self.i = start + 1

    def string(self) -> None:
        """Move past a string of any of the four kinds starting here."""
        quote = self.s[self.i]
        if self.s.startswith(quote * 3, self.i):
            end = self._closing(quote * 3, self.i + 3, escapes=quote == '"')
            self.i = end + 3
            for _ in range(2):  # up to two quotes may end the content: """a"""""
                if self.peek() == quote:
                    self.i += 1
            return
        end = self._closing(quote, self.i + 1, escapes=quote == '"', one_line=True)
        self.i = end + 1

    def _closing(self, quote: str, j: int, *, escapes: bool, one_line: bool = False) -> int:
        s = self.s
        while j < self.n:
            char = s[j]
            if escapes and char == "\\":
                j += 2
                continue
            if one_line and char == "\n":
                return j - 1
            if s.startswith(quote, j):
                return j
            j += 1
        return self.n

    # -- skipping ---------------------------------------------------------

    def peek(self) -> str:
        return self.s[self.i] if self.i < self.n else ""

    def skip(self, chars: str) -> None:
        while self.i < self.n and self.s[self.i] in chars:
            self.i += 1

    def skip_line(self) -> None:
        end = self.s.find("\n", self.i)
        self.i = self.n if end < 0 else end + 1

    def skip_blank_and_comments(self) -> None:
        while True:
            self.skip(_BLANK)
            if self.peek() != "#":
                return
            end = self.s.find("\n", self.i)
            self.i = self.n if end < 0 else end


def _decode_key(raw: str) -> str:
    """The text of a quoted key, escapes decoded."""
    try:
        return str(tomllib.loads(f"k = {raw}")["k"])
    except Exception:
        return raw[1:-1]

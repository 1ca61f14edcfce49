"""Reading what a person sees: big Digits and big letters drawn in box characters."""

from __future__ import annotations

import re

from textual.renderables.digits import DIGITS, DIGITS3X3, DIGITS3X3_BOLD

from tui.widgets.bigfont import render_big


def _glyphs() -> dict[tuple[str, str, str], str]:
    glyphs = {}
    for font in (DIGITS3X3, DIGITS3X3_BOLD):
        for i, char in enumerate(DIGITS):
            if char in "0123456789:":
                rows = font[3 * i : 3 * i + 3]
                glyphs[tuple(row.ljust(3) for row in rows)] = char
    return glyphs


GLYPHS = _glyphs()


def _rows(screen: str) -> list[str]:
    lines = screen.splitlines()
    width = max((len(line) for line in lines), default=0)
    return [line.ljust(width + 3) for line in lines]


def big_number(screen: str) -> str | None:
    """The first number drawn in Digits' 3x3 font (top to bottom, left to right)."""
    rows = _rows(screen)
    for r in range(len(rows) - 2):
        for c in range(len(rows[r]) - 2):
            read = ""
            while (char := GLYPHS.get(_block(rows, r, c + 3 * len(read)))) is not None:
                if not read and char == ":":
                    break
                read += char
            if read:
                return read.rstrip(":")
    return None


def _block(rows: list[str], r: int, c: int) -> tuple[str, str, str]:
    return rows[r][c : c + 3], rows[r + 1][c : c + 3], rows[r + 2][c : c + 3]


def countdown(screen: str) -> int | None:
    """The big countdown in seconds ("7", "1:05"), or None when none is drawn."""
    number = big_number(screen)
    if number is None:
        return None
    seconds = 0
    for part in number.split(":"):
        seconds = seconds * 60 + int(part or 0)
    return seconds


def shows_word(screen: str, word: str) -> bool:
    """`word` in big letters, or as plain uppercase text when the terminal is narrow."""
    if re.search(rf"\b{re.escape(word.upper())}\b", screen):
        return True
    big = [row.rstrip() for row in render_big(word)]
    rows = _rows(screen)
    for r in range(len(rows) - 2):
        start = rows[r].find(big[0])
        while start != -1:
            if all(rows[r + i][start : start + len(big[i])] == big[i] for i in (1, 2)):
                return True
            start = rows[r].find(big[0], start + 1)
    return False


def time_left(screen: str) -> int | None:
    """The session's time left from the top bar ("4:58 left"), in seconds."""
    found = re.search(r"(\d+):(\d\d) left", screen)
    return None if found is None else int(found[1]) * 60 + int(found[2])

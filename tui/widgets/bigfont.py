"""A 3-row "big letters" font built from box-drawing characters.

The glyphs follow the style of Textual's ``Digits`` widget
(``textual/renderables/digits.py``): light, rounded box-drawing strokes, three
rows high, mostly three columns wide.  The digits are copied from ``Digits`` so
a big phase name and a ``Digits`` countdown look like one family.

Pure Python on purpose (no Textual import), so it can be unit tested and
reused anywhere::

    >>> print("\\n".join(render_big("Hold")))
    ╷ ╷ ╭─╮ ╷   ┌─╮
    ├─┤ │ │ │   │ │
    ╵ ╵ ╰─╯ └─╴ └─╯
"""

from __future__ import annotations

import unicodedata

__all__ = ["GLYPHS", "HEIGHT", "UNKNOWN", "big_width", "glyph_for", "render_big"]

HEIGHT = 3
"""Number of rows of every glyph."""

GAP = " "
"""Column gap between two glyphs."""

# Each glyph is three rows; rows are padded to the glyph's widest row below.
_RAW_GLYPHS: dict[str, tuple[str, str, str]] = {
    # Letters.  M, N, V and W are four columns wide, a few marks are narrower.
    "A": ("╭─╮", "├─┤", "╵ ╵"),
    "B": ("┌─╮", "├─┤", "└─╯"),
    "C": ("╭─╴", "│", "╰─╴"),
    "D": ("┌─╮", "│ │", "└─╯"),
    "E": ("┌─╴", "├─", "└─╴"),
    "F": ("┌─╴", "├─", "╵"),
    "G": ("╭─╴", "│╶╮", "╰─╯"),
    "H": ("╷ ╷", "├─┤", "╵ ╵"),
    "I": ("╶┬╴", " │", "╶┴╴"),
    "J": ("╶─┐", "  │", "╰─╯"),
    "K": ("╷╭╴", "├┤", "╵╰╴"),
    "L": ("╷", "│", "└─╴"),
    "M": ("╭╮╭╮", "│╰╯│", "╵  ╵"),
    "N": ("╭╮ ╷", "│╰╮│", "╵ ╰╯"),
    "O": ("╭─╮", "│ │", "╰─╯"),
    "P": ("┌─╮", "├─╯", "╵"),
    "Q": ("╭─╮", "│ │", "╰─┼"),
    "R": ("┌─╮", "├┬╯", "╵╰╴"),
    "S": ("╭─╮", "╰─╮", "╰─╯"),
    "T": ("╶┬╴", " │", " ╵"),
    "U": ("╷ ╷", "│ │", "╰─╯"),
    "V": ("╷  ╷", "╰╮╭╯", " ╰╯"),
    "W": ("╷  ╷", "│╭╮│", "╰╯╰╯"),
    "X": ("╮ ╭", "╰┬╯", "╭┴╮"),
    "Y": ("╷ ╷", "╰┬╯", " ╵"),
    "Z": ("╶─┐", "┌─┘", "└─╴"),
    # Digits: the same strokes as Textual's Digits (DIGITS3X3).
    "0": ("╭─╮", "│ │", "╰─╯"),
    "1": ("╶╮", " │", "╶┴╴"),
    "2": ("╶─╮", "┌─┘", "╰─╴"),
    "3": ("╶─╮", " ─┤", "╶─╯"),
    "4": ("╷ ╷", "╰─┤", "  ╵"),
    "5": ("╭─╴", "╰─╮", "╶─╯"),
    "6": ("╭─╴", "├─╮", "╰─╯"),
    "7": ("╶─┐", "  │", "  ╵"),
    "8": ("╭─╮", "├─┤", "╰─╯"),
    "9": ("╭─╮", "╰─┤", "╶─╯"),
    # Space and punctuation.
    " ": ("  ", "  ", "  "),
    "-": ("", "╶─╴", ""),
    "+": ("", "╶┼╴", ""),
    "'": ("╷", "", ""),
    ":": ("", ":", ""),
    ".": ("", "", "•"),
    ",": ("", "", "╯"),
    "!": ("╷", "│", "•"),
    "?": ("╶─╮", " ╭╯", " •"),
    "(": ("╭╴", "│", "╰╴"),
    ")": ("╶╮", " │", "╶╯"),
}


def _pad(rows: tuple[str, ...]) -> tuple[str, str, str]:
    width = max(len(row) for row in rows)
    top, middle, bottom = (row.ljust(width) for row in rows)
    return top, middle, bottom


GLYPHS: dict[str, tuple[str, str, str]] = {char: _pad(rows) for char, rows in _RAW_GLYPHS.items()}
"""Character -> three rows of equal width."""

UNKNOWN: tuple[str, str, str] = (" ", "·", " ")
"""Glyph used for characters the font does not know: a small centred dot."""


def _fold(char: str) -> str:
    """Uppercase a character and strip accents (``é`` -> ``E``) when that helps."""
    upper = char.upper()
    if len(upper) == 1 and upper in GLYPHS:
        return upper
    decomposed = unicodedata.normalize("NFKD", upper)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if len(base) == 1 and base in GLYPHS:
        return base
    return upper


def glyph_for(char: str) -> tuple[str, str, str]:
    """The three rows for one character (case-insensitive; unknown -> a dot)."""
    if char.isspace():
        return GLYPHS[" "]
    return GLYPHS.get(_fold(char), UNKNOWN)


def render_big(text: str) -> list[str]:
    """Render ``text`` in the big font.

    Returns exactly three strings of equal length (``big_width(text)``), one per
    row, with one column of space between glyphs.  Empty text gives three empty
    strings.
    """
    glyphs = [glyph_for(char) for char in text]
    return [GAP.join(glyph[row] for glyph in glyphs) for row in range(HEIGHT)]


def big_width(text: str) -> int:
    """Width in cells of ``render_big(text)`` (glyphs plus one-column gaps)."""
    if not text:
        return 0
    widths = [len(glyph_for(char)[0]) for char in text]
    return sum(widths) + len(GAP) * (len(widths) - 1)

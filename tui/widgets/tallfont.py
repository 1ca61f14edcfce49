"""A 7-row font of solid blocks, for a countdown read from a mat two metres away.

The 3-row box-drawing font (``bigfont``) is some 3 mm of a 24-row terminal's
height per row: at 200x50 the countdown was still 3 rows of 50. When the
terminal has room (``big_label.ROOMY``), the countdown and the phase word are drawn
in this font instead: the classic 5x7 dot-matrix letter shapes, one cell per
dot, so a glyph is 7 rows by 5 columns (the colon and a few marks narrower).

Pure Python, imported only when a terminal is tall enough (not before the
first frame of an ordinary one)::

    >>> render_tall("1")[:2], tall_width("0:07")
    (['  █  ', ' ██  '], 19)
"""

from __future__ import annotations

import unicodedata

__all__ = ["HEIGHT", "render_tall", "tall_width"]

HEIGHT = 7
"""Rows of every glyph."""

GAP = " "
"""Column gap between two glyphs."""

# Rows of dots, top to bottom: '#' is a dot, '.' is none.
_DOTS: dict[str, str] = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    " ": "... ... ... ... ... ... ...",
    ":": ". . # . # . .",
    ".": ". . . . . . #",
    ",": ".. .. .. .. .. .# #.",
    "'": "# # . . . . .",
    "!": "# # # # # . #",
    "?": ".###. #...# ....# ...#. ..#.. ..... ..#..",
    "-": "..... ..... ..... ##### ..... ..... .....",
    "+": "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
    "(": "..# .#. #.. #.. #.. .#. ..#",
    ")": "#.. .#. ..# ..# ..# .#. #..",
}

_GLYPHS: dict[str, tuple[str, ...]] = {
    char: tuple(row.replace("#", "█").replace(".", " ") for row in dots.split())
    for char, dots in _DOTS.items()
}
_UNKNOWN: tuple[str, ...] = ("   ", "   ", "   ", " █ ", "   ", "   ", "   ")


def _glyph(char: str) -> tuple[str, ...]:
    """The rows of one character: case and accents aside, a dot for one not known."""
    if char.isspace():
        return _GLYPHS[" "]
    upper = char.upper()
    if upper not in _GLYPHS:
        folded = unicodedata.normalize("NFKD", upper)
        upper = "".join(c for c in folded if not unicodedata.combining(c))
    return _GLYPHS.get(upper, _UNKNOWN)


def render_tall(text: str) -> list[str]:
    """`text` in the tall font: exactly `HEIGHT` rows of `tall_width(text)` cells."""
    glyphs = [_glyph(char) for char in text]
    return [GAP.join(glyph[row] for glyph in glyphs) for row in range(HEIGHT)]


def tall_width(text: str) -> int:
    """Cells across `render_tall(text)` (glyphs and one-cell gaps); 0 for no text."""
    if not text:
        return 0
    return sum(len(_glyph(char)[0]) for char in text) + len(GAP) * (len(text) - 1)

"""Plain justified columns, for tables too long for Rich's layout.

Rich lays out a table at about 1 ms a row (measured: `show` of 3,000 steps took
3 s; `list` of 1,000 routines 3.5 s of its 4.2 s). These columns read as Rich's
table with `box=None, pad_edge=False` (two spaces apart, no colour), in one pass
to measure and one to write; they are never wrapped to the terminal's width.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from rich.cells import cell_len

#: A table of more rows than this is printed in plain columns.
PLAIN_FROM = 400


def plain_table(
    columns: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[str] = ()
) -> list[str]:
    """The header and `rows`, each cell padded to its column's width in terminal
    cells (wide characters count 2); the columns named in `right` to the right."""
    table = [columns, *rows]
    widths = [max(map(cell_len, column)) for column in zip(*table, strict=True)]
    layout = list(zip(widths, [name in right for name in columns], strict=True))
    return [
        "  ".join(pad(cell, *column) for cell, column in zip(row, layout, strict=True))
        for row in table
    ]


def pad(cell: str, width: int, right: bool = False) -> str:
    """`cell` filled with spaces to `width` terminal cells."""
    room = " " * (width - cell_len(cell))
    return room + cell if right else cell + room

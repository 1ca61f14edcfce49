"""The History screen's Sessions table, fitted to the terminal's width: every
column whole, or wrapped where a cut would lose words.

At 80 columns (an 80x24 terminal) the natural widths (date and time 16,
routine up to its longest name, minutes, status, pain, notes of 60 or more)
leave the notes 5 cells, and the table cut them there ("hurt: Si"). So the
notes take what is left and wrap, row by row, as tall as they need; when that
leaves them less than `NOTES_MIN`, the date puts its time on a second line
(`Tue 24 Nov` / `08:00`), the pain its pain during (`3 → 5 · red` / `(7
during)`), "Minutes" becomes "Min", and a long routine name wraps at
`ROUTINE_MIN`. Minutes and status are short and always whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.text import Text

#: The columns, and the heading of the minutes where room is short.
COLUMNS = ("Date", "Routine", "Minutes", "Status", "Pain", "Notes")
SHORT_MINUTES = "Min"
DATE, ROUTINE, MINUTES, STATUS, PAIN, NOTES = range(len(COLUMNS))
#: Cells kept for the table's vertical scrollbar.
SCROLLBAR = 2
#: The notes narrower than this make the rest give way (date, minutes, routine).
NOTES_MIN = 24
#: A routine name wraps at no fewer cells than this.
ROUTINE_MIN = 12


class Fitted(NamedTuple):
    """The headings and the width of each column (cells, without padding)."""

    labels: tuple[str, ...]
    widths: tuple[int, ...]


def fit(rows: Sequence[Sequence[Text]], room: int, padding: int = 1) -> Fitted:
    """Widths of `COLUMNS` for `rows` (their cells, as shown) in `room` cells (the
    table's width; 0: no limit), `padding` cells either side of each column."""
    natural = [
        max(len(label), max((_longest_line(row[i]) for row in rows), default=0))
        for i, label in enumerate(COLUMNS)
    ]
    labels = list(COLUMNS)
    if not room:
        return Fitted(tuple(labels), tuple(natural))
    spare = room - SCROLLBAR - 2 * padding * len(COLUMNS)
    widths = list(natural)
    if _notes_room(widths, spare) < min(NOTES_MIN, natural[NOTES]):
        widths[DATE] = max(len(COLUMNS[DATE]), max(
            (_longest_word_run(row[DATE]) for row in rows), default=0))  # fmt: skip
        widths[PAIN] = max(len(COLUMNS[PAIN]), max(
            (_longest_head(row[PAIN]) for row in rows), default=0))  # fmt: skip
        labels[MINUTES] = SHORT_MINUTES
        widths[MINUTES] = max(len(SHORT_MINUTES), max(
            (_longest_line(row[MINUTES]) for row in rows), default=0))  # fmt: skip
    if _notes_room(widths, spare) < min(NOTES_MIN, natural[NOTES]):
        widths[ROUTINE] = min(widths[ROUTINE], max(ROUTINE_MIN, spare - sum(
            w for i, w in enumerate(widths) if i not in (ROUTINE, NOTES)) - NOTES_MIN))  # fmt: skip
    widths[NOTES] = max(len(COLUMNS[NOTES]), min(natural[NOTES], _notes_room(widths, spare)))
    return Fitted(tuple(labels), tuple(widths))


def _notes_room(widths: list[int], spare: int) -> int:
    return spare - sum(w for i, w in enumerate(widths) if i != NOTES)


def _longest_line(cell: Text) -> int:
    return max((line.cell_len for line in cell.split("\n")), default=0)


def _longest_head(cell: Text) -> int:
    """The width of a pain cell with the pain during on a line of its own:
    `3 → 5 · red` / `(7 during)` (`present.pain.pain_cell`)."""
    head, _, during = cell.plain.partition(" (")
    return max(len(head), len(during) + 1) if during else cell.cell_len


def _longest_word_run(cell: Text) -> int:
    """The width of a date cell with its time on a line of its own: `Tue 24 Nov`."""
    day, _, _ = cell.plain.rpartition(" ")
    return len(day) if day else cell.cell_len

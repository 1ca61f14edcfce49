"""The History screen's calendar: the last 12 weeks as a grid of days (a row a
weekday, a column a week, this week last), each day shaded by its minutes and
marked when pain reached red. Pure: the screen draws the cells.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import date, timedelta

WEEKS = 12
#: Shades by minutes exercised that day: none, under 10, under 20, under 30, 30 or more.
SHADES = ("·", "░", "▒", "▓", "█")
SHADE_STEP = 10.0


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    minutes: float
    red: bool
    future: bool
    this_week: bool

    @property
    def shade(self) -> str:
        if self.future:
            return " "
        if self.minutes <= 0:
            return SHADES[0]
        return SHADES[min(len(SHADES) - 1, 1 + int(self.minutes // SHADE_STEP))]


def calendar_grid(
    minutes: Mapping[date, float], red: Set[date], today: date, weeks: int = WEEKS
) -> list[list[Day]]:
    """Seven rows (Monday first) of `weeks` days each, oldest week first."""
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    rows: list[list[Day]] = []
    for weekday in range(7):
        row = []
        for week in range(weeks):
            day = first + timedelta(weeks=week, days=weekday)
            row.append(
                Day(day, minutes.get(day, 0.0), day in red, day > today, week == weeks - 1)
            )
        rows.append(row)
    return rows

"""The History screen's calendar: the last 12 weeks as a grid of days (a row a
weekday, a column a week, this week last), each day shaded by its minutes and
marked when pain reached red. Pure: the screen draws the cells.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.words import minutes_text

WEEKS = 12
#: Shades by minutes exercised that day: none, under 10, under 20, under 30, 30 or more.
SHADES = ("·", "░", "▒", "▓", "█")
SHADE_STEP = 10.0
#: The fewest minutes the top of the minutes-per-week strip stands for (as the
#: minutes chart's least axis, `charts.minutes_chart`): a week of a few minutes is a
#: low bar, not the tallest (found by a tester: 0.2 minutes drew full height).
LEAST_TOP = 20.0
#: A bar's top in eighths of a row (none, then 1-8 eighths).
EIGHTHS = " ▁▂▃▄▅▆▇█"
#: Beside a red day's shade: pain of 6 or more, seen without colour too (NO_COLOR,
#: a screen reader's plain text), not by colour alone (found by a tester).
RED_MARK = "!"


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    minutes: float
    red: bool
    future: bool
    this_week: bool

    @property
    def cell(self) -> str:
        """Two characters: the shade twice, or the shade and `RED_MARK` on a red day."""
        return self.shade + (RED_MARK if self.red and not self.future else self.shade)

    @property
    def shade(self) -> str:
        if self.future:
            return " "
        if self.minutes <= 0:
            return SHADES[0]
        return SHADES[min(len(SHADES) - 1, 1 + int(self.minutes // SHADE_STEP))]


def week_strip_label(weeks: Sequence[tuple[date, float]]) -> str:
    """The words over the minutes-per-week strip, which has no axis: its tallest
    week and this week (the last), in whole minutes."""
    if not weeks or max(minutes for _, minutes in weeks) <= 0:
        return "Minutes per week: none yet"
    top_week, top = max(weeks, key=lambda week: week[1])
    return (f"Minutes per week: most {minutes_text(top)} (week of {top_week:%d %b}), "
            f"this week {minutes_text(weeks[-1][1])}")


def week_strip(minutes: Sequence[float], width: int, rows: int) -> list[str]:
    """`rows` lines of `width` columns: a bar a week (oldest first, the columns shared
    out evenly), from 0 minutes at the bottom to the most minutes, or `LEAST_TOP` when
    that is more, at the top, in eighths of a row (`EIGHTHS`); a week with any minutes
    has an eighth at least, a week of none nothing. Textual's Sparkline scaled from
    the least week to the most, so a week of 0.2 minutes was a full bar, and the
    least of twelve busy weeks no bar at all (found by a tester)."""
    if not minutes or width <= 0 or rows <= 0:
        return [" " * max(width, 0)] * max(rows, 0)
    top = max(LEAST_TOP, max(minutes))
    heights = []
    for column in range(width):
        week = minutes[column * len(minutes) // width]
        eighths = round(week / top * rows * 8)
        heights.append(max(eighths, 1) if week > 0 else 0)
    return ["".join(EIGHTHS[min(8, max(0, h - level * 8))] for h in heights)
            for level in range(rows - 1, -1, -1)]  # fmt: skip


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

"""The History screen's calendar and week strip in words: red days marked by a
glyph as well as a colour, and the strip's numbers said (found by a tester at
80x24: red by colour only, a strip with no numbers)."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from tui.core.present.calendar import RED_MARK, calendar_grid, week_strip_label
from tui.widgets.day_grid import grid_text

TODAY = date(2026, 3, 5)  # a Thursday


def test_a_red_day_reads_without_colour():
    rows = calendar_grid({TODAY: 25.0, TODAY - timedelta(days=1): 5.0}, {TODAY}, TODAY)
    thursday, wednesday = rows[3][-1], rows[2][-1]
    assert thursday.cell == "▓" + RED_MARK and wednesday.cell == "░░"
    plain = grid_text(rows).plain  # what NO_COLOR and a screen reader get
    assert f"▓{RED_MARK}" in plain and f"█{RED_MARK} pain of 6 or more that day" in plain
    assert isinstance(grid_text(rows), Text)


def test_the_week_strip_says_its_numbers():
    weeks = [(date(2026, 2, 16), 30.4), (date(2026, 2, 23), 45.0), (date(2026, 3, 2), 12.0)]
    assert week_strip_label(weeks) == (
        "Minutes per week: most 45 (week of 23 Feb), this week 12"
    )
    assert week_strip_label([(date(2026, 3, 2), 0.0)]) == "Minutes per week: none yet"
    assert week_strip_label([]) == "Minutes per week: none yet"

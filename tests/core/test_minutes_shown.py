"""Minutes shown whole say "<1" for some but under a minute, and the strip of
minutes per week is drawn to an honest scale (issue 15, found by a tester: the
History screen said "most 0 (week of 23 Nov)" over a full-height bar for 0.2
minutes)."""

from __future__ import annotations

from datetime import date

from tui.core.present.calendar import week_strip, week_strip_label
from tui.core.present.charts import minutes_chart
from tui.core.store.record import SessionRecord
from tui.core.words import minutes_count, minutes_text

WEEKS = [(date(2026, 11, 16), 0.0), (date(2026, 11, 23), 0.2), (date(2026, 11, 30), 0.0)]


def test_every_place_that_rounds_minutes_says_under_one():
    assert [minutes_text(m) for m in (0, 0.01, 0.2, 0.99, 1.0, 41.6)] == [
        "0", "<1", "<1", "<1", "1", "42"]  # fmt: skip
    assert minutes_count(0.2) == "<1 minute" and minutes_count(30) == "30 minutes"
    assert week_strip_label(WEEKS) == "Minutes per week: most <1 (week of 23 Nov), this week 0"
    assert minutes_chart(WEEKS).note.startswith("<1 minute in the last 3 weeks")
    record = SessionRecord(1, "r", "R", "completed", 0.0, 60.0, 12.0, ("A",), (), ())
    assert record.row(date(1970, 1, 1))[2] == "<1"


def test_the_strip_is_drawn_to_an_honest_scale():
    # 0.2 minutes: an eighth of the bottom row, not a full bar
    assert week_strip([0.0, 0.2, 0.0], 6, 3) == ["      ", "      ", "  ▁▁  "]
    # the top stands for the most minutes, 20 at least; a week of none draws nothing
    assert week_strip([10.0, 20.0], 2, 1) == ["▄█"]
    assert week_strip([30.0, 60.0, 0.0], 3, 2) == [" █ ", "██ "]
    # the least of busy weeks is still its height, not nothing (Sparkline's baseline)
    assert week_strip([30.0, 40.0], 2, 1) == ["▆█"]
    assert week_strip([], 4, 2) == ["    ", "    "]

"""`spinewise history`'s weekly bars say what they show."""

from __future__ import annotations

from datetime import date

from tui.commands.history import week_chart


def test_seconds_of_work_read_as_under_a_minute_not_as_zero():
    chart = week_chart([(date(2026, 11, 16), 0.0), (date(2026, 11, 23), 0.2)], width=10)
    empty, short = chart.splitlines()
    assert empty.endswith("[green][/] 0")
    assert short.endswith("█" * 10 + "[/] <1")

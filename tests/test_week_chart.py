"""`spinewise history`'s weekly bars say what they show."""

from __future__ import annotations

from datetime import date

from tui.commands.history import week_chart


def test_seconds_of_work_read_as_under_a_minute_not_as_zero():
    chart = week_chart([(date(2026, 11, 16), 0.0), (date(2026, 11, 23), 0.2)], width=10)
    empty, short = chart.splitlines()
    assert empty.endswith("[green][/] 0")
    # an honest scale: 0.2 minutes is a sliver, not a full bar (found by a tester)
    assert short.endswith("[green]▏[/] <1")


def test_the_bars_stand_for_20_minutes_at_least():
    chart = week_chart([(date(2026, 11, 16), 10.0), (date(2026, 11, 23), 40.0)], width=10)
    half, full = chart.splitlines()
    assert half.endswith("[green]" + "█" * 2 + "[/] 10")  # 10 of 40: a quarter of 10
    assert full.endswith("[green]" + "█" * 10 + "[/] 40")
    small = week_chart([(date(2026, 11, 23), 5.0)], width=10)
    assert small.endswith("[green]" + "█" * 2 + "[/] 5")  # 5 of at least 20

"""Legible from the floor, and no surprises (issue 14, items 6 to 10), through the pilot."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App
from textual.widgets import Static

from tui.core.store.record import SessionRecord
from tui.screens.history import HistoryScreen
from tui.screens.summary import SummaryScreen


class Host(App[None]):
    """An empty app to show one screen on."""


async def test_the_summary_wraps_a_long_done_list_under_its_value_column():
    names = tuple(f"Exercise number {i}" for i in range(8))
    summary = SessionRecord(None, "long-one", "Long one", "completed", 0.0, 600.0, 600.0,
                            done=names, skipped=(), hurt=())
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(SummaryScreen(summary))
        await pilot.pause()
        values = list(app.screen.query(".summary-value").results(Static))
        labels = list(app.screen.query(".summary-label").results(Static))
        assert {v.region.x for v in values} == {values[0].region.x}
        assert values[0].region.x > max(label.region.right for label in labels) - 1
        done = values[1]
        assert str(done.content).startswith("8 exercises:")
        assert done.region.height > 1  # it wrapped, and under itself


async def test_the_history_chart_has_week_labels():
    monday = date(2026, 11, 23)
    weeks = [(monday - timedelta(weeks=11 - i), float(i)) for i in range(12)]
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(HistoryScreen([], 1, weeks))
        await pilot.pause()
        first = str(app.screen.query_one("#history-first-week", Static).content)
        last = str(app.screen.query_one("#history-last-week", Static).content)
        streak = str(app.screen.query_one("#history-streak", Static).content)
    assert first == "week of 07 Sep 2026"
    assert last == "week of 23 Nov 2026"
    assert streak.startswith("Streak: 1 day in a row")

"""Previews on screen (issue 15): the Pain tab draws only sessions that count and
says under the chart how many preview answers it left out; the library's
next-morning question is never about a preview; the Sessions tab shows a
preview's real minutes."""

from __future__ import annotations

from datetime import datetime

from tests.ui.test_checkins import (
    on_the_library_the_next_morning,
    pain_tab,
    settle,
    three_days,
)
from tui.core.programme.zones import CheckIn, Kind
from tui.core.store.database import Store
from tui.screens.checkins import NextDayDialog


def ended(store: Store, started: datetime, *, speed: float = 1.0, active: float = 600.0) -> int:
    sid = store.begin("test-care", None, "Test care", "x", 600.0, 2, {}, started.timestamp(),
                      speed=speed)  # fmt: skip
    with store._write() as conn:
        conn.execute(
            "UPDATE sessions SET status = 'completed', ended_at = ?, active_seconds = ?"
            " WHERE id = ?", (started.timestamp() + 900, active, sid),
        )  # fmt: skip
    return sid


def with_a_preview(store: Store) -> None:
    """The three days of `three_days`, and a --speed 4 preview on 5 March with pain
    4 before and 9 after (and a `!` at 8, never drawn)."""
    three_days(store)
    started = datetime(2026, 3, 5, 7, 0)
    sid = ended(store, started, speed=4.0, active=2400.0)
    for kind, pain, moment in ((Kind.BEFORE, 4, -60), (Kind.DURING, 8, 60), (Kind.AFTER, 9, 960)):
        store.add_checkin(CheckIn(kind, started.timestamp() + moment, pain=pain, session_id=sid,
                                  exercise="Plank" if kind is Kind.DURING else None))  # fmt: skip


def previews_alone(store: Store) -> None:
    started = datetime(2026, 3, 4, 7, 0)
    sid = ended(store, started, speed=2.0)
    store.add_checkin(CheckIn(Kind.AFTER, started.timestamp() + 960, pain=3, session_id=sid))


async def test_the_pain_tab_leaves_previews_out_and_says_how_many():
    note, chart = await pain_tab(with_a_preview)
    assert note == (
        "6 answers, 27 Feb 2026 - 05 Mar: from the first in the last 12 weeks\n"
        "Zones: green 0-3, amber 4-5, red 6-10\n"
        "Not drawn: 2 answers from previews, run at --speed other than 1."
    )
    before, after = chart.series
    assert (before.ys, after.ys) == ((2.0, 2.0, 2.0), (2.0, 5.0, 7.0))  # the preview's not


async def test_the_pain_tab_with_previews_alone_says_so_without_a_chart():
    note, chart = await pain_tab(previews_alone)
    assert chart is None
    assert note.startswith("No pain given at normal speed in the 12")
    assert "(not drawn: 1 answer from previews, run at --speed other than 1)" in note


async def test_the_sessions_tab_shows_a_previews_real_minutes():
    from tests.ui.test_checkins import history_app

    app = history_app(with_a_preview)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[2:5] == ["10", "preview", "4 → 9 · red"]  # 40 plan minutes took 10
        streak = str(app.screen.query_one("#history-streak").content)
        assert streak.endswith("45 minutes in the last 12 weeks")  # 10 + 15 + 20: not its 10


async def test_the_next_morning_question_is_about_the_session_that_counted():
    """A preview the evening after a session: the morning question is about the
    session, and kept with it; a preview alone is never asked about."""
    store = Store.open(":memory:")
    counting = ended(store, datetime(2026, 3, 1, 8, 0))
    ended(store, datetime(2026, 3, 1, 20, 0), speed=4.0)
    app = on_the_library_the_next_morning(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, NextDayDialog)
        await pilot.press("s")
        await settle(app, pilot)
    assert [(c.kind, c.session_id) for c in store.checkins()] == [(Kind.NEXT_DAY, counting)]


async def test_a_preview_alone_is_never_asked_about_the_next_morning():
    store = Store.open(":memory:")
    ended(store, datetime(2026, 3, 1, 20, 0), speed=4.0)
    app = on_the_library_the_next_morning(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not isinstance(app.screen, NextDayDialog)
    assert store.checkins() == []

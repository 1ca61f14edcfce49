"""The summary's last word while a plan runs (issue 16): the plan's next session and
its day, read in a worker, not "same time tomorrow?" (a plan of two or three
sessions a week does not ask for tomorrow); as before without a plan."""

from __future__ import annotations

from datetime import datetime

from textual.app import App
from textual.widgets import Static

from tests.programme.helpers import ended
from tui.core.catalog.plans import find_plan, read_plan
from tui.core.present.summary import WELL_DONE, plan_closing
from tui.core.store.database import Store
from tui.core.store.record import SessionRecord
from tui.screens.library_today import plan_state
from tui.screens.summary import SummaryScreen

MONDAY = datetime(2026, 3, 2, 9, 0)


class Host(App[None]):
    """An empty app to show one screen on."""


def record() -> SessionRecord:
    return SessionRecord(None, "gentle-start", "Gentle start", "completed", 0.0, 300.0, 300.0,
                         done=("Pelvic tilt",), skipped=(), hurt=())  # fmt: skip


def plan_begun_and_first_session_ended() -> Store:
    """A store in which the 12-week back-care plan began on MONDAY and its first
    session (gentle-start) ended that morning."""
    store = Store.open(":memory:")
    ref = find_plan("back-care-12-weeks")
    assert ref is not None
    programme, text = read_plan(ref)
    store.start_plan(ref.id, None, programme.name, text, MONDAY.date(), MONDAY.timestamp(), None)
    ended(store, "gentle-start", MONDAY)
    return store


async def closing_with(store: Store) -> str:
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        read = plan_state(store, (MONDAY.replace(minute=10)).timestamp)
        await app.push_screen(SummaryScreen(record(), read_plan=read))
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        return str(app.screen.query_one("#summary-closing", Static).content)


async def test_a_pain_after_answered_keeps_the_plans_next_day_unless_red():
    store = plan_begun_and_first_session_ended()
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        read = plan_state(store, (MONDAY.replace(minute=10)).timestamp)
        await app.push_screen(SummaryScreen(record(), ask_for=1, read_plan=read))
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.press("2")
        await pilot.pause()
        said = str(app.screen.query_one("#summary-closing", Static).content)
        assert said == "Well done. Next in your plan: Daily back stretch, Thu 05 Mar."
        await pilot.press("7")
        await pilot.pause()
        said = str(app.screen.query_one("#summary-closing", Static).content)
        assert "Next in your plan" not in said


async def test_a_plan_running_names_its_next_session_and_day():
    store = plan_begun_and_first_session_ended()
    said = await closing_with(store)
    assert said == "Well done. Next in your plan: Daily back stretch, Thu 05 Mar."
    assert "tomorrow?" not in said


async def test_without_a_plan_it_is_as_before():
    assert await closing_with(Store.open(":memory:")) == WELL_DONE


def test_the_words_for_each_next_day():
    today = MONDAY.date()
    assert plan_closing("Core basics", today.replace(day=3), today) == (
        "Well done. Next in your plan: Core basics, tomorrow (Tue 03 Mar).")
    assert plan_closing(None, None, today) == "Well done: that was the plan's last session."

"""The routine library's "Today" row (issue 16): first while a plan runs, saying
what is due (Enter starts it) or when the next session is; gone without a plan.
Dates are faked through the app's wall clock; pictures at 80x24 and 120x35."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import DataTable, Input

from tests.doubles import FakeClock
from tests.programme.helpers import ended
from tests.ui.helpers import app_options, settle_until
from tui.app import SpinewiseApp
from tui.core.catalog.entries import load_catalog
from tui.core.catalog.plans import find_plan, read_plan
from tui.core.store.database import Store
from tui.screens.library_rows import COLUMNS
from tui.screens.library_today import TodayRow
from tui.screens.routine_library import RoutineLibraryScreen
from tui.screens.workout import WorkoutScreen

SUNDAY = datetime(2026, 3, 1, 8, 0)


def following_app(now: datetime, *, started: datetime | None = SUNDAY,
                  done: tuple[tuple[str, datetime], ...] = ()) -> SpinewiseApp:  # fmt: skip
    store = Store.open(":memory:")
    if started is not None:
        ref = find_plan("back-care-12-weeks")
        assert ref is not None
        programme, text = read_plan(ref)
        store.start_plan(ref.id, None, programme.name, text, started.date(),
                         started.timestamp(), None)  # fmt: skip
    for routine, when in done:
        ended(store, routine, when)
    app = SpinewiseApp(load_catalog, options=app_options(FakeClock(), store))
    app.wall = now.timestamp  # type: ignore[method-assign]
    return app


async def settle(app, pilot) -> None:
    """Until the workers are done, counting those their results started (a look again)."""
    await pilot.pause()  # the first load starts once the screen is painted
    await settle_until(app, pilot)


def first_row(app) -> list[str]:
    table = app.screen.query_one("#routines", DataTable)
    return [str(cell) for cell in table.get_row_at(0)]


async def test_the_due_session_leads_the_list_and_enter_starts_it():
    app = following_app(SUNDAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RoutineLibraryScreen)
        assert isinstance(screen.shown[0], TodayRow)
        assert first_row(app) == ["Today: Gentle start", "4:58", "", "Back care, 12 weeks"]
        preview = str(screen.query_one("#preview-meta").render())
        assert "phase 1 of 4, Get moving · session 1 of 6 in this phase · 1 of 33 in all" in preview
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.session.plan.name == "Gentle start"


async def test_a_rest_day_says_when_the_next_is_and_enter_starts_nothing():
    app = following_app(datetime(2026, 3, 3, 8, 0),
                        done=(("gentle-start", datetime(2026, 3, 1, 9, 0)),))  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert first_row(app)[:2] == ["Rest day, next: Thu", ""]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RoutineLibraryScreen)
        notes = [str(n.message) for n in app._notifications]
        assert any("the next, Daily back stretch, is on Thu 05 Mar" in n for n in notes)


async def test_done_for_today_and_filtering_hide_or_change_the_row():
    app = following_app(datetime(2026, 3, 1, 18, 0),
                        done=(("gentle-start", datetime(2026, 3, 1, 9, 0)),))  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert first_row(app)[0] == "Done for today, next: Thu"  # not the day after
        app.screen.query_one("#filter", Input).value = "core"
        await settle(app, pilot)
        assert not any(isinstance(row, TodayRow) for row in app.screen.shown)


async def test_without_a_plan_there_is_no_today_row():
    app = following_app(SUNDAY, started=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert not any(isinstance(row, TodayRow) for row in app.screen.shown)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 35)])
async def test_every_column_is_whole_and_long_tags_end_in_an_ellipsis(size):
    app = following_app(SUNDAY)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#routines", DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert labels == list(COLUMNS)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert sum(widths) <= table.scrollable_content_region.width, (widths, size)
        level = labels.index("Level")
        levels = {str(table.get_row_at(row)[level]) for row in range(table.row_count)}
        assert {"beginner", "intermediate"} <= levels
        assert widths[level] - 2 >= len("intermediate")


async def _settled(pilot) -> None:
    """Until the preview shows the Today row: the catalog's rows can be drawn, with
    the first routine's preview, a moment before the plan's row is put above them."""
    for inp in pilot.app.screen.query(Input):
        inp.cursor_blink = False
    await settle(pilot.app, pilot)

    def previews_today() -> bool:
        return "Today" in str(pilot.app.screen.query_one("#preview-name").render())

    await settle_until(pilot.app, pilot, previews_today, what="the Today row's preview")


@pytest.mark.parametrize("size", [(80, 24), (120, 35)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_of_the_today_row(snap_compare, size):
    assert snap_compare(following_app(SUNDAY), terminal_size=size, run_before=_settled)

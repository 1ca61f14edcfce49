"""The routine library (issue 14, item 9): a visible way to quit, every column on
screen at 80x24 and 100x30 (the tags, last, narrowed to fit since issue 16 put the
level before them), name matches first, sorted by the shown name."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Footer, Static
from textual.widgets._footer import FooterKey

from tests.doubles import FakeClock
from tests.ui.helpers import app_options, settle_until
from tui.app import SpinewiseApp
from tui.core.catalog.entries import load_catalog
from tui.core.catalog.ranking import ranked
from tui.screens.routine_library import RoutineLibraryScreen
from tui.screens.workout import WorkoutScreen


async def settle(app, pilot) -> None:
    """Until the workers are done, counting those their results started (a look again)."""
    await pilot.pause()  # the first load starts once the screen is painted
    await settle_until(app, pilot)


def library_app() -> SpinewiseApp:
    return SpinewiseApp(load_catalog, options=app_options(FakeClock()))


def test_name_matches_rank_first_then_the_shown_name():
    catalog = load_catalog()
    assert ranked(catalog, "gentle")[0].name == "Gentle start"
    names = [e.name for e in ranked(catalog, "")]
    assert names == sorted(names, key=str.casefold)


async def test_gentle_and_enter_starts_gentle_start():
    app = library_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press(*"gentle", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.session.plan.name == "Gentle start"


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_quit_is_shown_and_time_and_tags_are_readable(size):
    app = library_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RoutineLibraryScreen)
        title = str(screen.query_one("#library-title", Static).content)
        footer = screen.query_one(Footer)
        quits = [k for k in footer.query(FooterKey) if k.action == "app.quit" and k.display]
        shown_quit = quits and quits[0].region.right <= size[0] and quits[0].region.width > 0
        assert shown_quit or "ctrl+q" in title
        table = screen.query_one("#routines", DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        widths = [column.get_render_width(table) for column in table.columns.values()]
        visible = table.scrollable_content_region.width
        # Every column is whole on screen, unscrolled (Tags, last, is narrowed to fit).
        assert sum(widths[: labels.index("Tags") + 1]) <= visible, (labels, widths, visible)
        assert sum(widths[: labels.index("Time") + 1]) <= visible
        names = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert names == sorted(names, key=str.casefold)

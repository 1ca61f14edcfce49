"""The routine library loads off the UI loop (issue 13, kind 2): it paints before
any routine is read, shows kept listings (or "…" for a time not known yet) while
the rest loads, shows a bad file as invalid, and starts a routine not read yet by
reading it first."""

from __future__ import annotations

import os
import threading

from tests.core.test_listing import own
from tests.doubles import FakeClock
from tests.ui.helpers import app_options, settle_until
from tui.app import SpinewiseApp
from tui.core.catalog.entries import load_catalog
from tui.core.catalog.listing import listings
from tui.screens.library_rows import NOT_KNOWN
from tui.screens.routine_library import RoutineLibraryScreen
from tui.screens.workout import WorkoutScreen


def rows(screen: RoutineLibraryScreen) -> dict[str, list[str]]:
    table = screen.query_one("#routines")
    return {
        screen.shown[row].ref.id: [str(cell) for cell in table.get_row_at(row)]
        for row in range(table.row_count)
    }


def held_loader():
    """A catalog loader that waits until `go` is set, as 1,000 files would."""
    go = threading.Event()

    def load():
        assert go.wait(10)
        return load_catalog()

    return load, go


async def settle(app, pilot) -> None:
    """Until the workers are done, counting those their results started (a look again)."""
    await pilot.pause()  # the first load starts once the screen is painted
    await settle_until(app, pilot)


async def test_the_library_paints_before_the_routines_are_read():
    own("mine")
    load, go = held_loader()
    app = SpinewiseApp(load, options=app_options(FakeClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineLibraryScreen)
        shown = rows(screen)
        assert shown["mine"][1] == NOT_KNOWN  # listed, its total not known yet
        await pilot.press("x")  # keys are taken while loading
        go.set()
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert rows(screen)["mine"] == ["Test care", "1:17", "beginner", ""]


async def test_kept_listings_show_at_once_with_their_totals():
    own("mine")
    listings()  # a warm cache, as after an earlier `list` or library
    load, go = held_loader()
    app = SpinewiseApp(load, options=app_options(FakeClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await pilot.pause()
        assert rows(app.screen)["mine"] == ["Test care", "1:17", "beginner", ""]
        go.set()
        await settle(app, pilot)


async def test_a_bad_file_is_shown_as_invalid_and_the_others_still_load():
    own("mine")
    own("broken", "name = \n[[exercise\n")
    own("huge", "x" * 2_000_000)
    fifo = own("pipe")
    fifo.unlink()
    os.mkfifo(fifo)
    app = SpinewiseApp(load_catalog, options=app_options(FakeClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        shown = rows(app.screen)
        assert shown["mine"][0] == "Test care"
        for bad in ("broken", "huge"):
            assert shown[bad][0] == bad and shown[bad][3] == "invalid"
        assert "pipe" not in shown or shown["pipe"][3] == "invalid"


async def test_a_routine_started_before_it_is_read_is_read_then_started():
    own("aaa-mine")
    load, go = held_loader()
    app = SpinewiseApp(load, options=app_options(FakeClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await pilot.pause()
        assert app.screen.shown[0].ref.id == "aaa-mine"
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, WorkoutScreen):
                break
        assert isinstance(app.screen, WorkoutScreen)
        assert app.workout is not None and app.workout.plan.name == "Test care"
        go.set()
        await app.workers.wait_for_complete()

"""The app with a real store and a recording player: quit, resume, discard, mute, cues."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import subprocess
import sys
import time

import pytest
from textual.widgets import Digits

from tests.doubles import FakeClock, RecordingPlayer
from tests.ui.helpers import ROUTINE, app_options
from tui.app import SpinewiseApp
from tui.audio.dispatcher import CueDispatcher
from tui.core.catalog import sources
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import RoutineRef
from tui.core.engine.session import Session
from tui.core.plan import build_plan
from tui.core.store.database import Store
from tui.core.workout import Storage, Workout, stored_plan
from tui.screens.confirm import ChoiceDialog
from tui.screens.workout import WorkoutScreen


def own(path, rid: str) -> Valid:
    entry = load_entry(RoutineRef(rid, path, "own"))
    assert isinstance(entry, Valid)
    return entry


def build(db, entry, clock, **kw) -> tuple[SpinewiseApp, Store, RecordingPlayer]:
    player = RecordingPlayer()
    store = Store.open(db)
    options = app_options(clock, store, cues=CueDispatcher(player, None, lambda due: due))
    app = SpinewiseApp([entry], options=options, **kw)
    return app, store, player


async def forward(pilot, clock, seconds: float) -> None:
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


async def quit_after(db, entry, seconds: float) -> None:
    """Start `entry`, follow it for `seconds` of the fake clock, then press q."""
    clock = FakeClock()
    app, _, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await forward(pilot, clock, seconds)
        await pilot.press("q")


async def test_quit_keeps_the_session_and_resume_brings_it_back_paused(db, entry):
    clock = FakeClock()
    app, _workouts, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await forward(pilot, clock, 5 + 1.25)  # 1.25 s into "Reach"
        await pilot.press("q")
        await pilot.pause()
    active = Store.open(db).active()
    assert active is not None and active.routine_name == "Test care"
    assert active.paused_snapshot()["status"] == "paused"

    clock2 = FakeClock(start=50_000)
    app2, _, _ = build(db, entry, clock2, resume=active)
    async with app2.run_test(size=(80, 24)) as pilot:
        screen = app2.screen
        assert isinstance(screen, WorkoutScreen)
        assert screen.session.status.value == "paused"
        assert screen.session.remaining() == pytest.approx(1.75)
        assert screen.query_one("#countdown", Digits).value == "2"
        await pilot.press("space")
        await forward(pilot, clock2, 1.0)
        assert screen.session.remaining() == pytest.approx(0.75)


async def test_finishing_records_a_completed_session_with_its_steps(db, entry):
    clock = FakeClock()
    app, _, player = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await forward(pilot, clock, 10_000)
        await pilot.press("enter")
        await pilot.pause()
    store = Store.open(db)
    assert store.active() is None
    [record] = store.history()
    assert record.status == "completed"
    assert len(record.steps) == len(entry.plan.steps)
    assert player.cues[-1] == "session_done"


async def test_starting_while_one_is_paused_asks_first(db, entry):
    await quit_after(db, entry, 6)  # into the first work step
    app2, _, _ = build(db, entry, FakeClock(), start=entry)
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app2.screen, ChoiceDialog)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app2.screen, WorkoutScreen)
        assert app2.screen.session.elapsed() == 0
    statuses = sorted(r.status for r in Store.open(db).history(include_active=True))
    assert statuses == ["abandoned", "active"]


async def test_the_library_offers_the_paused_session(db, entry):
    await quit_after(db, entry, 6)  # into the first work step
    app2, _, _ = build(db, entry, FakeClock())
    async with app2.run_test(size=(100, 30)) as pilot:
        banner = str(app2.screen.query_one("#banner").content)
        assert banner.startswith("Resume Test care (exercise 1 of 3, paused just now)")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app2.screen, WorkoutScreen)
        assert app2.screen.session.elapsed() == pytest.approx(1)  # 1 s into "Reach"


async def test_cues_follow_the_routine_and_mute_stops_them(db, entry):
    clock = FakeClock()
    app, _, player = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await forward(pilot, clock, 5)  # get ready ends: "Reach"
        assert player.cues == ["tick", "tick", "tick", "raise"]
        await pilot.press("m")
        await forward(pilot, clock, 3)
        assert player.cues[-1] == "raise"
        await pilot.press("m")
        await forward(pilot, clock, 2)  # "Return"
        assert player.cues[-1] == "lower"
        await pilot.press("space")
        await forward(pilot, clock, 30)
        assert player.cues[-1] == "lower"


async def test_resume_says_when_the_routine_file_changed_since(db, entry):
    await quit_after(db, entry, 6)  # into the first work step
    entry.ref.path.write_text(ROUTINE.replace("Bird dog", "Cat"), encoding="utf-8")
    active = Store.open(db).active()
    app2, _, _ = build(db, entry, FakeClock(), resume=active)
    async with app2.run_test(size=(80, 24), notifications=True) as pilot:
        await app2.workers.wait_for_complete()  # the file is compared in a thread
        await pilot.pause()
        assert isinstance(app2.screen, WorkoutScreen)
        assert str(app2.screen.exercise_name.content) == "Bird dog"  # the version started
        said = [n.message for n in app2._notifications]
        assert any("has changed since you started" in m for m in said), said
        assert app2.screen.query("Toast"), "the warning is on screen"


async def test_a_session_open_in_another_spinewise_is_not_discarded(db, entry):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        store = Store.open(db)
        store.begin(
            "test-care",
            str(entry.ref.path),
            "Test care",
            ROUTINE,
            100,
            3,
            Session(entry.plan, FakeClock()).snapshot(),
            1000.0,
            pid=other.pid,
        )
        app, _, _ = build(db, entry, FakeClock(), start=entry)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "RoutineLibraryScreen"
            said = [n.message for n in app._notifications]
            assert any("open in another spinewise" in m for m in said), said
        assert Store.open(db).active().owner_pid == other.pid  # untouched
    finally:
        other.kill()
        other.wait()


async def test_history_screen_shows_the_finished_session_and_the_week(db, entry):
    clock = FakeClock()
    app, _, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await forward(pilot, clock, 10_000)
        await pilot.press("enter", "l")  # confirm the squats, then back to the library
        await pilot.pause()
        await pilot.press("ctrl+y")
        await app.workers.wait_for_complete()  # the sessions are read in a thread
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "HistoryScreen"
        streak = str(screen.query_one("#history-streak").content)
        assert streak.startswith("Streak: 1 day in a row")
        table = screen.query_one("#history-table")
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert (row[1], row[3]) == ("Test care", "completed")
        await pilot.press("escape")
        assert type(app.screen).__name__ == "RoutineLibraryScreen"


async def test_a_routine_saved_with_a_byte_order_mark_resumes(db, tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes("\ufeff".encode() + ROUTINE.encode("utf-8"))  # as Windows Notepad saves
    bom = own(path, "bom")
    await quit_after(db, bom, 6)  # into the first work step
    active = Store.open(db).active()
    assert active.routine_file_state() == "unchanged"
    app, _, _ = build(db, bom, FakeClock(), resume=active)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.session.elapsed() == pytest.approx(1)


async def test_names_with_brackets_are_shown_as_written(db, tmp_path):
    path = tmp_path / "odd.toml"
    path.write_text(ROUTINE.replace('"Test care"', '"Stretch [/b] [red]"'), encoding="utf-8")
    odd = own(path, "odd")
    clock = FakeClock()
    app, _, _ = build(db, odd, clock, start=odd)
    async with app.run_test(size=(100, 30)) as pilot:
        await forward(pilot, clock, 10_000)
        await pilot.press("enter", "l")
        await pilot.pause()
        library = app.screen.query_one("#routines")
        assert str(library.get_row_at(0)[0]) == "Stretch [/b] [red]"
        await pilot.press("ctrl+y")
        await app.workers.wait_for_complete()  # the sessions are read in a thread
        await pilot.pause()
        history = app.screen.query_one("#history-table")
        assert str(history.get_row_at(0)[1]) == "Stretch [/b] [red]"


def test_the_library_text_is_kept_only_for_routines_that_use_it(db, entry):
    """What resuming needs, and no more: a bundled routine keeps its library's text."""
    storage = Storage(Store.open(db))
    workout = Workout.begin(storage, entry, FakeClock())  # its exercises are written out in full
    assert storage.store.active().extras == {"library": []}
    workout.leave()
    storage.discard_paused(2000.0)

    bundled = sources.find("gentle-start")
    routine = sources.load(bundled)
    Workout.begin(storage, own(bundled.path, "gentle-start"), FakeClock())
    active = storage.store.active()
    kept = [path for path, _ in active.extras["library"]]
    assert kept == [str(f) for f in sources.exercise_library_files(bundled.path)] and kept
    assert stored_plan(active) == build_plan(routine)


async def test_a_routine_changed_on_disk_before_its_first_frame_is_stored_as_chosen(db, entry):
    entry.ref.path.write_text(ROUTINE.replace("Bird dog", "Cat"), encoding="utf-8")  # chosen before
    clock = FakeClock()
    app, _, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(app.screen.exercise_name.content) == "Bird dog"
        await forward(pilot, clock, 6)  # into the first work step, so it is kept
        await pilot.press("q")
        await pilot.pause()
    active = Store.open(db).active()
    assert active.routine_text == ROUTINE
    assert stored_plan(active) == entry.plan  # resume rebuilds exactly the plan that ran


async def test_a_locked_database_does_not_stop_the_countdown(db, entry):
    """Another program holds the write lock for 3 s: frames keep coming, the countdown
    moves on, and the checkpoint lands once the lock is released."""
    clock = FakeClock()
    app, _, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        frames: list[float] = []
        draw = screen.refresh_view
        screen.refresh_view = lambda: (frames.append(time.perf_counter()), draw())[1]
        other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        shown = []
        try:
            for _ in range(12):  # 3 s
                clock.advance(0.25)  # the screen's own timer draws ten frames a second
                await asyncio.sleep(0.25)
                shown.append(screen.query_one("#countdown", Digits).value)
        finally:
            other.execute("COMMIT")
            other.close()
        assert len(frames) >= 15, frames
        assert max(b - a for a, b in itertools.pairwise(frames)) < 0.5
        assert shown[0] == "5" and shown[-1] == "2", shown  # 3 s of get-ready counted down
        await asyncio.to_thread(app.workout.saved)
        active = Store.open(db).active()
        assert active.snapshot == screen.session.snapshot()
        assert active.snapshot["elapsed"] == pytest.approx(3.0)

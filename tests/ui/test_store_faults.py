"""The app when the store's read path or saves fail (issue 13, kind 3): ctrl+y
says why instead of failing in its worker, a name that is not UTF-8 is shown,
and a failing save is said once on screen, then again when saving resumes."""

from __future__ import annotations

from tests.doubles import FakeClock
from tests.ui.test_persistence import build, forward
from tui.core.store.database import StoreUnavailable


async def open_history(app, pilot) -> None:
    await pilot.press("ctrl+y")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_history_with_a_name_that_is_not_utf8_is_shown(db, entry):
    clock = FakeClock()
    app, store, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await forward(pilot, clock, 10_000)
        await pilot.press("enter", "l")
        await pilot.pause()
        with store._write() as conn:  # one flipped byte in the name
            conn.execute("UPDATE sessions SET routine_name = CAST(x'54657374ff' AS TEXT)")
        await open_history(app, pilot)
        assert type(app.screen).__name__ == "HistoryScreen"
        row = [str(cell) for cell in app.screen.query_one("#history-table").get_row_at(0)]
        assert row[1] == "Test\ufffd"


async def test_history_that_cannot_be_read_is_said_not_raised(db, entry, monkeypatch):
    app, store, _ = build(db, entry, FakeClock())

    def unreadable(*args, **kwargs):
        raise StoreUnavailable("the session database cannot be used: a disk input/output error")

    monkeypatch.setattr(store, "history", unreadable)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await open_history(app, pilot)
        assert type(app.screen).__name__ == "RoutineLibraryScreen"
        said = [n.message for n in app._notifications]
        assert any(m.startswith("History cannot be shown: the session database") for m in said)
        await pilot.press("ctrl+y")  # the app is still there, and says it again
        await app.workers.wait_for_complete()
    assert app.return_code in (None, 0)


async def test_a_failing_save_is_said_once_and_its_end_too(db, entry, monkeypatch):
    monkeypatch.setattr("tui.core.workout.RETRY_EVERY", 0.0)
    clock = FakeClock()
    app, store, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        store._conn.execute("PRAGMA query_only = 1")  # as a full disk would
        for _ in range(4):
            await forward(pilot, clock, 0.6)
        app.workout.saved()
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert sum(m.startswith("Progress is not being saved") for m in said) == 1, said
        store._conn.execute("PRAGMA query_only = 0")
        await forward(pilot, clock, 0.6)
        app.workout.saved()
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said[-1] == "Progress is being saved again."
        await forward(pilot, clock, 30)  # into the work: one not begun is not kept
        await pilot.press("q")
        await pilot.pause()
    assert app.kept



def test_the_history_screen_reads_the_file_when_the_store_could_not_open():
    from tests.core.test_store_damage import fill
    from tui.core import paths
    from tui.core.store.database import NullStore
    from tui.screens.history import history_screen

    fill(paths.database_file(), sessions=2, steps=1)
    screen = history_screen(NullStore("the disk is full"))
    assert len(screen.records) == 2


async def test_history_with_a_row_a_hand_edit_spoilt_names_it(db, entry):
    """Found by a tester: started_at = 'yesterday' made history crash. The History
    screen says which row, in a sentence; the app goes on."""
    clock = FakeClock()
    app, store, _ = build(db, entry, clock, start=entry)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await forward(pilot, clock, 10_000)
        await pilot.press("enter", "l")
        await pilot.pause()
        with store._write() as conn:
            conn.execute("UPDATE sessions SET started_at = 'yesterday'")
        await open_history(app, pilot)
        assert type(app.screen).__name__ == "RoutineLibraryScreen"
        said = [n.message for n in app._notifications]
        assert any("sessions row 1: started_at: 'yesterday' is not a time" in m for m in said)
    assert app.return_code in (None, 0)

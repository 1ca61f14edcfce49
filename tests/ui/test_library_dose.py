"""The routine library's preview shows today's dose, as `show`, `today` and the
workout do: read from the store in a worker, each exercise past stage 0 marked
with its stage and the dose as written; the Today row's preview too."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from tests.doubles import FakeClock
from tests.ui.helpers import app_options, settle_until
from tests.ui.test_library_today import SUNDAY, following_app
from tui.app import SpinewiseApp
from tui.core.catalog.entries import load_catalog
from tui.core.plan import build_plan
from tui.core.programme.stages import Stage, staged, starting
from tui.core.routine.models import format_clock
from tui.core.store.database import Store
from tui.screens.library_today import TodayRow


def staged_store(rows: tuple[tuple[str, str, int], ...]) -> Store:
    store = Store.open(":memory:")
    with store._write() as conn:
        for routine_id, key, stage in rows:
            conn.execute("INSERT INTO stages VALUES (?, ?, ?, 0, 0)", (routine_id, key, stage))
    return store


def preview(app) -> tuple[str, str]:
    screen = app.screen
    return (str(screen.query_one("#preview-meta").render()),
            str(screen.query_one("#preview-exercises", Static).render()))  # fmt: skip


async def settle(app, pilot) -> None:
    await pilot.pause()
    await settle_until(app, pilot)


async def test_a_routine_s_preview_shows_today_s_dose_marked_where_it_differs():
    store = staged_store((("big-three", "Bird dog", 2), ("big-three", "Modified curl-up", 1)))
    app = SpinewiseApp(load_catalog, options=app_options(FakeClock(), store))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#filter", Input).value = "big three"
        await settle(app, pilot)
        await settle_until(app, pilot, lambda: "stage" in preview(app)[1])
        meta, exercises = preview(app)
        lines = exercises.splitlines()
        assert lines[0] == ("1. Modified curl-up: 7-5-3 reps, hold 10 s (stage 1 of 4; "
                            "as written: 6-4-2 reps, hold 10 s)")  # fmt: skip
        assert lines[1].startswith("2. Side plank: 6-4-2 reps, hold 10 s")  # stage 0: as written
        assert "stage" not in lines[1]
        assert lines[2] == ("3. Bird dog: 8-6-4 reps, hold 10 s each side, alternating "
                            "(stage 2 of 4; as written: 6-4-2 reps, hold 10 s each side, "
                            "alternating)")  # fmt: skip
        entry = app.screen.selected
        assert entry.ref.id == "big-three"
        stages = {"Bird dog": Stage(2), "Modified curl-up": Stage(1)}
        today = build_plan(staged(entry.routine, starting(entry.routine, stages)))
        assert f"· {format_clock(today.total_seconds)} ·" in meta  # longer than as written
        assert today.total_seconds > entry.total_seconds


async def test_a_routine_with_nothing_staged_and_one_without_progression_read_as_written():
    store = staged_store(())
    app = SpinewiseApp(load_catalog, options=app_options(FakeClock(), store))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#filter", Input).value = "big three"
        await settle(app, pilot)
        meta, exercises = preview(app)
        assert "stage" not in exercises
        assert "1. Modified curl-up: 6-4-2 reps, hold 10 s\n" in exercises
        assert format_clock(app.screen.selected.total_seconds) in meta


async def test_the_today_row_s_preview_and_time_are_today_s_dose():
    app = following_app(SUNDAY)
    with app.options.store._write() as conn:  # gentle start's pelvic tilt one step up
        conn.execute("INSERT INTO stages VALUES ('gentle-start', 'Pelvic tilt', 2, 0, 0)")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen.selected, TodayRow)
        await settle_until(app, pilot, lambda: "stage" in preview(app)[1])
        _, exercises = preview(app)
        assert "Pelvic tilt: 8 reps" in exercises and "as written: 6 reps" in exercises
        summary = str(app.screen.query_one("#preview-summary").render())
        assert "Press Enter to start it." in summary
        row = app.screen.shown[0]
        assert isinstance(row, TodayRow) and row.entry is not None
        routine = row.entry.routine
        today = staged(routine, starting(routine, {"Pelvic tilt": Stage(2)}))
        assert row.seconds == build_plan(today).total_seconds > row.entry.total_seconds
        table = app.screen.query_one("#routines", DataTable)
        assert str(table.get_row_at(0)[1]) == format_clock(row.seconds)

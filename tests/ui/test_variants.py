"""Easier and harder variants on the workout screen: `e` and `h` (listed only where
the exercise has one), the swapped exercise named "(easier)", the `!` box offering
the easier version, and `q` in that box leaving as it does on the workout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles import FakeClock
from tests.ui.helpers import app_options
from tui.app import SpinewiseApp
from tui.core.catalog.entries import Valid
from tui.core.catalog.sources import RoutineRef
from tui.core.engine.events import Swapped
from tui.core.plan import build_plan
from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.parse import parse_routine
from tui.screens.confirm import ChoiceDialog
from tui.widgets.line import Line

LIBRARY = """
[plank-knees]
name = "Plank from the knees"
setup = "Forearms and knees on the mat, body straight from head to knees."
tips = ["Make one line from your head to your knees."]
harder = "plank"
hold = 10

[plank]
name = "Plank"
setup = "Forearms and toes on the mat, body straight from head to heels."
tips = ["Make one line from your head to your heels."]
easier = "plank-knees"
hold = 10

[breathing]
name = "Belly breathing"
tempo = [4, 6]
phases = ["Breathe in", "Breathe out"]
"""

ROUTINE = """
name = "Variants"
[defaults]
prepare = 5
rest = 10
[[exercise]]
use = "plank"
sets = 2
[[exercise]]
use = "breathing"
reps = 2
"""


def make_app(library_text: str = LIBRARY) -> tuple[SpinewiseApp, FakeClock]:
    library_path = "/tmp/variants/exercises.toml"
    library = ExerciseLibrary(parse_exercise_library(library_text, library_path))
    routine = parse_routine(ROUTINE, "/tmp/variants/variants.toml", library)
    entry = Valid(
        RoutineRef("variants", Path("/tmp/variants/variants.toml"), "file"),
        build_plan(routine),
        ROUTINE,
        ((library_path, library_text),),
    )
    clock = FakeClock()
    app = SpinewiseApp([entry], options=app_options(clock), start=entry)
    return app, clock


def name(app) -> str:
    return str(app.screen.query_one("#exercise-name", Line).content)


def footer_keys(app) -> set[str]:
    return {key for key, binding in app.screen.active_bindings.items() if binding.enabled}


async def into_the_first_hold(app, clock, pilot) -> None:
    """Advance the fake clock 7 s, into the first hold, tick the workout screen and
    let it draw."""
    clock.advance(7)
    app.screen.tick()
    await pilot.pause()


async def test_e_swaps_to_the_easier_version_named_on_screen_and_told_to_the_cues():
    app, clock = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_first_hold(app, clock, pilot)
        keys = footer_keys(app)
        assert "e" in keys and "h" not in keys  # the plank has an easier version only
        await pilot.press("e")
        await pilot.pause()
        assert name(app) == "Plank from the knees (easier)"
        assert app.workout.session.step.kind == "prepare"
        keys = footer_keys(app)
        assert "h" in keys and "e" not in keys
        swaps = [e for e in app.options.cues.events if isinstance(e, Swapped)]
        assert [(s.was, s.to, s.way) for s in swaps] == [
            ("Plank", "Plank from the knees", "easier"),
        ]  # fmt: skip
        await pilot.press("h")
        await pilot.pause()
        assert name(app) == "Plank"  # there and back: as written
        await pilot.press("N")  # the breathing has no variant: neither key is listed
        await pilot.pause()
        assert not {"e", "h"} & footer_keys(app)


@pytest.mark.parametrize(("width", "listed"), [(80, {"e"}), (120, {"e", "h"})])
async def test_with_both_versions_h_is_listed_where_the_footer_has_room(width, listed):
    ladder = LIBRARY.replace('easier = "plank-knees"', 'easier = "plank-knees"\nharder = "reach"')
    ladder += '[reach]\nname = "Plank with an arm reach"\neasier = "plank"\nhold = 10\n'
    app, clock = make_app(ladder)
    async with app.run_test(size=(width, 24)) as pilot:
        await into_the_first_hold(app, clock, pilot)
        active = app.screen.active_bindings.items()
        shown = {key for key, b in active if b.enabled and b.binding.show}
        assert {"e", "h"} & shown == listed
        await pilot.press("h")  # listed or not, it works
        await pilot.pause()
        assert name(app) == "Plank with an arm reach (harder)"


async def test_the_this_hurts_box_offers_the_easier_version_and_carries_on_with_it():
    app, clock = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_first_hold(app, clock, pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert [a.label for a in dialog.answers] == [
            "Skip this exercise", "Try the easier version", "End session", "Carry on",
        ]  # fmt: skip
        assert "An easier version: Plank from the knees." in dialog.text
        assert [(a.key, a.value.value) for a in dialog.keys] == [("r", "sharp"), ("q", "quit")]
        await pilot.press("e")
        await pilot.pause()
        assert name(app) == "Plank from the knees (easier)"
        assert app.workout.session.running  # it was running before !: it carries on


async def test_q_in_the_this_hurts_box_leaves_and_keeps_the_session():
    app, clock = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await into_the_first_hold(app, clock, pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.workout is not None and app.workout.left


def at_hold(*keys: str):
    async def run_before(pilot) -> None:
        pilot.app.options.clock.advance(7)
        pilot.app.screen.tick()
        for key in keys:
            await pilot.press(key)
        pilot.app.options.clock.advance(2)
        if hasattr(pilot.app.screen, "tick"):
            pilot.app.screen.tick()
        await pilot.pause()

    return run_before


SIZES = [(80, 24), (120, 35)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_swapped_to_the_easier_version(snap_compare, size):
    app, _ = make_app()
    assert snap_compare(app, terminal_size=size, run_before=at_hold("e"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_this_hurts_with_the_easier_version(snap_compare, size):
    app, _ = make_app()
    assert snap_compare(app, terminal_size=size, run_before=at_hold("exclamation_mark"))


async def test_the_history_screen_notes_the_swap():
    import json
    from datetime import datetime

    from textual.app import App

    from tui.core.store.database import Store
    from tui.screens.history import history_screen

    store = Store.open(":memory:")
    started = datetime(2026, 3, 2, 8, 0).timestamp()
    sid = store.begin("variants", None, "Variants", "x", 60.0, 1, {}, started)
    swaps = [{"exercise": "Plank", "variant": "Plank from the knees", "way": "easier"}]
    with store._write() as conn:
        conn.execute(
            "UPDATE sessions SET status = 'completed', ended_at = ?, active_seconds = 60,"
            " swaps = ? WHERE id = ?", (started + 90, json.dumps(swaps), sid),
        )  # fmt: skip

    class One(App[None]):
        def on_mount(self) -> None:
            self.push_screen(history_screen(store, today=datetime(2026, 3, 5).date()))

    app = One()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        assert str(table.get_row_at(0)[5]) == "Plank -> Plank from the knees (easier)"


async def test_after_this_hurts_h_does_not_swap_back_to_what_hurt():
    """Found by a tester: `!`, `e` (Plank from the knees), then `h` went straight back
    to the Plank that hurt, without a word."""
    app, clock = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await into_the_first_hold(app, clock, pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert name(app) == "Plank from the knees (easier)"
        # it would be refused, so the footer does not offer it (a tester saw it did)
        shown = {k for k, b in app.screen.active_bindings.items() if b.enabled and b.binding.show}
        assert "h" not in shown and "e" not in shown  # and the knees have no easier one
        await pilot.press("h")  # not listed, yet pressed it says why
        await pilot.pause()
        assert name(app) == "Plank from the knees (easier)"
        assert [n.message for n in app._notifications] == ["Not after it hurt today"]

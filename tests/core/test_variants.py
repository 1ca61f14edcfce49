"""Easier and harder variants: the plan with a swap, the session swapped part way,
and the swap made again when a session is resumed from its snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles import FakeClock
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import RoutineRef, library_of_texts
from tui.core.engine.events import StepEnded, StepStarted, Swapped
from tui.core.engine.session import Session
from tui.core.engine.states import TransitionError
from tui.core.engine.variants import (
    first_set_from,
    replay_swaps,
    swap_session,
    swapped_plan,
    variant_label,
)
from tui.core.plan import build_plan
from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.parse import parse_routine
from tui.core.store.database import Store
from tui.core.workout import Action, Storage, Workout, stored_plan

LIBRARY = """
[plank-knees]
name = "Plank from the knees"
setup = "On forearms and knees."
tips = ["Straight from head to knees."]
harder = "plank"
hold = 10

[plank]
name = "Plank"
setup = "On forearms and toes."
tips = ["Straight from head to heels."]
easier = "plank-knees"
hold = 10

[bridge]
name = "Glute bridge"
tempo = "2-3-2"
phases = ["Lift", "Hold", "Lower"]
harder = "marching"

[marching]
name = "Marching bridge"
sides = "alternate"
tempo = "1-1-1"
phases = ["Lift", "March", "Lower"]
easier = "bridge"
"""

ROUTINE = """
name = "Core"
[defaults]
prepare = 5
rest = 20
[[exercise]]
use = "plank"
reps = [2, 2, 1]
hold = 20
rep_rest = 5
[[exercise]]
use = "bridge"
reps = 3
[[exercise]]
use = "plank"
hold = 15
"""


@pytest.fixture
def library() -> ExerciseLibrary:
    return ExerciseLibrary(parse_exercise_library(LIBRARY, "exercises.toml"))


def plan_of(library: ExerciseLibrary):
    return build_plan(parse_routine(ROUTINE, "core.toml", library))


def test_a_swap_keeps_the_steps_behind_and_the_dose_and_takes_the_variants_movement(library):
    plan = plan_of(library)
    # Set 2 of the plank, its first hold (prepare, set 1: hold, rest, hold, rest 20, ...).
    at = next(i for i, s in enumerate(plan.steps) if s.set == 2 and s.kind == "work")
    swapped = swapped_plan(plan, at, library.get("plank-knees"), "easier")
    assert swapped.steps[:at] == plan.steps[:at]
    knees = swapped.routine.exercises[0]
    assert knees.name == "Plank from the knees"
    assert knees.tips == ("Straight from head to knees.",)
    assert knees.setup == "On forearms and knees."
    assert (knees.reps, knees.rep_seconds, knees.rest, knees.rep_rest) == ((2, 2, 1), 20, 20, 5)
    # A get-ready of its own, then sets 2 and 3 as the routine writes them.
    after = [s for s in swapped.steps[at:] if s.exercise_index == 0]
    assert after[0].kind == "prepare" and after[0].exercise == "Plank from the knees"
    assert [(s.set, s.rep) for s in after if s.kind == "work"] == [(2, 1), (2, 2), (3, 1)]
    # The later plank is swapped too (its own hold kept); the bridge between is not.
    assert swapped.routine.exercises[2].name == "Plank from the knees"
    assert swapped.routine.exercises[2].rep_seconds == 15
    assert swapped.routine.exercises[1] == plan.routine.exercises[1]
    assert swapped.swaps[-1].changed == (0, 2)
    assert [variant_label(swapped, i) for i in range(3)] == ["easier", None, "easier"]


def test_the_variants_sides_and_phase_names_come_with_it_but_not_its_tempo(library):
    plan = plan_of(library)
    at = plan.first_step_of_exercise(1)
    swapped = swapped_plan(plan, at, library.get("marching"), "harder")
    marching = swapped.routine.exercises[1]
    assert marching.sides == "alternate"
    assert [(p.name, p.seconds) for p in marching.phases] == [
        ("Lift", 2), ("March", 3), ("Lower", 2),
    ]  # fmt: skip
    assert marching.reps == (3,)
    assert variant_label(swapped, 1) == "harder"


def test_a_swap_in_the_rest_between_sets_starts_at_the_next_set(library):
    plan = plan_of(library)
    rest = next(i for i, s in enumerate(plan.steps) if s.kind == "rest" and s.rep is None)
    assert first_set_from(plan.steps[rest]) == plan.steps[rest].set + 1


def test_a_session_swapped_part_way_logs_the_swap_and_starts_the_variants_get_ready(library):
    clock = FakeClock()
    session = Session(plan_of(library), clock)
    session.start()
    clock.advance(5 + 7)  # the get-ready, then 7 s into the first hold
    session.advance()
    at = session.index
    events = swap_session(session, library, "easier")
    assert [type(e) for e in events] == [StepEnded, Swapped, StepStarted]
    assert events[0].skipped and events[0].step.exercise == "Plank"
    assert events[1].was == "Plank" and events[1].to == "Plank from the knees"
    assert session.index == at and session.step.kind == "prepare"
    assert session.step.exercise == "Plank from the knees"
    assert session.running and session.elapsed() == 0
    with pytest.raises(TransitionError):
        swap_session(session, library, "easier")  # the bottom of the ladder
    swap_session(session, library, "harder")
    assert session.step.exercise == "Plank"
    assert variant_label(session.plan, 0) is None  # there and back


def swapped_easier_after(library, seconds: float) -> tuple[Session, FakeClock]:
    """A session of plan_of(library) started on a fake clock, `seconds` in (get-ready
    included), then swapped to its easier variant; the session and its clock."""
    clock = FakeClock()
    session = Session(plan_of(library), clock)
    session.start()
    clock.advance(seconds)
    session.advance()
    swap_session(session, library, "easier")
    return session, clock


def test_a_swap_is_made_again_from_the_snapshot(library):
    session, clock = swapped_easier_after(library, 30)
    clock.advance(12)
    session.advance()
    data = session.snapshot()
    assert data["swaps"][0]["to"] == "plank-knees"
    plan = replay_swaps(plan_of(library), library, data["swaps"])
    assert plan == session.plan
    restored = Session.restore(plan, FakeClock(), data)
    assert restored.index == session.index and restored.step == session.step
    with pytest.raises(ValueError, match="session snapshot"):
        Session.restore(plan_of(library), FakeClock(), data)  # a plan without it


def test_a_workout_offers_a_variant_only_where_there_is_one(tmp_path: Path):
    (tmp_path / "exercises.toml").write_text(LIBRARY, encoding="utf-8")
    path = tmp_path / "core.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    entry = load_entry(RoutineRef("core", path, "own"))
    assert isinstance(entry, Valid)
    storage = Storage(Store.open(tmp_path / "state.db"))
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    assert not workout.can(Action.EASIER)  # not started
    workout.start()
    assert workout.can(Action.EASIER) and not workout.can(Action.HARDER)
    clock.advance(8)
    workout.advance()
    workout.act(Action.EASIER)
    assert workout.can(Action.HARDER) and not workout.can(Action.EASIER)
    clock.advance(8)
    workout.advance()
    workout.leave()
    active = storage.paused()
    assert active is not None
    assert stored_plan(active, active.snapshot["swaps"]) == workout.plan
    resumed = Workout.resume(storage, active, FakeClock())
    assert resumed.plan.routine.exercises[0].name == "Plank from the knees"
    assert resumed.session.index == workout.session.index
    assert library_of_texts(resumed.library_texts).get("plank") is not None
    resumed.leave()


def test_a_swap_in_the_first_set_keeps_the_session_when_left(tmp_path: Path):
    """The work step swapped away became a get-ready: the work done still counts as
    begun, so leaving keeps the session (it used to be forgotten)."""
    (tmp_path / "exercises.toml").write_text(LIBRARY, encoding="utf-8")
    path = tmp_path / "core.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    entry = load_entry(RoutineRef("core", path, "own"))
    assert isinstance(entry, Valid)
    storage = Storage(Store.open(tmp_path / "state.db"))
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    clock.advance(8)  # 3 s into the first hold
    workout.advance()
    workout.act(Action.EASIER)
    assert workout.session.step.kind == "prepare"
    workout.leave()
    assert workout.kept and not workout.forgotten


def test_history_lists_each_swap_and_reads_one_note_per_exercise(tmp_path: Path):
    from tui.core.store.record import swap_notes

    (tmp_path / "exercises.toml").write_text(LIBRARY, encoding="utf-8")
    path = tmp_path / "core.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    entry = load_entry(RoutineRef("core", path, "own"))
    assert isinstance(entry, Valid)
    store = Store.open(tmp_path / "state.db")
    clock = FakeClock()
    workout = Workout.begin(Storage(store), entry, clock)
    workout.start()
    clock.advance(8)
    workout.advance()
    workout.act(Action.EASIER)
    workout.act(Action.NEXT_EXERCISE)
    workout.act(Action.HARDER)  # the bridge, made a marching bridge
    workout.act(Action.END)
    workout.saved()
    [record] = store.history()
    assert record.swaps == (
        ("Plank", "Plank from the knees", "easier"),
        ("Glute bridge", "Marching bridge", "harder"),
    )
    assert record.to_json()["swaps"][0] == {
        "exercise": "Plank", "variant": "Plank from the knees", "way": "easier",
    }  # fmt: skip
    assert "Plank -> Plank from the knees (easier)" in record.row()[4]
    steps = {s.exercise for s in record.steps}
    assert {"Plank", "Plank from the knees", "Marching bridge"} <= steps
    assert swap_notes([("A", "B", "easier"), ("B", "A", "harder")]) == []
    assert swap_notes([("A", "B", "easier"), ("B", "C", "easier")]) == ["A -> C (easier)"]


def test_the_summary_says_what_was_swapped(library):
    from tui.core.present.summary import lines
    from tui.core.store.record import SessionRecord

    session, _clock = swapped_easier_after(library, 8)
    record = SessionRecord.of(session, id=None, routine_id="core", started_at=0, ended_at=None)
    assert record.swaps == (("Plank", "Plank from the knees", "easier"),)
    assert ("Swapped", "Plank -> Plank from the knees (easier)") in lines(record)

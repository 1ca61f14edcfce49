"""A swapped exercise's work splits between its two names, each judged on its own
share (issue 16, found by a tester: `h` at the end of the curl-up's first set,
then `skip`, credited "Curl-up, elbows lifted" with the 12 steps of Modified
curl-up it never did). The summary, history, `--json`, the exports and the
Exercises tab all read the session's one list; and a session's step indexes are
unique and increasing, a swap and a resume notwithstanding."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.core.factories import exercise, plan
from tests.core.test_credit import NOON, big_three
from tests.doubles import FakeClock
from tui.core.engine.credit import exercises_done, tally
from tui.core.plan import Plan
from tui.core.present import summary
from tui.core.present.export import by_session, csv_text, jsonl_text
from tui.core.present.session_text import IsoDates
from tui.core.routine.models import Phase
from tui.core.store.database import Store
from tui.core.store.json_rows import LINES
from tui.core.workout import Action, Storage, Workout

CURL, HARDER = "Modified curl-up", "Curl-up, elbows lifted"


def two_names(first_sets: int) -> Plan:
    """Three sets of one 10-second hold of "A"; the plan's steps from set
    `first_sets + 1` named "B", as a swap at that set boundary leaves them."""
    built = plan(exercise("A", timing="hold", phases=(Phase("Hold", 10),), reps=(1, 1, 1),
                          prepare=0))  # fmt: skip
    steps = tuple(
        s._replace(exercise="B") if s.set is not None and s.set > first_sets else s
        for s in built.steps
    )
    return built._replace(steps=steps)  # the same seconds: only names change


def works(p: Plan) -> list[int]:
    return [i for i, s in enumerate(p.steps) if s.kind == "work"]


# (sets under A before the swap, shares of the three work steps, done names)
TABLE = [
    (1, (1.0, 0.1, 0.0), ("A",)),  # A's whole share done; B got 1 of 20 s
    (1, (1.0, 1.0, 0.0), ("A", "B")),  # B: 10 of its 20 s, exactly half
    (1, (0.4, 1.0, 1.0), ("B",)),  # A swapped away early: no credit, and no skip
    (2, (1.0, 0.0, 0.5), ("A", "B")),  # A: 1 of its 2 sets; B: half of its one set
    (0, (1.0, 1.0, 0.4), ("B",)),  # all under B (swapped on the get-ready)
    (3, (0.0, 0.5, 1.0), ("A",)),  # never swapped: 15 of 30 s
]


@pytest.mark.parametrize(("before", "shares", "done"), TABLE)
def test_each_name_is_judged_on_its_own_share(before, shares, done):
    p = two_names(before)
    worked = dict(zip(works(p), shares, strict=True))
    assert tuple(name for _, name in exercises_done(p, worked)) == done


def test_a_name_swapped_away_from_is_no_skip_and_the_one_now_is():
    p = two_names(1)
    now = p.routine.exercises[0]._replace(name="B")
    p = p._replace(routine=p.routine._replace(exercises=(now,)))
    first, second, third = works(p)
    assert tally(p, {first: 0.2}, passed=1) == (((), ("B",)))
    assert tally(p, {first: 1.0}, passed=1) == ((("A",), ("B",)))
    assert tally(p, {first: 1.0, second: 1.0, third: 0.1}, passed=1) == (("A", "B"), ())


def in_the_rest_after_the_first_set(store: Store) -> tuple[Workout, FakeClock]:
    """Big three begun at speed 1 on a fake clock and run to the first rest that is
    not between reps (the rest after the curl-up's first set); the workout and its clock."""
    clock = FakeClock(0.0)
    workout = Workout.begin(Storage(store), big_three(), clock, wall=lambda: NOON + clock.now())
    workout.start()
    while not (workout.session.step.kind == "rest" and workout.session.step.rep is None):
        clock.advance(workout.session.remaining() or 0.5)
        workout.advance()
    return workout, clock


def harder_after_the_first_set(store: Store) -> Workout:
    """Big three at speed 1: the curl-up's first set done, `h` in the rest after it,
    one second of the variant, then `skip`, then ended."""
    workout, clock = in_the_rest_after_the_first_set(store)
    assert workout.session.step.exercise == CURL
    workout.act(Action.HARDER)
    clock.advance(workout.session.remaining() or 0)  # the variant's get-ready
    workout.advance()
    assert workout.session.step.exercise == HARDER and workout.session.step.kind == "work"
    clock.advance(1)
    workout.act(Action.SKIP_EXERCISE)
    workout.act(Action.END)
    workout.saved()
    return workout


def test_a_swap_at_a_set_boundary_credits_the_work_to_the_name_that_did_it(tmp_path: Path):
    store = Store.open(tmp_path / "state.db")
    workout = harder_after_the_first_set(store)
    shown = workout.record()
    assert shown.done == (CURL,)
    assert ("Done", f"1 exercise: {CURL}") in summary.lines(shown)
    [record] = store.history(include_active=True)
    assert record.done == (CURL,)
    assert record.to_json()["done"] == [CURL]
    assert record.skipped == (HARDER,)  # `skip` on the variant: its own, not the curl-up's
    text = "".join(csv_text([record], by_session(store.checkins())))
    [row] = csv.DictReader(io.StringIO(text))
    assert row["skipped"] == HARDER
    dates = IsoDates()
    [line] = jsonl_text(store.each_session_json(LINES, dates, include_active=True),
                        store.standalone_json(dates), dates)  # fmt: skip
    assert json.loads(line)["done"] == [CURL]
    stats = {s.exercise: s for s in store.exercise_stats()}
    assert stats[CURL].sessions == 1
    assert HARDER not in stats or stats[HARDER].sessions == 0
    indexes = [s["index"] for s in json.loads(line)["steps"]]
    assert indexes == list(range(len(indexes)))
    assert [s.index for s in record.steps] == indexes


def test_step_indexes_stay_unique_over_a_swap_and_a_resume(tmp_path: Path):
    store = Store.open(tmp_path / "state.db")
    workout, clock = in_the_rest_after_the_first_set(store)
    workout.act(Action.HARDER)
    workout.act(Action.PAUSE)
    workout.leave()
    storage = Storage(store)
    active = storage.paused()
    assert active is not None
    resumed = Workout.resume(storage, active, clock)
    resumed.act(Action.RESUME)
    for _ in range(5):
        clock.advance(resumed.session.remaining() or 0.5)
        resumed.advance()
    resumed.act(Action.END)
    resumed.saved()
    [record] = store.history(include_active=True)
    indexes = [s.index for s in record.steps]
    assert indexes == list(range(len(indexes)))
    assert len(indexes) > 15

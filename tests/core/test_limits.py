"""Every number of a routine has a range a person could mean (limits.py), every value is
finite, and whatever a file holds, reading it gives a problem rather than a hang or a
traceback. The end-to-end half (list, show and run at the limits) is in tests/test_limits_cli.py.
"""

from __future__ import annotations

import math
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.routine_helpers import exercise_problems, problems
from tests.core.strategies import exercise_bodies, out_of_range
from tui.core.plan import build_plan
from tui.core.routine.limits import (
    MAX_LIBRARY_BYTES,
    MAX_PHASES,
    MAX_REPS,
    MAX_ROUTINE_BYTES,
    MAX_SETS,
    MAX_STEP_SECONDS,
    MAX_STEPS,
    MAX_TOTAL_SECONDS,
    MIN_WORK_SECONDS,
    exercise_size,
    size_text,
)
from tui.core.routine.models import Exercise, Phase, Routine
from tui.core.routine.parse import load_routine, parse_routine
from tui.core.routine.problems import RoutineError, toml_repr

DEEP = "arrays or tables nested too deeply"
STEP = f"expected at most 1 hour ({MAX_STEP_SECONDS} seconds) for one step"


def valid(text: str) -> Routine:
    return parse_routine(text, "r.toml")


# -- each number at its limit passes, one past it is refused, naming the limit ---


@pytest.mark.parametrize(
    ("at_limit", "over", "problem"),
    [
        (f"reps = {MAX_REPS}", f"reps = {MAX_REPS + 1}",
         f"exercise[1].reps: expected at most {MAX_REPS} reps per set, got {MAX_REPS + 1}"),
        (f"reps = [{MAX_REPS}]", f"reps = [1, {MAX_REPS + 1}]",
         f"exercise[1].reps[2]: expected at most {MAX_REPS} reps per set, got {MAX_REPS + 1}"),
        (f"sets = {MAX_SETS}", f"sets = {MAX_SETS + 1}",
         f"exercise[1].sets: expected at most {MAX_SETS} sets, got {MAX_SETS + 1}"),
        (f"reps = {[1] * MAX_SETS}", f"reps = {[1] * (MAX_SETS + 1)}",
         f"exercise[1].reps: expected at most {MAX_SETS} sets (one per entry), "
         f"got {MAX_SETS + 1} entries"),
        (f"rest = {MAX_STEP_SECONDS}\nsets = 2", f"rest = {MAX_STEP_SECONDS + 0.5}",
         f"exercise[1].rest: {STEP}, got {MAX_STEP_SECONDS + 0.5}"),
        ('prepare = "1h"', 'prepare = "1h0m1s"', f'exercise[1].prepare: {STEP}, got "1h0m1s"'),
        ('switch = "60:00"', 'switch = "60:01"', f'exercise[1].switch: {STEP}, got "60:01"'),
        ("rep_rest = 3600", "rep_rest = 3601", f"exercise[1].rep_rest: {STEP}, got 3601"),
    ],
)
def test_a_number_at_its_limit_passes_and_one_past_it_names_the_limit(at_limit, over, problem):
    valid(f'name = "R"\n[[exercise]]\nname = "A"\nhold = 1\n{at_limit}\n')
    assert [p.split(": ", 1)[1] for p in problems(
        f'name = "R"\n[[exercise]]\nname = "A"\nhold = 1\n{over}\n')] == [problem]


@pytest.mark.parametrize(
    ("at_limit", "over", "problem"),
    [
        (f"hold = {MAX_STEP_SECONDS}", "hold = 1e308", f"exercise[1].hold: {STEP}, got 1e+308"),
        ('hold = "1:00:00"', 'hold = "100h"', f'exercise[1].hold: {STEP}, got "100h"'),
        ("duration = 3600.0", "duration = 3600.5", f"exercise[1].duration: {STEP}, got 3600.5"),
        ('tempo = "3600-0-3600"', 'tempo = "1-3601-1"',
         f'exercise[1].tempo: {STEP}, got "1-3601-1"'),
        ("tempo = [1, 3600]", 'tempo = [1, "2h"]', f'exercise[1].tempo[2]: {STEP}, got "2h"'),
        ('tempo = "' + "-".join(["1"] * MAX_PHASES) + '"\nphases = '
         + str([f"P{i}" for i in range(MAX_PHASES)]).replace("'", '"'),
         'tempo = "' + "-".join(["1"] * (MAX_PHASES + 1)) + '"',
         f"exercise[1].tempo: expected a tempo of at most {MAX_PHASES} phases, "
         f"got {MAX_PHASES + 1}"),
    ],
)
def test_timings_at_and_past_their_limits(at_limit, over, problem):
    valid(f'name = "R"\n[[exercise]]\nname = "A"\n{at_limit}\n')
    assert [p.split(": ", 1)[1] for p in problems(
        f'name = "R"\n[[exercise]]\nname = "A"\n{over}\n')] == [problem]


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", '"' + "9" * 400 + '"'])
def test_durations_that_are_not_finite_or_absurd_are_refused(value):
    (problem,) = exercise_problems(f'name = "A"\nhold = 1\nrest = {value}\nsets = 2')
    assert problem.startswith("exercise[1].rest: expected ")
    assert len(problem) < 200


@given(out_of_range())
@settings(max_examples=60, deadline=None)
def test_any_value_out_of_range_is_one_problem_at_its_key(case):
    key, value = case
    body = f'name = "A"\n{key} = {value}\n'
    body += "" if key in ("hold", "duration", "tempo") else "hold = 1\n"
    found = exercise_problems(body)
    assert len(found) == 1 and found[0].startswith(f"exercise[1].{key}: expected ")
    assert len(found[0]) < 200  # the value is cut before it is shown


# -- the session's limits: steps and total time -------------------------------------------


def test_the_session_total_is_held_to_its_limit_at_the_exercise_that_passes_it():
    hour = f'[[exercise]]\nname = "Hour"\nhold = {MAX_STEP_SECONDS}\nprepare = 0\n'
    hours = MAX_TOTAL_SECONDS // MAX_STEP_SECONDS
    routine = valid('name = "R"\n' + hour * hours)
    assert build_plan(routine).total_seconds == MAX_TOTAL_SECONDS
    found = problems('name = "R"\n' + hour * hours + hour.replace("Hour", "One more"))
    assert found == [
        f"r.toml:{2 + 4 * hours}:1: exercise[{hours + 1}]: the session's total reaches 5:00:00 "
        "by this exercise, over the limit of 4:00:00"
    ]


def test_the_number_of_steps_is_held_to_its_limit():
    # alternate sides: 2 steps per rep; one get-ready: so 1 + 2 * 100 * sets steps
    body = 'name = "Many"\nhold = 1\nsides = "alternate"\nreps = 100\nprepare = 1\nrest = 0\n'
    sets = (MAX_STEPS - 1) // 200
    text = 'name = "R"\n' + f"[[exercise]]\n{body}sets = {sets}\n"
    steps = len(build_plan(valid(text)).steps)
    assert steps == 1 + 200 * sets <= MAX_STEPS
    more = "".join(f'[[exercise]]\nname = "E{i}"\nhold = 1\nprepare = 0\n'
                   for i in range(MAX_STEPS - steps))
    assert len(build_plan(valid(text + more)).steps) == MAX_STEPS
    (problem,) = problems(text + more + '[[exercise]]\nname = "Last"\nhold = 1\n')
    assert problem.split(": ", 1)[1] == (
        f"exercise[{MAX_STEPS - steps + 2}]: the plan reaches {MAX_STEPS + 2} steps by this "
        f"exercise, over the limit of {MAX_STEPS} (a get-ready, a phase of a rep and a rest "
        "are one step each)"
    )


_phases = st.lists(
    st.floats(0, 60).map(lambda s: round(s, 1)), min_size=1, max_size=MAX_PHASES
).filter(lambda xs: sum(xs) > 0)
_exercises = st.builds(
    Exercise,
    name=st.just("E"),
    reps=st.lists(st.integers(1, 12), min_size=1, max_size=5).map(tuple),
    timing=st.sampled_from(["hold", "tempo", "duration", "self_paced"]),
    phases=_phases.map(lambda xs: tuple(Phase(f"P{i}", s) for i, s in enumerate(xs))),
    sides=st.sampled_from(["none", "both", "alternate"]),
    prepare=st.sampled_from([0, 5, 10.5]),
    rest=st.sampled_from([0, 30]),
    switch=st.sampled_from([0, 5]),
    rep_rest=st.sampled_from([0, 2.5]),
)


@given(_exercises)
@settings(max_examples=200, deadline=None)
def test_the_size_counted_without_a_plan_is_the_plans(exercise):
    if exercise.timing == "self_paced":
        exercise = exercise._replace(phases=())
    plan = build_plan(Routine(name="R", exercises=(exercise,)))
    steps, seconds = exercise_size(exercise)
    assert steps == len(plan.steps)
    assert math.isclose(seconds, plan.total_seconds, abs_tol=1e-6)



@given(st.lists(exercise_bodies(short=True), min_size=1, max_size=4))
@settings(max_examples=40, deadline=None)
def test_generated_routines_within_the_limits_are_valid_and_plan_within_them(bodies):
    text = 'name = "Generated"\n' + "".join(f"[[exercise]]\n{b}" for b in bodies)
    plan = build_plan(valid(text))
    assert len(plan.steps) <= MAX_STEPS
    assert plan.total_seconds <= MAX_TOTAL_SECONDS


# -- what a file may hold: a problem, never a traceback or a hang -------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("tags = " + "[" * 5000 + "]" * 5000, f"r.toml:1:8: toml: {DEEP}"),
        ("# [\nx = " + "{a=" * 3000 + "1" + "}" * 3000, f"r.toml:2:5: toml: {DEEP}"),
        ("reps = " + "7" * 5000, "r.toml:1:8: toml: a number of thousands of digits"),
    ],
)
def test_what_the_toml_parser_cannot_take_is_a_problem_with_its_place(text, problem):
    with pytest.raises(RoutineError) as caught:
        parse_routine(text + '\nname = "R"\n', "r.toml")
    assert [str(p) for p in caught.value.problems] == [problem]


def test_values_the_parser_takes_but_no_routine_means_are_shown_cut():
    deep = "[" * 120 + "]" * 120
    found = exercise_problems(f'name = "A"\nhold = 1\ntips = {deep}\nsetup = "{"x" * 3_000_000}"')
    assert all(len(p) < 200 for p in found)
    assert found[0].startswith("exercise[1].tips[1]: expected a string, got [[[[[[")
    found = exercise_problems(f'name = "A"\nhold = 1\nreps = {"9" * 4000}')
    assert found == [f"exercise[1].reps: expected at most {MAX_REPS} reps per set, "
                     "got a number of 4000 digits"]


def test_toml_repr_never_builds_more_than_it_shows():
    huge = ["x" * 10_000_000] * 10
    assert len(toml_repr(huge)) == 80
    nested: list = []
    for _ in range(50_000):
        nested = [nested]
    assert toml_repr(nested) == "[" * 9 + "[...]" + "]" * 9
    assert toml_repr(10**10_000) == "a number of 10001 digits"
    assert toml_repr(-(10**10_000) + 1) == "a number of 10000 digits"


def test_only_regular_files_are_read_and_a_fifo_never_blocks(tmp_path: Path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    result: list[str] = []

    def load() -> None:
        try:
            load_routine(fifo)
        except RoutineError as error:
            result.append(str(error))

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert result == [f"{fifo}:1:1: file: is a FIFO, not a regular file"]
    with pytest.raises(RoutineError) as caught:
        load_routine(Path("/dev/zero"))
    assert str(caught.value) == "/dev/zero:1:1: file: is a device or socket, not a regular file"


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "big.toml"
    with path.open("wb") as out:
        out.truncate(MAX_ROUTINE_BYTES + 1)  # sparse: nothing to read
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    assert str(caught.value) == f"{path}:1:1: file: is larger than the size limit of 1 MB"
    path.write_text('name = "R"\n[[exercise]]\nname = "A"\nhold = 1\n' + "#" * 999_900)
    assert path.stat().st_size <= MAX_ROUTINE_BYTES
    assert load_routine(path).name == "R"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("hold = 0.001", "r.toml:4:8: exercise[1].hold: expected at least 1 second of work, "
         "got 0.001"),
        ('duration = "0.5s"', 'r.toml:4:12: exercise[1].duration: expected at least 1 second '
         'of work, got "0.5s"'),
        ('tempo = "0.3-0-0.3"', 'r.toml:4:9: exercise[1].tempo: expected at least 1 second of '
         'work in a rep, got "0.3-0-0.3"'),
    ],
)
def test_a_rep_shorter_than_the_minimum_is_refused_at_its_line_and_column(body, problem):
    text = f'name = "R"\n[[exercise]]\nname = "A"\n{body}\n'
    assert problems(text) == [problem]
    at_minimum = body.split(" = ")[0] + " = " + {"tempo": '"0.5-0-0.5"'}.get(
        body.split(" = ")[0], str(MIN_WORK_SECONDS))
    valid(f'name = "R"\n[[exercise]]\nname = "A"\n{at_minimum}\n')


def test_the_format_document_states_the_limits_of_the_program():
    text = (Path(__file__).parents[2] / "docs" / "ROUTINE_FORMAT.md").read_text("utf-8")
    table = text.split("## Limits", 1)[1].split("\n\n")[2]
    rows = {row.split(" | ")[0].strip("| "): row.split(" | ")[-1].strip("| ")
            for row in table.splitlines()[2:]}
    assert [rows[key] for key in rows] == [
        f"1 to {MAX_REPS}", f"1 to {MAX_SETS}", f"1 to {MAX_PHASES}",
        f"up to {MAX_STEP_SECONDS} (1 hour)", f"at least {MIN_WORK_SECONDS}",
        f"up to {MAX_TOTAL_SECONDS // 3600} hours",
        f"up to {MAX_STEPS}", f"up to {size_text(MAX_ROUTINE_BYTES)}",
        f"up to {size_text(MAX_LIBRARY_BYTES)}",
    ]


def test_an_edit_round_refuses_a_fifo_rather_than_waiting_for_a_writer(tmp_path: Path):
    from tui.core.authoring.edit_round import EditRound
    from tui.core.routine.exercise_library import ExerciseLibrary

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(RoutineError) as caught:
        EditRound(fifo, ExerciseLibrary())
    assert str(caught.value) == f"{fifo}:1:1: file: is a FIFO, not a regular file"
    assert not (tmp_path / "pipe.toml.bak").exists()

"""A value of the wrong type, or out of range, is told at the value's column.

Found by a tester: `easier = 3` in exercises.toml pointed at column 1, the key,
though the key is right and the value wrong. Every key whose type is checked goes
through one place (`Problems.add_invalid`, from `check_table`), so every key of a
routine, its `[defaults]` and `[exercise.progress]`, an exercise library and a
plan is held to it here, with spaces around the `=` so the key's column and the
value's differ. A key that is unknown or missing is still told at the key.
"""

from __future__ import annotations

import pytest

from tui.core.programme import plan_file
from tui.core.programme.plan_file import parse_programme
from tui.core.routine.exercise_library import LIBRARY_VALIDATORS, parse_exercise_library
from tui.core.routine.fields import EXERCISE_VALIDATORS, TIMING_KEYS
from tui.core.routine.parse import DEFAULTS_VALIDATORS, TOP_VALIDATORS, parse_routine
from tui.core.routine.problems import Problem, RoutineError
from tui.core.routine.progress import PROGRESS_VALIDATORS


def wrong(key: str) -> str:
    """A value no validator takes for `key` (a boolean, but for the one boolean key)."""
    return '"yes"' if key == "self_paced" else "true"


def found(parse: object, text: str, field: str) -> Problem:
    with pytest.raises(RoutineError) as raised:
        parse(text, "f.toml")  # type: ignore[operator]
    mine = [p for p in raised.value.problems if p.field == field]
    assert mine, [str(p) for p in raised.value.problems]
    return mine[0]


def column_after(line: str) -> int:
    """The column (from 1) of the value of `key  =  value` on `line`."""
    after = line.index("=") + 1
    return after + len(line[after:]) - len(line[after:].lstrip()) + 1


def exercise_lines(key: str) -> list[str]:
    base = {"name": '"A"', "hold": "3"}
    base.pop(key, None)
    if key in TIMING_KEYS:
        base.pop("hold", None)
    return [f"{k} = {v}" for k, v in base.items()]


@pytest.mark.parametrize("key", sorted(EXERCISE_VALIDATORS))
def test_a_routines_exercise(key: str) -> None:
    line = f"  {key}   =   {wrong(key)}"
    text = "\n".join(['name = "R"', "[[exercise]]", *exercise_lines(key), line]) + "\n"
    problem = found(parse_routine, text, f"exercise[1].{key}")
    assert (problem.line, problem.col) == (text.count("\n"), column_after(line))


@pytest.mark.parametrize("key", sorted(LIBRARY_VALIDATORS))
def test_an_exercise_library_entry(key: str) -> None:
    line = f"{key}  =  {wrong(key)}"
    text = "\n".join(["[my-entry]", *exercise_lines(key), line]) + "\n"
    problem = found(parse_exercise_library, text, f"my-entry.{key}")
    assert (problem.line, problem.col) == (text.count("\n"), column_after(line))


@pytest.mark.parametrize("key", sorted(k for k, v in TOP_VALIDATORS.items() if v is not None))
def test_a_routines_top_level(key: str) -> None:
    line = f"{key} = {wrong(key)}"
    head = [] if key == "name" else ['name = "R"']
    text = "\n".join([*head, line, "[[exercise]]", 'name = "A"', "hold = 3"]) + "\n"
    problem = found(parse_routine, text, key)
    assert (problem.line, problem.col) == (len(head) + 1, column_after(line))


@pytest.mark.parametrize("key", sorted(DEFAULTS_VALIDATORS))
def test_the_defaults(key: str) -> None:
    line = f"{key}\t= {wrong(key)}"
    text = f'name = "R"\n[defaults]\n{line}\n[[exercise]]\nname = "A"\nhold = 3\n'
    problem = found(parse_routine, text, f"defaults.{key}")
    assert (problem.line, problem.col) == (3, column_after(line))


@pytest.mark.parametrize("key", sorted(PROGRESS_VALIDATORS))
def test_a_progression(key: str) -> None:
    values = {"add": '"reps"', "by": "1", "every": "2", "max": "8", "then": '"x"'}
    values[key] = wrong(key)
    lines = [f"{k} =  {v}" for k, v in values.items()]
    text = 'name = "R"\n[[exercise]]\nname = "A"\nreps = 3\nhold = 3\n[exercise.progress]\n'
    problem = found(parse_routine, text + "\n".join(lines) + "\n", f"exercise[1].progress.{key}")
    index = list(values).index(key)
    assert (problem.line, problem.col) == (7 + index, column_after(lines[index]))


@pytest.mark.parametrize(
    "key", sorted([*plan_file.PHASE_VALIDATORS, "format", "name", "summary"])
)
def test_a_plan(key: str) -> None:
    top = {"name": '"P"'}
    phase = {"name": '"One"', "weeks": "2", "sessions_per_week": "3",
             "routines": '["gentle-start"]'}  # fmt: skip
    in_phase = key in phase
    (phase if in_phase else top)[key] = wrong(key)
    lines = [f"{k} =  {v}" for k, v in top.items()] + ["[[phase]]"]
    lines += [f"{k} =  {v}" for k, v in phase.items()]
    text = "\n".join(lines) + "\n"
    field = f"phase[1].{key}" if in_phase else key
    problem = found(parse_programme, text, field)
    number = lines.index(f"{key} =  {wrong(key)}", len(top) + 1 if in_phase else 0)
    assert (problem.line, problem.col) == (number + 1, column_after(lines[number]))


def test_an_element_of_an_array_is_told_at_the_element() -> None:
    text = 'name = "R"\n[[exercise]]\nname = "A"\nhold = 3\nreps = [3,  "a"]\n'
    problem = found(parse_routine, text, "exercise[1].reps[2]")
    assert (problem.line, problem.col) == (5, 13)


def test_a_duration_under_the_minimum_is_told_at_the_value() -> None:
    """`hold = 0.001` is refused (limits.MIN_WORK_SECONDS), at its line and column."""
    text = 'name = "R"\n[[exercise]]\nname = "A"\nhold = 0.001\n'
    problem = found(parse_routine, text, "exercise[1].hold")
    assert str(problem) == (
        "f.toml:4:8: exercise[1].hold: expected at least 1 second of work, got 0.001"
    )
    library = found(parse_exercise_library, '[a]\nname = "A"\nduration =  "0.5s"\n', "a.duration")
    assert (library.line, library.col) == (3, 13)


def test_an_unknown_or_missing_key_is_still_told_at_the_key() -> None:
    text = 'name = "R"\n[[exercise]]\nname = "A"\nholdd = 3\n'
    problem = found(parse_routine, text, "exercise[1].holdd")
    assert (problem.line, problem.col) == (4, 1)

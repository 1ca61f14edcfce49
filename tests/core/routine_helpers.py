"""Helpers for the routine-loading tests: a small library and one-call parsing."""

from __future__ import annotations

import textwrap

from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.models import Routine
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import RoutineError

LIBRARY_TEXT = """\
[pelvic-tilt]
name = "Pelvic tilt"
kind = "mobility"
setup = "Lie on your back, knees bent."
tips = ["Flatten the low back into the mat."]
caution = "Small movements only."
hold = 5

[bird-dog]
name = "Bird dog"
kind = "stability"
sides = "alternate"
reps = 6
tempo = "2-8-2"
phases = ["Reach", "Hold", "Return"]
rest = 15

[dead-bug]
name = "Dead bug"
sets = 3
reps = 8

[pyramid-curl]
name = "Pyramid curl-up"
reps = [6, 4, 2]
hold = 10

[wall-sit]
name = "Wall sit"
self_paced = true
"""


def library(extra: str = "") -> ExerciseLibrary:
    return ExerciseLibrary(parse_exercise_library(LIBRARY_TEXT + extra, "exercises.toml"))


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def routine(text: str, lib: ExerciseLibrary | None = None) -> Routine:
    return parse_routine(dedent(text), "r.toml", lib)


def one_exercise(body: str, lib: ExerciseLibrary | None = None, top: str = ""):
    """The single exercise of a routine whose [[exercise]] table is `body`."""
    text = f'name = "R"\n{dedent(top)}\n[[exercise]]\n{dedent(body)}'
    return parse_routine(text, "r.toml", lib).exercises[0]


def problems(text: str, lib: ExerciseLibrary | None = None, path: str = "r.toml") -> list[str]:
    """Every problem of a routine text, as `str(problem)`; fails if it is valid."""
    try:
        parse_routine(dedent(text), path, lib)
    except RoutineError as error:
        return [str(p) for p in error.problems]
    raise AssertionError("expected problems, the routine is valid")


def exercise_problems(body: str, lib: ExerciseLibrary | None = None) -> list[str]:
    """Problems of a one-exercise routine, without the `r.toml:L:C: ` prefix.

    The routine's first two lines are `name = "R"` and `[[exercise]]`, so the
    body starts on line 3.
    """
    found = problems(f'name = "R"\n[[exercise]]\n{dedent(body)}', lib)
    return [p.split(": ", 1)[1] for p in found]

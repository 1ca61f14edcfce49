"""What the commands share: naming a routine, reporting problems."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from tui.core.catalog import sources
from tui.core.catalog.sources import RoutineRef
from tui.core.routine.models import Routine
from tui.core.routine.problems import Problem, RoutineError


def report(error: RoutineError) -> None:
    report_problems(error.problems)


def report_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def resolve_ref(name: str) -> RoutineRef | None:
    """Where the routine named on the command line is, or None after printing why not."""
    ref = sources.find(name)
    if ref is None:
        ids = ", ".join(r.id for r in sources.discover()) or "none found"
        print(f"spinewise: no routine {name!r}; known routines: {ids}", file=sys.stderr)
        return None
    if ref.origin == "file" and not ref.path.is_file():
        print(f"{ref.path}:1:1: file: no such file", file=sys.stderr)
        return None
    return ref


def resolve(name: str) -> tuple[RoutineRef, Routine] | None:
    """The routine named on the command line, or None after printing why not."""
    ref = resolve_ref(name)
    if ref is None:
        return None
    try:
        return ref, sources.load(ref)
    except RoutineError as error:
        report(error)
        return None

"""What the commands share: naming a routine, reporting problems."""

from __future__ import annotations

import difflib
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


def did_you_mean(name: str, known: list[str]) -> str:
    """The known ids a mistyped `name` most likely meant, said as "a or b" ("" if none).

    `gentle`, `gentle_start` and `Gentle Start` all find `gentle-start`: the name
    is compared with `_` and spaces as `-`, by prefix and then by `difflib`'s
    ratio (its default cut-off, 0.6).
    """
    wanted = name.strip().lower().replace("_", "-").replace(" ", "-")
    if not wanted:
        return ""
    found = [k for k in known if k.startswith(wanted)]
    found += difflib.get_close_matches(wanted, known, n=3)
    return " or ".join(dict.fromkeys(found[:3]))


def resolve_ref(name: str) -> RoutineRef | None:
    """Where the routine named on the command line is, or None after printing why not."""
    ref = sources.find(name)
    if ref is None:
        known = [r.id for r in sources.discover()]
        close = did_you_mean(name, known)
        if close:
            print(f"spinewise: no routine {name!r}; did you mean {close}?", file=sys.stderr)
        else:
            ids = ", ".join(known) or "none found"
            print(f"spinewise: no routine {name!r}; known routines: {ids}", file=sys.stderr)
        return None
    if ref.origin == "file" and ref.path.is_dir():
        print(
            f"spinewise: {ref.path} is a folder; name a routine file in it, or a routine id "
            "(spinewise list)",
            file=sys.stderr,
        )
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


"""A routine file -> a validated, frozen `Routine`, or every problem of the file.

Implements ROUTINE_FORMAT.md (format 1): the top-level keys, `[defaults]`,
each `[[exercise]]` with `use` merged over the exercise library, and all the
checks, each problem placed at its key's line and column. Precedence of the
transition durations (prepare, rest, switch, rep_rest): the exercise's own key,
then the library entry's, then `[defaults]`, then the built-in defaults. A `use`
of a library entry with mistakes is a problem of the routine that names the
library's file, line, column and field (`LibraryEntry.unusable`).
A routine valid in every key is last held to the session's limits (steps and
timed total, `limits.py`), counted without building the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.routine.fields import (
    EXERCISE_VALIDATORS,
    ROUTINE_EXERCISE_VALIDATORS,
    TRANSITION_KEYS,
    build_exercise,
    check_one_timing,
    merge_with_library,
    resolve_reps,
    resolve_timing,
    written_timing,
)
from tui.core.routine.limits import MAX_STEPS, MAX_TOTAL_SECONDS, exercise_size
from tui.core.routine.models import BUILTIN_DEFAULTS, LEVELS, Exercise, Routine, format_clock
from tui.core.routine.problems import toml_repr
from tui.core.routine.source import parse_toml, read_source
from tui.core.routine.validators import (
    Invalid,
    Problems,
    Validator,
    check_table,
    choice,
    duration,
    misspelt_keys,
    nonempty_string,
    string,
    string_array,
    suggest,
)

if TYPE_CHECKING:
    from tui.core.routine.exercise_library import ExerciseLibrary

ROUTINE_WHAT = 'a routine: name = "..." and at least one [[exercise]]'


def format_version(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value == 1:
        return 1
    raise Invalid(f"expected 1 (the only format version so far), got {toml_repr(value)}")


TOP_VALIDATORS: dict[str, Validator | None] = {
    "format": format_version,
    "name": nonempty_string,
    "summary": string,
    "level": choice(LEVELS),
    "tags": string_array,
    "caution": string,
    "defaults": None,
    "exercise": None,
}
DEFAULTS_VALIDATORS: dict[str, Validator] = {key: duration for key in TRANSITION_KEYS}
_TOP_ONLY = ("format", "summary", "level", "tags")
_LIBRARY_ONLY = ("kind", "muscles", "source", "easier", "harder")

#: Messages for keys written in the wrong place, the usual slip with TOML tables.
TOP_HINTS: dict[str, str] = {
    **{
        key: f"{key} belongs to an exercise: write it after an [[exercise]] header"
        for key in EXERCISE_VALIDATORS
        if key not in TOP_VALIDATORS
    },
    **{
        key: f"write {key} under [defaults] (for every exercise) or in an [[exercise]]"
        for key in TRANSITION_KEYS
    },
}
DEFAULTS_HINTS: dict[str, str] = {
    **{
        key: f"keys after a [defaults] header belong to it; write {key} near the top of the "
        "file, before the first [table] header"
        for key in TOP_VALIDATORS
    },
    **{
        key: "only prepare, rest, switch and rep_rest have defaults; "
        f"write {key} in an [[exercise]]"
        for key in EXERCISE_VALIDATORS
        if key not in TRANSITION_KEYS
    },
}
EXERCISE_HINTS: dict[str, str] = {
    **{
        key: f"{key} is for the exercise library (exercises.toml), not a routine"
        for key in _LIBRARY_ONLY
    },
    **{
        key: "keys after an [[exercise]] header belong to that exercise; write "
        f"{key} near the top of the file, before the first [table] header"
        for key in _TOP_ONLY
    },
}


def load_routine(
    path: Path, library: ExerciseLibrary | Callable[[], ExerciseLibrary] | None = None
) -> Routine:
    """Read and validate a routine file; RoutineError with every problem if it is not valid."""
    path = Path(path)
    return parse_routine(read_source(path), str(path), library)


def parse_routine(
    text: str,
    path: str | Path,
    library: ExerciseLibrary | Callable[[], ExerciseLibrary] | None = None,
) -> Routine:
    """Validate the text of a routine file (`path` is only for the problems).

    `library` may be given as a function that reads it: it is then read only
    when an exercise `use`s it (and may raise RoutineError naming its file).
    """
    table = parse_toml(text, path, what=ROUTINE_WHAT)
    problems = Problems(str(path), text)
    top = check_table(table, TOP_VALIDATORS, problems, (), TOP_HINTS)
    if "name" not in table and "name" not in misspelt_keys(table, TOP_VALIDATORS):
        problems.add(("name",), 'missing; expected a string such as name = "Morning back care"')
    defaults = _defaults(table.get("defaults"), problems)
    items = table.get("exercise")
    if callable(library):
        uses = isinstance(items, list) and any(_needs_library(t) for t in items)
        library = library() if uses else None
    exercises = _exercises(items, problems, defaults, library)
    if not problems.items:
        _check_session(exercises, problems)
    problems.raise_if_any()
    return Routine(
        name=top["name"],
        exercises=tuple(exercises),
        summary=top.get("summary", ""),
        level=top.get("level"),
        tags=top.get("tags", ()),
        caution=top.get("caution", ""),
        defaults=defaults,
        format=top.get("format", 1),
    )


def _defaults(value: Any, problems: Problems) -> dict[str, float]:
    defaults = dict(BUILTIN_DEFAULTS)
    if value is None:
        return defaults
    if isinstance(value, dict):
        defaults.update(
            check_table(value, DEFAULTS_VALIDATORS, problems, ("defaults",), DEFAULTS_HINTS)
        )
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        problems.add(
            ("defaults",), "expected one [defaults] table (single brackets), got [[defaults]]"
        )
    else:
        problems.add_at_value(("defaults",), f"expected a table [defaults], got {toml_repr(value)}")
    return defaults


def _exercises(
    value: Any, problems: Problems, defaults: Mapping[str, float], library: ExerciseLibrary | None
) -> list[Exercise]:
    at = ("exercise",)
    if value is None:
        problems.add(at, "missing; expected at least one [[exercise]] table")
        return []
    if isinstance(value, dict):
        problems.add(
            at, "expected [[exercise]] tables (double brackets), got a single [exercise] table"
        )
        return []
    if not isinstance(value, list) or not value:
        problems.add_at_value(
            at, f"expected at least one [[exercise]] table, got {toml_repr(value)}"
        )
        return []
    exercises = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            problems.add_at_value((*at, index), f"expected a table, got {toml_repr(item)}")
            continue
        exercise = _exercise(item, index, problems, defaults, library)
        if exercise is not None:
            exercises.append(exercise)
    return exercises


def _exercise(
    table: dict[str, Any],
    index: int,
    problems: Problems,
    defaults: Mapping[str, float],
    library: ExerciseLibrary | None,
) -> Exercise | None:
    at = ("exercise", index)
    own = check_table(table, ROUTINE_EXERCISE_VALIDATORS, problems, at, EXERCISE_HINTS)
    progress = own.pop("progress", None)
    bad = {key for key in table if key in EXERCISE_VALIDATORS and key not in own}
    bad |= misspelt_keys(table, ROUTINE_EXERCISE_VALIDATORS)
    check_one_timing(table, problems, at)
    use = own.get("use")
    merged: Mapping[str, Any] = own
    whole = True  # whether every key the exercise has is known (its library entry found)
    if "use" not in table:
        built = build_exercise(own, bad, defaults, problems, at)
    else:
        entry = library.get(use) if (library is not None and use is not None) else None
        broken = None if entry is None else entry.unusable()
        if broken is not None:
            problems.add_at_value((*at, "use"), broken)  # an id: at its value, as easier's
            entry = None
        elif entry is None and use is not None:
            problems.add_at_value((*at, "use"), _unknown_use(use, library))
        if entry is None:
            # What can be checked without the library entry:
            resolve_reps(own, bad, problems, at)
            if written_timing(table):
                resolve_timing(own, bad, problems, at, required=False)
            built, whole = None, False
        else:
            merged = merge_with_library(entry.fields, own, table)
            built = build_exercise(merged, bad, defaults, problems, at, use=use)
    if progress is None:
        return built
    from tui.core.routine.progress import Written, check_progress

    # Checked beside the exercise's own problems, as far as the exercise is known:
    if built is not None:
        written = Written.of(built, merged)
    else:
        written = Written.partly(merged, bad, whole=whole)
    spec = check_progress(progress, written, problems, at, library, defaults)
    return None if spec is None or built is None else built._replace(progress=spec)


def _needs_library(table: Any) -> bool:
    """Whether an `[[exercise]]` names a library entry: `use`, or a progression's `then`."""
    if not isinstance(table, dict):
        return False
    progress = table.get("progress")
    return "use" in table or (isinstance(progress, dict) and "then" in progress)


def _check_session(exercises: list[Exercise], problems: Problems) -> None:
    """A problem at the exercise that takes the plan over MAX_STEPS or MAX_TOTAL_SECONDS,
    with every exercise as written and again at the top of its progression (the
    largest dose it can grow to)."""
    _check_size(exercises, problems, "")
    if not problems.items and any(ex.progress is not None for ex in exercises):
        from tui.core.programme.dose import dose_at, top_stage

        grown = [dose_at(ex, top_stage(ex)) for ex in exercises]
        _check_size(grown, problems, " at the top of its progression (max)")


def _check_size(exercises: list[Exercise], problems: Problems, when: str) -> None:
    steps, seconds = 0, 0.0
    for index, exercise in enumerate(exercises):
        more_steps, more_seconds = exercise_size(exercise)
        steps += more_steps
        seconds += more_seconds
        if steps > MAX_STEPS:
            problems.add(
                ("exercise", index),
                f"the plan reaches {steps} steps by this exercise{when}, over the limit of "
                f"{MAX_STEPS} "
                "(a get-ready, a phase of a rep and a rest are one step each)",
            )
            return
        if seconds > MAX_TOTAL_SECONDS:
            problems.add(
                ("exercise", index),
                f"the session's total reaches {format_clock(seconds)} by this exercise{when}, "
                f"over the limit of {format_clock(MAX_TOTAL_SECONDS)}",
            )
            return


def _unknown_use(use: str, library: ExerciseLibrary | None) -> str:
    message = f"no exercise {toml_repr(use)} in the library"
    ids = library.ids() if library is not None else []
    if not ids:
        return message + " (the exercise library is empty)"
    close = suggest(use, ids)
    if close:
        message += f"; did you mean {toml_repr(close)}?"
    return message

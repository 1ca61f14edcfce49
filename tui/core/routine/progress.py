"""`[exercise.progress]`: how an exercise's dose grows over sessions, checked.

The table's keys are checked one by one (`PROGRESS_VALIDATORS`), then against
the exercise they belong to (`check_progress`): `add = "reps"` needs reps
written on the exercise (or its library entry), `hold` a hold, `duration` a
duration; `by` is a whole number of reps or sets; `max` may not be below the
dose written, and for reps gives one cap per set that keeps a pyramid's shape;
`then` names an exercise library entry. Every problem is placed at its key.
What the stages are is `tui.core.programme.dose`'s to say.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tui.core.routine.durations import parse_duration
from tui.core.routine.fields import build_exercise, reps_per_set
from tui.core.routine.limits import MAX_SETS, MAX_STEP_SECONDS
from tui.core.routine.models import GROWTH, Exercise, Progress
from tui.core.routine.problems import KeyPath, toml_repr
from tui.core.routine.validators import (
    Count,
    Invalid,
    Problems,
    Validator,
    array_items,
    check_table,
    choice,
    misspelt_keys,
    nonempty_string,
    suggest,
)

if TYPE_CHECKING:
    from tui.core.routine.exercise_library import ExerciseLibrary

#: Settled sessions per step: more than this is a step a person would never see.
MAX_EVERY = 50


def amount(value: Any) -> float:
    """`by`: a number above 0 (reps, sets or seconds), or a duration such as "5s"."""
    if isinstance(value, str):
        try:
            seconds = parse_duration(value)
        except ValueError as error:
            raise Invalid(str(error)) from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise Invalid(f"expected a number greater than 0, got {toml_repr(value)}")
    if not math.isfinite(seconds) or seconds <= 0:
        raise Invalid(f"expected a number greater than 0, got {toml_repr(value)}")
    if seconds > MAX_STEP_SECONDS:
        raise Invalid(f"expected at most {MAX_STEP_SECONDS}, got {toml_repr(value)}")
    return seconds


def cap(value: Any) -> tuple[float, ...]:
    """`max`: one number (or duration), or an array of reps, one per set."""
    if isinstance(value, list):
        if not value:
            raise Invalid("expected a number or a non-empty array of reps, got []")
        if len(value) > MAX_SETS:
            raise Invalid(f"expected at most {MAX_SETS} entries (one per set), got {len(value)}")
        return tuple(float(n) for n in array_items(value, reps_per_set))
    return (amount(value),)


PROGRESS_VALIDATORS: dict[str, Validator] = {
    "add": choice(GROWTH),
    "by": amount,
    "every": Count(MAX_EVERY, "settled sessions per step"),
    "max": cap,
    "then": nonempty_string,
}
_REQUIRED = ("add", "by", "every", "max")


def check_progress(
    value: Any,
    exercise: Exercise,
    written: Mapping[str, Any],
    problems: Problems,
    at: KeyPath,
    library: ExerciseLibrary | None,
    defaults: Mapping[str, float],
) -> Progress | None:
    """The exercise's `progress` table, or None with its problems added.

    `written` holds the exercise's keys as merged with its library entry (so
    `reps` given by the library counts as written).
    """
    at = (*at, "progress")
    if not isinstance(value, dict):
        problems.add(at, f"expected a table [exercise.progress], got {toml_repr(value)}")
        return None
    before = len(problems.items)
    values = check_table(value, PROGRESS_VALIDATORS, problems, at)
    typos = misspelt_keys(value, PROGRESS_VALIDATORS)
    for key in _REQUIRED:
        if key not in value and key not in typos:
            problems.add(at, f"missing {key}; {_EXAMPLE}")
    if len(problems.items) > before:
        return None
    add, by, every, caps = values["add"], values["by"], values["every"], values["max"]
    if add in ("reps", "sets") and not float(by).is_integer():
        problems.add((*at, "by"), f"expected a whole number of {add}, got {toml_repr(value['by'])}")
        return None
    checked = _check_cap(add, caps, exercise, written, problems, at, value["max"])
    if checked is None:
        return None
    then, then_exercise = values.get("then"), None
    if then is not None:
        then_exercise = _then(then, library, defaults, problems, (*at, "then"))
        if then_exercise is None:
            return None
    return Progress(add, float(by), every, checked, then, then_exercise)


_EXAMPLE = 'such as add = "reps", by = 1, every = 2, max = 10'


def _check_cap(
    add: str,
    caps: tuple[float, ...],
    ex: Exercise,
    written: Mapping[str, Any],
    problems: Problems,
    at: KeyPath,
    raw: Any,
) -> tuple[float, ...] | None:
    """The caps, one per set for reps; None with a problem when they do not fit."""
    where = (*at, "max")
    if add == "reps":
        if "reps" not in written:
            problems.add(
                (*at, "add"),
                'add = "reps" needs reps written on the exercise (or its library entry)',
            )
            return None
        if not all(float(c).is_integer() for c in caps):
            problems.add(where, f"expected whole numbers of reps, got {toml_repr(raw)}")
            return None
        if len(caps) == 1:
            caps = caps * ex.sets
        elif len(caps) != ex.sets:
            problems.add(
                where, f"expected {ex.sets} entries (one per set of reps), got {len(caps)}"
            )
            return None
        low = [i for i, (c, r) in enumerate(zip(caps, ex.reps, strict=True)) if c < r]
        if low:
            written_reps = "-".join(str(r) for r in ex.reps)
            problems.add(
                where, f"max is below the reps written ({written_reps}), got {toml_repr(raw)}"
            )
            return None
        if not _keeps_shape(ex.reps, caps):
            problems.add(
                where,
                f"expected caps in the shape of reps = {toml_repr(list(ex.reps))}: a set with "
                "more reps needs a cap at least as high, equal sets equal caps",
            )
            return None
        return caps
    if len(caps) != 1 or isinstance(raw, list):
        problems.add(where, f"expected one number for add = {toml_repr(add)}, got {toml_repr(raw)}")
        return None
    top = caps[0]
    if add == "sets":
        if not float(top).is_integer() or top > MAX_SETS:
            problems.add(
                where, f"expected a whole number of sets up to {MAX_SETS}, got {toml_repr(raw)}"
            )
            return None
        if top < ex.sets:
            problems.add(where, f"max is below the sets written ({ex.sets}), got {toml_repr(raw)}")
            return None
        return caps
    if ex.timing != add:
        problems.add(
            (*at, "add"),
            f'add = "{add}" needs {add} written on the exercise; this one has '
            f"{ex.timing.replace('_', ' ')}",
        )
        return None
    if top < ex.rep_seconds:
        problems.add(
            where, f"max is below the {add} written ({ex.rep_seconds:g} s), got {toml_repr(raw)}"
        )
        return None
    return caps


def _keeps_shape(reps: tuple[int, ...], caps: tuple[float, ...]) -> bool:
    pairs = list(zip(reps, caps, strict=True))
    for r1, c1 in pairs:
        for r2, c2 in pairs:
            if (r1 > r2 and c1 < c2) or (r1 == r2 and c1 != c2):
                return False
    return True


def _then(
    then: str,
    library: ExerciseLibrary | None,
    defaults: Mapping[str, float],
    problems: Problems,
    at: KeyPath,
) -> Exercise | None:
    entry = library.get(then) if library is not None else None
    if entry is None:
        message = f"no exercise {toml_repr(then)} in the library"
        close = suggest(then, library.ids()) if library is not None else None
        problems.add(at, message + (f"; did you mean {toml_repr(close)}?" if close else ""))
        return None
    return build_exercise(entry.fields, set(), defaults, problems, at, use=then)

"""`[exercise.progress]`: how an exercise's dose grows over sessions, checked.

The table's keys are checked one by one (`PROGRESS_VALIDATORS`), then against
what is known of the exercise they belong to (`check_progress`, `Written`):
`add = "reps"` needs reps written on the exercise (or its library entry),
`hold` a hold, `duration` a duration; `by` and `max` are whole numbers of reps
or sets for those (a duration string such as "5s" is not a count), seconds or
durations for a hold or a duration; `max` may not be below the dose written,
and for reps gives one cap per set that keeps a pyramid's shape; `then` names
an exercise library entry. Every problem is placed at its key, and every
independent problem is told in one pass (ROUTINE_FORMAT.md, "Every error in a
file is reported"): a check is skipped only when it depends on a value that is
broken or unknown (an exercise whose `use` names no library entry has no known
timing). What the stages are is `tui.core.programme.dose`'s to say.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.core.routine.durations import parse_duration
from tui.core.routine.fields import build_exercise, reps_per_set, written_timing
from tui.core.routine.limits import MAX_SETS, MAX_STEP_SECONDS
from tui.core.routine.models import GROWTH, TIMING_KEYS, Exercise, Progress
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
from tui.core.words import count

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
            raise Invalid(
                f"expected at most {count(MAX_SETS, 'entry', 'entries')} (one per set), "
                f"got {len(value)}"
            )
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
_EXAMPLE = 'such as add = "reps", by = 1, every = 2, max = 10'


class Written(NamedTuple):
    """What is known of the exercise a progression grows; None where it is not known.

    `reps`: the reps of each set; `has_reps`: whether `reps` is written (on the
    exercise or its library entry); `timing` and `rep_seconds` (seconds of one
    rep): what a hold or duration grows from. Unknown when the exercise's `use`
    names no library entry and the key is not written beside it, or when the
    key itself is broken (its own problem is told already).
    """

    reps: tuple[int, ...] | None
    has_reps: bool | None
    timing: str | None
    rep_seconds: float | None

    @classmethod
    def of(cls, exercise: Exercise, values: Mapping[str, Any]) -> Written:
        """A built exercise: everything known (`values`: its keys merged with the library's)."""
        return cls(exercise.reps, "reps" in values, exercise.timing, exercise.rep_seconds)

    @classmethod
    def partly(cls, values: Mapping[str, Any], bad: set[str], *, whole: bool) -> Written:
        """An exercise that could not be built: what its valid `values` say.

        `whole` is False when `use` names no library entry, whose keys may be missing.
        """
        reps: tuple[int, ...] | None = None
        written, sets = values.get("reps"), values.get("sets")
        if not {"reps", "sets"} & bad:
            if isinstance(written, tuple):
                reps = written if sets in (None, len(written)) else None
            elif whole or (written is not None and sets is not None):
                reps = (written or 1,) * (sets or 1)
        has_reps = True if "reps" in values or "reps" in bad else (False if whole else None)
        timing: str | None = None
        seconds: float | None = None
        given = written_timing(values)
        if len(given) == 1 and not bad & set(TIMING_KEYS):
            timing = given[0]
            raw = values[timing]
            seconds = sum(raw) if timing == "tempo" else (0.0 if raw is True else float(raw))
        return cls(reps, has_reps, timing, seconds)


def check_progress(
    value: Any,
    written: Written,
    problems: Problems,
    at: KeyPath,
    library: ExerciseLibrary | None,
    defaults: Mapping[str, float],
) -> Progress | None:
    """The exercise's `progress` table, or None with its problems added.

    Every key is checked alone, then against `written` as far as it is known;
    a Progress is returned only when nothing was wrong and everything was known.
    """
    at = (*at, "progress")
    if not isinstance(value, dict):
        problems.add_at_value(at, f"expected a table [exercise.progress], got {toml_repr(value)}")
        return None
    before = len(problems.items)
    add = value.get("add") if value.get("add") in GROWTH else None
    counts = add in ("reps", "sets")
    counted = [k for k in ("by", "max") if counts and isinstance(value.get(k), str)]
    values = check_table(
        {k: v for k, v in value.items() if k not in counted}, PROGRESS_VALIDATORS, problems, at
    )
    for key in counted:  # "5s" read as 5 reps would be a silent surprise
        problems.add_at_value(
            (*at, key),
            f"expected a whole number of {add}, got {toml_repr(value[key])}: a duration "
            'is for add = "hold" or "duration"',
        )
    typos = misspelt_keys(value, PROGRESS_VALIDATORS)
    for key in _REQUIRED:
        if key not in value and key not in typos:
            problems.add(at, f"missing {key}; {_EXAMPLE}")
    by, caps, then = values.get("by"), values.get("max"), values.get("then")
    if add in ("reps", "sets") and by is not None and not float(by).is_integer():
        problems.add_at_value(
            (*at, "by"), f"expected a whole number of {add}, got {toml_repr(value['by'])}"
        )
    checked = None
    if add is not None and caps is not None:
        checked = _check_cap(add, caps, written, problems, at, value["max"])
    elif add == "reps" and isinstance(value.get("max"), list) and written.reps is not None:
        _one_per_set(len(value["max"]), len(written.reps), problems, at)  # its items are told
    then_exercise = None
    if then is not None:
        then_exercise = _then(then, library, defaults, problems, (*at, "then"))
    if len(problems.items) > before or add is None or checked is None or by is None:
        return None
    if then is not None and then_exercise is None:
        return None
    return Progress(add, float(by), values["every"], checked, then, then_exercise)


def _check_cap(
    add: str,
    caps: tuple[float, ...],
    ex: Written,
    problems: Problems,
    at: KeyPath,
    raw: Any,
) -> tuple[float, ...] | None:
    """The caps, one per set for reps; None when they do not fit, or cannot be known to.

    Each independent problem of `max` is told: for reps, whole numbers, one per
    set, not below the reps written (compared set by set as far as both go), and
    the pyramid's shape (when there is one cap per set).
    """
    where = (*at, "max")
    before = len(problems.items)
    if add == "reps":
        if ex.has_reps is False:
            problems.add(
                (*at, "add"),
                'add = "reps" needs reps written on the exercise (or its library entry)',
            )
            return None
        if not all(float(c).is_integer() for c in caps):
            problems.add_at_value(where, f"expected whole numbers of reps, got {toml_repr(raw)}")
        if ex.reps is None:
            return None
        sets = len(ex.reps)
        if len(caps) == 1:
            caps = caps * sets
        else:
            _one_per_set(len(caps), sets, problems, at)
        if any(c < r for c, r in zip(caps, ex.reps, strict=False)):
            shown = "-".join(map(str, ex.reps))
            problems.add_at_value(
                where, f"max is below the reps written ({shown}), got {toml_repr(raw)}"
            )
        if len(caps) == sets and not _keeps_shape(ex.reps, caps):
            problems.add(
                where,
                f"expected caps in the shape of reps = {toml_repr(list(ex.reps))}: a set with "
                "more reps needs a cap at least as high, equal sets equal caps",
            )
        return caps if len(problems.items) == before else None
    if len(caps) != 1 or isinstance(raw, list):
        problems.add_at_value(
            where, f"expected one number for add = {toml_repr(add)}, got {toml_repr(raw)}"
        )
        return None
    top = caps[0]
    if add == "sets":
        if not float(top).is_integer() or top > MAX_SETS:
            problems.add_at_value(
                where, f"expected a whole number of sets up to {MAX_SETS}, got {toml_repr(raw)}"
            )
        if ex.reps is not None and top < len(ex.reps):
            problems.add_at_value(
                where, f"max is below the sets written ({len(ex.reps)}), got {toml_repr(raw)}"
            )
        return caps if len(problems.items) == before and ex.reps is not None else None
    if ex.timing is None or ex.rep_seconds is None:
        return None
    if ex.timing != add:
        problems.add(
            (*at, "add"),
            f'add = "{add}" needs {add} written on the exercise; this one has '
            f"{ex.timing.replace('_', ' ')}",
        )
        return None
    if top < ex.rep_seconds:
        problems.add_at_value(
            where, f"max is below the {add} written ({ex.rep_seconds:g} s), got {toml_repr(raw)}"
        )
        return None
    return caps


def _one_per_set(caps: int, sets: int, problems: Problems, at: KeyPath) -> None:
    if caps != sets:
        problems.add_at_value(
            (*at, "max"),
            f"expected {count(sets, 'entry', 'entries')} (one per set of reps), got {caps}",
        )


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
    broken = None if entry is None else entry.unusable()
    if broken is not None:
        problems.add_at_value(at, broken)  # an id: at its value, as `use` and `easier`
        return None
    if entry is None:
        message = f"no exercise {toml_repr(then)} in the library"
        close = suggest(then, library.ids()) if library is not None else None
        message += f"; did you mean {toml_repr(close)}?" if close else ""
        problems.add_at_value(at, message)
        return None
    return build_exercise(entry.fields, set(), defaults, problems, at, use=then)

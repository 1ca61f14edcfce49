"""The keys of one exercise, shared by `[[exercise]]` tables and the exercise library.

Each key's validator is written once here (`EXERCISE_VALIDATORS`); routine.py
and exercise_library.py both use them, then the checks across keys: exactly
one timing, `sets` against a reps array, `phases` against the timing, and the
default phase names. `merge_with_library` applies an exercise's own keys over
a library entry's, and `build_exercise` makes the frozen `Exercise`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.routine.limits import (
    MAX_PHASES,
    MAX_REPS,
    MAX_SETS,
    MAX_STEP_SECONDS,
    MIN_WORK_SECONDS,
)
from tui.core.routine.models import SIDES, TIMING_KEYS, Exercise, Phase, Timing
from tui.core.routine.problems import KeyPath, plain_list, toml_repr
from tui.core.routine.validators import (
    Count,
    Invalid,
    Problems,
    Validator,
    array_items,
    boolean,
    choice,
    duration,
    nonempty_string,
    nonempty_string_array,
    sets,
    step_limit_text,
    string,
    work_duration,
    work_limit_text,
)

TRANSITION_KEYS: tuple[str, ...] = ("prepare", "rest", "switch", "rep_rest")

#: Default names of the phases of a tempo, by its number of phases.
DEFAULT_PHASE_NAMES: dict[int, tuple[str, ...]] = {
    1: ("Hold",),
    2: ("Lower", "Raise"),
    3: ("Lower", "Hold", "Raise"),
    4: ("Lower", "Hold", "Raise", "Pause"),
}
DEFAULT_SINGLE_PHASE: dict[str, str] = {"hold": "Hold", "duration": "Go"}

TIMING_CHOICE = "give exactly one of hold, tempo, duration or self_paced = true"


#: Reps of one set.
reps_per_set = Count(MAX_REPS, "reps per set")


def reps(value: Any) -> int | tuple[int, ...]:
    """`8`, or `[6, 4, 2]` (one set per entry)."""
    expected = "expected an integer >= 1 or a non-empty array of them"
    if isinstance(value, list):
        if not value:
            raise Invalid(f"{expected}, got []")
        if len(value) > MAX_SETS:
            raise Invalid(
                f"expected at most {MAX_SETS} sets (one per entry), got {len(value)} entries"
            )
        return tuple(array_items(value, reps_per_set))
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid(f"{expected}, got {toml_repr(value)}")
    return reps_per_set(value)


def tempo(value: Any) -> tuple[float, ...]:
    """`"3-1-3"` (decimals allowed) or `[3, 1, 3]` (each a duration); adds up to more than 0."""
    expected = 'expected a tempo such as "3-1-3" or [3, 1, 3]'
    if isinstance(value, str):
        count = value.count("-") + 1
    else:
        count = len(value) if isinstance(value, list) else 0
    if count > MAX_PHASES:
        raise Invalid(f"expected a tempo of at most {MAX_PHASES} phases, got {count}")
    if isinstance(value, str):
        parts = value.split("-")
        try:
            seconds = tuple(_tempo_part(part) for part in parts)
        except ValueError:
            raise Invalid(f"{expected}, got {toml_repr(value)}") from None
    elif isinstance(value, list) and value:
        seconds = tuple(array_items(value, duration))
    else:
        raise Invalid(f"{expected}, got {toml_repr(value)}")
    if any(part > MAX_STEP_SECONDS for part in seconds):
        raise Invalid(f"{step_limit_text()}, got {toml_repr(value)}")
    if sum(seconds) < MIN_WORK_SECONDS:  # a rep's phases together
        raise Invalid(f"{work_limit_text()} in a rep, got {toml_repr(value)}")
    return seconds


def _tempo_part(text: str) -> float:
    text = text.strip()
    if not text or not all(c.isdigit() or c == "." for c in text) or text.count(".") > 1:
        raise ValueError(text)
    return float(text)


def phases(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise Invalid(f"expected a non-empty array of phase names, got {toml_repr(value)}")
    if len(value) > MAX_PHASES:
        raise Invalid(f"expected at most {MAX_PHASES} phase names, got {len(value)}")
    return nonempty_string_array(value)


#: Every key of an `[[exercise]]` table, in the order the format lists them.
EXERCISE_VALIDATORS: dict[str, Validator] = {
    "use": nonempty_string,
    "name": nonempty_string,
    "setup": string,
    "tips": nonempty_string_array,
    "caution": string,
    "sets": sets,
    "reps": reps,
    "hold": work_duration,
    "tempo": tempo,
    "phases": phases,
    "duration": work_duration,
    "self_paced": boolean,
    "sides": choice(SIDES),
    "prepare": duration,
    "rest": duration,
    "switch": duration,
    "rep_rest": duration,
}


#: The keys of a routine's `[[exercise]]`: the library's, and `progress` (checked by
#: `routine.progress` once the exercise is built; a library entry has no progression).
ROUTINE_EXERCISE_VALIDATORS: dict[str, Validator | None] = {**EXERCISE_VALIDATORS, "progress": None}


def written_timing(table: Mapping[str, Any]) -> list[Timing]:
    """The timing keys written in a table (`self_paced = false` is not one)."""
    return [key for key in TIMING_KEYS if key in table and table[key] is not False]


def check_one_timing(table: Mapping[str, Any], problems: Problems, at: KeyPath) -> None:
    """Two timing keys written in one table are an error naming both."""
    keys = written_timing(table)
    if len(keys) > 1:
        problems.add(at, f"{TIMING_CHOICE}; found {plain_list(keys)}")


def merge_with_library(
    library_fields: Mapping[str, Any], own: Mapping[str, Any], table: Mapping[str, Any]
) -> dict[str, Any]:
    """The exercise library entry's values, then the exercise's own valid values over them.

    A timing written in the exercise replaces the library's timing as a whole
    (its hold, tempo, duration, self_paced and phases). A reps array written in
    the exercise gives the sets, so the library's `sets` does not apply.
    """
    merged = dict(library_fields)
    if written_timing(table):
        for key in (*TIMING_KEYS, "phases"):
            merged.pop(key, None)
    if isinstance(own.get("reps"), tuple) and "sets" not in table:
        merged.pop("sets", None)
    merged.update(own)
    return merged


def resolve_reps(
    values: Mapping[str, Any], bad: set[str], problems: Problems, at: KeyPath
) -> tuple[int, ...] | None:
    """Reps of each set: `reps` repeated `sets` times, or the reps array."""
    if "reps" in bad or "sets" in bad:
        return None
    count = values.get("reps", 1)
    sets = values.get("sets")
    if isinstance(count, tuple):
        if sets is not None and sets != len(count):
            shown = toml_repr(list(count))
            problems.add_at_value(
                (*at, "sets"),
                f"expected {len(count)} (one set per entry of reps = {shown}), got {sets}",
            )
            return None
        return count
    return (count,) * (sets or 1)


def resolve_timing(
    values: Mapping[str, Any],
    bad: set[str],
    problems: Problems,
    at: KeyPath,
    *,
    required: bool,
    missing_note: str = "",
) -> tuple[Timing, tuple[Phase, ...]] | None:
    """The timing and the phases of one rep, or None (with a problem unless already told)."""
    if bad & {*TIMING_KEYS, "phases"}:
        return None
    given = written_timing(values)
    if len(given) > 1:  # reported by check_one_timing on the table that has them
        return None
    names: tuple[str, ...] | None = values.get("phases")
    if not given:
        if required:
            problems.add(at, f"{TIMING_CHOICE}; found none{missing_note}")
        elif names is not None:
            problems.add(
                (*at, "phases"),
                "phases need a timing beside them: give hold, tempo or duration too",
            )
        return None
    kind = given[0]
    if kind == "self_paced":
        if names is not None:
            problems.add_at_value(
                (*at, "phases"),
                f"expected no phases with self_paced = true, got {toml_repr(list(names))}",
            )
            return None
        return kind, ()
    if kind in ("hold", "duration"):
        if names is not None and len(names) != 1:
            problems.add_at_value(
                (*at, "phases"), f"expected 1 name ({kind} has one phase), got {len(names)}"
            )
            return None
        name = names[0] if names else DEFAULT_SINGLE_PHASE[kind]
        return kind, (Phase(name, values[kind]),)
    seconds: tuple[float, ...] = values["tempo"]
    count = len(seconds)
    if names is None:
        if count not in DEFAULT_PHASE_NAMES:
            problems.add(
                (*at, "tempo"),
                f"a tempo of {count} phases needs phases = [...] with {count} names "
                "(default names cover 1 to 4 phases)",
            )
            return None
        names = DEFAULT_PHASE_NAMES[count]
    elif len(names) != count:
        noun = "name" if count == 1 else "names"
        problems.add_at_value(
            (*at, "phases"),
            f"expected {count} {noun} (one per tempo phase), got {len(names)}",
        )
        return None
    return kind, tuple(Phase(name, s) for name, s in zip(names, seconds, strict=True))


def build_exercise(
    values: Mapping[str, Any],
    bad: set[str],
    defaults: Mapping[str, float],
    problems: Problems,
    at: KeyPath,
    *,
    use: str | None = None,
) -> Exercise | None:
    """The exercise from its merged values, or None when something is missing or wrong."""
    name = values.get("name")
    if name is None and "name" not in bad:
        problems.add(
            (*at, "name"),
            'missing; expected a string such as name = "Bird dog", or use = "<library id>"',
        )
    note = f' here or in library exercise "{use}"' if use else ""
    reps_per_set = resolve_reps(values, bad, problems, at)
    timing = resolve_timing(values, bad, problems, at, required=True, missing_note=note)
    if name is None or reps_per_set is None or timing is None or bad:
        return None
    kind, phase_list = timing
    transitions = {key: float(values.get(key, defaults[key])) for key in TRANSITION_KEYS}
    return Exercise(
        name=name,
        reps=reps_per_set,
        timing=kind,
        phases=phase_list,
        sides=values.get("sides", "none"),
        setup=values.get("setup", ""),
        tips=values.get("tips", ()),
        caution=values.get("caution", ""),
        use=use,
        prepare=transitions["prepare"],
        rest=transitions["rest"],
        switch=transitions["switch"],
        rep_rest=transitions["rep_rest"],
    )

"""A plan file -> a validated `Programme`, or every problem of the file.

Implements ROUTINE_FORMAT.md "Plans" with the routine format's own machinery
(`routine.source` reads, `routine.positions` places each problem at its key's
line and column, `routine.validators` checks each value), so a plan's mistakes
read exactly as a routine's: `PATH:LINE:COL: phase[2].routines[1]: no routine
"gentle"; did you mean "gentle-start"?`. The routine ids a plan names are held
to the routines there are (`known`: the bundled ones and the person's own);
`known=None` checks their form only (a plan kept in the database is read again
so, whatever routines exist by then).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from tui.core.programme.model import (
    MAX_PHASE_ROUTINES,
    MAX_PHASE_WEEKS,
    MAX_PLAN_PHASES,
    MAX_PLAN_WEEKS,
    MAX_SESSIONS_PER_WEEK,
    Programme,
    ProgrammePhase,
)
from tui.core.routine.problems import toml_repr
from tui.core.routine.source import parse_toml, read_source
from tui.core.routine.validators import (
    Count,
    Invalid,
    Problems,
    Validator,
    check_table,
    misspelt_keys,
    nonempty_string,
    string,
    suggest,
)

PLAN_WHAT = 'a plan: name = "..." and at least one [[phase]]'


def format_version(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value == 1:
        return 1
    raise Invalid(f"expected 1 (the only format version so far), got {toml_repr(value)}")


def routine_ids(value: Any) -> tuple[str, ...]:
    """A non-empty array of routine ids (each problem at its element)."""
    if not isinstance(value, list) or not value:
        raise Invalid(
            f'expected a non-empty array of routine ids such as ["gentle-start"], got '
            f"{toml_repr(value)}"
        )
    if len(value) > MAX_PHASE_ROUTINES:
        raise Invalid(f"expected at most {MAX_PHASE_ROUTINES} routines, got {len(value)}")
    ids, errors = [], []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            errors.append(((index,), f"expected a routine id, got {toml_repr(item)}"))
        else:
            ids.append(item.strip())
    if errors:
        raise Invalid(errors=errors)
    return tuple(ids)


#: Weeks of one phase; sessions a week of one phase.
weeks = Count(MAX_PHASE_WEEKS, "weeks")
sessions_per_week = Count(MAX_SESSIONS_PER_WEEK, "sessions a week")

TOP_VALIDATORS: dict[str, Validator | None] = {
    "format": format_version,
    "name": nonempty_string,
    "summary": string,
    "phase": None,
}
PHASE_VALIDATORS: dict[str, Validator] = {
    "name": nonempty_string,
    "summary": string,
    "weeks": weeks,
    "sessions_per_week": sessions_per_week,
    "routines": routine_ids,
}
_REQUIRED = {
    "name": 'missing; expected a string such as name = "Get moving"',
    "weeks": "missing; expected an integer such as weeks = 2",
    "sessions_per_week": "missing; expected an integer such as sessions_per_week = 3",
    "routines": 'missing; expected routine ids such as routines = ["gentle-start"]',
}

#: Messages for keys written in the wrong place, or that belong to a routine.
TOP_HINTS: dict[str, str] = {
    **{
        key: f"{key} belongs to a phase: write it after a [[phase]] header"
        for key in ("weeks", "sessions_per_week", "routines")
    },
    **{
        key: f"{key} belongs to a routine file; a plan names routines in "
        'routines = ["..."] under each [[phase]]'
        for key in ("exercise", "defaults", "level", "tags", "caution")
    },
}
PHASE_HINTS: dict[str, str] = {
    "format": "keys after a [[phase]] header belong to that phase; write format near the "
    "top of the file, before the first [[phase]]",
    "exercise": 'a phase names routines (routines = ["..."]); exercises belong in a routine',
}


def load_programme(path: Path, known: Collection[str] | None = None) -> Programme:
    """Read and validate a plan file; RoutineError with every problem if it is not valid."""
    return parse_programme(read_source(path), str(path), known)


def parse_programme(
    text: str, path: str | Path, known: Collection[str] | None = None
) -> Programme:
    """Validate the text of a plan file (`path` is only for the problems).

    `known`: the routine ids that exist (each other one is a problem with a
    did-you-mean); None leaves ids unchecked. Raises RoutineError.
    """
    table = parse_toml(text, path, what=PLAN_WHAT)
    problems = Problems(str(path), text)
    top = check_table(table, TOP_VALIDATORS, problems, (), TOP_HINTS)
    if "name" not in table and "name" not in misspelt_keys(table, TOP_VALIDATORS):
        problems.add(("name",), 'missing; expected a string such as name = "Back care"')
    phases = _phases(table.get("phase"), problems, known)
    problems.raise_if_any()
    return Programme(
        name=top["name"],
        phases=tuple(phases),
        summary=top.get("summary", ""),
        format=top.get("format", 1),
    )


def _phases(
    value: Any, problems: Problems, known: Collection[str] | None
) -> list[ProgrammePhase]:
    at = ("phase",)
    if value is None:
        problems.add(at, "missing; expected at least one [[phase]] table")
        return []
    if isinstance(value, dict):
        problems.add(at, "expected [[phase]] tables (double brackets), got a single [phase] table")
        return []
    if not isinstance(value, list) or not value:
        problems.add_at_value(at, f"expected at least one [[phase]] table, got {toml_repr(value)}")
        return []
    if len(value) > MAX_PLAN_PHASES:
        problems.add(at, f"expected at most {MAX_PLAN_PHASES} phases, got {len(value)}")
        return []
    phases: list[ProgrammePhase] = []
    total = 0
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            problems.add_at_value((*at, index), f"expected a table, got {toml_repr(item)}")
            continue
        phase = _phase(item, index, problems, known)
        if phase is None:
            continue
        total += phase.weeks
        if total > MAX_PLAN_WEEKS:
            problems.add_at_value(
                (*at, index, "weeks"),
                f"the plan reaches {total} weeks by this phase, over the limit of "
                f"{MAX_PLAN_WEEKS}",
            )
            return phases
        phases.append(phase)
    return phases


def _phase(
    table: dict[str, Any], index: int, problems: Problems, known: Collection[str] | None
) -> ProgrammePhase | None:
    at = ("phase", index)
    values = check_table(table, PHASE_VALIDATORS, problems, at, PHASE_HINTS)
    misspelt = misspelt_keys(table, PHASE_VALIDATORS)
    for key, message in _REQUIRED.items():
        if key not in table and key not in misspelt:
            problems.add((*at, key), message)
    ids: tuple[str, ...] = values.get("routines", ())
    unknown = False
    written = table.get("routines")
    if known is not None and isinstance(written, list):  # each id, beside other mistakes
        for number, rid in enumerate(written):
            if isinstance(rid, str) and rid.strip() and rid.strip() not in known:
                unknown = True
                problems.add((*at, "routines", number), unknown_routine(rid.strip(), known))
    if unknown or any(key not in values for key in _REQUIRED):
        return None
    return ProgrammePhase(
        name=values["name"],
        weeks=values["weeks"],
        sessions_per_week=values["sessions_per_week"],
        routines=ids,
        summary=values.get("summary", ""),
    )


def unknown_routine(rid: str, known: Collection[str]) -> str:
    """`no routine "gentle"; did you mean "gentle-start"?` (the closest id, by prefix
    first, then by likeness; "_" and spaces read as "-")."""
    message = f"no routine {toml_repr(rid)} among the bundled routines and your own"
    if not known:
        return message
    wanted = rid.strip().lower().replace("_", "-").replace(" ", "-")
    ordered = sorted(known)
    close = next((k for k in ordered if wanted and k.startswith(wanted)), None)
    close = close or suggest(rid, ordered)
    return message + (f"; did you mean {toml_repr(close)}?" if close else "")

"""The JSON Schema of a plan file, from the validators' tables and limits.

`routines/plan.schema.json` is generated with the routine schemas (`python -m
tui.core.routine.schema`) and committed; a test fails when it is out of date,
and another holds it to the parser on valid and broken plans. Editors that
speak JSON Schema read it through the `#:schema ../plan.schema.json` line of a
bundled plan. The schema checks keys, types and ranges; whether a routine id
exists is left to `spinewise check`, which knows the routines there are.
"""

from __future__ import annotations

from typing import Any

from tui.core.programme.model import MAX_PHASE_ROUTINES, MAX_PLAN_PHASES
from tui.core.programme.plan_file import (
    PHASE_VALIDATORS,
    TOP_VALIDATORS,
    sessions_per_week,
    weeks,
)

PLAN_SCHEMA_FILE = "plan.schema.json"
DRAFT = "http://json-schema.org/draft-07/schema#"
_TEXT = {"type": "string", "pattern": r"\S"}

#: What every key means, shown by editors on hover (ROUTINE_FORMAT.md, "Plans").
PLAN_DESCRIPTIONS: dict[str, str] = {
    "format": "Format version; only 1 so far.",
    "name": "The name people see.",
    "summary": "One or two sentences about it.",
    "phase": "The phases, in order: one [[phase]] table each.",
    "weeks": f"How many weeks the phase lasts (1 to {weeks.maximum}).",
    "sessions_per_week": f"Sessions a week (1 to {sessions_per_week.maximum}); the phase "
    "holds weeks times this many sessions, and moves on by sessions done, not by the "
    "calendar.",
    "routines": "Routine ids (the file names without .toml), taken in turn, one per session.",
}


def _described(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": PLAN_DESCRIPTIONS[key], **schema}


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file."""
    phase_values: dict[str, dict[str, Any]] = {
        "name": _TEXT,
        "summary": {"type": "string"},
        "weeks": {"type": "integer", "minimum": 1, "maximum": weeks.maximum},
        "sessions_per_week": {
            "type": "integer", "minimum": 1, "maximum": sessions_per_week.maximum,
        },
        "routines": {
            "type": "array", "minItems": 1, "maxItems": MAX_PHASE_ROUTINES, "items": _TEXT,
        },
    }  # fmt: skip
    phase = {
        "type": "object",
        "description": "One phase of the plan.",
        "properties": {key: _described(key, phase_values[key]) for key in PHASE_VALIDATORS},
        "required": ["name", "weeks", "sessions_per_week", "routines"],
        "additionalProperties": False,
    }
    top_values: dict[str, dict[str, Any]] = {
        "format": {"type": "integer", "enum": [1]},
        "name": _TEXT,
        "summary": {"type": "string"},
        "phase": {"type": "array", "minItems": 1, "maxItems": MAX_PLAN_PHASES, "items": phase},
    }
    return {
        "$schema": DRAFT,
        "title": "spinewise plan",
        "type": "object",
        "description": "A spinewise plan: routines strung together over weeks; see "
        "ROUTINE_FORMAT.md, Plans.",
        "properties": {key: _described(key, top_values[key]) for key in TOP_VALIDATORS},
        "required": ["name", "phase"],
        "additionalProperties": False,
    }

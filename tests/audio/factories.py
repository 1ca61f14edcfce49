"""Small plans built from the models, for the cue tests."""

from __future__ import annotations

from tui.core.plan import Plan, build_plan
from tui.core.routine.models import Exercise, Phase, Routine

TEMPO = (Phase("Lower", 3), Phase("Hold", 1), Phase("Raise", 3))


def exercise(name: str = "Bird dog", **kw: object) -> Exercise:
    fields: dict[str, object] = {
        "reps": (2,), "timing": "tempo", "phases": TEMPO,
        "prepare": 10, "rest": 30, "switch": 5, "rep_rest": 0,
    }
    fields.update(kw)
    return Exercise(name=name, **fields)  # type: ignore[arg-type]


def plan(*exercises: Exercise) -> Plan:
    return build_plan(Routine(name="Test", exercises=exercises or (exercise(),)))

"""Routines built directly from the models, for tests of the plan and engine; and
Berlin wall-clock times as epoch seconds, for tests of dates and zones."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tui.core.engine.session import Session
from tui.core.plan import Plan, build_plan
from tui.core.routine.models import Exercise, Phase, Routine
from tui.core.store.record import SessionRecord


def exercise(name: str = "Bird dog", **kw: object) -> Exercise:
    defaults: dict[str, object] = {
        "reps": (2,),
        "timing": "tempo",
        "phases": (Phase("Lower", 3), Phase("Hold", 1), Phase("Raise", 3)),
        "prepare": 10,
        "rest": 30,
        "switch": 5,
        "rep_rest": 0,
    }
    defaults.update(kw)
    return Exercise(name=name, **defaults)  # type: ignore[arg-type]


def routine(*exercises: Exercise, name: str = "Test routine") -> Routine:
    return Routine(name=name, exercises=exercises or (exercise(),))


def plan(*exercises: Exercise) -> Plan:
    return build_plan(routine(*exercises))


def record_of(session: Session) -> SessionRecord:
    """The record of a bare session (no workout, not stored), as the summary shows it."""
    return SessionRecord.of(session, id=None, routine_id="test", started_at=0.0, ended_at=None)


BERLIN = ZoneInfo("Europe/Berlin")


def at(text: str) -> float:
    """Epoch seconds of a Berlin wall-clock time such as '2026-03-02 07:00'."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN).timestamp()

"""Build the app around a routine written in TOML, with a fake clock."""

from __future__ import annotations

from pathlib import Path

from tui.app import AppOptions, SpinewiseApp
from tui.core.catalog.entries import CatalogEntry
from tui.core.catalog.sources import RoutineRef
from tui.core.engine.clock import FakeClock
from tui.core.engine.events import Event
from tui.core.plan import build_plan
from tui.core.routine.parse import parse_routine

ROUTINE = """
name = "Test care"
summary = "A small routine for tests."
level = "beginner"
caution = "Stop if it hurts."

[defaults]
prepare = 5
rest = 10

[[exercise]]
name = "Bird dog"
sides = "alternate"
reps = 2
tempo = "3-2-3"
phases = ["Reach", "Hold", "Return"]
setup = "On hands and knees."
tips = ["Reach long.", "Keep the hips level."]
caution = "Keep it small if it pinches."

[[exercise]]
name = "Plank"
hold = 10
sets = 2
rest = 10

[[exercise]]
name = "Squat to a chair"
self_paced = true
reps = 8
"""


def entry_for(text: str = ROUTINE, rid: str = "test-care") -> CatalogEntry:
    routine = parse_routine(text, f"{rid}.toml")
    return CatalogEntry(
        RoutineRef(rid, Path(f"/tmp/{rid}.toml"), "file"), routine, build_plan(routine)
    )


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def __call__(self, events) -> None:
        self.events.extend(events)


def make_app(
    text: str = ROUTINE, *, start: bool = True
) -> tuple[SpinewiseApp, FakeClock, Recorder]:
    clock = FakeClock()
    recorder = Recorder()
    entry = entry_for(text)
    options = AppOptions(clock=clock, listeners=[recorder])
    app = SpinewiseApp([entry], options=options, start=entry if start else None)
    return app, clock, recorder

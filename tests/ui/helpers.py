"""Build the app around a routine written in TOML, with a fake clock."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from tests.doubles import FakeClock
from tui.app import SpinewiseApp
from tui.audio.dispatcher import CueDispatcher
from tui.core.catalog.entries import Valid
from tui.core.catalog.sources import RoutineRef
from tui.core.engine.events import Event
from tui.core.plan import build_plan
from tui.core.routine.parse import parse_routine
from tui.core.store.database import Store
from tui.options import AppOptions

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


def entry_for(text: str = ROUTINE, rid: str = "test-care") -> Valid:
    routine = parse_routine(text, f"{rid}.toml")
    return Valid(RoutineRef(rid, Path(f"/tmp/{rid}.toml"), "file"), build_plan(routine), text)


class RecordingCues(CueDispatcher):
    """The app's cue dispatcher (no player), remembering every event it is handed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[Event] = []

    def handle(self, events: Iterable[Event]) -> list[str]:
        events = list(events)
        self.events.extend(events)
        return super().handle(events)


def app_options(clock: FakeClock, store: Store | None = None, **kwargs) -> AppOptions:
    """Options as `spinewise run` gives them; a store in memory unless one is given."""
    cues = kwargs.pop("cues", None) or RecordingCues()
    return AppOptions(store=store or Store.open(":memory:"), cues=cues, clock=clock, **kwargs)


def make_app(
    text: str = ROUTINE, *, start: bool = True
) -> tuple[SpinewiseApp, FakeClock, RecordingCues]:
    clock = FakeClock()
    entry = entry_for(text)
    options = app_options(clock)
    app = SpinewiseApp([entry], options=options, start=entry if start else None)
    return app, clock, options.cues


async def settle_until(
    app: SpinewiseApp, pilot, done: Callable[[], object] | None = None, *, what: str = "",
    timeout: float = 30,
) -> None:
    """Let the app's thread workers finish and what they hand back be handled, until
    `done()` holds (by default: no worker is running any more, counting those the
    results started); AssertionError after `timeout` seconds.

    One `app.workers.wait_for_complete()` waits only for the workers running when it
    is called: one started by another's result (the routine library looks at the files
    again when asked to during a look; the editor opens once a file is read) is not
    waited for, and an assertion made then fails when the machine is busy.
    """
    deadline = time.monotonic() + timeout
    if done is None:
        def done() -> bool:
            return not any(worker.is_running for worker in app.workers)
        what = what or "the workers done"
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if done():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or done}")
        if not any(worker.is_running for worker in app.workers):
            await pilot.pause(0.01)  # a timer or message may start the next one

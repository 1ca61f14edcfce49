"""What the engine reports as a session moves. Sounds, the store and the
screen react to these; none of them decide anything about time.

Every event carries `due`: the clock time (the engine's clock, monotonic
seconds) at which it happened or should have happened. When several step
boundaries are crossed at once, each event still carries its own exact time,
so a cue can be judged late or on time against its deadline.

Events are slotted dataclasses, not frozen ones: the engine makes them and
nothing changes them after. Python 3.11 takes twice as long to define a frozen
dataclass, and these twelve are defined on the way to a workout's first frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.plan import Step


@dataclass(slots=True)
class Event:
    """Something the engine reports, at `due` on its clock."""

    due: float


@dataclass(slots=True)
class StepStarted(Event):
    """Step `index` of the plan began."""

    index: int
    step: Step


@dataclass(slots=True)
class StepEnded(Event):
    """Step `index` ended: ran out, or was left early (`skipped`)."""

    index: int
    step: Step
    #: Plan seconds actually spent in the step (time running, scaled by speed).
    elapsed: float
    #: Left before its time by next / next exercise / skip exercise / back.
    skipped: bool = False


@dataclass(slots=True)
class PhaseChanged(Event):
    """A work step began: its phase name ("Lower", "Hold", "Go"...)."""

    phase: str
    step: Step


@dataclass(slots=True)
class CountIn(Event):
    """One of the last three seconds of a timed step: 3, 2, then 1."""

    seconds: int
    index: int


@dataclass(slots=True)
class SetDone(Event):
    """Set `set` (from 1) of an exercise was finished or left."""

    exercise_index: int
    set: int


@dataclass(slots=True)
class ExerciseDone(Event):
    """An exercise ended: its last step ran, or it was skipped."""

    exercise_index: int
    skipped: bool = False


@dataclass(slots=True)
class SessionFinished(Event):
    """The session is over: the last step ended, or the person ended it."""

    #: True when the person ended the session before the last step.
    ended_early: bool = False


@dataclass(slots=True)
class Paused(Event):
    """The clock stopped in step `index`."""

    index: int


@dataclass(slots=True)
class Resumed(Event):
    """The clock runs again in step `index`."""

    index: int


@dataclass(slots=True)
class Extended(Event):
    """A rest (step `index`) was made longer by `seconds`."""

    index: int
    seconds: float


@dataclass(slots=True)
class HurtFlagged(Event):
    """The person said an exercise hurts ("this hurts", `!`)."""

    exercise_index: int

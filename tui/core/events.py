"""What the engine reports as a session moves. Sounds, the store and the
screen react to these; none of them decide anything about time.

Every event carries `due`: the clock time (the engine's clock, monotonic
seconds) at which it happened or should have happened. When several step
boundaries are crossed at once, each event still carries its own exact time,
so a cue can be judged late or on time against its deadline.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Step


@dataclass(frozen=True, slots=True)
class Event:
    """Something the engine reports, at `due` on its clock."""

    due: float


@dataclass(frozen=True, slots=True)
class StepStarted(Event):
    """Step `index` of the plan began."""

    index: int
    step: Step


@dataclass(frozen=True, slots=True)
class StepEnded(Event):
    """Step `index` ended: ran out, or was left early (`skipped`)."""

    index: int
    step: Step
    #: Plan seconds actually spent in the step (time running, scaled by speed).
    elapsed: float
    #: Left before its time by next / next exercise / skip exercise / back.
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class PhaseChanged(Event):
    """A work step began: its phase name ("Lower", "Hold", "Go"...)."""

    phase: str
    step: Step


@dataclass(frozen=True, slots=True)
class CountIn(Event):
    """One of the last three seconds of a timed step: 3, 2, then 1."""

    seconds: int
    index: int


@dataclass(frozen=True, slots=True)
class SetDone(Event):
    """Set `set` (from 1) of an exercise was finished or left."""

    exercise_index: int
    set: int


@dataclass(frozen=True, slots=True)
class ExerciseDone(Event):
    """An exercise ended: its last step ran, or it was skipped."""

    exercise_index: int
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class SessionFinished(Event):
    """The session is over: the last step ended, or the person ended it."""

    #: True when the person ended the session before the last step.
    ended_early: bool = False


@dataclass(frozen=True, slots=True)
class Paused(Event):
    """The clock stopped in step `index`."""

    index: int


@dataclass(frozen=True, slots=True)
class Resumed(Event):
    """The clock runs again in step `index`."""

    index: int


@dataclass(frozen=True, slots=True)
class Extended(Event):
    """A rest (step `index`) was made longer by `seconds`."""

    index: int
    seconds: float


@dataclass(frozen=True, slots=True)
class HurtFlagged(Event):
    """The person said an exercise hurts ("this hurts", `!`)."""

    exercise_index: int

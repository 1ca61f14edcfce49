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
    due: float


@dataclass(frozen=True, slots=True)
class StepStarted(Event):
    index: int
    step: Step


@dataclass(frozen=True, slots=True)
class StepEnded(Event):
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
    exercise_index: int
    set: int


@dataclass(frozen=True, slots=True)
class ExerciseDone(Event):
    exercise_index: int
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class SessionFinished(Event):
    #: True when the person ended the session before the last step.
    ended_early: bool = False


@dataclass(frozen=True, slots=True)
class Paused(Event):
    index: int


@dataclass(frozen=True, slots=True)
class Resumed(Event):
    index: int


@dataclass(frozen=True, slots=True)
class Extended(Event):
    index: int
    seconds: float


@dataclass(frozen=True, slots=True)
class HurtFlagged(Event):
    exercise_index: int

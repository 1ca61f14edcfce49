"""What the engine reports as a session moves. Sounds, the store and the
screen react to these; none of them decide anything about time.

Every event carries `due`: the clock time (the engine's clock, monotonic
seconds) at which it happened or should have happened. When several step
boundaries are crossed at once, each event still carries its own exact time,
so a cue can be judged late or on time against its deadline.

Events are `NamedTuple`s, immutable records: all twelve are defined on the way
to a workout's first frame, and Python 3.11 defines a `NamedTuple` for a third
of a slotted dataclass's cost (0.63 M instructions against 1.9 M; a frozen one
takes 3.5 M, counted with callgrind). Unlike plain tuples, two events are equal
only when they are of the same kind as well as holding the same values.
A field named `index` hides `tuple.index`, a method nothing here calls: mypy
is told so on each such line.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

from typing import Any, NamedTuple, TypeAlias

from tui.core.plan import Step


class StepStarted(NamedTuple):
    """Step `index` of the plan began."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing calls
    step: Step


class StepEnded(NamedTuple):
    """Step `index` ended: ran out, or was left early (`skipped`)."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing calls
    step: Step
    #: Plan seconds actually spent in the step (time running, scaled by speed).
    elapsed: float
    #: Left before its time by next / next exercise / skip exercise / back.
    skipped: bool = False


class PhaseChanged(NamedTuple):
    """A work step began: its phase name ("Lower", "Hold", "Go"...)."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    phase: str
    step: Step


class CountIn(NamedTuple):
    """One of the last three seconds of a timed step: 3, 2, then 1."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    seconds: int
    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing calls


class SetDone(NamedTuple):
    """Set `set` (from 1) of an exercise was finished or left."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    exercise_index: int
    set: int


class ExerciseDone(NamedTuple):
    """An exercise ended: its last step ran, or it was skipped."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    exercise_index: int
    skipped: bool = False


class SessionFinished(NamedTuple):
    """The session is over: the last step ended, or the person ended it."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    #: True when the person ended the session before the last step.
    ended_early: bool = False
    #: Names of the exercises done, and of those left without being done, each
    #: as named when worked (`credit.tally`: the one rule of what counts).
    done: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()


class Paused(NamedTuple):
    """The clock stopped in step `index`."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing calls


class Resumed(NamedTuple):
    """The clock runs again in step `index`."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing calls


class Extended(NamedTuple):
    """A rest (step `index`) was made longer by `seconds`."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing calls
    seconds: float


class HurtFlagged(NamedTuple):
    """The person said an exercise hurts ("this hurts", `!`)."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    exercise_index: int


class Swapped(NamedTuple):
    """The exercise of step `index` was swapped for its easier or harder variant
    (`variants.swap_session`); the variant's get-ready starts at `index`."""

    #: When it happened, on the engine's clock (monotonic seconds).
    due: float
    index: int  # type: ignore[assignment]  # hides tuple.index, which nothing calls
    exercise_index: int
    #: "easier" or "harder".
    way: str
    #: The names shown: the exercise swapped from, and its variant.
    was: str
    to: str


#: Something the engine reports, at `due` on its clock: one of the kinds above.
Event: TypeAlias = (
    StepStarted
    | StepEnded
    | PhaseChanged
    | CountIn
    | SetDone
    | ExerciseDone
    | SessionFinished
    | Paused
    | Resumed
    | Extended
    | HurtFlagged
    | Swapped
)


def _same_kind_and_values(self: tuple[Any, ...], other: object) -> bool:
    return type(self) is type(other) and tuple.__eq__(self, other)


def _not_same(self: tuple[Any, ...], other: object) -> bool:
    return not _same_kind_and_values(self, other)


def _hash_with_kind(self: tuple[Any, ...]) -> int:
    return hash((type(self).__name__, tuple.__hash__(self)))


# A tuple equals any tuple of the same values: `Paused(1.0, 3) == Resumed(1.0, 3)`
# would hold, and a test expecting one kind would pass on the other.
for _kind in Event.__args__:
    _kind.__eq__ = _same_kind_and_values
    _kind.__ne__ = _not_same
    _kind.__hash__ = _hash_with_kind
del _kind

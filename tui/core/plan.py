"""Routine -> a flat list of steps, exactly as ROUTINE_FORMAT.md describes.

Pure: no clock, no files. The engine walks this list; `show` prints it.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

from itertools import accumulate
from typing import TYPE_CHECKING, Literal, NamedTuple

from tui.core.routine.models import Exercise, Routine

if TYPE_CHECKING:
    from tui.core.engine.variants import Swap

StepKind = Literal["prepare", "work", "rest", "switch"]
Side = Literal["left", "right"]


class Step(NamedTuple):
    """One timed (or self-paced) piece of the timeline: a get-ready, a phase of a rep, a rest..."""

    kind: StepKind
    #: Index of the exercise in the routine, from 0.
    exercise_index: int
    exercise: str
    #: The set this step belongs to, from 1 (None for a get-ready step).
    set: int | None
    #: The rep, from 1 (None for get-ready, a set's rest, a switch, a self-paced set).
    rep: int | None
    side: Side | None
    #: The phase name of a work step ("Lower", "Hold", ...), else None.
    phase: str | None
    #: Planned length; None for a self-paced set, which ends when confirmed.
    seconds: float | None
    #: Totals for display: sets of the exercise, reps in this set (per side).
    sets: int = 1
    reps: int = 1
    #: Position of the phase within the rep (from 0) and how many phases it has.
    phase_index: int = 0
    phase_count: int = 1
    #: True on the last step of a set (before its rest).
    ends_set: bool = False

    @property
    def self_paced(self) -> bool:
        return self.seconds is None

    def to_json(self) -> dict[str, object]:
        """The step as `show --json` prints it (DESIGN.md)."""
        return {
            "kind": self.kind,
            "exercise": self.exercise,
            "set": self.set,
            "rep": self.rep,
            "side": self.side,
            "phase": self.phase,
            "seconds": None if self.seconds is None else json_number(self.seconds),
        }


class Plan(NamedTuple):
    """A routine as the engine runs it: every step, in order. Made by `plan_of`
    (or `build_plan`), which sums its seconds.

    The planned seconds left from each step are summed once, as the plan is
    made: a running workout asks ten times a second, and re-summing 128,000
    steps each time cost 30% of a core (issue 13). A named tuple, as immutable
    as the frozen dataclass it was and 3.5 M instructions quicker to define on
    the way to a workout's first frame (callgrind).
    """

    name: str
    steps: tuple[Step, ...]
    routine: Routine
    #: Exercises swapped for a variant part way through (`engine.variants`), in order;
    #: `routine` then holds the variants and `steps` their steps from each swap on.
    swaps: "tuple[Swap, ...]"
    #: Planned seconds of every step (self-paced steps count 0), summed first to last.
    total_seconds: float
    #: Seconds from step i to the end, for every i (and 0 past the end).
    seconds_left: tuple[float, ...]

    def seconds_from(self, index: int) -> float:
        """Planned seconds of the steps from `index` to the end (0 past the end)."""
        left = self.seconds_left
        return left[min(max(index, 0), len(left) - 1)]

    def first_step_of_exercise(self, exercise_index: int) -> int | None:
        for i, step in enumerate(self.steps):
            if step.exercise_index == exercise_index:
                return i
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "total_seconds": json_number(self.total_seconds),
            "steps": [step.to_json() for step in self.steps],
        }


def json_number(value: float) -> float | int:
    """`30` rather than `30.0` in JSON, when a number is whole."""
    return int(value) if float(value).is_integer() else value


def plan_of(
    name: str, steps: tuple[Step, ...], routine: Routine, swaps: "tuple[Swap, ...]" = ()
) -> Plan:
    """The plan of these steps, its seconds summed."""
    total = sum(step.seconds or 0 for step in steps)
    backwards = accumulate((step.seconds or 0 for step in reversed(steps)), initial=0)
    return Plan(name, steps, routine, swaps, total, tuple(backwards)[::-1])


def build_plan(routine: Routine) -> Plan:
    steps: list[Step] = []
    for index, exercise in enumerate(routine.exercises):
        steps.extend(_exercise_steps(index, exercise))
    return plan_of(routine.name, tuple(steps), routine)


def exercise_steps(index: int, exercise: Exercise) -> list[Step]:
    """The steps of one exercise, the `index`-th of its routine (from 0)."""
    return _exercise_steps(index, exercise)


def _exercise_steps(index: int, ex: Exercise) -> list[Step]:
    steps: list[Step] = []

    def add(
        kind: StepKind,
        *,
        seconds: float | None,
        reps: int,
        set: int | None = None,
        rep: int | None = None,
        side: Side | None = None,
        phase: str | None = None,
        phase_index: int = 0,
        phase_count: int = 1,
    ) -> None:
        steps.append(
            Step(
                kind=kind, exercise_index=index, exercise=ex.name, set=set, rep=rep, side=side,
                phase=phase, seconds=seconds, sets=ex.sets, reps=reps, phase_index=phase_index,
                phase_count=phase_count,
            )
        )

    if ex.prepare > 0:
        add("prepare", seconds=ex.prepare, reps=ex.reps[0])

    for set_no, reps in enumerate(ex.reps, start=1):
        if ex.timing == "self_paced":
            if ex.sides == "both":
                add("work", side="left", seconds=None, set=set_no, reps=reps)
                if ex.switch > 0:
                    add("switch", seconds=ex.switch, set=set_no, reps=reps)
                add("work", side="right", seconds=None, set=set_no, reps=reps)
            else:
                add("work", seconds=None, set=set_no, reps=reps)
        else:
            if ex.sides == "both":
                passes: list[list[tuple[int, Side | None]]] = [
                    [(rep, "left") for rep in range(1, reps + 1)],
                    [(rep, "right") for rep in range(1, reps + 1)],
                ]
            elif ex.sides == "alternate":
                passes = [[(rep, side) for rep in range(1, reps + 1) for side in ("left", "right")]]
            else:
                passes = [[(rep, None) for rep in range(1, reps + 1)]]
            for pass_no, rep_list in enumerate(passes):
                if pass_no > 0 and ex.switch > 0:
                    add("switch", seconds=ex.switch, set=set_no, reps=reps)
                for i, (rep, side) in enumerate(rep_list):
                    if i > 0 and ex.rep_rest > 0:
                        prev_rep, _ = rep_list[i - 1]
                        add("rest", rep=prev_rep, seconds=ex.rep_rest, set=set_no, reps=reps)
                    for p_index, phase in enumerate(ex.phases):
                        if phase.seconds > 0:
                            add(
                                "work",
                                rep=rep,
                                side=side,
                                phase=phase.name,
                                seconds=phase.seconds,
                                phase_index=p_index,
                                phase_count=len(ex.phases),
                                set=set_no,
                                reps=reps,
                            )
        steps[-1] = steps[-1]._replace(ends_set=True)
        if set_no < ex.sets and ex.rest > 0:
            add("rest", seconds=ex.rest, set=set_no, reps=reps)
    return steps

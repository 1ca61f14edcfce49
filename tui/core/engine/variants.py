"""Swapping an exercise for its easier or harder variant, part way through a session.

The exercise library links an entry to its variants (`easier`, `harder`;
`routine/ladders.py`). In a workout `e` and `h` swap the current exercise
for one of them for the rest of the session: a new plan, built here as a pure
function of the plan, the step where the swap happens and the variant entry
(`swapped_plan`), and kept in `Plan.swaps`, so the session's snapshot can
name the swaps and resuming rebuilds the same plan (`replay_swaps`).

What the variant gets (ROUTINE_FORMAT.md, "Variants"): the dose stays the
one the routine gives the exercise (its sets and reps per set, its hold,
tempo or duration and their seconds, its rests); the variant brings what
makes it another movement: its name, setup, tips and caution, its sides
when its entry gives them, and its phase names when its timing has as many
phases. A swap must not make a session longer, in steps or in time, than a
routine may be (`limits.MAX_STEPS`, `MAX_TOTAL_SECONDS`).

Where it starts: the steps already behind stay as they were (logged as the
exercise done then). The variant takes over from the start of the current
set (from the next set during the rest between two sets), behind a get-ready
step of its own, so the person can change position and read its setup. Later
exercises of the routine that use the same library entry are swapped too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from tui.core.engine.events import Event, StepStarted, Swapped
from tui.core.engine.states import Status, TransitionError
from tui.core.plan import Plan, Step, exercise_steps, plan_of
from tui.core.routine.exercise_library import ExerciseLibrary
from tui.core.routine.limits import MAX_STEPS, MAX_TOTAL_SECONDS
from tui.core.routine.models import Exercise, LibraryEntry, format_clock

if TYPE_CHECKING:
    from tui.core.engine.session import Session

Way = Literal["easier", "harder"]
WAYS: tuple[Way, ...] = ("easier", "harder")


class Swap(NamedTuple):
    """One swap made in a session: where, which way, from which library entry to which."""

    #: Index of the plan's step where the variant's steps begin (its get-ready).
    at: int
    exercise_index: int
    way: Way
    #: Library ids swapped from and to.
    was: str
    to: str
    #: Names as shown: the exercise swapped from, and the variant.
    was_name: str
    to_name: str
    #: Indexes of the routine's exercises it changed (this one and its later uses).
    changed: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = dict(self._asdict())
        data["changed"] = list(self.changed)
        return data

    @classmethod
    def from_json(cls, data: Any) -> Swap:
        """A swap kept in a snapshot; ValueError when it is not one."""
        if not isinstance(data, dict) or set(data) != set(cls._fields):
            raise ValueError("session snapshot: bad 'swaps'")
        changed = data["changed"] if isinstance(data["changed"], list) else [None]
        ints = (data["at"], data["exercise_index"], *changed)
        texts = (data["was"], data["to"], data["was_name"], data["to_name"])
        if (
            not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in ints)
            or not all(isinstance(t, str) for t in texts)
            or data["way"] not in WAYS
        ):
            raise ValueError("session snapshot: bad 'swaps'")
        return cls(**{**data, "changed": tuple(changed)})


def variant_entry(exercise: Exercise, library: ExerciseLibrary, way: Way) -> LibraryEntry | None:
    """The library entry of `exercise`'s `way` variant, or None when it has none."""
    return library.variant(exercise.use, way)


def variant_exercise(exercise: Exercise, entry: LibraryEntry) -> Exercise:
    """`exercise` as the variant `entry`: the same dose, the variant's movement."""
    fields = entry.fields
    phases = exercise.phases
    names = _phase_names(entry)
    if fields.get(exercise.timing) is not None and names and len(names) == len(phases):
        phases = tuple(p._replace(name=n) for p, n in zip(phases, names, strict=True))
    sides: Any = fields.get("sides", exercise.sides)
    return exercise._replace(
        name=entry.name,
        setup=str(fields.get("setup", "")),
        tips=tuple(str(tip) for tip in _items(fields.get("tips", ()))),
        caution=str(fields.get("caution", exercise.caution)),
        sides=sides,
        phases=phases,
        use=entry.id,
    )


def _items(value: object) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else ()


def _phase_names(entry: LibraryEntry) -> tuple[str, ...]:
    """The entry's own phase names (given or the defaults of its timing), if any."""
    from tui.core.routine.fields import DEFAULT_PHASE_NAMES, DEFAULT_SINGLE_PHASE

    fields = entry.fields
    given = fields.get("phases")
    if isinstance(given, tuple):
        return given
    for kind, name in DEFAULT_SINGLE_PHASE.items():
        if kind in fields:
            return (name,)
    tempo = fields.get("tempo")
    if isinstance(tempo, tuple):
        return DEFAULT_PHASE_NAMES.get(len(tempo), ())
    return ()


def first_set_from(step: Step) -> int:
    """The set a swap at `step` starts the variant from (1 on its get-ready; the next
    set during the rest between two sets)."""
    if step.set is None:
        return 1
    if step.kind == "rest" and step.rep is None:
        return step.set + 1
    return step.set


def swapped_plan(plan: Plan, at: int, entry: LibraryEntry, way: Way) -> Plan:
    """`plan` with the exercise of step `at` swapped for `entry` from there on (and its
    later uses in the routine). ValueError when `at` is outside the plan or the new
    plan would have more than `MAX_STEPS` steps."""
    if not 0 <= at < len(plan.steps):
        raise ValueError(f"no step {at} in a plan of {len(plan.steps)}")
    step = plan.steps[at]
    index = step.exercise_index
    exercises = list(plan.routine.exercises)
    was = exercises[index]
    if was.use is None:
        raise ValueError(f"{was.name} is not from the exercise library")
    exercises[index] = variant_exercise(was, entry)
    steps = list(plan.steps[:at])
    first = first_set_from(step)
    for new in exercise_steps(index, exercises[index]):
        if new.kind == "prepare" or (new.set is not None and new.set >= first):
            steps.append(new)
    changed = [index]
    for later in range(index + 1, len(exercises)):
        if exercises[later].use == was.use:
            exercises[later] = variant_exercise(exercises[later], entry)
            changed.append(later)
            steps.extend(exercise_steps(later, exercises[later]))
        else:
            steps.extend(s for s in plan.steps if s.exercise_index == later)
    if len(steps) > MAX_STEPS:
        raise ValueError(f"the swap would make the session {len(steps)} steps, over {MAX_STEPS}")
    swap = Swap(at, index, way, was.use, entry.id, was.name, entry.name, tuple(changed))
    routine = plan.routine._replace(exercises=tuple(exercises))
    swapped = plan_of(plan.name, tuple(steps), routine, (*plan.swaps, swap))
    if swapped.total_seconds > MAX_TOTAL_SECONDS:
        raise ValueError("the swap would make the session longer than the limit of "
                         f"{format_clock(MAX_TOTAL_SECONDS)}")
    return swapped


def replay_swaps(plan: Plan, library: ExerciseLibrary, kept: Sequence[Any]) -> Plan:
    """`plan` with the swaps kept in a snapshot (`Swap.to_json`) made again, in order.
    ValueError when one does not fit the plan or its entry is not in `library`."""
    for data in kept:
        swap = Swap.from_json(data)
        entry = library.usable(swap.to)
        if swap.at >= len(plan.steps) or entry is None:
            raise ValueError(f"session snapshot: cannot swap to {swap.to!r} again")
        exercise = plan.routine.exercises[plan.steps[swap.at].exercise_index]
        if plan.steps[swap.at].exercise_index != swap.exercise_index or exercise.use != swap.was:
            raise ValueError(f"session snapshot: the swap to {swap.to!r} does not fit the plan")
        plan = swapped_plan(plan, swap.at, entry, swap.way)
    return plan


def variant_label(plan: Plan, exercise_index: int) -> Way | None:
    """Which way the exercise at `exercise_index` was swapped, all swaps together
    (None: as written, or swapped there and back)."""
    net = sum(
        1 if swap.way == "easier" else -1 for swap in plan.swaps if exercise_index in swap.changed
    )
    return "easier" if net > 0 else "harder" if net < 0 else None


def swap_session(session: Session, library: ExerciseLibrary, way: Way) -> list[Event]:
    """Swap the current exercise of `session` for its `way` variant, now: the step being
    done ends (left early), the variant's get-ready starts at once (a paused session
    stays paused there). TransitionError when there is no such variant now."""
    if session.status not in (Status.RUNNING, Status.PAUSED):
        raise TransitionError(f"cannot swap when {session.status.value}")
    events = session.advance()
    exercise = session.plan.routine.exercises[session.step.exercise_index]
    entry = variant_entry(exercise, library, way)
    if session.finished or entry is None:
        session._undelivered = events
        raise TransitionError(f"{exercise.name} has no {way} version here")
    at = session.index
    try:
        plan = swapped_plan(session.plan, at, entry, way)
    except ValueError as error:
        session._undelivered = events
        raise TransitionError(str(error)) from None
    now = session.clock.now()
    session._leave(now, session.elapsed(), events, skipped=True)
    # Work at `at` is kept: that step is now a get-ready, which no rule counts, and it
    # says work had begun (`Session.work_begun`). Later steps are new.
    session.worked = {i: share for i, share in session.worked.items() if i <= at}
    session.plan = plan
    session.index = at
    session._banked = session._seen = session._extension = 0.0
    session._segment_start = now
    swap = plan.swaps[-1]
    events.append(Swapped(now, at, swap.exercise_index, way, swap.was_name, swap.to_name))
    events.append(StepStarted(due=now, index=at, step=session.step))
    return events

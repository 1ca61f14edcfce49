"""What the workout screen shows, computed from the session.

The screen only copies these fields into widgets; every number and word it
shows is decided here, where it can be tested on a fake clock.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

import math
from typing import NamedTuple

from tui.core.engine.session import Session
from tui.core.engine.states import Status
from tui.core.plan import Step
from tui.core.routine.models import Exercise, format_clock, format_seconds_short
from tui.core.words import count

#: Seconds each form tip stays before the next one.
TIP_SECONDS = 8.0

KIND_LABEL = {"prepare": "GET READY", "rest": "REST", "switch": "SWITCH SIDES"}


class WorkoutView(NamedTuple):
    """A named tuple: quicker to define (at start) and to build (ten times a second)
    than a frozen dataclass."""

    routine: str
    #: "PAUSED", "DONE", "muted", "PAUSED · muted" or nothing.
    state: str
    #: "Exercise 2 of 7 · 12:34 left"
    where: str
    kind: str  # prepare | work | rest | switch | done
    status: str  # ready | running | paused | finished
    exercise: str
    counters: str  # "Set 2/3 · Rep 4/8 · LEFT"
    countdown: str  # "0:07", or counting up "1:12" on a self-paced set
    phase: str  # "LOWER", "REST", "GET READY", "8 REPS"
    phase_fraction: float
    progress: float
    #: A form tip, or what to do now (paused: how to carry on; self-paced: press Enter).
    tip: str
    #: Setup and caution, shown while getting ready and during a rest before a new exercise.
    setup: str
    caution: str  # "Caution: ..." or nothing
    next: str


PAUSED_TIP = "Paused. Space to carry on; q keeps this session for later."
STATE_WORD = {"paused": "PAUSED", "finished": "DONE"}


def build_view(session: Session, *, muted: bool = False) -> WorkoutView:
    plan = session.plan
    step = session.step
    exercise = plan.routine.exercises[step.exercise_index]
    total = plan.total_seconds
    left = session.session_remaining()
    progress = 1.0 if session.finished else (1 - left / total if total else 0.0)
    remaining = session.remaining()
    countdown = format_clock(session.elapsed()) if remaining is None else _countdown(remaining)
    upcoming = _upcoming_exercise(session)
    shows_setup = step.kind == "prepare" or (step.kind == "rest" and upcoming is not exercise)
    about = upcoming if step.kind == "rest" and upcoming is not None else exercise
    state = " · ".join(
        word
        for word in (STATE_WORD.get(session.status.value, ""), "muted" if muted else "")
        if word
    )
    caution = _caution(session, about) if shows_setup else ""
    if session.status is Status.PAUSED:
        tip = PAUSED_TIP
    elif step.self_paced:
        tip = f"Press Enter when the set is done. {_tip(session, exercise)}".strip()
    else:
        tip = _tip(session, exercise)
    return WorkoutView(
        routine=plan.name,
        state=state,
        where=f"Exercise {step.exercise_index + 1} of {len(plan.routine.exercises)}"
        f" · {format_clock(left)} left",
        kind="done" if session.finished else step.kind,
        status=session.status.value,
        exercise=_exercise_name(session, exercise),
        counters=counters(step),
        countdown=countdown,
        phase=phase_label(step),
        phase_fraction=session.fraction(),
        progress=max(0.0, min(1.0, progress)),
        tip=tip,
        setup=about.setup if shows_setup else "",
        caution=f"Caution: {caution}" if caution else "",
        next=next_text(session),
    )


def _exercise_name(session: Session, exercise: Exercise) -> str:
    """The name, and "(easier)" or "(harder)" when it was swapped for a variant."""
    if not session.plan.swaps:
        return exercise.name
    from tui.core.engine.variants import variant_label  # only once a swap was made

    way = variant_label(session.plan, session.step.exercise_index)
    return f"{exercise.name} ({way})" if way else exercise.name


def _caution(session: Session, exercise: Exercise) -> str:
    """The exercise's caution; before the very first exercise, the routine's too."""
    parts = [exercise.caution]
    if session.index == 0:
        parts.insert(0, session.plan.routine.caution)
    return " ".join(part for part in parts if part)


def _countdown(remaining: float) -> str:
    # Whole seconds, rounded up: "3" shows for the whole of the last-but-two second.
    # Minutes and seconds only: a step is at most an hour (limits.py), so "60:00" is
    # the widest, 15 columns of digits where "1:00:00" took 21.
    whole = math.ceil(remaining - 1e-9)
    if whole < 60:
        return str(whole)
    minutes, seconds = divmod(whole, 60)
    return f"{minutes}:{seconds:02d}"


def counters(step: Step) -> str:
    parts: list[str] = []
    if step.kind == "prepare":
        parts.append(count(step.sets, "set"))
    elif step.set is not None and step.sets > 1:
        parts.append(f"Set {step.set}/{step.sets}")
    if step.rep is not None and step.kind == "work" and step.reps > 1:
        parts.append(f"Rep {step.rep}/{step.reps}")
    elif step.self_paced:
        parts.append(count(step.reps, "rep"))
    if step.side:
        parts.append(step.side.upper())
    return " · ".join(parts)


def phase_label(step: Step) -> str:
    if step.kind == "work":
        if step.self_paced:
            return f"{step.reps} REPS"
        return (step.phase or "Go").upper()
    return KIND_LABEL[step.kind]


def _tip(session: Session, exercise: Exercise) -> str:
    if not exercise.tips:
        return ""
    # Rotates with the time actually exercised, so it holds still while paused.
    turn = int(session.active_seconds() / TIP_SECONDS)
    return exercise.tips[turn % len(exercise.tips)]


def _upcoming_exercise(session: Session) -> Exercise | None:
    steps = session.plan.steps
    if session.index + 1 >= len(steps):
        return None
    return session.plan.routine.exercises[steps[session.index + 1].exercise_index]


def next_text(session: Session) -> str:
    """`Next: ...`: the step after this one, in a person's words."""
    steps = session.plan.steps
    if session.finished:
        return "Done. Well moved."
    if session.index + 1 >= len(steps):
        return "Next: finished"
    step, nxt = session.step, steps[session.index + 1]
    exercises = session.plan.routine.exercises
    if nxt.exercise_index != step.exercise_index or nxt.kind == "prepare":
        ex = exercises[nxt.exercise_index]
        return f"Next: {ex.name} · {ex.dosage()}"
    if nxt.kind == "rest":
        return f"Next: rest {format_seconds_short(nxt.seconds or 0)} s"
    if nxt.kind == "switch":
        return "Next: switch sides"
    if nxt.self_paced:
        side = f" · {nxt.side.upper()}" if nxt.side else ""
        return f"Next: set {nxt.set}/{nxt.sets} · {count(nxt.reps, 'rep')}{side}"
    label = (nxt.phase or "Go").capitalize()
    seconds = format_seconds_short(nxt.seconds or 0)
    if nxt.rep != step.rep or nxt.set != step.set or nxt.side != step.side:
        where = counters(nxt)
        return f"Next: {label} {seconds} s · {where}" if where else f"Next: {label} {seconds} s"
    return f"Next: {label} {seconds} s"

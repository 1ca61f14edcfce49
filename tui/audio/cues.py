"""Engine events -> sound cues and spoken text. Pure: no clock, no I/O.

Sounds (`cues_for`, one event at a time):

    CountIn                  tick
    PhaseChanged             by the phase's words: lower / raise / hold, else go
    StepStarted  work        the same (only heard when no PhaseChanged came with it)
    StepStarted  rest        rest
    StepStarted  switch      switch
    StepStarted  prepare     nothing: its count-in ticks are enough
    SetDone                  set_done
    ExerciseDone             exercise_done
    SessionFinished          session_done (nothing when ended early)
    HurtFlagged              alert
    Swapped                  nothing: the variant's get-ready is named (below)

One cue per instant (`select_cues`): events due at the same time (within
`SAME_INSTANT`) give ONE cue, the one of highest `RANK`. An ending outranks
the start it coincides with, because it says more: a set that ends into its
rest plays set_done, an exercise that ends (its last set too) plays
exercise_done, the last exercise ending plays session_done. Among starts,
switch > rest > a phase > tick, so a 3-second phase plays its phase cue, not
its first count-in tick.

Speech (`speech_for`, with the plan for context) gives (text, Priority):
get-ready "Bird dog. Left side. Six reps." (at the first work step of an
exercise that has no get-ready), "Rest, thirty seconds" (rests
between reps only from 5 s), "Switch sides", count-ins "Three" "Two" "One"
in get-ready / rest / switch steps, phase names of phases of 2 s or more
("Lower"; "Left, lower" where a side begins, and at every rep when sides
alternate), "Workout complete" ("Workout ended" when ended early),
"Paused" for "this hurts", and "Easier: Plank from the knees." when the
exercise is swapped for a variant (instead of the get-ready that starts with it).
`select_speech` keeps one utterance per batch: the highest priority at the
latest instant that has any (older ones would already be stale).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import IntEnum

from tui.core.engine.events import (
    CountIn,
    Event,
    ExerciseDone,
    HurtFlagged,
    PhaseChanged,
    SessionFinished,
    SetDone,
    StepStarted,
    Swapped,
)
from tui.core.plan import Plan, Step
from tui.core.routine.models import Exercise

from .words import duration_words, number_words

CUES: tuple[str, ...] = (
    "tick", "lower", "raise", "hold", "go", "rest", "set_done",
    "exercise_done", "session_done", "switch", "alert",
)
#: Events this close in time (seconds) are one instant.
SAME_INSTANT = 0.001
#: A phase at least this long (seconds) has its name spoken.
MIN_SPOKEN_PHASE = 2.0
#: A rest between reps at least this long is announced.
MIN_SPOKEN_REST = 5.0

LOWER_WORDS = frozenset(
    ("lower", "lowering", "down", "exhale", "release", "return", "descend", "drop"))
RAISE_WORDS = frozenset(
    ("raise", "lift", "lifting", "up", "inhale", "reach", "curl", "rise", "extend"))
HOLD_WORDS = frozenset(("hold", "pause", "squeeze", "stay", "brace"))


class Priority(IntEnum):
    """Speech priority: higher is never cut by lower (see voice.py)."""

    COUNT = 1      # "Three", "Two", "One"
    PHASE = 2      # "Lower", "Hold"
    CUE = 3        # "Rest, thirty seconds", "Switch sides"
    ANNOUNCE = 4   # "Bird dog. Left side. Six reps."
    FINAL = 5      # "Workout complete", "Paused"


def phase_cue(phase: str | None) -> str:
    """lower / raise / hold by the first telling word of a phase name, else go."""
    for word in re.findall(r"[a-z]+", (phase or "").lower()):
        if word in LOWER_WORDS:
            return "lower"
        if word in RAISE_WORDS:
            return "raise"
        if word in HOLD_WORDS:
            return "hold"
    return "go"


def _ranked(event: Event) -> tuple[str, int] | None:
    match event:
        case SessionFinished(ended_early=False):
            return "session_done", 90
        case HurtFlagged():
            return "alert", 80
        case ExerciseDone():
            return "exercise_done", 70
        case SetDone():
            return "set_done", 60
        case StepStarted(step=Step(kind="switch")):
            return "switch", 50
        case StepStarted(step=Step(kind="rest")):
            return "rest", 40
        case PhaseChanged():
            return phase_cue(event.phase), 30
        case StepStarted(step=Step(kind="work")):
            return phase_cue(event.step.phase), 20
        case CountIn():
            return "tick", 10
    return None


def cues_for(event: Event) -> list[str]:
    """The cue of one event, alone (empty when it has none)."""
    ranked = _ranked(event)
    return [ranked[0]] if ranked else []


def group_instants(events: Iterable[Event]) -> list[list[Event]]:
    """Events grouped by instant, in order of first appearance."""
    groups: list[list[Event]] = []
    for event in events:
        for group in groups:
            if abs(group[0].due - event.due) < SAME_INSTANT:
                group.append(event)
                break
        else:
            groups.append([event])
    return groups


def select_cues(events: Iterable[Event]) -> list[tuple[Event, str]]:
    """One (event, cue) per instant: the highest-ranked (module docstring)."""
    chosen: list[tuple[Event, str]] = []
    for group in group_instants(events):
        best: tuple[int, Event, str] | None = None
        for event in group:
            ranked = _ranked(event)
            if ranked and (best is None or ranked[1] > best[0]):
                best = (ranked[1], event, ranked[0])
        if best:
            chosen.append((best[1], best[2]))
    return chosen


def _reps(n: int) -> str:
    return f"{number_words(n)} rep{'s' if n != 1 else ''}"


def announce(step: Step, plan: Plan | None) -> str:
    """Get-ready text: "Bird dog. Left side. Six reps." """
    parts = [f"{step.exercise}."]
    exercise = _exercise(step, plan)
    sides = exercise.sides if exercise else "none"
    if sides == "both":
        parts.append("Left side.")
    elif sides == "alternate":
        parts.append("Alternating sides.")
    if exercise and exercise.reps == (1,) and exercise.timing in ("hold", "duration"):
        amount = duration_words(exercise.rep_seconds)
        amount = f"Hold {amount}" if exercise.timing == "hold" else amount.capitalize()
    else:
        amount = _reps(step.reps).capitalize()
        if exercise and exercise.timing == "self_paced":
            amount += ", at your own pace"
    parts.append(f"{amount}.")
    return " ".join(parts)


def _exercise(step: Step, plan: Plan | None) -> Exercise | None:
    if plan is None or not 0 <= step.exercise_index < len(plan.routine.exercises):
        return None
    return plan.routine.exercises[step.exercise_index]


def _names_side(step: Step, plan: Plan | None) -> bool:
    """A phase names its side at the first rep of a side, and at every
    rep of an exercise that alternates sides."""
    if not step.side or step.phase_index != 0:
        return False
    exercise = _exercise(step, plan)
    return step.rep == 1 or (exercise is not None and exercise.sides == "alternate")


def speech_for(event: Event, plan: Plan | None = None) -> tuple[str, Priority] | None:
    """What to say for one event, and how much it matters; None for silence.

    The plan gives context: the exercise's sides and timing at get-ready, and
    the kind of step a count-in belongs to (count-ins are spoken only in
    get-ready, rest and switch steps; without a plan they are not spoken).
    """
    match event:
        case StepStarted(step=Step(kind="prepare") as step):
            return announce(step, plan), Priority.ANNOUNCE
        case StepStarted(step=Step(kind="work") as step, index=index) if (
            plan is not None and step.seconds is not None
            and plan.first_step_of_exercise(step.exercise_index) == index
        ):  # an exercise with no get-ready (`prepare = 0`) is still named as it starts
            return announce(step, plan), Priority.ANNOUNCE
        case StepStarted(step=Step(kind="rest") as step):
            seconds = step.seconds or 0
            if step.rep is not None and seconds < MIN_SPOKEN_REST:
                return None
            return f"Rest, {duration_words(seconds)}", Priority.CUE
        case StepStarted(step=Step(kind="switch")):
            return "Switch sides", Priority.CUE
        case StepStarted(step=Step(kind="work", seconds=None) as step):
            side = f", {step.side} side" if step.side else ""
            return f"{_reps(step.reps).capitalize()} at your own pace{side}", Priority.CUE
        case PhaseChanged(step=step):
            if step.side and _names_side(step, plan):
                return f"{step.side.capitalize()}, {event.phase.lower()}", Priority.PHASE
            if (step.seconds or 0) >= MIN_SPOKEN_PHASE:
                return event.phase, Priority.PHASE
            return None
        case CountIn(seconds=seconds, index=index) if plan is not None and 0 < seconds <= 3:
            if 0 <= index < len(plan.steps) and plan.steps[index].kind != "work":
                return number_words(seconds).capitalize(), Priority.COUNT
            return None
        case SessionFinished(ended_early=early):
            return ("Workout ended" if early else "Workout complete"), Priority.FINAL
        case HurtFlagged():
            return "Paused", Priority.FINAL
        case Swapped(way=way, to=name):
            return f"{way.capitalize()}: {name}.", Priority.FINAL
    return None


def select_speech(events: Sequence[Event], plan: Plan | None = None
                  ) -> tuple[Event, str, Priority] | None:
    """The one utterance for a batch: highest priority at its latest spoken instant."""
    for group in reversed(group_instants(events)):
        best: tuple[Event, str, Priority] | None = None
        for event in group:
            said = speech_for(event, plan)
            if said and (best is None or said[1] > best[2]):
                best = (event, said[0], said[1])
        if best:
            return best
    return None

"""What `spinewise run ROUTINE --plain` writes: one line per thing that happens.

For screen readers, braille displays, pipes and logs. Each step is one line
written as it starts ("Bird dog, left, rep 2 of 6: Reach and hold, 10
seconds"), count-ins are short lines ("3", "2", "1"), pauses and resumes
are said, and the end is the session summary. Nothing is redrawn, and no
line holds an escape sequence or a symbol a braille display would spell out
as noise: words, digits and plain punctuation only.
Pure: the loop (`tui/plain/`) prints what these return.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.engine.events import (
    CountIn,
    Event,
    ExerciseDone,
    Extended,
    HurtFlagged,
    Paused,
    Resumed,
    StepStarted,
    Swapped,
)
from tui.core.engine.session import Session
from tui.core.plan import Plan, Step
from tui.core.present import summary
from tui.core.routine.models import format_clock, format_seconds_short
from tui.core.store.record import SessionRecord

#: The keys, said once at the start and again on `help` (the workout screen's keys).
KEYS_HELP = (
    "Keys: space pause or carry on, n next step, N next exercise, p back, "
    "+ 10 more seconds of rest, Enter a self-paced set is done, ! this hurts, "
    "e easier and h harder version (where the exercise has one), "
    "m mute, q quit and keep the session, ? help."
)
def keys_help(*, easier: bool = True, harder: bool = True) -> str:
    """`KEYS_HELP` as it is now: `e` and `h` listed only when the exercise offers them
    (`Workout.can`: no easier version, or `h` after `!` on it, is not offered)."""
    ways = {(True, True): "e easier and h harder version, ", (True, False): "e easier version, ",
            (False, True): "h harder version, ", (False, False): ""}  # fmt: skip
    return KEYS_HELP.replace(
        "e easier and h harder version (where the exercise has one), ", ways[easier, harder]
    )


#: When keys come as lines (standard input is not a terminal): words work too.
WORDS_HELP = (
    "Words on a line work too: pause, resume, next, skip (next exercise), back, more, "
    "done, hurt, easier, harder, mute, quit, help."
)
PAUSED = "Paused. Space or resume carries on; q keeps the session for later."
HURT_CHOICE = (
    "Paused: this hurts. Sharp, shooting or radiating pain is a reason to stop, not to push "
    "through; if pain persists, talk to a health professional. "
    "s skips the exercise, x ends the session, c carries on."
)


def hurt_choice(easier: str | None = None) -> str:
    """The "this hurts" question; with the name of the exercise's easier variant, `e` too."""
    if easier is None:
        return HURT_CHOICE
    return HURT_CHOICE.replace(
        "s skips the exercise,", f"s skips the exercise, e tries an easier version ({easier}),"
    )


def seconds_words(seconds: float) -> str:
    """'10 seconds', '1 second', '2.5 seconds'."""
    text = format_seconds_short(seconds)
    return f"{text} second" if text == "1" else f"{text} seconds"


def opening_lines(plan: Plan) -> list[str]:
    """The routine, its length and its caution: said before the first step."""
    count = len(plan.routine.exercises)
    noun = "exercise" if count == 1 else "exercises"
    self_paced = any(step.self_paced for step in plan.steps)
    extra = ", plus the sets at your own pace" if self_paced else ""
    lines = [f"{plan.name}: {count} {noun}, {format_clock(plan.total_seconds)}{extra}."]
    if plan.routine.caution:
        lines.append(f"Caution: {plan.routine.caution}")
    return lines


def step_line(plan: Plan, index: int) -> str:
    """Step `index` of `plan` in one line, as it starts."""
    step = plan.steps[index]
    exercise = plan.routine.exercises[step.exercise_index]
    if step.kind == "prepare":
        seconds = seconds_words(step.seconds or 0)
        return f"Get ready, {seconds}: {exercise.name}, {exercise.dosage()}"
    if step.kind == "switch":
        return f"Switch sides, {seconds_words(step.seconds or 0)}"
    if step.kind == "rest":
        return f"Rest, {seconds_words(step.seconds or 0)}"
    where = ", ".join([exercise.name, *_position(step)])
    if step.self_paced:
        return f"{where}: {step.reps} reps at your own pace; Enter when done"
    return f"{where}: {step.phase or 'Go'}, {seconds_words(step.seconds or 0)}"


def _position(step: Step) -> list[str]:
    parts: list[str] = [step.side] if step.side else []
    if step.set is not None and step.sets > 1:
        parts.append(f"set {step.set} of {step.sets}")
    if step.rep is not None and step.reps > 1:
        parts.append(f"rep {step.rep} of {step.reps}")
    return parts


def about_lines(plan: Plan, index: int) -> list[str]:
    """What follows a step's line: the setup and caution as an exercise gets ready,
    one form tip as a set (or side) begins. Each on its own line, to be skipped at will."""
    step = plan.steps[index]
    exercise = plan.routine.exercises[step.exercise_index]
    if step.kind == "prepare":
        lines = [f"Setup: {exercise.setup}"] if exercise.setup else []
        if exercise.caution:
            lines.append(f"Caution: {exercise.caution}")
        return lines
    if step.kind != "work" or not exercise.tips or not _begins_pass(plan, index):
        return []
    turn = sum(1 for i in range(index) if _begins_pass(plan, i)
               and plan.steps[i].exercise_index == step.exercise_index)
    return [f"Tip: {exercise.tips[turn % len(exercise.tips)]}"]


def _begins_pass(plan: Plan, index: int) -> bool:
    """Whether step `index` is the first work of a set, or of a side after a switch."""
    step = plan.steps[index]
    if step.kind != "work":
        return False
    before = plan.steps[index - 1] if index else None
    return (
        before is None
        or before.kind in ("prepare", "switch")
        or (before.exercise_index, before.set) != (step.exercise_index, step.set)
    )


def event_lines(events: Sequence[Event], session: Session) -> list[str]:
    """The lines a batch of events calls for, in order (the summary is `summary_lines`)."""
    plan = session.plan
    lines: list[str] = []
    hurt = any(isinstance(event, HurtFlagged) for event in events)
    for event in events:
        if isinstance(event, StepStarted):
            lines.append(step_line(plan, event.index))
            lines.extend(about_lines(plan, event.index))
        elif isinstance(event, CountIn):
            lines.append(str(event.seconds))
        elif isinstance(event, Paused) and not hurt:  # "this hurts" asks its own question
            lines.append(PAUSED)
        elif isinstance(event, Resumed):
            lines.append(resumed_line(session))
        elif isinstance(event, Extended):
            lines.append(f"{seconds_words(event.seconds)} more.")
        elif isinstance(event, HurtFlagged):
            name = plan.routine.exercises[event.exercise_index].name
            lines.append(f"Noted: {name} hurts.")
        elif isinstance(event, Swapped):
            lines.append(f"{event.way.capitalize()}: {event.to}, for the rest of this session.")
        elif isinstance(event, ExerciseDone) and event.skipped:
            lines.append(f"Skipped {plan.routine.exercises[event.exercise_index].name}.")
    return lines


def resumed_line(session: Session) -> str:
    """'Carrying on: Reach, 6 seconds left.'"""
    step = session.step
    what = {"prepare": "getting ready", "rest": "rest", "switch": "switch sides"}.get(
        step.kind, step.phase or "Go"
    )
    remaining = session.remaining()
    if remaining is None:
        return f"Carrying on: {what}, at your own pace."
    return f"Carrying on: {what}, {seconds_words(round(remaining))} left."


def where_line(session: Session) -> str:
    """Where a resumed session stands: 'Resuming Gentle start at exercise 2 of 6: ...'."""
    plan = session.plan
    step = session.step
    return (
        f"Resuming {plan.name} at exercise {step.exercise_index + 1} of "
        f"{len(plan.routine.exercises)}: {step_line(plan, session.index)}"
    )


def summary_lines(record: SessionRecord) -> list[str]:
    """The end: 'Workout complete.', then each fact on a line, then the closing word."""
    lines = [f"{summary.title(record)}."]
    lines += [f"{label}: {value}" for label, value in summary.lines(record)]
    lines.append(summary.closing(record))
    return lines

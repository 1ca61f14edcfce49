"""A routine being written: its problems, and a preview of what it will do.

The editor screen checks the text as it is typed and shows what this module
says: the problems (each at its line), and for a valid text the total time,
every exercise with its dosage and the first steps of the timeline. All the
words and numbers are decided here, so the screen only copies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.core.plan import Plan, Step, build_plan
from tui.core.routine.exercise_library import ExerciseLibrary
from tui.core.routine.models import Routine, format_clock, format_seconds_short
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import Problem, RoutineError
from tui.core.words import count

#: Steps of the timeline shown in the preview.
PREVIEW_STEPS = 12
KIND_WORDS = {"prepare": "Get ready", "rest": "Rest", "switch": "Switch sides"}


@dataclass(frozen=True, slots=True)
class DraftCheck:
    """The outcome of checking one version of the text."""

    problems: tuple[Problem, ...] = ()
    routine: Routine | None = None
    plan: Plan | None = None

    @property
    def valid(self) -> bool:
        return not self.problems and self.plan is not None

    @property
    def problem_lines(self) -> frozenset[int]:
        """Lines (from 1) that have a problem."""
        return frozenset(problem.line for problem in self.problems)


def check_draft(text: str, path: str | Path, library: ExerciseLibrary | None) -> DraftCheck:
    try:
        routine = parse_routine(text, str(path), library)
    except RoutineError as error:
        return DraftCheck(problems=tuple(error.problems))
    return DraftCheck(routine=routine, plan=build_plan(routine))


@dataclass(frozen=True, slots=True)
class Preview:
    headline: str
    exercises: tuple[str, ...] = ()
    steps: tuple[str, ...] = field(default=())


def preview(plan: Plan, steps: int = PREVIEW_STEPS) -> Preview:
    routine = plan.routine
    self_paced = sum(step.seconds is None for step in plan.steps)
    extra = f" + {self_paced} self-paced" if self_paced else ""
    n = len(routine.exercises)
    headline = (
        f"{routine.name} · {format_clock(plan.total_seconds)}{extra} · "
        f"{count(n, 'exercise')} · {count(len(plan.steps), 'step')}"
    )
    exercises = tuple(
        f"{number}. {exercise.name}: {exercise.dosage()}"
        for number, exercise in enumerate(routine.exercises, start=1)
    )
    at, lines = 0.0, []
    for step in plan.steps[:steps]:
        lines.append(f"{format_clock(at):>5}  {step_words(step)}")
        at += step.seconds or 0
    if len(plan.steps) > steps:
        lines.append(f"… and {len(plan.steps) - steps} more steps")
    return Preview(headline, exercises, tuple(lines))


def step_words(step: Step) -> str:
    """`Bird dog · rep 1/4 left · Reach 3 s`, `Rest 30 s`, `Get ready 10 s · Plank`."""
    if step.seconds is None:
        seconds = "at your own pace"
    else:
        seconds = f"{format_seconds_short(step.seconds)} s"
    if step.kind != "work":
        about = f" · {step.exercise}" if step.kind == "prepare" else ""
        return f"{KIND_WORDS[step.kind]} {seconds}{about}"
    where = []
    if step.sets > 1 and step.set is not None:
        where.append(f"set {step.set}/{step.sets}")
    if step.rep is not None:
        where.append(f"rep {step.rep}/{step.reps}")
    if step.side:
        where.append(step.side)
    phase = f"{step.phase} {seconds}" if step.phase else seconds
    return " · ".join([step.exercise, *([" ".join(where)] if where else []), phase])

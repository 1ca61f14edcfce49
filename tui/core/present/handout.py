"""A routine as a printable handout (`spinewise show ROUTINE --format text|markdown`):
its name, what it is for, its caution, then each exercise with its setup, tips,
dosage and time, and the total time.

Something a physiotherapist can hand over or a person can print and keep by
the mat, so it reads top to bottom with no table to decode. The times are the
plan's (`tui/core/plan.py`): an exercise's time includes its get-ready and
rests; self-paced sets count nothing and are said to.
Pure: the caller prints the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.plan import Plan
from tui.core.routine.models import Exercise, format_clock

#: Markdown punctuation that could start emphasis, a link, code, HTML or a heading.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_LINE_START = re.compile(r"^(\d+(?=[.)])|(?=[-=]))(.)")


@dataclass(frozen=True, slots=True)
class HandoutExercise:
    number: int
    exercise: Exercise
    #: Planned seconds of its steps: get-ready, work and rests (self-paced sets count 0).
    seconds: float
    self_paced: bool


def handout_exercises(plan: Plan) -> list[HandoutExercise]:
    """Each exercise of the plan with its planned seconds, in order."""
    seconds = [0.0] * len(plan.routine.exercises)
    for step in plan.steps:
        seconds[step.exercise_index] += step.seconds or 0
    return [
        HandoutExercise(i + 1, exercise, seconds[i], exercise.timing == "self_paced")
        for i, exercise in enumerate(plan.routine.exercises)
    ]


def _time(seconds: float, self_paced: bool) -> str:
    if self_paced:
        return f"{format_clock(seconds)} plus the sets at your own pace"
    return format_clock(seconds)


def _total(plan: Plan) -> str:
    self_paced = any(ex.timing == "self_paced" for ex in plan.routine.exercises)
    count = len(plan.routine.exercises)
    noun = "exercise" if count == 1 else "exercises"
    return f"{count} {noun}, {_time(plan.total_seconds, self_paced)}"


def _about(plan: Plan) -> list[str]:
    routine = plan.routine
    facts = [f"Level: {routine.level}"] if routine.level else []
    facts.append(f"Total: {_total(plan)}")
    return facts


def handout_text(plan: Plan) -> str:
    """The handout as plain text, lines of any length (a printer or a reader wraps them)."""
    routine = plan.routine
    lines = [plan.name, "=" * len(plan.name), ""]
    if routine.summary:
        lines += [routine.summary, ""]
    lines += [*_about(plan), ""]
    if routine.caution:
        lines += [f"Caution: {routine.caution}", ""]
    for item in handout_exercises(plan):
        ex = item.exercise
        lines.append(f"{item.number}. {ex.name}")
        lines.append(f"   Dosage: {ex.dosage()}")
        lines.append(f"   Time: {_time(item.seconds, item.self_paced)}")
        if ex.setup:
            lines.append(f"   Setup: {ex.setup}")
        if ex.caution:
            lines.append(f"   Caution: {ex.caution}")
        if ex.tips:
            lines.append("   Tips:")
            lines += [f"   - {tip}" for tip in ex.tips]
        lines.append("")
    lines.append(GUIDANCE)
    return "\n".join(lines) + "\n"


def handout_markdown(plan: Plan) -> str:
    """The handout as Markdown: a level-1 heading for the routine, level-2 for each exercise."""
    routine = plan.routine
    lines = [f"# {md(plan.name)}", ""]
    if routine.summary:
        lines += [md(routine.summary), ""]
    lines += [f"- {md(fact)}" for fact in _about(plan)]
    lines.append("")
    if routine.caution:
        lines += [f"> **Caution:** {md(routine.caution)}", ""]
    for item in handout_exercises(plan):
        ex = item.exercise
        lines += [f"## {item.number}. {md(ex.name)}", ""]
        lines.append(f"- **Dosage:** {md(ex.dosage())}")
        lines.append(f"- **Time:** {md(_time(item.seconds, item.self_paced))}")
        if ex.setup:
            lines.append(f"- **Setup:** {md(ex.setup)}")
        if ex.caution:
            lines.append(f"- **Caution:** {md(ex.caution)}")
        lines.append("")
        if ex.tips:
            lines += ["Tips:", ""]
            lines += [f"- {md(tip)}" for tip in ex.tips]
            lines.append("")
    lines.append(f"*{md(GUIDANCE)}*")
    return "\n".join(lines) + "\n"


def md(text: str) -> str:
    """`text` as Markdown that shows exactly those characters (punctuation escaped,
    line breaks kept as spaces so that one field stays one paragraph or item)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    # what would start a list, a heading underline or a numbered item at a line's start
    return _LINE_START.sub(r"\1\\\2", escaped)


GUIDANCE = (
    "General exercise guidance, not medical advice. Stop any exercise that hurts, and see "
    "a doctor or physiotherapist for pain that persists, follows an injury or spreads down a leg."
)

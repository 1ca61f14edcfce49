"""The preview's exercise lines at today's dose (`present.preview`): as written
without stages, marked with the stage and the dose as written past stage 0, and
a total that is the plan's (`build_plan`) at those stages."""

from __future__ import annotations

from tui.core.catalog import sources
from tui.core.plan import build_plan
from tui.core.present.preview import dose_preview, exercise_lines
from tui.core.programme.stages import Stage, staged, starting


def routine(rid: str):
    ref = sources.find(rid)
    assert ref is not None
    return sources.load(ref)


def test_as_written_when_nothing_is_past_stage_0():
    big = routine("big-three")
    assert dose_preview(big, {}) is None
    assert dose_preview(big, None) is None  # the store could not be read
    assert dose_preview(big, {"Bird dog": Stage(0, 1)}) is None
    assert exercise_lines(big).splitlines()[2] == (
        "3. Bird dog: 6-4-2 reps, hold 10 s each side, alternating")


def test_past_stage_0_the_line_says_the_stage_and_the_dose_as_written():
    big = routine("big-three")
    stages = {"Bird dog": Stage(4)}
    dose = dose_preview(big, stages)
    assert dose is not None
    assert dose.exercises.splitlines()[2] == (
        "3. Bird dog: 10-8-6 reps, hold 10 s each side, alternating (stage 4 of 4; "
        "as written: 6-4-2 reps, hold 10 s each side, alternating)")
    assert dose.exercises.splitlines()[0] == "1. Modified curl-up: 6-4-2 reps, hold 10 s"
    today = build_plan(staged(big, starting(big, stages)))
    assert dose.total_seconds == today.total_seconds > build_plan(big).total_seconds


def test_a_routine_without_progression_needs_no_stages():
    plain = next(r for r in map(routine, ("core-basics", "pilates-core", "light-strength"))
                 if not any(ex.progress for ex in r.exercises))
    assert dose_preview(plain, {"anything": Stage(3)}) is None

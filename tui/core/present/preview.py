"""The exercises of a routine as the routine library's preview lists them, at
today's dose.

`spinewise today`, `show` and the workout itself use the stage the session
database holds for each exercise that progresses (`programme.stages`); the
preview beside the routine library's rows showed the dose as written, so a
person read "6-4-2" there and met "7-5-3" in the workout. The screen reads the
stages in a worker and gives them here (plain values in, text out; no I/O),
and each line says, as `show` does, where today's dose differs from the file's
(`3. Bird dog: 7-5-3 reps, hold 10 s (stage 1 of 4; as written: 6-4-2 reps,
hold 10 s)`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from tui.core.routine.limits import exercise_size
from tui.core.routine.models import Exercise, Routine

if TYPE_CHECKING:
    from tui.core.programme.stages import Stage, StartedStage


class DosePreview(NamedTuple):
    """A routine at today's dose, for the preview: its exercise lines and its timed
    total in seconds (what the workout runs), when some exercise is past stage 0."""

    exercises: str
    total_seconds: float


def exercise_lines(routine: Routine, started: Sequence[StartedStage] = ()) -> str:
    """One line an exercise, `1. Pelvic tilt: 6 reps, hold 5 s`: at the stages of
    `started` (`programme.stages.starting`; none: as written), each exercise past
    stage 0 marked with its stage and the dose as written."""
    at = {s.exercise_index: s for s in started if s.stage > 0}
    if not at:
        return "\n".join(f"{i}. {ex.name}: {ex.dosage()}"
                         for i, ex in enumerate(routine.exercises, start=1))  # fmt: skip
    from tui.core.programme.dose import dose_at

    lines = []
    for index, ex in enumerate(routine.exercises):
        line = f"{index + 1}. {ex.name}: {ex.dosage()}"
        s = at.get(index)
        if s is not None:
            today = dose_at(ex, s.stage)
            written = ex.dosage() if today.name == ex.name else f"{ex.name}, {ex.dosage()}"
            line = (f"{index + 1}. {today.name}: {today.dosage()} "
                    f"(stage {s.stage} of {s.top}; as written: {written})")  # fmt: skip
        lines.append(line)
    return "\n".join(lines)


def dose_preview(routine: Routine, stages: Mapping[str, Stage] | None) -> DosePreview | None:
    """`routine` at `stages` (as `store.stages` gives them, by exercise key; None:
    unreadable), or None when every exercise is as written (the preview then
    needs nothing more than the catalog's)."""
    from tui.core.programme.stages import progressing, staged, starting

    if not stages or not progressing(routine):
        return None
    started = starting(routine, stages)
    if not any(s.stage for s in started):
        return None
    today = staged(routine, started)
    return DosePreview(exercise_lines(routine, started), total_seconds(today.exercises))


def total_seconds(exercises: Sequence[Exercise]) -> float:
    """The timed seconds `plan.build_plan` makes of `exercises`, counted without
    laying out the steps (`limits.exercise_size`, held to `build_plan` by a test)."""
    return sum(exercise_size(ex)[1] for ex in exercises)

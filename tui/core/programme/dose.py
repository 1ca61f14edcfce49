"""An exercise's dose at a stage of its progression (ROUTINE_FORMAT.md, "Progression").

Stage 0 is the dose as written. Each stage adds `by` to what `add` names:
to every set's reps (so a 6-4-2 pyramid becomes 7-5-3, then 8-6-4: the
shape is kept, McGill's way of building endurance with more 10-second holds
rather than longer ones; McGill S., "Low Back Disorders", 3rd ed., 2016), to
the sets (a new set repeats the last one), or to the seconds of a hold or a
duration. Nothing goes above `max`: each set stops at its own cap. The top
stage is the first at which every cap is reached; with `then`, one stage
more is that library entry at its own starting dose, and that is the end.
Pure functions of an `Exercise` and an int.
"""

from __future__ import annotations

import math

from tui.core.routine.models import Exercise, Phase

#: Slack for seconds written as decimals (2.5 + 0.1 steps).
_EPSILON = 1e-9


def top_stage(ex: Exercise) -> int:
    """The highest stage `ex` can reach (0 without a progression)."""
    spec = ex.progress
    if spec is None:
        return 0
    if spec.add == "reps":
        gaps = [c - r for c, r in zip(spec.cap, ex.reps, strict=True)]
    elif spec.add == "sets":
        gaps = [spec.cap[0] - ex.sets]
    else:
        gaps = [spec.cap[0] - ex.rep_seconds]
    capped = max(0, max(math.ceil(g / spec.by - _EPSILON) for g in gaps))
    return capped + (1 if spec.then_exercise is not None else 0)


def clamp_stage(ex: Exercise, stage: int) -> int:
    """`stage` within 0 and `top_stage(ex)`: a file edited since may have lowered max."""
    return max(0, min(stage, top_stage(ex)))


def dose_at(ex: Exercise, stage: int) -> Exercise:
    """`ex` at `stage` (clamped to 0..top): stage 0 is `ex` itself.

    Past the caps, with `then`, the `then` exercise at its own starting dose
    (it keeps the written exercise's name in nothing: it is another exercise).
    """
    spec = ex.progress
    stage = clamp_stage(ex, stage)
    if spec is None or stage == 0:
        return ex
    if spec.then_exercise is not None and stage == top_stage(ex):
        return spec.then_exercise
    step = spec.by * stage
    if spec.add == "reps":
        reps = tuple(min(int(r + step), int(c)) for r, c in zip(ex.reps, spec.cap, strict=True))
        return ex._replace(reps=reps)
    if spec.add == "sets":
        sets = min(ex.sets + int(step), int(spec.cap[0]))
        return ex._replace(reps=ex.reps + (ex.reps[-1],) * (sets - ex.sets))
    seconds = min(ex.rep_seconds + step, spec.cap[0])
    return ex._replace(phases=(Phase(ex.phases[0].name, seconds),))


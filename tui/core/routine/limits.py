"""The ranges a person could mean: every number of a routine, written once.

Why these exist: before them, `reps = 4294967296` passed `check` and then
`show`, `run` and `list` hung while memory grew (2.7 GB in 8 s); `reps =
1000000` made `show --json` take 24 s; `hold = 1e308` passed and `show`
raised OverflowError. A value outside these ranges is a mistake, and the
problem names the limit. docs/ROUTINE_FORMAT.md ("Limits") and the JSON Schema
(`schema.py`) state the same numbers, read from here.

Measured (2 shared cores): `show` lays out about 1 ms per step, so the plan
of the largest valid routine (MAX_STEPS) prints in about 3 s and `show --json`
in 0.2 s; the bundled routines use at most 3 sets of 8 reps, holds of 30 s
and about 150 steps.
"""

from __future__ import annotations

from tui.core.routine.models import Exercise

#: Reps in one set (per side where sides is set).
MAX_REPS = 100
#: Sets of one exercise (also the length of a reps array).
MAX_SETS = 20
#: Phases of a tempo (and names in `phases`).
MAX_PHASES = 8
#: Seconds of any one duration: hold, duration, a tempo phase, prepare, rest, switch, rep_rest.
MAX_STEP_SECONDS = 3600
#: Seconds of one rep's work at least: a hold, a duration, a tempo's phases added up.
#: `hold = 0.001` passed as valid (a tester's find) and made a rep no one could
#: follow; one second is the shortest a count or a cue can mark.
MIN_WORK_SECONDS = 1
#: Seconds of a session's timed steps, all added up (self-paced sets count 0).
MAX_TOTAL_SECONDS = 4 * 3600
#: Steps in a session's plan (a get-ready, one phase of a rep, a rest: one each).
MAX_STEPS = 3000
#: Bytes of a routine file.
MAX_ROUTINE_BYTES = 1_000_000
#: Bytes of an exercise library or a file to import exercises from (the whole
#: Free Exercise DB, 873 exercises, is 1.0 MB of JSON).
MAX_LIBRARY_BYTES = 4_000_000


def size_text(limit: int) -> str:
    """`1 MB`, `4 MB`: a byte limit as people read it."""
    return f"{limit / 1_000_000:g} MB"


def exercise_size(ex: Exercise) -> tuple[int, float]:
    """The steps and timed seconds `plan.build_plan` makes of one exercise.

    Counted without making them, so an oversized routine is refused at once
    (a test holds this to `build_plan` for generated exercises).
    """
    steps = 0
    seconds = 0.0
    if ex.prepare > 0:
        steps += 1
        seconds += ex.prepare
    timed = [phase.seconds for phase in ex.phases if phase.seconds > 0]
    switch = 1 if ex.switch > 0 else 0
    for reps in ex.reps:
        if ex.timing == "self_paced":
            if ex.sides == "both":
                steps += 2 + switch
                seconds += switch * ex.switch
            else:
                steps += 1
            continue
        passes: tuple[int, ...]
        if ex.sides == "both":
            passes = (reps, reps)
            steps += switch
            seconds += switch * ex.switch
        elif ex.sides == "alternate":
            passes = (2 * reps,)
        else:
            passes = (reps,)
        for count in passes:
            if ex.rep_rest > 0:
                steps += count - 1
                seconds += (count - 1) * ex.rep_rest
            steps += count * len(timed)
            seconds += count * sum(timed)
    if ex.rest > 0:
        steps += ex.sets - 1
        seconds += (ex.sets - 1) * ex.rest
    return steps, seconds

"""`spinewise today`: what is due today in the plan followed.

Prints the routine due (its name, id and time) and where it stands in the plan,
and exits 0 when a session is due; exits 1 when none is (done already today,
a rest day, the plan finished, or no plan), saying when the next one is; 2 on
wrong usage. After pain of 6 or more on two days of the last 7 it leads with
the advice to see a professional and ease off (`zones.SEE_PROFESSIONAL`), still
names the session (the person's choice, at the dose held) and exits 1: a
reminder that runs `spinewise today && ...` then does not urge a session the
advice says to ease off from. When the routine due no longer reads (deleted,
or an edit broke it) it says what is wrong and what to do (`check` it, or
`plan stop`) and exits 1: no session can start. A paused session of it is
offered to `spinewise resume`. The rule is `programme.schedule.due_today`, given today's date
from `plan.local_today` (tests fake the day there). Never imports Textual:
it starts in about the time of `spinewise check` on one file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from tui.core.present.programme import today_lines
from tui.core.programme.following import following
from tui.core.programme.schedule import Due
from tui.core.routine.problems import RoutineError
from tui.core.store.schema import StoreError

from . import Subparsers
from .plan import local_today, read_plans

if TYPE_CHECKING:
    from tui.core.programme.stages import Stage
    from tui.core.store.stage_rows import LogEntry

EXIT_DUE, EXIT_NONE_DUE = 0, 1


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    sub.add_parser(
        "today",
        help="what is due today in your plan",
        description="What is due today in the plan you follow (spinewise plan start). "
        "Exit 0 when a session is due, 1 when none is: done already today, a rest day, "
        "the plan finished, no plan, or pain of 6 or more twice this week (then it leads "
        "with the advice to ease off and see a professional).",
    )


#: Over the dose lines, which are of the exercises that progress only (`show` has all).
DOSE_HEADING = "  Exercises that progress, at today's dose:"

Names = dict[str, tuple[str, float | None]]
#: A routine id -> its stages by exercise key, and its stage log (oldest first).
ProgressOf = Callable[[str], "tuple[Mapping[str, Stage], Sequence[LogEntry]]"]


def due_routine(progress_of: ProgressOf, routine_id: str) -> tuple[Names, list[str]]:
    """`catalog.plans.routine_names` for `routine_id` (its name and time; empty when
    it is unknown or does not read), the time at today's dose, and what changed in
    the dose of its exercises that progress, and why (`programme.stages.dose_today`),
    each on a line under `DOSE_HEADING`, for under the routine due (`today`, and
    `remind status` through it; none when nothing in it progresses).
    `progress_of`: a routine id's stages and stage log (`PlanReader.progress_of`).

    The routine is read once (`today` starts in about the time of `check`); its
    time is the session's to come: at the stages held, as `show`, the workout and
    the routine library's preview give it, not as written."""
    from tui.core.catalog.sources import find, read_routine
    from tui.core.present.preview import total_seconds

    ref = find(routine_id)
    if ref is None or ref.origin == "file":
        return {}, []
    try:
        routine = read_routine(ref)[0]
    except RoutineError:
        return {}, []
    if not any(ex.progress is not None for ex in routine.exercises):
        return {routine_id: (routine.name, total_seconds(routine.exercises))}, []
    from tui.core.programme.stages import dose_today, staged, starting

    stages, log = progress_of(routine_id)
    started = starting(routine, stages)
    seconds = total_seconds(staged(routine, started).exercises)
    lines = dose_today(started, log)
    dose = [DOSE_HEADING, *(f"    {line}" for line in lines)] if lines else []
    return {routine_id: (routine.name, seconds)}, dose


def unreadable(rid: str) -> list[str]:
    """What is wrong with the routine due, `rid`, that does not read or is gone, and
    what to do: check it, put it back, or stop the plan."""
    from tui.core.catalog.sources import find, read_routine

    ref = find(rid)
    if ref is None or ref.origin == "file":
        return [f"Today's session is {rid}, and there is no routine {rid!r} now (deleted or "
                "renamed?).",
                "Put it back in your routines folder, or stop the plan: spinewise plan stop"]
    try:
        read_routine(ref)
    except RoutineError as error:
        return [f"Today's session is {rid}, and it cannot be read: {error.problems[0]}",
                f"Fix it (spinewise check {ref.path}), or stop the plan: spinewise plan stop"]
    return [f"Today's session is {rid}, and it cannot be read now: see spinewise list"]


def run(args: argparse.Namespace) -> int:
    today = local_today()
    try:
        with read_plans() as store:
            found = following(store, today)
            due = found is not None and found.today.state is Due.DUE
            slot = found.today.place.next if found is not None else None
            names, dose = due_routine(store.progress_of, slot.routine_id) if slot else ({}, [])
            paused = due and slot is not None and store.paused_routine() == slot.routine_id
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return EXIT_NONE_DUE
    except RoutineError as error:
        from .common import report

        report(error)
        return EXIT_NONE_DUE
    if found is None:
        print("No plan is running. Start one with: spinewise plan start back-care-12-weeks "
              "(see spinewise plan list)")  # fmt: skip
        return EXIT_NONE_DUE
    slot = found.today.place.next
    if due and slot is not None and slot.routine_id not in names:
        for line in unreadable(slot.routine_id):
            print(line)
        return EXIT_NONE_DUE  # nothing can be started until it reads (docstring)
    lines = today_lines(found.programme, found.today, today, names, found.advice, paused=paused)
    for line in lines:
        print(line)
        if due and line.startswith("Today"):
            for extra in dose:  # under the routine due: its dose today, and why
                print(extra)
    held = bool(found.advice)  # ease off: a reminder is not to urge a session (docstring)
    return EXIT_DUE if found.today.state is Due.DUE and not held else EXIT_NONE_DUE

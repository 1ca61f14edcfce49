"""`spinewise progress ROUTINE [--reset [EXERCISE]]`: each progressing exercise's stage,
its dose today against the dose written, every change and why (the rule that
fired); `--reset` puts one exercise, or all, back to the dose written (the log
keeps the reset).

Reads the session database read-only (`Store.read_only`), as `history` does;
only `--reset` opens it for writing. Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime

from tui.core.routine.models import Routine
from tui.core.words import count

from . import Subparsers
from .common import did_you_mean, resolve


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    progress = sub.add_parser(
        "progress",
        help="each exercise's stage in a routine, its changes and why",
        description="How each exercise with [exercise.progress] stands: its stage, "
        "today's dose, and every change with the rule that made it.",
    )
    progress.add_argument("routine", metavar="ROUTINE")
    progress.add_argument(
        "--reset",
        nargs="?",
        const="",
        default=None,
        metavar="EXERCISE",
        help="back to the dose written: one exercise (its name), or all",
    )


def run(args: argparse.Namespace) -> int:
    found = resolve(args.routine)
    if found is None:
        return 1
    ref, routine = found
    from tui.core.programme.stages import starting

    started = starting(routine, {})
    if not started:
        print(f"{routine.name} ({ref.id}): no exercise has [exercise.progress]; "
              "its dose stays as written")  # fmt: skip
        return 0
    if args.reset is not None:
        return _reset(ref.id, routine, args.reset)
    return _report(ref.id, routine)


def _report(routine_id: str, routine: Routine) -> int:
    from tui.core.programme.stages import starting
    from tui.core.programme.zones import SEE_PROFESSIONAL, local_day, see_professional
    from tui.core.store.database import Store, StoreError

    now = time.time()
    try:
        with Store.read_only() as store:
            log, stages = store.stage_log(routine_id), store.stages(routine_id)
            week = store.checkins(since=now - 7 * 86400)
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    for warning in store.warnings:  # damage, or rows left out: said, never silent
        print(f"spinewise: {warning}", file=sys.stderr)
    print(f"{routine.name} ({routine_id})")
    for s in starting(routine, stages):
        held = stages.get(s.key)
        toward = held.settled if held is not None else 0
        print(f"  {s.key}: stage {s.stage} of {s.top}: {s.dose(s.stage)}")
        if s.stage:
            print(f"    as written: {s.dose(0)}")
        print(f"    settled sessions toward the next step: {toward} of {s.every}")
        mine = [entry for entry in log if entry.exercise == s.key]
        if not mine:
            print("    no changes yet")
        for entry in mine:
            when = datetime.fromtimestamp(entry.at).strftime("%Y-%m-%d %H:%M")
            print(f"    {when}  {entry.line()}")
    if see_professional(week, local_day(now)):
        print(f"Progression is held: {SEE_PROFESSIONAL}")
    return 0


def _reset(routine_id: str, routine: Routine, name: str) -> int:
    from tui.core.programme.stages import starting
    from tui.core.store.database import Store, StoreError

    try:
        with Store.open() as store:
            started = starting(routine, store.stages(routine_id))
            if name:
                chosen = [s for s in started if s.key.lower() == name.strip().lower()]
                if not chosen:
                    keys = [s.key for s in started]
                    close = did_you_mean(name, keys)
                    hint = f"did you mean {close}?" if close else "progressing: " + ", ".join(keys)
                    # Like an unknown routine (resolve): a name not found is exit 1.
                    print(f"spinewise: no exercise {name!r} progresses in "
                          f"{routine_id}; {hint}", file=sys.stderr)  # fmt: skip
                    return 1
                started = chosen
            done = store.reset_stages(routine_id, started, time.time())
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    for s, decision in done:
        if decision is None:  # nothing to put back: nothing logged
            print(f"{s.key}: already at the dose written, {s.dose(0)}")
        elif decision.before.stage == 0:
            settled = count(decision.before.settled, "settled session")
            print(f"{s.key}: stays at the dose written, {s.dose(0)}; {settled} toward the "
                  "next step forgotten (reset)")  # fmt: skip
        else:
            print(f"{s.key}: back to {s.dose(0)} (reset; was {s.dose(decision.before.stage)})")
    return 0

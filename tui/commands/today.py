"""`spinewise today`: what is due today in the plan followed.

Prints the routine due (its name, id and time) and where it stands in the plan,
and exits 0 when a session is due; exits 1 when none is (done already today,
a rest day, the plan finished, or no plan), saying when the next one is; 2 on
wrong usage. The rule is `programme.schedule.due_today`, given today's date
from `plan.local_today` (tests fake the day there). Never imports Textual:
it starts in about the time of `spinewise check` on one file.
"""

from __future__ import annotations

import argparse
import sys

from tui.core.catalog.plans import routine_names
from tui.core.present.programme import today_lines
from tui.core.programme.following import following
from tui.core.programme.schedule import Due
from tui.core.routine.problems import RoutineError
from tui.core.store.schema import StoreError

from . import Subparsers
from .plan import local_today, read_plans

EXIT_DUE, EXIT_NONE_DUE = 0, 1


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    sub.add_parser(
        "today",
        help="what is due today in your plan",
        description="What is due today in the plan you follow (spinewise plan start). "
        "Exit 0 when a session is due, 1 when none is: done already today, a rest day, "
        "the plan finished, or no plan.",
    )


def run(args: argparse.Namespace) -> int:
    today = local_today()
    try:
        with read_plans() as store:
            found = following(store, today)
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
    names = routine_names([slot.routine_id]) if slot is not None else {}
    for line in today_lines(found.programme, found.today, today, names):
        print(line)
    return EXIT_DUE if found.today.state is Due.DUE else EXIT_NONE_DUE

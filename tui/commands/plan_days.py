"""`spinewise plan days DAYS` (or `--own`): change the weekdays of the plan followed,
keeping the place in it.

Found by a tester: changing days needed `plan start PLAN --days ... --replace`,
which starts the plan over at session 1 without a word of the place lost. The
place is counted from sessions done since the plan started (`schedule.place_of`),
so changing only the days keeps it: the start day and text stay as they were.
"""

from __future__ import annotations

import argparse

from . import Subparsers
from .arguments import weekdays


def add_days(words: Subparsers) -> None:
    """Add `days` to the `plan` command's actions."""
    days = words.add_parser(
        "days", help="change the days of your sessions, keeping your place in the plan",
        description="Change the weekdays of the plan you follow; the sessions done still "
        "count and the next session stays the one due (unlike `plan start --replace`, "
        "which starts over at session 1). A reminder set for other days is said.",
    )  # fmt: skip
    which = days.add_mutually_exclusive_group(required=True)
    which.add_argument("days", metavar="DAYS", type=weekdays, nargs="?",
                       help="the weekdays of your sessions, such as mon,wed,fri")
    which.add_argument("--own", action="store_true",
                       help="back to each phase's own rhythm (2 a week on Mon and Thu, "
                       "3 on Mon, Wed and Fri...)")


def run(args: argparse.Namespace) -> int:
    from tui.core.present.programme import day_text, days_words, rhythm_text, routine_text
    from tui.core.programme.following import following
    from tui.core.routine.problems import RoutineError

    from .plan import _reminder_note, local_today, next_names, open_store, say_error

    days: tuple[int, ...] | None = None if args.own else args.days
    with open_store() as store:
        before = store.running_plan()
        if before is None:
            return say_error("no plan is running, so it has no days to change; start one "
                             "with `spinewise plan start PLAN --days DAYS`")  # fmt: skip
        changed = store.set_plan_days(days)
        try:
            found = following(store, local_today())
        except RoutineError as error:
            from .common import report

            report(error)
            return 1
        names = next_names(store, found)
    assert changed is not None and found is not None

    def said(chosen: tuple[int, ...] | None) -> str:
        return days_words(chosen) if chosen else "the plan's own rhythm"

    if before.days == changed.days:
        print(f"{changed.plan_name}: the days stay {said(changed.days)}; nothing changed.")
    else:
        print(f"{changed.plan_name}: days changed from {said(before.days)} to "
              f"{said(changed.days)}. Your place is kept.")
    for line in rhythm_text(found.programme, changed.days)[1 if changed.days else 0:]:
        print(line)  # the own rhythm's days, or a phase asking more than the days give
    done, slot = found.today.place.done, found.today.place.next
    print(f"Sessions: {done} done, {found.programme.sessions - done} to go.")
    if slot is not None and found.today.next_day is not None:
        print(f"Next: {routine_text(slot.routine_id, names)}, "
              f"{day_text(found.today.next_day, local_today())}")
    _reminder_note(found)
    return 0

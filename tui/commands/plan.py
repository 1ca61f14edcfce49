"""`spinewise plan start PLAN [--days mon,wed,fri] [--replace]`, `plan status`,
`plan stop`, `plan list`, `plan days` (tui/commands/plan_days.py), `plan export --ics`
(tui/commands/plan_export.py): a programme of routines over weeks.

Starting keeps the plan's text as it is now, the day and the days chosen
(without `--days`, each phase's own rhythm, said when it starts). A second
`start` while a plan runs asks nothing and changes nothing: it says which plan
runs and exits 1, unless `--replace` (the sessions done stay in history; the
new plan counts from now, at session 1, and says so: `plan days` changes only
the days and keeps the place). `status` and `stop` exit 1 when no plan runs. None
of these import Textual: they start about as fast as `check`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from tui.core.catalog.plans import (
    PlanRef,
    discover_plans,
    find_plan,
    known_routine_ids,
    read_plan,
)
from tui.core.present.programme import (
    day_text,
    rhythm_text,
    routine_text,
    today_lines,
    week_text,
)
from tui.core.programme.following import Following, following
from tui.core.programme.plan_file import load_programme
from tui.core.programme.schedule import days_text
from tui.core.routine.problems import RoutineError
from tui.core.store.enrolment import PlanReader, PlanRunning
from tui.core.store.schema import StoreError
from tui.core.words import count

from . import Subparsers
from .arguments import weekdays

if TYPE_CHECKING:
    from tui.core.store.database import Store

    from .today import Names

#: Wall time, epoch seconds (tests give fixed dates; `today` reads it from here too).
wall: Callable[[], float] = time.time


def local_today() -> date:
    """Today's local date, from `wall`."""
    return datetime.fromtimestamp(wall()).date()


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    plan = sub.add_parser(
        "plan",
        help="follow a plan: routines over weeks",
        description="A plan strings routines together over weeks; a phase moves on by "
        "sessions done, not by the calendar, so a missed week skips nothing.",
    )
    words = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    start = words.add_parser(
        "start", help="start following a plan",
        description="Start following a plan (an id from `spinewise plan list`, or a file). "
        "Its first session is due today.",
    )  # fmt: skip
    start.add_argument("plan", metavar="PLAN", help="a plan id, or the path of a plan file")
    start.add_argument(
        "--days", type=weekdays, metavar="DAYS",
        help="the weekdays of your sessions, such as mon,wed,fri (default: each phase's own "
        "rhythm: 2 a week on Mon and Thu, 3 on Mon, Wed and Fri...)",
    )  # fmt: skip
    start.add_argument(
        "--replace", action="store_true",
        help="stop the plan that runs now and start this one over at session 1 (sessions "
        "done stay in history; to change only the days and keep your place: "
        "spinewise plan days DAYS)",
    )  # fmt: skip
    words.add_parser("status", help="where you are in the plan, and the next session")
    words.add_parser("stop", help="stop following the plan (sessions done stay in history)")
    words.add_parser("list", help="the plans found")
    from .plan_days import add_days
    from .plan_export import add_export  # its own module: it alone needs icalendar

    add_days(words)
    add_export(words)


def run(args: argparse.Namespace) -> int:
    actions: dict[str, Callable[[argparse.Namespace], int]] = {
        "start": start, "status": status, "stop": stop, "list": list_plans,
        "export": _export, "days": _days,
    }  # fmt: skip
    try:
        return actions[args.plan_command](args)
    except StoreError as error:
        return say_error(str(error))


def _export(args: argparse.Namespace) -> int:
    from .plan_export import run as export

    return export(args)


def _days(args: argparse.Namespace) -> int:
    from .plan_days import run as days

    return days(args)


def next_names(store: Store, found: Following | None) -> Names:
    """The stages of the next session's exercises (`today.due_routine`), for
    `start` and `days`; empty when no plan runs or it is done."""
    from .today import due_routine

    slot = found.today.place.next if found is not None else None
    if slot is None:
        return {}
    return due_routine(lambda rid: (store.stages(rid), store.stage_log(rid)), slot.routine_id)[0]


def read_plans() -> PlanReader:
    """The session database, read-only, for what the plan followed is: `today` and
    `status` read it without the workout's store (start-up, see `PlanReader`)."""
    from tui.core import paths

    return PlanReader.open(paths.database_file())


def say_error(text: str) -> int:
    print(f"spinewise: {text}", file=sys.stderr)
    return 1


def open_store() -> Store:
    """The session database, its warnings said (a damaged file moved aside); for
    writing (`start`, `stop`)."""
    from tui.core.store.database import Store

    store = Store.open()
    for warning in store.warnings:
        print(f"spinewise: {warning}", file=sys.stderr)
    return store


def start(args: argparse.Namespace) -> int:
    ref = find_plan(args.plan)
    if ref is None or (ref.origin == "file" and not ref.path.is_file()):
        return _no_plan(args.plan, ref)
    try:
        programme, text = read_plan(ref)
    except RoutineError as error:
        from .common import report

        report(error)
        return 1
    now = wall()
    days: tuple[int, ...] | None = args.days
    path = None if ref.origin == "bundled" else str(ref.path)
    with open_store() as store:
        try:
            was = following(store, local_today()) if args.replace else None
        except RoutineError:
            was = None  # replaced all the same
        try:
            _, before = store.start_plan(
                ref.id, path, programme.name, text, datetime.fromtimestamp(now).date(), now, days,
                replace=args.replace,
            )
        except PlanRunning as running:
            kept = running.running
            return say_error(
                f"a plan is already running: {kept.plan_name} ({kept.plan_id}), started "
                f"{kept.started_on:%a %d %b %Y}. Nothing was changed. See it with "
                "`spinewise plan status`; stop it with `spinewise plan stop`, or start "
                f"this one in its place, over at session 1, with `spinewise plan start "
                f"{args.plan} --replace`" + (
                    f"; to change only its days and keep your place: spinewise plan days "
                    f"{days_text(days)}." if days else ".")
            )
        found = following(store, local_today())
        names = next_names(store, found)
    if before is not None:
        done = "" if was is None else (
            f" after {was.today.place.done} of {count(was.programme.sessions, 'session')}")
        print(f"Stopped {before.plan_name}{done}; its sessions stay in your history.")
    again = " over at session 1" if before is not None else ""
    print(f"Started {programme.name}{again}: {count(len(programme.phases), 'phase')}, "
          f"{count(programme.weeks, 'week')}, {count(programme.sessions, 'session')}.")  # fmt: skip
    if before is not None and before.plan_id == ref.id:
        print("Your place in it was not carried over; `spinewise plan days DAYS` changes "
              "only the days and keeps it.")
    for line in rhythm_text(programme, days):
        print(line)
    if found is not None:
        for line in today_lines(found.programme, found.today, local_today(), names,
                                found.advice):  # fmt: skip
            print(line)
        _reminder_note(found)
    return 0


def _reminder_note(found: Following) -> None:
    """The sentence `remind set` says when a reminder set before skips days this plan
    has sessions on (`remind_setup.skipped_days`); nothing without a reminder."""
    from tui.core.programme.reminder_state import load_state, reminder_of

    when = reminder_of(load_state())
    if when is not None and when.days:
        from .remind_setup import skipped_days

        skips = skipped_days(found, when)
        if skips:
            print(skips)


def _no_plan(name: str, ref: PlanRef | None) -> int:
    if ref is not None:
        print(f"{ref.path}:1:1: file: no such file", file=sys.stderr)
        return 1
    from .common import did_you_mean

    known = [plan.id for plan in discover_plans()]
    close = did_you_mean(name, known)
    if close:
        return say_error(f"no plan {name!r}; did you mean {close}?")
    return say_error(f"no plan {name!r}; known plans: {', '.join(known) or 'none found'}")


def status(args: argparse.Namespace) -> int:
    from .today import due_routine

    with read_plans() as store:
        try:
            found = following(store, local_today())
        except RoutineError as error:
            from .common import report

            report(error)
            return 1
        slot = found.today.place.next if found is not None else None
        names = due_routine(store.progress_of, slot.routine_id)[0] if slot else {}
    if found is None:
        return say_error("no plan is running; start one with `spinewise plan start PLAN` "
                         "(see `spinewise plan list`)")  # fmt: skip
    kept, programme, judged, advice = found[:4]
    print(f"{programme.name} ({kept.plan_id}), started {kept.started_on:%a %d %b %Y}")
    if advice:  # before the next session: ease off, see a professional (zones.py)
        print(advice)
    slot = judged.place.next
    if slot is not None:
        phase = programme.phases[slot.phase]
        print(f"Phase {slot.phase + 1} of {len(programme.phases)}: {phase.name}, "
              f"session {slot.in_phase + 1} of {phase.sessions} in this phase")  # fmt: skip
        print(f"  {week_text(programme, slot)}")
        if phase.summary:
            print(f"  {phase.summary}")
    done = judged.place.done
    print(f"Sessions: {done} done, {programme.sessions - done} to go "
          f"({programme.sessions} in all)")  # fmt: skip
    for line in rhythm_text(programme, kept.days):
        print(line)
    if slot is not None:
        when = day_text(judged.next_day, local_today()) if judged.next_day else "later"
        print(f"Next: {routine_text(slot.routine_id, names)}, {when}")
    else:
        print("Finished: every session is done.")
    return 0


def stop(args: argparse.Namespace) -> int:
    with open_store() as store:
        try:
            found = following(store, local_today())
        except RoutineError:
            found = None  # stopped all the same
        stopped = store.stop_plan(wall())
    if stopped is None:
        return say_error("no plan is running; nothing was stopped")
    done = "" if found is None else (
        f" after {found.today.place.done} of {count(found.programme.sessions, 'session')}"
    )
    print(f"Stopped {stopped.plan_name}{done}. Your sessions stay in your history.")
    return 0


def list_plans(args: argparse.Namespace) -> int:
    refs = discover_plans()
    if not refs:
        print("No plans found.")
        return 0
    known = known_routine_ids()
    rows, invalid = [], []
    for ref in refs:
        try:
            programme = load_programme(ref.path, known)
        except RoutineError:  # its problems are check's to say, at their lines
            rows.append((ref.id, "invalid: see below", "", "", ref.origin))
            invalid.append(ref)  # a long path on its own line keeps the table at 80 columns
            continue
        rows.append((ref.id, programme.name, str(programme.weeks),
                     str(programme.sessions), ref.origin))  # fmt: skip
    from .plain import plain_table  # Rich's cell widths: only for this table

    for line in plain_table(("id", "name", "weeks", "sessions", "from"), rows,
                            ("weeks", "sessions")):  # fmt: skip
        print(line)
    for ref in invalid:
        print(f"{ref.id} is invalid; to see why: spinewise check {ref.path}")
    return 0

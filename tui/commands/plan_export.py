"""`spinewise plan export --ics [-o FILE] [--at HH:MM] [--force]`: the plan's coming
sessions as calendar events, each with an alarm (`programme.plan_calendar`).

A subcommand of `plan` (tui/commands/plan.py adds it), kept in its own module:
it alone needs `icalendar`, imported when it runs. Exporting again gives the
same event ids, so a calendar updates its events rather than doubling them.
Written to standard output, or to FILE in one rename by the rule every `-o`
follows (`output_file.output_path`: an existing file is kept unless `--force`),
with one exception, said in `--help` and the README: a FILE that is exactly an
earlier export of the same plan (`plan_calendar.calendar_kind`: our PRODID,
only events whose UIDs are this plan's, as started) is replaced without
`--force`. Exporting again in place is how a calendar subscribed to the file
(or a phone syncing the folder) sees sessions moved after a missed day, and
such a file holds nothing a person made: every event in it is remade, with the
same UID. It replaced any file whose first 400 bytes held our PRODID before,
so another plan's calendar, or ours with an event of the person's added, went
without a word.
Exit 0 written, 1 no plan runs or FILE cannot be written, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import Subparsers


def _clock(text: str) -> dt.time:
    from tui.core.programme.reminder_state import parse_clock

    try:
        hour, minute = parse_clock(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return dt.time(hour, minute)


def add_export(words: Subparsers) -> None:
    """Add `export` to the `plan` command's actions."""
    export = words.add_parser(
        "export", help="the plan's coming sessions as calendar events (--ics)",
        description="Write the coming sessions of the plan you follow as an iCalendar (.ics) "
        "file: one event per session, on the day it falls if each is done on its day, with "
        "an alarm at its start, so a phone's calendar reminds you. Export again after a "
        "missed day: the same events move rather than double. Exporting again to the same "
        "FILE replaces it without --force when it is an earlier export of this plan (a "
        "spinewise calendar holding only this plan's sessions), so a calendar subscribed to "
        "it follows; any other existing FILE is kept unless --force.",
    )  # fmt: skip
    export.add_argument("--ics", action="store_true", required=True,
                        help="as iCalendar (the only format so far)")
    export.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="write to FILE instead of standard output (- for standard "
                        "output); the folder must exist; an existing FILE is kept unless "
                        "--force, but an earlier export of this plan is replaced; a symbolic "
                        "link is written through to its target")
    export.add_argument("--at", type=_clock, metavar="HH:MM",
                        help="the time of day of each session (default: your reminder's time, "
                        "else 08:00)")
    export.add_argument("--force", action="store_true",
                        help="replace FILE even if it is not an earlier export of this plan")


def run(args: argparse.Namespace) -> int:
    return run_export(args.output, at=args.at, force=args.force)


def run_export(output: Path | None, *, at: dt.time | None = None, force: bool = False,
               now: dt.datetime | None = None) -> int:
    """Write the calendar to `output` (standard output when None or `-`), by the
    one `-o` rule (`output_file.output_path`), a calendar of ours counting as forced."""
    from tui.core.atomic import write_atomic
    from tui.core.catalog.plans import routine_names
    from tui.core.programme.following import following
    from tui.core.programme.plan_calendar import coming_sessions, plan_ics
    from tui.core.routine.problems import RoutineError
    from tui.core.words import count

    from . import plan
    from .common import report
    from .output_file import output_path
    from .plan import local_today, read_plans, say_error

    today = local_today()
    try:
        with read_plans() as store:
            found = following(store, today)
    except RoutineError as error:
        report(error)
        return 1
    if found is None:
        return say_error("no plan is running, so there is nothing to put in a calendar; "
                         "start one with `spinewise plan start PLAN`")
    kept = found.enrolment
    refused = None if force else _refusal(output, kept.plan_id, kept.started_on)
    if refused:
        return say_error(refused)
    replacing = output is not None and str(output) != "-" and output.is_file()
    # Past `_refusal`, an existing regular FILE is this plan's calendar or forced;
    # the one rule still refuses a device, a folder, a missing folder.
    target = output_path(output, force=True)
    if isinstance(target, int):
        return target
    coming = coming_sessions(found.programme, found.today, kept.days)
    names = routine_names(slot.routine_id for _, slot, _ in coming)
    when = (now or dt.datetime.fromtimestamp(plan.wall())).astimezone()
    data = plan_ics(found.programme, kept.plan_id, kept.started_on, coming, names,
                    at or _reminder_time(), when)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        write_atomic(target, data)
    except OSError as error:
        return say_error(f"cannot write {target}: {error.strerror or error}; nothing written")
    first = f", the first {coming[0].day:%a %d %b}" if coming else ""
    print(f"Wrote {count(len(coming), 'session')} of {found.programme.name} to {output}{first}"
          f"{' (replacing the export before)' if replacing else ''}.")
    print("Open it with your calendar; export again after a missed day to move them.",
          file=sys.stderr)
    return 0


def _reminder_time() -> dt.time:
    from tui.core.programme.reminder_state import load_state, reminder_of

    when = reminder_of(load_state())
    return dt.time(when.hour, when.minute) if when is not None else dt.time(8, 0)


def _refusal(output: Path | None, plan_id: str, started_on: dt.date) -> str | None:
    """Why an existing regular FILE is kept (a sentence), or None when there is
    none, it is an earlier export of this plan, or `output_path` has its own
    word (a device, a folder: said by the one rule)."""
    from tui.core.atomic import real_target
    from tui.core.programme.plan_calendar import MAX_OWN_BYTES, CalendarKind, calendar_kind

    if output is None or str(output) == "-":
        return None
    target = real_target(output)
    if not target.is_file():
        return None
    try:
        with target.open("rb") as file:
            data = file.read(MAX_OWN_BYTES + 1)
    except OSError as error:
        return f"cannot read {target}: {error.strerror or error}; nothing written"
    kind = calendar_kind(data, plan_id, started_on)
    if kind is CalendarKind.SAME:
        return None
    what = ("is a calendar of another plan, or of an earlier start of this one"
            if kind is CalendarKind.OTHER_PLAN else
            "exists already and is not an earlier export of this plan")
    return f"{target} {what}; nothing written (add --force to replace it)"

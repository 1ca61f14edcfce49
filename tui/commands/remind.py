"""`spinewise remind set HH:MM [--days ...]`, `remind status`, `remind off`, `remind fire`.

Reminders through the system's own scheduler, never a daemon of ours
(`tui.core.programme.reminder_setup`): a user systemd timer on Linux, a
LaunchAgent on macOS, elsewhere a crontab line printed for the person to add.
`remind fire` is what the scheduler runs: silent unless a session is due by
the rule `spinewise today` uses (`programme.following`, on the day from
`plan.local_today`), then one desktop notification (`programme.notify`).

`fire` runs unattended, so it imports only what it needs (no Textual, no
scheduler files) and exits 0 whenever it did its job, said nothing or not:
a non-zero status would mark the scheduler's job failed every rest day. It
exits 1 when it could not read the plan or could not notify.
"""

from __future__ import annotations

import argparse
import sys

from . import Subparsers
from .arguments import weekdays


def _clock(text: str) -> tuple[int, int]:
    from tui.core.programme.reminder_state import parse_clock

    try:
        return parse_clock(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    remind = sub.add_parser(
        "remind",
        help="a desktop reminder when a session of your plan is due",
        description="Reminders through your system's own scheduler (a systemd user timer, a "
        "macOS LaunchAgent, or a crontab line to add yourself): at the time set, a desktop "
        "notification when a session of your plan is due (as spinewise today says), "
        "nothing otherwise.",
    )
    words = remind.add_subparsers(dest="remind_command", metavar="ACTION", required=True)
    set_ = words.add_parser(
        "set", help="remind at HH:MM (on the days given)",
        description="Remind at HH:MM (24-hour, local time) when a session is due. A reminder "
        "missed while the computer slept comes once when it wakes (systemd, launchd). "
        "Setting it again replaces the one before; a reminder file spinewise did not "
        "write as it is now (one you edited, or one `remind off` kept as yours) is never "
        "replaced without --force.",
    )  # fmt: skip
    set_.add_argument("time", metavar="HH:MM", type=_clock, help="such as 07:30")
    set_.add_argument("--days", type=weekdays, metavar="DAYS",
                      help="only on these weekdays, such as mon,wed,fri (default: every day; "
                      "a rest day of the plan stays silent anyway; days your plan has sessions "
                      "on that these skip are said, and the reminder is set as asked)")
    set_.add_argument("--force", action="store_true",
                      help="replace reminder files you edited or `remind off` kept")
    words.add_parser("status", help="the reminder set, and what the scheduler says of it")
    words.add_parser("off", help="remove the reminder (exactly the files it made)")
    words.add_parser(
        "fire", help="notify now if a session is due (what the scheduler runs)",
        description="Send one desktop notification if a session of your plan is due today; "
        "silent otherwise, and after the first notification of a day.",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    if args.remind_command == "fire":
        from .remind_fire import fire

        return fire()
    from .remind_setup import off, set_reminder, status

    if args.remind_command == "set":
        hour, minute = args.time
        return set_reminder(hour, minute, args.days or (), force=args.force)
    if args.remind_command == "status":
        return status()
    return off()


def say(text: str) -> None:
    print(f"spinewise: {text}", file=sys.stderr)

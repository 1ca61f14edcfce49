"""`spinewise remind set`, `remind status` and `remind off`: what they print.

The work is `tui.core.programme.reminder_setup`; this says it to the person.
`set` exits 0 once the scheduler has the reminder (or, with no scheduler it
can drive, once the crontab line is printed: nothing is changed then), 1 when
the scheduler refused; `status` and `off` exit 1 when no reminder is set, as
`plan status` and `plan stop` do when no plan runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.programme.reminder_files import crontab_line
from tui.core.programme.reminder_setup import (
    NotOurs,
    SetupError,
    edited_lines,
    fire_command,
    install,
    kept_environment,
    remove,
    scheduler_here,
    status_lines,
)
from tui.core.programme.reminder_state import ReminderTime, load_state, reminder_of
from tui.core.programme.schedule import days_text

if TYPE_CHECKING:
    from tui.core.programme.following import Following

from .remind import say

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_SCHEDULERS = {"systemd": "a systemd user timer", "launchd": "a macOS LaunchAgent"}


def when_text(when: ReminderTime) -> str:
    """`07:30 on Mon, Wed and Fri`, or `07:30 every day`."""
    if not when.days:
        return f"{when.clock} every day"
    names = [_DAY_NAMES[d] for d in sorted(when.days)]
    days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{when.clock} on {days}"


def set_reminder(hour: int, minute: int, days: Sequence[int],
                 platform: str | None = None, *, force: bool = False) -> int:
    when = ReminderTime(hour, minute, tuple(sorted(set(days))))
    scheduler = scheduler_here(platform)
    if scheduler == "cron":
        _plan_note(when)  # first: the crontab line stays the last line
        print("No systemd user session or launchd here, so nothing was changed. To be reminded "
              "by cron, add this line with `crontab -e` (cron does not catch up on a time "
              "missed while the computer was off; the line names your session bus, which "
              "notify-send needs and cron does not give):")
        print(crontab_line(when, fire_command(), kept_environment()))
        return 0
    try:
        done = install(when, scheduler, force=force)
    except NotOurs as error:
        again = f"spinewise remind set {when.clock}" + (
            f" --days {days_text(when.days)}" if when.days else "")
        them = "them" if len(error.found) > 1 else "it"
        say(f"{error}, so nothing was changed; to replace {them}: {again} --force, or "
            f"move {them} away first")
        return 1
    except SetupError as error:
        say(f"{error}; no reminder was set")
        return 1
    except OSError as error:
        say(f"cannot write {error.filename}: {error.strerror}; no reminder was set")
        return 1
    print(f"Reminder set: {when_text(when)}, when a session of your plan is due "
          f"({_SCHEDULERS[scheduler]}).")
    for path in done.files:
        print(f"  {path}")
    print("See it with: spinewise remind status    Remove it with: spinewise remind off")
    _plan_note(when)
    return 0


def _plan_note(when: ReminderTime, *, no_plan: bool = True) -> None:
    """A word when no plan runs (the reminder would stay silent; said when
    `no_plan`), or when the reminder skips days the plan has sessions on
    (`skipped_days`)."""
    from tui.core.programme.following import following
    from tui.core.routine.problems import RoutineError
    from tui.core.store.schema import StoreError

    from .plan import local_today, read_plans

    try:
        with read_plans() as store:
            found = following(store, local_today())
    except (StoreError, RoutineError):
        return
    if found is None:
        if no_plan:
            print("No plan is running yet, so it stays silent until you start one: "
                  "spinewise plan start PLAN (see spinewise plan list)")
        return
    skips = skipped_days(found, when)
    if skips:
        print(skips)


def skipped_days(found: Following, when: ReminderTime) -> str:
    """`present.programme.reminder_skips` for the plan followed: "" when the
    reminder is on every day the plan has sessions on."""
    from tui.core.present.programme import reminder_skips

    return reminder_skips(found.programme, found.enrolment.days, found.today, when.days,
                          when.clock)


def status() -> int:
    from .today import run as today

    state = load_state()
    when = reminder_of(state)
    if when is None:
        say("no reminder is set; set one with: spinewise remind set 07:30 [--days mon,wed,fri]")
        return 1
    scheduler = state.get("scheduler", "")
    print(f"Reminder: {when_text(when)}, when a session of your plan is due "
          f"({_SCHEDULERS.get(scheduler, scheduler)}).")
    for path in state.get("files", ()):
        print(f"  {path}")
    for line in status_lines(state):
        print(line)
    for line in edited_lines(state):
        print(line)
    if state.get("notifier_missing"):
        print(f"The notifier {state['notifier_missing']} was not found when it last fired.")
    if state.get("notifier_failed"):
        print(f"The notifier failed when it last fired: {state['notifier_failed']}.")
    _plan_note(when, no_plan=False)  # `today` below says when no plan runs
    today(argparse.Namespace())
    return 0


def off() -> int:
    state = load_state()
    if reminder_of(state) is None:
        say("no reminder is set; nothing removed")
        return 1
    try:
        removed = remove()
    except SetupError as error:
        say(f"{error}; the reminder is still set")
        return 1
    print("Reminder removed." if removed.removed or removed.kept
          else "Reminder forgotten (its files were gone).")
    for path in removed.removed:
        print(f"  removed {path}")
    for path, why in removed.kept:
        print(f"  kept {path}: {why}; it is yours now (remove it yourself if unwanted)")
    return 0

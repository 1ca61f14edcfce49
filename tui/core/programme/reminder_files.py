"""The files that make the system's own scheduler run `spinewise remind fire`.

Pure: text from values, no file is read or written here (`reminder_setup.py`
writes them). Reminders use the scheduler the system has, never a daemon of
ours (issue 18):

- Linux with a user systemd: a `.timer` and a `.service`. `Persistent=true`
  makes a reminder missed while the machine slept fire once when it wakes
  (systemd.timer(5), "Persistent=").
- macOS: a LaunchAgent whose `StartCalendarInterval` launchd runs once on
  wake for the intervals it missed while asleep (launchd.plist(5)).
- Anywhere else: a crontab line for the person to add (cron runs nothing it
  missed).

Each file names the XDG folders `remind set` ran with, so the reminder reads
the same plan and sessions as the person's own commands, whatever the
scheduler's environment holds.
"""

from __future__ import annotations

import plistlib
import re
import shlex
from collections.abc import Mapping, Sequence

from tui.core.programme.reminder_state import ReminderTime

UNIT_NAME = "spinewise-remind"
LAUNCHD_LABEL = "org.spinewise.remind"
#: The first line of every file `remind set` makes: `remind off` removes only such files.
MARKER = "Made by spinewise remind set"
#: The environment variables written into the files (the folders of the plan and sessions).
KEPT_ENVIRONMENT = ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME")

_SYSTEMD_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def on_calendar(when: ReminderTime) -> str:
    """systemd's `OnCalendar=` value: `Mon,Wed,Fri *-*-* 07:30:00`, or every day."""
    days = ",".join(_SYSTEMD_DAYS[d] for d in sorted(when.days))
    return f"{days + ' ' if days else ''}*-*-* {when.clock}:00"


def _systemd_word(word: str) -> str:
    """One word of a unit file's command line or setting, quoted where systemd needs it
    (systemd.syntax(7)): `%` is a specifier and `$` a variable, so both are doubled."""
    word = word.replace("%", "%%").replace("$", "$$")
    if re.fullmatch(r"[A-Za-z0-9_@%+=:,./$-]+", word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_timer(when: ReminderTime) -> str:
    """The `.timer` unit: at `when`, and once on waking for a reminder missed asleep."""
    return (
        f"# {MARKER}: remove it with `spinewise remind off`.\n"
        "[Unit]\n"
        "Description=spinewise: remind me when a back-care session is due\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={on_calendar(when)}\n"
        "Persistent=true\n"
        f"Unit={UNIT_NAME}.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def systemd_service(command: Sequence[str], environment: Mapping[str, str]) -> str:
    """The `.service` unit the timer starts: `command` once, with `environment`."""
    lines = [
        f"# {MARKER}: remove it with `spinewise remind off`.",
        "[Unit]",
        "Description=spinewise: a notification when a back-care session is due",
        "",
        "[Service]",
        "Type=oneshot",
    ]
    lines += [f"Environment={_systemd_word(f'{k}={v}')}" for k, v in sorted(environment.items())]
    lines.append("ExecStart=" + " ".join(_systemd_word(word) for word in command))
    return "\n".join(lines) + "\n"


def launchd_plist(when: ReminderTime, command: Sequence[str],
                  environment: Mapping[str, str]) -> str:
    """The LaunchAgent: `command` at `when`. launchd counts weekdays from Sunday (0)."""
    moments: list[dict[str, int]] = [
        {"Hour": when.hour, "Minute": when.minute, "Weekday": (day + 1) % 7}
        for day in sorted(when.days)
    ] or [{"Hour": when.hour, "Minute": when.minute}]
    agent: dict[str, object] = {
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": list(command),
        "StartCalendarInterval": moments if len(moments) > 1 else moments[0],
        "RunAtLoad": False,
    }
    if environment:
        agent["EnvironmentVariables"] = dict(sorted(environment.items()))
    text = plistlib.dumps(agent, sort_keys=True).decode("utf-8")
    head, _, body = text.partition("<plist")
    return f"{head}<!-- {MARKER}: remove it with `spinewise remind off`. -->\n<plist{body}"


#: What cron lacks for `notify-send`: the user's session bus, at the address
#: pam_systemd sets at login and systemd's own user@.service gives the user
#: manager (`unix:path=/run/user/UID/bus`; dbus 1.10+ "user bus"). Left
#: unquoted so the shell cron runs expands `$(id -u)`. A systemd user service
#: needs none of this: it inherits the manager's environment, bus included.
CRON_SESSION_BUS = "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus"


def crontab_line(when: ReminderTime, command: Sequence[str],
                 environment: Mapping[str, str], session_bus: str | None = CRON_SESSION_BUS
                 ) -> str:
    """The line to add with `crontab -e` (cron counts weekdays from Sunday, 0;
    an unescaped `%` would end the command there, crontab(5)). `session_bus`
    (an assignment, written as is) comes first: cron's jobs have no session bus,
    and notify-send without one fails ("Cannot autolaunch D-Bus without X11
    $DISPLAY"); None leaves it out."""
    days = ",".join(str((d + 1) % 7) for d in sorted(when.days)) or "*"
    words = [session_bus] if session_bus else []
    words += [f"{k}={shlex.quote(v)}" for k, v in sorted(environment.items())]
    words += [shlex.quote(word) for word in command]
    return f"{when.minute} {when.hour} * * {days} " + " ".join(words).replace("%", "\\%")

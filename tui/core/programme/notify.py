"""One desktop notification, through the system's own notifier.

`notify-send` (libnotify) on Linux and the BSDs, `osascript`'s `display
notification` on macOS; both are found on the PATH (tests put recording fakes
first on it). A notifier that is missing is reported once, not every day: the
name is kept in `remind.json` (`reminder_setup.load_state`) until it is found
again. Nothing here imports more than the standard library's subprocess.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

APP_NAME = "spinewise"
#: Seconds a notifier may take before it is given up on.
NOTIFY_TIMEOUT = 20


class Sent(NamedTuple):
    """What became of a notification: `ok`, and a sentence to report (None: stay silent)."""

    ok: bool
    report: str | None
    #: The notifier found missing now (to remember), or None once one is found.
    missing: str | None


def notifier_command(title: str, body: str, platform: str | None = None) -> list[str]:
    """The command that shows `title` and `body`."""
    platform = sys.platform if platform is None else platform
    if platform == "darwin":
        script = f"display notification {_apple_string(body)} with title {_apple_string(title)}"
        return ["osascript", "-e", script]
    return ["notify-send", f"--app-name={APP_NAME}", title, body]


def _apple_string(text: str) -> str:
    """An AppleScript string literal: backslashes and double quotes escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def send(title: str, body: str, state: Mapping[str, Any], platform: str | None = None,
         which: Callable[[str], str | None] = shutil.which) -> Sent:
    """Show the notification; a missing notifier is reported only if `state` does not
    say it was already (its `notifier_missing`)."""
    command = notifier_command(title, body, platform)
    if which(command[0]) is None:
        told = state.get("notifier_missing") == command[0]
        hint = " (on Debian and Ubuntu: apt install libnotify-bin)" if command[0] == \
            "notify-send" else ""
        report = None if told else (
            f"spinewise remind: cannot show a notification: {command[0]} was not found on "
            f"the PATH{hint}. This is said once; a session is due: {body}"
        )
        return Sent(False, report, command[0])
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=NOTIFY_TIMEOUT,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Sent(False, f"spinewise remind: {command[0]} failed: {error}", None)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        return Sent(False, f"spinewise remind: {command[0]} failed: {said or done.returncode}",
                    None)
    return Sent(True, None, None)

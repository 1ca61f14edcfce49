"""One desktop notification, through the system's own notifier.

`notify-send` (libnotify) on Linux and the BSDs, `osascript`'s `display
notification` on macOS; both are found on the PATH (tests put recording fakes
first on it). A notifier that is missing is reported once, not every day: the
name is kept in `remind.json` (`reminder_setup.load_state`) until it is found
again. Only `send` imports subprocess, when there is something to say.
"""

from __future__ import annotations

import os
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


def on_path(name: str) -> str | None:
    """`shutil.which` for a bare name, without importing shutil (and bz2, lzma) here."""
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(folder or ".", name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def send(title: str, body: str, state: Mapping[str, Any], platform: str | None = None,
         which: Callable[[str], str | None] = on_path) -> Sent:
    """Show the notification; a missing notifier is reported only if `state` does not
    say it was already (its `notifier_missing`)."""
    command = notifier_command(title, body, platform)
    found = which(command[0])
    if found is None:
        told = state.get("notifier_missing") == command[0]
        hint = " (on Debian and Ubuntu: apt install libnotify-bin)" if command[0] == \
            "notify-send" else ""
        report = None if told else (
            f"spinewise remind: cannot show a notification: {command[0]} was not found on "
            f"the PATH{hint}. This is said once; a session is due: {body}"
        )
        return Sent(False, report, command[0])
    try:
        status = run_quietly([found, *command[1:]], NOTIFY_TIMEOUT)
    except OSError as error:
        return Sent(False, f"spinewise remind: {command[0]} failed: {error}", None)
    if status != 0:
        why = "took too long" if status is None else f"exited with status {status}"
        return Sent(False, f"spinewise remind: {command[0]} {why}", None)
    return Sent(True, None, None)


def run_quietly(command: list[str], timeout: float) -> int | None:
    """Run `command` (a path and its arguments) with no input, its output and errors
    going where ours go (the scheduler's log); its exit status, or None when it was
    ended after `timeout` seconds. OSError when it cannot be started.

    `os.posix_spawn` rather than subprocess: importing subprocess was 4 ms of
    `remind fire`'s start-up, a third of what it may spend beyond `check`'s (measured).
    """
    import time

    stdin = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0)]
    pid = os.posix_spawn(command[0], command, os.environ, file_actions=stdin)
    deadline = time.monotonic() + timeout
    poll = 0.0005  # doubled up to 50 ms: a quick notifier is not waited for long
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() >= deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            return None
        time.sleep(poll)
        poll = min(poll * 2, 0.05)

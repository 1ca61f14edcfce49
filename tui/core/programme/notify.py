"""One desktop notification, through the system's own notifier.

`notify-send` (libnotify) on Linux and the BSDs, `osascript`'s `display
notification` on macOS; both are found on the PATH (tests put recording fakes
first on it). A notifier that is missing, or that is there but fails (such as
notify-send with no session bus: "Cannot autolaunch D-Bus without X11
$DISPLAY"), is reported once, not every day: the name, or the failure with the
notifier's own last line, is kept in `remind.json` (`reminder_state`) until
it works again, and `remind status` shows it. Nothing here imports subprocess
(`run_noting` says why).
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
    #: How the notifier failed now (to remember and show in `remind status`), or None.
    failed: str | None = None


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
        status, said = run_noting([found, *command[1:]], NOTIFY_TIMEOUT)
    except OSError as error:
        return _failed(f"{command[0]} could not be started: {error.strerror or error}", state)
    if status != 0:
        why = "took too long" if status is None else f"exited with status {status}"
        return _failed(f"{command[0]} {why}" + (f": {said}" if said else ""), state)
    return Sent(True, None, None)


def _failed(failure: str, state: Mapping[str, Any]) -> Sent:
    """A notifier that is there but failed: reported unless `state` says this same
    failure was already (its `notifier_failed`)."""
    told = state.get("notifier_failed") == failure
    report = None if told else (
        f"spinewise remind: cannot show a notification: {failure}. This is said once, "
        "until it works again; `spinewise remind status` shows it"
    )
    return Sent(False, report, None, failure)


def run_noting(command: list[str], timeout: float) -> tuple[int | None, str]:
    """Run `command` (a path and its arguments) with no input; its exit status (None
    when it was ended after `timeout` seconds) and the last line it printed (output
    and errors together, at most 300 characters; "" when none). OSError when it
    cannot be started.

    `os.posix_spawn` rather than subprocess: importing subprocess was 4 ms of
    `remind fire`'s start-up, a third of what it may spend beyond `check`'s (measured).
    The pipe is drained while waiting, so a talkative notifier never blocks on it.
    """
    import time

    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_DUP2, write_end, 1), (os.POSIX_SPAWN_DUP2, write_end, 2),
               (os.POSIX_SPAWN_CLOSE, read_end), (os.POSIX_SPAWN_CLOSE, write_end)]
    try:
        pid = os.posix_spawn(command[0], command, os.environ, file_actions=actions)
    except OSError:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)
    tail = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(read_end, 65536)
            except BlockingIOError:
                return
            if not chunk:
                return
            tail.extend(chunk)
            del tail[:-4096]

    deadline = time.monotonic() + timeout
    poll = 0.0005  # doubled up to 50 ms: a quick notifier is not waited for long
    try:
        while True:
            drain()
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                drain()
                code: int | None = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() >= deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                code = None
                break
            time.sleep(poll)
            poll = min(poll * 2, 0.05)
    finally:
        os.close(read_end)
    lines = [line.strip() for line in tail.decode("utf-8", "replace").splitlines()]
    said = next((line for line in reversed(lines) if line), "")
    return code, said[:300]

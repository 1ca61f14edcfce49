"""Spoken guidance through the machine's speech command (espeak-ng, espeak,
spd-say, macOS say), in a child process, never blocking the caller.

The rule for overlapping announcements is simple, because speech that comes
late is worse than none:

- one announcement at a time, nothing is queued;
- a new one with priority higher than or EQUAL to the one speaking replaces it
  (the one speaking is stopped: "Two" replaces a stale "Three");
- a new one with LOWER priority than the one speaking is dropped, so a long
  announcement ("Bird dog. Left side. Six reps.") is never cut by a minor one
  (a count-in, a phase name).

Priorities are the `Priority` values of `tui.audio.cues`.

A failing speech command is reported once, like a sound player (`problem`,
`on_problem`). espeak-ng exits 0 even when it has no sound device, so its
error output is read as well as its exit code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from .probing import PROBE_TIMEOUT, Reporter, last_line, run_probe, stop_child

#: Speech commands tried, in order: (command, stop command or None).
VOICES: tuple[tuple[tuple[str, ...], tuple[str, ...] | None], ...] = (
    (("espeak-ng", "-s", "150"), None),
    (("espeak", "-s", "150"), None),
    (("spd-say", "-w"), ("spd-say", "-C")),
    (("say",), None),
)
#: What a voice that stops working says of the rest of the session: the voice stays
#: chosen (saved as the person's choice), so "voice is off" read as a second, contrary
#: state beside "voice on" (found by a tester).
SILENT_NOW = "nothing more will be spoken"
#: Error output that means nothing was heard, though the exit code was 0.
_ERROR = re.compile(r"error|cannot|could not|failed|unable", re.IGNORECASE)


class Speaker(Protocol):
    name: str

    @property
    def problem(self) -> str | None: ...

    def say(self, text: str, priority: int = 0) -> bool:
        """Start speaking; False when dropped (see the module's rule)."""
        ...

    def stop(self) -> None: ...


class Voice(Reporter):
    """Speaks with one command, e.g. `Voice(["espeak-ng", "-s", "150"])`."""

    def __init__(
        self,
        command: Sequence[str],
        stop_command: Sequence[str] | None = None,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(on_problem)
        self.command = list(command)
        self.stop_command = list(stop_command) if stop_command else None
        self.name = self.command[0].rsplit("/", 1)[-1]
        self._speak_lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._priority = 0
        self._stopped: set[int] = set()

    @property
    def speaking(self) -> bool:
        proc = self._proc
        return proc is not None and proc.poll() is None

    def say(self, text: str, priority: int = 0) -> bool:
        if self.problem is not None or not text:
            return False
        with self._speak_lock:
            if self.speaking and priority < self._priority:
                return False
            self._stop_current()
            try:
                proc = subprocess.Popen(
                    [*self.command, text],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE, start_new_session=True,
                )
            except OSError as exc:
                self._fail(f"Voice {self.name} cannot run ({exc.strerror or exc}): {SILENT_NOW}")
                return False
            self._proc, self._priority = proc, priority
        threading.Thread(target=self._watch, args=(proc,), daemon=True).start()
        return True

    def stop(self) -> None:
        with self._speak_lock:
            self._stop_current()

    close = stop

    def _stop_current(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        self._stopped.add(proc.pid)
        stop_child(proc)
        if self.stop_command:
            # spd-say's server keeps talking unless told; run and reap off-thread
            threading.Thread(target=run_probe, args=(self.stop_command, PROBE_TIMEOUT),
                             daemon=True).start()

    def _watch(self, proc: subprocess.Popen[bytes]) -> None:
        _, err = proc.communicate()
        if proc.pid in self._stopped:
            self._stopped.discard(proc.pid)
            return
        why = speech_failure(proc.returncode, err.decode(errors="replace"))
        if why:
            self._fail(f"Voice {self.name} cannot speak ({why}): {SILENT_NOW}")

    def probe(self, timeout: float = PROBE_TIMEOUT) -> str | None:
        """Speak something inaudible once; None when it works, else why not."""
        argv = [*self.command, " "]
        if self.name in ("espeak-ng", "espeak"):
            argv = [*self.command, "-a", "0", " "]  # amplitude 0, yet opens the device
        return run_probe(argv, timeout, speech_failure)


def speech_failure(returncode: int, stderr: str) -> str | None:
    """Why a finished speech command was not heard, or None if it was."""
    if returncode != 0:
        detail = last_line(stderr)
        return f"exit {returncode}" + (f": {detail}" if detail else "")
    errors = [line for line in stderr.splitlines() if _ERROR.search(line)]
    if errors:
        return last_line("\n".join(errors))
    return None


def choose_voice(
    *, path: str | None = None, timeout: float = PROBE_TIMEOUT
) -> tuple[Voice | None, str | None]:
    """The first speech command here that works, else None and why (a message
    to show). Probing may take ~2 s per command: call it from a worker thread.
    """
    tried: list[str] = []
    missing: list[str] = []
    for command, stop_command in VOICES:
        if command[0] == "say" and sys.platform != "darwin":
            continue
        found = shutil.which(command[0], path=path)
        if found is None:
            missing.append(command[0])
            continue
        stop = [shutil.which(stop_command[0], path=path) or stop_command[0],
                *stop_command[1:]] if stop_command else None
        voice = Voice([found, *command[1:]], stop)
        why = voice.probe(timeout)
        if why is None:
            return voice, None
        tried.append(f"{command[0]}: {why}")
    if missing:
        tried.append("not found: " + ", ".join(missing))
    message = f"No working speech engine ({'; '.join(tried)}), so nothing will be spoken"
    if "espeak-ng" in missing:
        message += ". Install espeak-ng to hear spoken guidance."
    return None, message

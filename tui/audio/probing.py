"""Finding out that a sound or speech command does not work, and saying so once.

`Reporter` holds the first problem found (`problem`) and calls `on_problem`
exactly once, whenever it is set (before or after the problem). `run_probe`
runs a command once with a time limit to see whether it works at all.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import wave
from collections.abc import Callable
from pathlib import Path

#: How long a probe may take before the command counts as not working.
PROBE_TIMEOUT = 2.0


class Reporter:
    """The report-once machinery shared by players and voices."""

    def __init__(self, on_problem: Callable[[str], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._problem: str | None = None
        self._reported = False
        self._on_problem = on_problem

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def on_problem(self) -> Callable[[str], None] | None:
        return self._on_problem

    @on_problem.setter
    def on_problem(self, callback: Callable[[str], None] | None) -> None:
        """Set the callback; a problem already found is delivered now."""
        self._on_problem = callback
        self._deliver()

    def _fail(self, message: str) -> None:
        with self._lock:
            if self._problem is not None:
                return
            self._problem = message
        self._deliver()

    def _deliver(self) -> None:
        with self._lock:
            if self._problem is None or self._on_problem is None or self._reported:
                return
            self._reported = True
            callback, message = self._on_problem, self._problem
        callback(message)


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:120] if lines else ""


def exit_status(returncode: int, stderr: str) -> str | None:
    """The plain judgement of a finished command: its exit code alone."""
    return None if returncode == 0 else f"exit {returncode}"


def run_probe(
    argv: list[str],
    timeout: float,
    judge: Callable[[int, str], str | None] = exit_status,
) -> str | None:
    """Run a command once to see whether it works: None if so, else a short
    reason. `judge(returncode, stderr)` decides for a command that finished."""
    try:
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, start_new_session=True,
        )
    except FileNotFoundError:
        return "not found"
    except OSError as exc:
        return exc.strerror or str(exc)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop_child(proc, kill=True)
        proc.communicate()
        return f"no answer in {timeout:g} s"
    return judge(proc.returncode, err.decode(errors="replace"))


def stop_child(proc: subprocess.Popen[bytes], *, kill: bool = False) -> None:
    """Stop a child started with `start_new_session=True`, and whatever it started."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL if kill else signal.SIGTERM)
    except (AttributeError, OSError):  # no process groups here, or already gone
        if kill:
            proc.kill()
        else:
            proc.terminate()


def write_silence(path: Path, seconds: float = 0.02) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\0\0" * int(22050 * seconds))

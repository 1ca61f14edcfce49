"""`spinewise serve` in a subprocess of a test, on a free loopback port, with its
own folders (the test's XDG variables); stopped by its PID, and its app processes
checked gone (ended by their PIDs if the server left any)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TOKEN = "test-token-0123456789"
ANNOUNCE = "spinewise is served at "


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str  # with the token: http://127.0.0.1:PORT/TOKEN/

    @property
    def base(self) -> str:
        return self.url.removesuffix(f"{TOKEN}/")

    output: Path

    def descendants(self) -> list[int]:
        """The PIDs of the app processes (and their shells) the server runs now."""
        return _descendants(self.process.pid)


def _descendants(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    direct = [
        int(child)
        for task in (tasks.glob("*/children") if tasks.exists() else [])
        for child in task.read_text().split()
    ]
    return direct + [grand for child in direct for grand in _descendants(child)]


@contextmanager
def served(output: Path, *options: str, timeout: float = 20) -> Iterator[Served]:
    """The server, its output written to the file `output`; not a first run (no notice)."""
    from tui.core.paths import config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "config.toml").write_text("notice_seen = true\n")
    env = dict(os.environ, SPINEWISE_TOKEN=TOKEN)
    with output.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--port", "0", "--sound", "off", *options],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    started: list[int] = []
    try:
        deadline = time.monotonic() + timeout
        while ANNOUNCE not in output.read_text() and process.poll() is None:
            assert time.monotonic() < deadline, f"serve did not start: {output.read_text()!r}"
            time.sleep(0.05)
        text = output.read_text()
        assert ANNOUNCE in text, f"serve stopped: {text!r}"
        url = text.split(ANNOUNCE, 1)[1].split()[0]
        yield Served(process, url, output)
    finally:
        started = _descendants(process.pid)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        finally:
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
            # An app told to quit closes its pipes, and so ends its tab, before its
            # last save and exit: give it time to finish on its own.
            deadline = time.monotonic() + 10
            while (left := [pid for pid in started if _alive(pid)]) and (
                time.monotonic() < deadline
            ):
                time.sleep(0.1)
            for pid in left:
                os.kill(pid, signal.SIGKILL)
    assert not left, f"app processes outlived the server: {left}"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"

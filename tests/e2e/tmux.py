"""A small tmux driver: run a command in a detached terminal, type, read the screen.

Each `Terminal` owns its own tmux server (`tmux -L <socket>`), so tests never
see each other's sessions. The command runs under a small shell, as it would
from a person's prompt; the shell then prints `[exit N]` and stays, so a test
can read what the program printed last and its exit code (tmux can drop the
last output of a pane whose process has just exited). `pid()` is the
program's own pid, for `kill -9`.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

POLL = 0.1
CONFIG = """\
set -g status off
set -g escape-time 0
set -g history-limit 2000
"""


class Timeout(AssertionError):
    pass


class Terminal:
    def __init__(self, socket: str, workdir: Path, env: Mapping[str, str]) -> None:
        self.socket = socket
        self.workdir = workdir
        self.env = dict(env)
        self.env.pop("TMUX", None)  # tests may themselves run inside tmux
        self.env["LC_ALL"] = "C.UTF-8"  # box characters come back as they were drawn
        self.config = workdir / "tmux.conf"
        self.config.write_text(CONFIG)
        self.pidfile = workdir / "pid"
        self.session = "main"
        self._seen: set[int] = set()  # every program pid handed out, to end them all

    # -- tmux itself ---------------------------------------------------------

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", str(self.config), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self, command: Sequence[str], *, width: int = 100, height: int = 30) -> None:
        """Run `command` in a fresh session of `width` x `height` cells (closing the last)."""
        self.tmux("kill-session", "-t", self.session, check=False)
        self.pidfile.unlink(missing_ok=True)
        line = (
            f"echo $$ > {shlex.quote(str(self.pidfile))}; {shlex.join(command)}; "
            'echo "[exit $?]"; exec sleep 3600'
        )
        where = ["-s", self.session, "-c", str(self.workdir)]
        size = ["-x", str(width), "-y", str(height)]
        # Killing the last session ends the server; a session asked of a server
        # still on its way out is refused ("server exited unexpectedly", seen on
        # a loaded machine): ask again once it has gone.
        deadline = time.monotonic() + 5.0
        while True:
            try:
                self.tmux("new-session", "-d", *where, *size, "sh", "-c", line)
                return
            except RuntimeError as error:
                if "server exited unexpectedly" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(POLL)

    def send(self, *keys: str) -> None:
        """Keys as tmux names them: "space", "Enter", "q", "n"..."""
        self.tmux("send-keys", "-t", self.session, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def hang_up(self) -> None:
        """Close the terminal, as closing the window does: the program gets SIGHUP."""
        self.tmux("kill-session", "-t", self.session, check=False)

    def close(self) -> None:
        self.pid(wait=0)
        socket = self.tmux("display-message", "-p", "#{socket_path}", check=False).strip()
        self.tmux("kill-server", check=False)
        if socket:
            Path(socket).unlink(missing_ok=True)
        for pid in self._seen:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)

    # -- the program ----------------------------------------------------------

    def pid(self, wait: float = 5.0) -> int | None:
        """The program's pid (None if it is not running within `wait` seconds)."""
        deadline = time.monotonic() + wait
        while True:
            text = self.pidfile.read_text().strip() if self.pidfile.exists() else ""
            kids = children(int(text)) if text else []
            if kids:
                self._seen.add(kids[0])
                return kids[0]
            if time.monotonic() >= deadline:
                return None
            time.sleep(POLL)

    def exit_status(self) -> int | None:
        """The exit code once the program has ended, else None."""
        found = re.search(r"\[exit (\d+)\]", self.screen())
        return None if found is None else int(found[1])

    # -- waiting -------------------------------------------------------------------

    def wait_until(
        self,
        test: Callable[[str], object],
        timeout: float = 10.0,
        what: str = "the screen to change",
    ) -> str:
        """Poll the screen every 0.1 s until `test(screen)` is true; the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if test(screen):
                return screen
            if time.monotonic() >= deadline:
                raise Timeout(f"waited {timeout} s for {what}; the screen:\n{screen}")
            time.sleep(POLL)

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        return self.wait_until(lambda screen: text in screen, timeout, repr(text))

    def wait_exit(self, timeout: float = 10.0) -> int:
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            if time.monotonic() >= deadline:
                raise Timeout(f"the program did not end in {timeout} s:\n{self.screen()}")
            time.sleep(POLL)
        return status


def children(pid: int) -> list[int]:
    try:
        return [int(kid) for kid in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Whether process `pid` exists (a zombie not yet reaped still counts, as it
    does for spinewise's own check of who holds a session)."""
    return Path(f"/proc/{pid}").exists()


def wait_gone(pid: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() >= deadline:
            raise Timeout(f"process {pid} still runs after {timeout} s")
        time.sleep(POLL)

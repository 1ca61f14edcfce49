"""When the routine library cannot be drawn (standard input or standard error is not a
terminal: Textual reads keys from one and draws on the other), spinewise says so in one
sentence and exits 2, promptly, instead of spinning or drawing into a file; an interface
that crashes exits 1 (issue 13, kind 4). `run` and `resume` follow the workout as plain
lines instead (issue 17: tests/test_plain_cli.py). End to end, in subprocesses."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys

from tui.commands.workout import screen_problem

TIMEOUT = 20  # a prompt answer takes a second; a spin would take forever
SENTENCE = "spinewise: the routine library needs a terminal, but "


def spinewise(*args: str, **streams: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui", *args], timeout=TIMEOUT, **streams)


def test_without_a_terminal_it_says_so_and_exits_2():
    done = spinewise(stdin=subprocess.DEVNULL, capture_output=True)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode() == (
        f"{SENTENCE}standard input and standard error are not terminals: run it without "
        "< or 2> redirections, or follow a routine as plain lines: spinewise run ROUTINE "
        "--plain (list, show and history work anywhere)\n"
    )


def test_with_only_standard_error_redirected_the_terminal_is_told_too():
    main, child = pty.openpty()
    try:
        done = spinewise(stdin=child, stdout=child, stderr=subprocess.PIPE)
        shown = b""
        while select.select([main], [], [], 0.5)[0]:
            shown += os.read(main, 4096)
    finally:
        os.close(main)
        os.close(child)
    assert done.returncode == 2
    said = f"{SENTENCE}standard error is not one: run it without"
    assert said in done.stderr.decode()
    assert said in shown.decode()  # on the terminal, where the person looks
    assert b"\x1b" not in shown  # no screen began to be drawn


def test_the_check_looks_at_standard_input_and_standard_error():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    closed = io.StringIO()
    closed.close()
    assert screen_problem({"standard input": Terminal(), "standard error": Terminal()}) is None
    problem = screen_problem({"standard input": Terminal(), "standard error": closed})
    assert problem is not None and "standard error is not one" in problem
    problem = screen_problem({"standard input": None, "standard error": Terminal()})
    assert problem is not None and "standard input is not one" in problem


CRASH = """
import sys
import tui.commands.workout
from tui.app import SpinewiseApp
from tui.screens.workout import WorkoutScreen

tui.commands.workout.screen_problem = lambda: None
tui.commands.workout.plain_reason = lambda: None  # the screen, not plain lines
run = SpinewiseApp.run
SpinewiseApp.run = lambda self, **kw: run(self, headless=True, **kw)
SpinewiseApp._find_player = lambda self: None

def crash(self):
    raise RuntimeError("the interface broke")

WorkoutScreen.on_mount = crash
from tui.cli import main
sys.exit(main(["run", "gentle-start", "--sound", "off"]))
"""


def test_an_interface_that_crashes_exits_1(isolated_home):
    config = isolated_home / "config" / "spinewise"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("notice_seen = true\n")
    done = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 1, done.stderr.decode()
    assert b"the interface broke" in done.stdout + done.stderr

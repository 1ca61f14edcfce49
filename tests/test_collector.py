"""The garbage collector is held from the command line's start to the interface's
first frame (or the first plain line), and given back on every path
(`tui/collector.py`): a workout, plain lines, a command that never draws, a
mistake, a crash. The interface and the plain workout run in a process of their
own: `release` freezes what that process made, which a test run must not."""

from __future__ import annotations

import contextlib
import gc
import subprocess
import sys

import pytest

from tui import cli

#: Runs `spinewise run ROUTINE` headless to its first frame, then for a few frames
#: more: prints whether the collector ran while the screen was composed, and after.
FIRST_FRAME = """
import asyncio, gc, sys
from tui.app import SpinewiseApp
from tui.screens.workout import WorkoutScreen

seen = {}
compose = WorkoutScreen.compose

def composing(self):
    seen["composing"] = gc.isenabled()
    return compose(self)

WorkoutScreen.compose = composing

async def headless(self):
    async with self.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        seen["drawn"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count() > 0

SpinewiseApp.run = lambda self, **kw: asyncio.run(headless(self))
SpinewiseApp._find_player = lambda self: None
import tui.commands.workout
tui.commands.workout.screen_problem = lambda: None  # no terminal here: run_test draws none
tui.commands.workout.plain_reason = lambda: None  # ... and yet the screen, not plain lines
from tui.cli import main
code = main(sys.argv[1:])
print(seen, gc.isenabled())
sys.exit(code)
"""

PLAIN = """
import gc, sys
import tui.plain.run
from tui.cli import main

seen = {}
run_plain = tui.plain.run.run_plain

def following(*args, **kwargs):
    seen["following"] = gc.isenabled()
    return run_plain(*args, **kwargs)

tui.plain.run.run_plain = following
code = main(["run", "gentle-start", "--plain", "--speed", "500", "--sound", "off"])
print(seen, gc.isenabled(), file=sys.stderr)
sys.exit(code)
"""


@pytest.fixture
def notice_seen(isolated_home):
    config = isolated_home / "config" / "spinewise"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("notice_seen = true\n")  # no health notice first
    return isolated_home


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip


def test_a_workout_is_drawn_without_the_collector_which_runs_again_after(notice_seen):
    done = _run(FIRST_FRAME, "run", "gentle-start", "--sound", "off")
    assert done.returncode == 0, done.stderr
    seen = "{'composing': False, 'drawn': True, 'frozen': True} True"
    assert done.stdout.splitlines()[-1] == seen


def test_the_health_notice_is_a_first_frame_too(isolated_home):
    done = _run(FIRST_FRAME, "run", "gentle-start", "--sound", "off")  # notice not yet seen
    assert done.returncode == 0, done.stderr
    assert "'drawn': True, 'frozen': True} True" in done.stdout


def test_a_plain_workout_runs_with_the_collector(notice_seen):
    done = _run(PLAIN)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "{'following': True} True"


@pytest.mark.parametrize(
    "words",
    [
        ["list"],  # never held: not the interface
        ["run", "no-such-routine"],  # a mistake before any frame
        ["resume"],  # nothing to resume
        ["run", "gentle-start", "--speed", "0"],  # wrong usage: argparse exits
    ],
)
def test_a_command_that_never_draws_leaves_the_collector_on(words, notice_seen, capsys):
    assert gc.isenabled()
    with contextlib.suppress(SystemExit):  # argparse's usage error
        cli.main(words)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_an_interface_that_fails_gives_the_collector_back(notice_seen, monkeypatch):
    import tui.commands.workout

    def broken(args: object) -> int:
        assert not gc.isenabled()  # held on the interface's way
        raise RuntimeError("broke before its first frame")

    monkeypatch.setattr(tui.commands.workout, "run_workout", broken)
    with pytest.raises(RuntimeError):
        cli.main(["run", "gentle-start"])
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0

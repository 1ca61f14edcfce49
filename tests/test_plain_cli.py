"""`spinewise run ROUTINE --plain` and `resume --plain`, end to end in subprocesses:
the transcript against the plan, keys piped in, `kill -9` then resume, and the
fall-back to plain lines when there is no terminal (issue 17)."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tui.core.catalog import sources
from tui.core.plan import Plan, build_plan
from tui.core.present.plain import PAUSED, step_line
from tui.plain.follow import KEPT

TIMEOUT = 60


@pytest.fixture(autouse=True)
def not_a_first_run(isolated_home: Path) -> None:
    config = isolated_home / "config" / "spinewise"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("notice_seen = true\n")


def plan_of(routine_id: str) -> Plan:
    return build_plan(sources.load(sources.find(routine_id)))


def step_lines(plan: Plan) -> list[str]:
    return [step_line(plan, i) for i in range(len(plan.steps))]


def said_steps(lines: list[str], plan: Plan) -> list[str]:
    """The lines that name a step, in the order said."""
    known = set(step_lines(plan))
    return [line for line in lines if line in known]


def spinewise(*args: str, **streams) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], timeout=TIMEOUT, text=True,
                          capture_output=True, **streams)


class Running:
    """A spinewise whose lines are read as they come."""

    def __init__(self, *args: str, stdin=subprocess.PIPE) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tui", *args], stdin=stdin,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: list[str] = []
        self._buffer = b""

    def _read(self, timeout: float) -> bool:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            return False
        data = os.read(self.proc.stdout.fileno(), 65536)
        if not data:
            return False
        self._buffer += data
        *done, self._buffer = self._buffer.split(b"\n")
        self.lines += [line.decode() for line in done]
        return True

    def wait_for(self, line: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while line not in self.lines:
            left = deadline - time.monotonic()
            if left <= 0 or (not self._read(left) and self.proc.poll() is not None):
                raise AssertionError(f"never said {line!r}; said {self.lines[-5:]}")

    def quiet_for(self, seconds: float) -> list[str]:
        """What is said in the next `seconds`."""
        before = len(self.lines)
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self._read(left)
        return self.lines[before:]

    def type(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def finish(self) -> int:
        out, _ = self.proc.communicate(timeout=TIMEOUT)
        self._buffer += out
        self.lines += [line.decode() for line in self._buffer.split(b"\n") if line]
        return self.proc.returncode


def test_the_transcript_says_every_step_of_the_plan_once_in_order():
    done = spinewise("run", "gentle-start", "--plain", "--speed", "50", "--sound", "off",
                     stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    plan = plan_of("gentle-start")
    assert said_steps(lines, plan) == step_lines(plan)
    assert len(said_steps(lines, plan)) == len(plan.steps) == 58
    # the shape of a line, and the first and last ones
    assert "Knee to chest, left: Hold, 15 seconds" in lines
    assert "Pelvic tilt, rep 2 of 6: Tilt, 3 seconds" in lines
    assert lines[0] == "Gentle start: 6 exercises, 4:58."
    assert lines[-5] == "Preview ended."  # at --speed: a preview (issue 14)
    assert set(line for line in lines if len(line) == 1) == {"1", "2", "3"}
    assert "\x1b" not in done.stdout and "\a" not in done.stdout
    assert done.stderr == ""


def test_piped_keys_pause_carry_on_and_quit_then_resume_carries_on():
    plan = plan_of("gentle-start")
    run = Running("run", "gentle-start", "--plain", "--speed", "10", "--sound", "off")
    run.wait_for("Belly breathing, rep 2 of 5: Breathe in, 4 seconds")
    run.type("pause\n")
    run.wait_for(PAUSED)
    assert run.quiet_for(1.0) == []  # 1 s at speed 10 would be 10 s of the routine
    run.type("resume\n")
    run.wait_for("Belly breathing, rep 2 of 5: Breathe out, 6 seconds")
    run.type("quit\n")
    run.wait_for(KEPT)
    assert run.finish() == 0
    assert [line for line in run.lines if line.startswith("Carrying on")] == [
        next(line for line in run.lines if line.startswith("Carrying on"))
    ]
    at = step_lines(plan).index(said_steps(run.lines, plan)[-1])

    resumed = spinewise("resume", "--plain", "--speed", "50", "--sound", "off",
                        stdin=subprocess.DEVNULL)
    assert resumed.returncode == 0, resumed.stderr
    lines = resumed.stdout.splitlines()
    assert f"Resuming Gentle start at exercise 1 of 6: {step_lines(plan)[at]}" in lines
    assert said_steps(lines, plan) == step_lines(plan)[at + 1:]
    assert lines[-5] == "Preview ended."  # at --speed: a preview (issue 14)


KILL_TEST = """
name = "Kill test"
[[exercise]]
name = "Warm up"
prepare = 2
hold = 5
[[exercise]]
name = "Long hold"
prepare = 2
hold = 30
[[exercise]]
name = "Cool down"
prepare = 2
hold = 5
"""


def test_kill_9_then_resume_plain_carries_on_at_the_same_step(tmp_path: Path):
    routine = tmp_path / "kill-test.toml"
    routine.write_text(KILL_TEST)
    plan = build_plan(sources.load(sources.find(str(routine))))
    run = Running("run", str(routine), "--plain", "--speed", "10", "--sound", "off",
                  stdin=subprocess.DEVNULL)
    holding = "Long hold: Hold, 30 seconds"  # 3 s long at speed 10
    run.wait_for(holding)
    time.sleep(1.0)  # a checkpoint every half second of the clock
    run.proc.send_signal(signal.SIGKILL)
    run.proc.wait(timeout=TIMEOUT)
    assert said_steps(run.lines, plan)[-1] == holding

    resumed = spinewise("resume", "--plain", "--speed", "50", "--sound", "off",
                        stdin=subprocess.DEVNULL)
    assert resumed.returncode == 0, resumed.stderr
    lines = resumed.stdout.splitlines()
    assert f"Resuming Kill test at exercise 2 of 3: {holding}" in lines
    left = next(line for line in lines if line.startswith("Carrying on: Hold, "))
    assert 15 <= int(left.split(", ")[1].split()[0]) <= 25  # about 10 s of 30 were held
    at = step_lines(plan).index(holding)
    assert said_steps(lines, plan) == step_lines(plan)[at + 1:]
    assert lines[-5] == "Preview ended."  # at --speed: a preview (issue 14)


def test_without_a_terminal_run_follows_in_plain_lines_and_says_why():
    done = spinewise("run", "gentle-start", "--speed", "100", "--sound", "off",
                     stdin=subprocess.DEVNULL)
    assert done.returncode == 0
    assert done.stderr == (
        "spinewise: standard input, standard output and standard error are not terminals: "
        "following the workout as plain lines (--plain)\n"
    )
    assert done.stdout.splitlines()[-5] == "Preview ended."


def test_a_paused_session_is_not_dropped_by_run_plain():
    run = Running("run", "gentle-start", "--plain", "--speed", "10", "--sound", "off")
    run.wait_for("Belly breathing, rep 1 of 5: Breathe in, 4 seconds")
    run.type("q\n")
    assert run.finish() == 0
    again = spinewise("run", "big-three", "--plain", stdin=subprocess.DEVNULL)
    assert again.returncode == 1
    assert "Gentle start is paused" in again.stderr
    assert "spinewise resume --plain" in again.stderr
    assert "spinewise run big-three --plain --discard" in again.stderr
    assert again.stdout == ""


def test_nothing_to_resume_says_so():
    done = spinewise("resume", "--plain", stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert "nothing to resume" in done.stderr


def test_from_a_terminal_single_keys_act_at_once_and_the_terminal_is_restored():
    main, child = pty.openpty()
    try:
        before = termios.tcgetattr(child)
        run = Running("run", "gentle-start", "--plain", "--speed", "10", "--sound", "off",
                      stdin=child)
        run.wait_for("Belly breathing, rep 1 of 5: Breathe in, 4 seconds")
        os.write(main, b" ")  # no Enter: cbreak mode
        run.wait_for(PAUSED)
        os.write(main, b"q")
        run.wait_for(KEPT)
        assert run.finish() == 0
        assert termios.tcgetattr(child) == before  # echo and line editing are back
    finally:
        os.close(main)
        os.close(child)
    assert not any("Words on a line" in line for line in run.lines)


def stand_in_players(folder: Path) -> Path:
    """`aplay` in `folder`, logging what it is given (pw-play and paplay there refuse);
    returns the log."""
    folder.mkdir()
    given = folder / "given.log"
    for name, body in (("pw-play", "exit 1"), ("paplay", "exit 1"),
                       ("aplay", f'echo "aplay $*" >> {given}')):  # fmt: skip
        (folder / name).write_text(f"#!/bin/sh\n{body}\n")
        (folder / name).chmod(0o755)
    return given


def test_resume_keeps_the_sound_mode_the_session_was_started_with(tmp_path: Path, monkeypatch):
    given = stand_in_players(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    run = Running("run", "gentle-start", "--plain", "--speed", "10", "--sound", "off")
    run.wait_for("Belly breathing, rep 2 of 5: Breathe in, 4 seconds")
    run.type("quit\n")
    run.wait_for(KEPT)
    assert run.finish() == 0

    resumed = Running("resume", "--plain", "--speed", "10")  # no --sound: as started, off
    resumed.wait_for("Belly breathing, rep 3 of 5: Breathe in, 4 seconds")
    resumed.type("quit\n")
    resumed.wait_for(KEPT)
    assert resumed.finish() == 0
    assert not given.exists()  # not a sound, not even the player's probe

    again = Running("resume", "--plain", "--speed", "10", "--sound", "auto")  # said now: auto
    again.wait_for("Belly breathing, rep 4 of 5: Breathe in, 4 seconds")
    again.type("quit\n")
    again.wait_for(KEPT)
    assert again.finish() == 0
    assert given.exists() and "aplay" in given.read_text()

"""Issue 3: what the workout screen costs, against two minimal Textual apps.

Written here and run in the same venv, all three in tmux at 80x24:
- the minimal app: a Static and a Footer;
- the minimal countdown: a Digits showing tenths, redrawn ten times a second;
- `spinewise run` of a routine of slow tempo reps (`3-2-3`), bar filling.

Figures, as ratios measured in this run:
- time to first frame, from spawn to a non-blank pane (polling capture-pane):
  spinewise / minimal app (target <= 1.3x). The programs start in turn, one
  round after another, and each round gives a ratio: the median of those is
  the figure (a shared machine's speed drifts during a run; the programs of
  one round start within a second). The ratio of the medians is printed too;
- CPU (utime + stime from /proc/PID/stat), median of three 10 s windows:
  spinewise during tempo phases / minimal countdown (target <= 1.5x);
- peak memory (VmHWM from /proc/PID/status): spinewise / minimal app (target <= 1.3x);
- when valgrind is installed, instructions to the first frame (callgrind, one run
  of each, ended as the first frame is written): the same ratio as the time, free
  of the machine's noise (target <= 1.2x, issue 12). Counts vary by 1-2 M from run
  to run (hash seeds); measured with a `pip install .` venv, .pyc files warm:
  spinewise 1,077-1,078 M against 899 M, 1.20x (from 1,117 M, 1.24x: the garbage
  collector held until the first frame, `tui/collector.py`, -19 M; the records on
  the way typed with objects, not strings, and Plan and Settings named tuples,
  -15 M; the workout screen searching nothing to focus and not restyling itself
  while composing, -4 M; two redundant rules, the utf-8-sig codec, -1.5 M).

Run: python tests/bench/bench_ui.py [--trials 25] [--cpu-seconds 10] [--cpu-rounds 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import sys
import time
from pathlib import Path

from benchlib import SPINEWISE, median, percentile, private_home, spinewise_in_tmux, verdict

from tests.e2e.tmux import Terminal, Timeout, wait_gone

MINIMAL_APP = """\
from textual.app import App
from textual.widgets import Footer, Static


class Minimal(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("A minimal Textual app")
        yield Footer()


Minimal().run()
"""

MINIMAL_COUNTDOWN = """\
from time import monotonic

from textual.app import App
from textual.widgets import Digits


class Countdown(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Digits("60.0")

    def on_mount(self):
        self.start = monotonic()
        self.set_interval(0.1, self.tick)

    def tick(self):
        left = 60 - (monotonic() - self.start) % 60
        self.query_one(Digits).update(f"{left:.1f}")


Countdown().run()
"""

#: Runs a program, and ends it the moment its first frame is written (the first
#: write holding `marker`): callgrind then counts the work up to that frame.
FIRST_FRAME_ONLY = """\
import os
import runpy
import sys

from textual.drivers.linux_driver import LinuxDriver

marker, target, *args = sys.argv[1:]
write = LinuxDriver.write


def write_until_the_first_frame(self, data):
    if marker in data:
        os._exit(0)
    return write(self, data)


LinuxDriver.write = write_until_the_first_frame
sys.argv = [target, *args]
runpy.run_path(target, run_name="__main__")
"""

TEMPO_ROUTINE = """\
name = "Slow reps"

[defaults]
prepare = 0

[[exercise]]
name = "Slow bridge"
reps = 40
tempo = "3-2-3"
phases = ["Lower", "Hold", "Raise"]
tips = ["Breathe out as you lift.", "Keep the ribs down."]
"""

SIZE = {"width": 80, "height": 24}
CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def instructions_to_first_frame(
    terminal: Terminal, home: Path, marker: str, script: list[str]
) -> float | None:
    """Instructions (millions) from spawn to the first frame, counted by callgrind."""
    log = home / "callgrind.log"
    log.unlink(missing_ok=True)
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    wrapper = [sys.executable, str(home / "first_frame_only.py"), marker]
    terminal.start([*valgrind, f"--log-file={log}", *wrapper, *script], **SIZE)
    try:
        terminal.wait_exit(timeout=300)
    finally:
        terminal.tmux("kill-session", "-t", terminal.session, check=False)
    found = re.search(r"Collected : (\d+)", log.read_text()) if log.exists() else None
    return None if found is None else int(found[1]) / 1e6


class Program:
    """One of the three, started over and over in its own tmux."""

    def __init__(self, name: str, terminal: Terminal, command: list[str]) -> None:
        self.name = name
        self.terminal = terminal
        self.command = command

    def start(self) -> tuple[int, float]:
        """Start it; (pid, seconds from spawn to the first non-blank screen)."""
        began = time.perf_counter()
        self.terminal.start(self.command, **SIZE)
        while not self.terminal.screen().strip():
            time.sleep(0.002)
        first_frame = time.perf_counter() - began
        pid = self.terminal.pid()
        if pid is None:
            sys.exit(f"{self.name} ended at once:\n{self.terminal.screen()}")
        return pid, first_frame

    def stop(self, pid: int) -> None:
        self.terminal.send("q")  # all three quit on q
        try:
            wait_gone(pid, timeout=5)
        except Timeout:
            os.kill(pid, signal.SIGKILL)
            wait_gone(pid)
        self.terminal.tmux("kill-session", "-t", self.terminal.session)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=25, help="first-frame rounds")
    parser.add_argument("--cpu-seconds", type=float, default=10.0, help="length of one window")
    parser.add_argument("--cpu-rounds", type=int, default=3, help="CPU windows; the median counts")
    args = parser.parse_args()

    home = private_home()
    (home / "minimal_app.py").write_text(MINIMAL_APP)
    (home / "minimal_countdown.py").write_text(MINIMAL_COUNTDOWN)
    (home / "first_frame_only.py").write_text(FIRST_FRAME_ONLY)
    routine = home / "slow-reps.toml"
    routine.write_text(TEMPO_ROUTINE)
    commands = {
        "minimal app": [sys.executable, str(home / "minimal_app.py")],
        "minimal countdown": [sys.executable, str(home / "minimal_countdown.py")],
        "spinewise": [str(SPINEWISE), "run", str(routine), "--sound", "off", "--discard"],
    }
    programs: dict[str, Program] = {}
    for i, (name, command) in enumerate(commands.items()):
        terminal = spinewise_in_tmux(home, f"bench-ui-{i}")
        # Each tmux server kept up by an idle session, so no trial pays for its start.
        terminal.tmux("new-session", "-d", "-s", "idle", "sleep", "3600")
        programs[name] = Program(name, terminal, command)
    try:
        frames: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.trials):  # alternate, so a noisy neighbour hits all alike
            for name, program in programs.items():
                pid, first_frame = program.start()
                frames[name].append(first_frame)
                program.stop(pid)

        # All three at once over the same window: a busy neighbour weighs on each alike.
        pids = {name: program.start()[0] for name, program in programs.items()}
        time.sleep(2.0)  # settle: start-up is measured above, not here
        rounds: list[dict[str, float]] = []  # several windows: one is at the mercy of a neighbour
        for _ in range(args.cpu_rounds):
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            began = time.monotonic()
            time.sleep(args.cpu_seconds)
            spent = time.monotonic() - began
            rounds.append(
                {
                    name: 100 * (cpu_seconds(pid) - before[name]) / spent
                    for name, pid in pids.items()
                }
            )
        cpu = {name: median([r[name] for r in rounds]) for name in pids}
        cpu_ratios = sorted(r["spinewise"] / r["minimal countdown"] for r in rounds)
        memory = {name: peak_memory_mb(pid) for name, pid in pids.items()}
        screen = programs["spinewise"].terminal.screen()
        if "Slow bridge" not in screen:
            sys.exit(f"spinewise is not following the routine:\n{screen}")
        for name, program in programs.items():
            program.stop(pids[name])

        instructions: dict[str, float | None] = {}
        if shutil.which("valgrind"):
            scripts = {
                "minimal app": ("A minimal Textual app", [str(home / "minimal_app.py")]),
                "spinewise": ("Slow bridge", commands["spinewise"]),
            }
            for name, (marker, script) in scripts.items():
                terminal = programs[name].terminal
                instructions[name] = instructions_to_first_frame(terminal, home, marker, script)
    finally:
        for program in programs.values():
            program.terminal.close()

    print(f"time to first frame (median of {args.trials} rounds, spawn to a non-blank pane):")
    for name, values in frames.items():
        print(f"  {name:<18} {median(values) * 1000:6.0f} ms")
    pairs = zip(frames["spinewise"], frames["minimal app"], strict=True)
    rounds_ratio = [mine / minimal for mine, minimal in pairs]
    print(
        f"  spinewise / minimal app, median of the rounds: {verdict(median(rounds_ratio), 1.3)}"
        f" (middle half {percentile(rounds_ratio, 25):.2f}x to {percentile(rounds_ratio, 75):.2f}x;"
        f" ratio of the medians {median(frames['spinewise']) / median(frames['minimal app']):.2f}x)"
    )
    print(
        f"CPU, median of {args.cpu_rounds} windows of {args.cpu_seconds:.0f} s "
        "(percent of one core):"
    )
    for name, value in cpu.items():
        print(f"  {name:<18} {value:6.1f} %")
    print(
        f"  spinewise (tempo phase, bar filling) / minimal countdown: "
        f"{verdict(median(cpu_ratios), 1.5)} "
        f"(windows: {', '.join(f'{r:.2f}x' for r in cpu_ratios)})"
    )
    print("peak memory (VmHWM):")
    for name, value in memory.items():
        print(f"  {name:<18} {value:6.1f} MB")
    print(f"  spinewise / minimal app: {verdict(memory['spinewise'] / memory['minimal app'], 1.3)}")
    if not instructions:
        print("instructions to the first frame: not counted (no valgrind)")
    elif None in instructions.values():
        print(f"instructions to the first frame: callgrind gave no count {instructions}")
    else:
        print("instructions to the first frame (callgrind, one run each; no noise):")
        for name, value in instructions.items():
            print(f"  {name:<18} {value:6.0f} M")
        ratio = instructions["spinewise"] / instructions["minimal app"]
        print(f"  spinewise / minimal app: {verdict(ratio, 1.2)}")


if __name__ == "__main__":
    main()

"""Issue 18: `spinewise remind fire` starts in at most 1.2x the time of
`spinewise check` on one routine file, in the same run, and never imports Textual.

The worst case is measured: a plan started today (so a session is due) with a
few weeks of sessions behind it, and a recording `notify-send` first on PATH,
so every run reads the plan, walks the sessions, names the routine and
notifies (the state file is removed before each run, else it would stay
silent after the day's first notification; the notifier's own time, a shell
script's, counts too). The silent case (notified today already) is measured
beside it. `check` and both run whole, alternating, `--runs` times each after
a warm-up; the ratios of the medians of wall and CPU time are printed (CPU is
steadier on a shared machine), and of the fastest runs. Bytecode is kept, as an
installed spinewise keeps it (see bench_today.py).

Measured (2 shared cores, 21 runs): see the commit that last changed this file.
Run: python tests/bench/bench_remind.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from benchlib import ROOT, SPINEWISE, interleaved, median, private_home, timed, verdict

from tests.programme.helpers import ended
from tui.core.programme.reminder_state import state_path
from tui.core.store.database import Store

TARGET = 1.2


def fake_notifier(home: Path) -> Path:
    """A `notify-send` that records its call, first on PATH for the children."""
    folder = home / "bin"
    folder.mkdir()
    fake = folder / "notify-send"
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{folder}/calls.log"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    os.environ["PATH"] = f"{folder}{os.pathsep}{os.environ['PATH']}"
    return folder / "calls.log"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    home = private_home()
    calls = fake_notifier(home)
    subprocess.run([str(SPINEWISE), "plan", "start", "back-care-12-weeks"],
                   stdout=subprocess.DEVNULL, check=True)  # fmt: skip
    began = datetime.now() - timedelta(days=20)
    with Store.open() as store:
        for n, routine in enumerate(["gentle-start", "daily-back-stretch"] * 3):
            ended(store, routine, began + timedelta(days=3 * n, hours=1))  # before the plan
    textual = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "remind", "fire"],
        capture_output=True, text=True, check=True).stderr  # fmt: skip
    assert " textual" not in textual, "remind fire imported Textual"
    check = [str(SPINEWISE), "check", str(ROOT / "routines" / "gentle-start.toml")]
    fire = [str(SPINEWISE), "remind", "fire"]
    commands = {"check": check, "fire (notifying)": fire, "fire (silent)": fire}
    for command in commands.values():
        state_path().unlink(missing_ok=True)
        timed(command)

    def before(name: str) -> None:
        if name == "fire (notifying)":  # else silent: notified today already
            state_path().unlink(missing_ok=True)

    walls, cpus = interleaved(commands, args.runs, before)
    notified = len(calls.read_text().splitlines()) if calls.exists() else 0
    assert notified == args.runs + 3, f"notify-send ran {notified} times"  # + warm-ups, import
    base, base_cpu = median(walls["check"]), median(cpus["check"])
    print(f"check one file: {base * 1000:.0f} ms wall, {base_cpu * 1000:.0f} ms CPU "
          f"(medians of {args.runs})")  # fmt: skip
    for name in ("fire (notifying)", "fire (silent)"):
        took, cpu = median(walls[name]), median(cpus[name])
        fastest = min(walls[name]) / min(walls["check"])
        print(f"remind {name}: {took * 1000:.0f} ms wall -> {verdict(took / base, TARGET)}; "
              f"CPU {verdict(cpu / base_cpu, TARGET)}; fastest runs {fastest:.2f}x")
    print("no Textual imported")

if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    main()

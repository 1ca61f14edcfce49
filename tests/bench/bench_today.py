"""Issue 16: `spinewise today` and `spinewise plan status` start in at most 1.2x the
time of `spinewise check` on one routine file, in the same run.

A plan is started in a private home with a few weeks of completed sessions (so
`today` walks them), then the three commands run whole (process start to exit,
output to /dev/null), alternating, `--runs` times each after a warm-up; the
ratios of the medians are printed, of wall time and of CPU time (user + system
of the child: steadier on a shared machine), and of the fastest runs. The
children write and read bytecode as an installed spinewise does
(PYTHONDONTWRITEBYTECODE is dropped for them): compiling every module from
source each time weighs the larger command more, and no installed one does.

Measured (2 shared cores under others' suites, 10-15 runs, wall noisy: check's
median wall was 3x its CPU): with 5 sessions done (the routine due has dose
lines) `today` 1.06x to 1.18x of `check` (CPU 1.12x to 1.18x), `plan status`
1.08x to 1.26x (CPU 1.14x to 1.19x); with 6 done, 1.15x (CPU 1.10x) and 1.07x
(CPU 1.09x). Before programme.zones stopped importing `dataclasses` (and json
was imported where used) it was, CPU, 1.38x and 1.44x with 5 done, 1.27x and
1.30x with 6. Instructions (callgrind, steadier): `check` 245 M; `today` 277 M
(1.13x) and `plan status` 283 M (1.15x) with 5 done, 263 M and 269 M with 6;
before, 331 M and 336 M, 304 M and 310 M. Earlier still, reading the plan
without the workout's store (`enrolment.PlanReader`) and counting without
`dataclasses` (credit's `Tally`) took `today` from 1.35x to about 1.1x.
Run: python tests/bench/bench_today.py [--runs 15] [--sessions 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
from datetime import datetime, timedelta

from benchlib import ROOT, SPINEWISE, interleaved, median, private_home, timed, verdict

from tests.programme.helpers import ended
from tui.core.store.database import Store

TARGET = 1.2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=5,
                        help="sessions done before: 5 leaves daily-back-stretch due, whose "
                        "exercises progress (today prints their dose lines); 6, pilates-core "
                        "(none do)")  # fmt: skip
    args = parser.parse_args()
    private_home()
    began = datetime.now() - timedelta(days=20)
    subprocess.run([str(SPINEWISE), "plan", "start", "back-care-12-weeks"],
                   stdout=subprocess.DEVNULL, check=True)  # fmt: skip
    with Store.open() as store:
        store._conn.execute("UPDATE plan_enrolments SET started_at = ?, started_on = ?",
                            (began.timestamp(), began.date().isoformat()))  # fmt: skip
        done = (["gentle-start", "daily-back-stretch"] * 3)[: args.sessions]
        for n, routine in enumerate(done):
            ended(store, routine, began + timedelta(days=3 * n, hours=1))
    commands = {
        "check": [str(SPINEWISE), "check", str(ROOT / "routines" / "gentle-start.toml")],
        "today": [str(SPINEWISE), "today"],
        "plan status": [str(SPINEWISE), "plan", "status"],
    }
    for command in commands.values():
        timed(command)
    walls, cpus = interleaved(commands, args.runs)
    check, check_cpu = median(walls["check"]), median(cpus["check"])
    print(f"check one file: {check * 1000:.0f} ms wall, {check_cpu * 1000:.0f} ms CPU "
          f"(medians of {args.runs})")  # fmt: skip
    for name in ("today", "plan status"):
        took, cpu = median(walls[name]), median(cpus[name])
        fastest = min(walls[name]) / min(walls["check"])
        print(f"{name}: {took * 1000:.0f} ms wall -> {verdict(took / check, TARGET)}; "
              f"CPU {cpu / check_cpu:.2f}x; fastest runs {fastest:.2f}x")  # fmt: skip


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    main()

"""Issue 15: what the check-ins add, as ratios in one run, 1,825 sessions (five
years, daily, 58 step rows and three check-ins each) against 10 (target <= 2x):

- `spinewise history`, `history --json`, `history export --format csv` and
  `--format jsonl` (whole process, wall, output to /dev/null);
- the History screen (in this process: ctrl+y until its table has rows), then
  its Calendar, Pain and Exercises tabs (from the key until the tab is filled;
  "today" is the day of the newest session, so the Pain tab draws 12 weeks of
  answers at 1,825 sessions and 10 days of them at 10).

Medians of `--runs` runs, the two sizes alternating (`bench_cost.paired`).
Run: python tests/bench/bench_checkins.py [--runs 5]

Measured on 2 shared cores (29-30 Nov 2026, 5 runs, two runs of the script, a
loaded machine, load average 3-6: medians move by 20% and more): `history`
1.24-1.36x, CSV 1.53-1.87x, the History screen 1.07-1.65x, Calendar 1.03-1.07x,
Pain 1.10-1.11x, Exercises 0.74-0.84x. `history --json` 4.16x (fastest runs
3.32x) and `--format jsonl` 4.69x (4.78x) (they were 5.2x and 6.4-7.9x, and 14.0x
and 13.3x before that): these two write every step, 36 MB and 27 MB against
198 KB and 150 KB (182 times the output). CPU seconds, best of 5, both paths in
the same minutes: `--json` 0.56 vs 0.12 (the Python step-row writer before it:
0.83 vs 0.11), jsonl 0.53 vs 0.12 (0.72 vs 0.11); peak memory 28.6 MB at 1,825
sessions and at 5,000, 21.3 MB at 10 (the step-row writer: 32.6 and 35.6 MB).
2x is out of reach for them: SQLite writes the steps' text now
(`store.json_rows`), and its query alone takes 0.33 s, some 0.1-0.2 us for each
of a step's dozen values it converts (the dates 0.1 s of it), against 0.12 s for
the whole 10-session run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from pathlib import Path

from bench_cost import history_rows_shown, paired, report, wall
from benchlib import SPINEWISE, private_home

from tests.core.store_writes import fill_history
from tui.core.programme.zones import CheckIn, Effort, Kind
from tui.core.store.database import Store

START = 1_700_000_000.0


def state_with(sessions: int, home: Path) -> dict[str, str]:
    env = {**os.environ, "XDG_STATE_HOME": str(home / f"state-{sessions}")}
    os.environ["XDG_STATE_HOME"] = env["XDG_STATE_HOME"]
    with Store.open() as store:
        fill_history(store, sessions, start=START)
        for sid in range(1, sessions + 1):
            began = START - (sid - 1) * 86_400
            store.add_checkin(CheckIn(Kind.BEFORE, began - 60, pain=sid % 5, session_id=sid))
            store.add_checkin(CheckIn(Kind.DURING, began + 60, pain=sid % 8, session_id=sid,
                                      exercise="Plank"))  # fmt: skip
            store.add_checkin(CheckIn(Kind.AFTER, began + 960, pain=sid % 7,
                                      effort=Effort.RIGHT, session_id=sid))  # fmt: skip
    return env


async def screen_seconds() -> dict[str, float]:
    from tests.doubles import FakeClock
    from tests.ui.helpers import app_options
    from tui.app import SpinewiseApp

    app = SpinewiseApp([], options=app_options(FakeClock(), Store.open()))
    app.wall = lambda: START + 3600  # "today" is the newest session's day: the tabs show it
    took: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        took["screen"] = await history_rows_shown(app, pilot)
        for key, name in (("2", "calendar"), ("3", "pain"), ("4", "exercises")):
            began = time.perf_counter()
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            took[name] = time.perf_counter() - began
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = private_home()
    envs = {"1825": state_with(1825, home), "10": state_with(10, home)}
    for words in (["history"], ["history", "--json"],
                  ["history", "export", "--format", "csv"],
                  ["history", "export", "--format", "jsonl"]):  # fmt: skip
        big, small = paired(
            args.runs, lambda n, w=words: wall([str(SPINEWISE), *w], envs[n]), "1825", "10"
        )
        report(f"{' '.join(words)}, 1,825 vs 10 sessions", big, small, "s", 2)
    for part in ("screen", "calendar", "pain", "exercises"):

        def seconds(n: str, part: str = part) -> float:
            os.environ["XDG_STATE_HOME"] = envs[n]["XDG_STATE_HOME"]
            return asyncio.run(screen_seconds())[part]

        big, small = paired(args.runs, seconds, "1825", "10")
        report(f"History {part}, 1,825 vs 10 sessions", big, small, "s", 2)


if __name__ == "__main__":
    main()

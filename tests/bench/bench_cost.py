"""Issue 13, kinds 2 and 5: what grows with history and size, as ratios in one run.

- `spinewise history` (whole process, wall) at 5,000 sessions against 10 (target <= 2x);
- the History screen (in this process: ctrl+y until its table has rows) at 5,000
  against 10 (target <= 2x);
- `spinewise history --json` peak memory (the child's max RSS) at 5,000 against 10
  (target <= 1.5x);
- the routine library's first paint (in this process: from the app's start until
  its first rows of routines are painted) and `spinewise list` (whole process, wall), with 1,000
  own routines against 10, on a warm cache (target <= 2x);
- `show` of a 128,000-step plan against `show --json` of the same (in this process,
  output to a string; target <= 3x). Such a plan is built from the models: no valid
  routine file has more than `limits.MAX_STEPS` (3,000) steps;
- CPU (this process's user + system time) during 3 s of a running workout of
  128,000 steps against one of 60 steps, real clock (target <= 1.2x).

Times are medians of `--runs` runs, the two sizes alternating; the ratio of the
fastest runs is printed too (the machine is shared: medians carry others' load). Histories are
written straight into the tables (`tests.core.store_writes.fill_history`, 58 step
rows a session, as the issue's five-year history). Every folder is private.

Measured (2 shared cores under other people's suites; medians): history 1.64x
(0.54 s vs 0.33 s; most of the growth is the `quick_check` on opening a 20 MB
database, 0.12-0.2 s), history --json memory 1.41x (29.9 MB vs 21.2 MB), the
History screen 1.26x, list 0.91x, the library's first paint 1.54x, show 1.67x
its --json, workout CPU 0.91x. Before issue 13: history 4.7 s at 5,000 sessions,
--json 961 MB, library first paint 7.3 s at 1,000 routines, and the workout at
128,000 steps 3.2x the CPU of 60 steps (re-measured here by putting the old
re-summing `seconds_from` back).

Run: python tests/bench/bench_cost.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from benchlib import ROOT, SPINEWISE, median, private_home, verdict

from tests.core.store_writes import fill_history
from tui.core import paths
from tui.core.store.database import Store

MAX_RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def state_with(sessions: int, home: Path) -> dict[str, str]:
    """An environment whose session database holds `sessions` ended sessions."""
    env = {**os.environ, "XDG_STATE_HOME": str(home / f"state-{sessions}")}
    os.environ["XDG_STATE_HOME"] = env["XDG_STATE_HOME"]
    with Store.open() as store:
        fill_history(store, sessions)
    return env


def wall(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


#: The fastest of each size, from the last `paired` call: on a shared machine the
#: medians carry other people's load, the fastest runs less of it.
FASTEST: dict[str, float] = {}


def paired(runs: int, measure: Callable[[str], float], big: str, small: str) -> tuple[float, float]:
    """Medians of `measure(big)` and `measure(small)`, alternating, after a warm-up of each."""
    measure(big), measure(small)
    times: dict[str, list[float]] = {big: [], small: []}
    for _ in range(runs):
        for which in (big, small):
            gc.collect()  # the last run's garbage (1,000 plans) is not this run's cost
            times[which].append(measure(which))
    FASTEST.update(big=min(times[big]), small=min(times[small]))
    return median(times[big]), median(times[small])


def report(what: str, big: float, small: float, unit: str, target: float) -> None:
    fastest = FASTEST["big"] / FASTEST["small"]
    print(f"{what}: {big:.3f} {unit} vs {small:.3f} {unit} (medians) -> "
          f"{verdict(big / small, target)}; fastest runs {fastest:.2f}x")  # fmt: skip


# -- history ---------------------------------------------------------------------


def bench_history(runs: int, home: Path) -> None:
    envs = {"5000": state_with(5000, home), "10": state_with(10, home)}
    big, small = paired(runs, lambda n: wall([str(SPINEWISE), "history"], envs[n]), "5000", "10")
    report("history, 5,000 vs 10 sessions", big, small, "s", 2)

    def rss(n: str) -> float:
        out = subprocess.run([sys.executable, "-c", MAX_RSS, str(SPINEWISE), "history", "--json"],
                             env=envs[n], capture_output=True, text=True, check=True)  # fmt: skip
        return int(out.stdout) / 1024

    big, small = paired(runs, rss, "5000", "10")
    report("history --json peak memory, 5,000 vs 10", big, small, "MB", 1.5)

    def screen(n: str) -> float:
        os.environ["XDG_STATE_HOME"] = envs[n]["XDG_STATE_HOME"]
        return asyncio.run(history_screen_seconds())

    big, small = paired(runs, screen, "5000", "10")
    report("History screen (ctrl+y to rows), 5,000 vs 10", big, small, "s", 2)


async def history_screen_seconds() -> float:
    from tests.doubles import FakeClock
    from tests.ui.helpers import app_options
    from tui.app import SpinewiseApp

    app = SpinewiseApp([], options=app_options(FakeClock(), Store.open()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        return await history_rows_shown(app, pilot)


async def history_rows_shown(app: Any, pilot: Any) -> float:
    """Seconds from ctrl+y to the History screen's first rows, in a running `app`."""
    began = time.perf_counter()
    await pilot.press("ctrl+y")
    # The screen is app.screen before its widgets are composed: wait for the table.
    while type(app.screen).__name__ != "HistoryScreen" or not app.screen.query("#history-table"):
        await asyncio.sleep(0.002)
    table = app.screen.query_one("#history-table")
    while not table.row_count:
        await asyncio.sleep(0.002)
    await pilot.pause()
    return time.perf_counter() - began


# -- the routine library and list -----------------------------------------------------


def routines_home(count: int, home: Path) -> dict[str, str]:
    """An environment with `count` own routines (copies of the bundled ones) and a
    cache of its own, warmed by one `list`."""
    config = home / f"config-{count}"
    shutil.copytree(home / "config", config)
    folder = config / "spinewise" / "routines"
    folder.mkdir(parents=True)
    bundled = sorted(p for p in (ROOT / "routines").glob("*.toml") if p.name != "exercises.toml")
    for i in range(count):
        text = bundled[i % len(bundled)].read_text(encoding="utf-8")
        (folder / f"own-{i:04d}.toml").write_text(text.replace('name = "', f'name = "{i} ', 1))
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "XDG_CACHE_HOME": str(home / f"c{count}")}
    subprocess.run([str(SPINEWISE), "list"], env=env, stdout=subprocess.DEVNULL, check=True)
    return env


def bench_library(runs: int, home: Path) -> None:
    envs = {"1000": routines_home(1000, home), "10": routines_home(10, home)}
    big, small = paired(runs, lambda n: wall([str(SPINEWISE), "list"], envs[n]), "1000", "10")
    report("list, 1,000 vs 10 own routines (warm cache)", big, small, "s", 2)

    def paint(n: str) -> float:
        for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = envs[n][var]
        return asyncio.run(first_paint_seconds(int(n) + 9))  # and the 9 bundled

    big, small = paired(runs, paint, "1000", "10")
    report("routine library first paint, 1,000 vs 10 (warm cache)", big, small, "s", 2)


async def first_paint_seconds(rows: int) -> float:
    """From the app's start to the first rows of routines painted: the screen's
    `_painted`, set after the refresh that follows the first batch of the kept
    listings (a screenful and more; the rest follow a batch a refresh)."""
    from tests.doubles import FakeClock
    from tests.ui.helpers import app_options
    from tui.app import SpinewiseApp
    from tui.core.catalog.entries import load_catalog

    began = time.perf_counter()
    app = SpinewiseApp(load_catalog, options=app_options(FakeClock()))
    async with app.run_test(size=(100, 30)):
        while type(app.screen).__name__ != "RoutineLibraryScreen":
            await asyncio.sleep(0.002)
        painted = app.screen._painted
        while not painted.is_set():
            await asyncio.sleep(0.002)
        took = time.perf_counter() - began
        assert app.screen.query_one("#routines").row_count >= min(rows, 30)
        await app.workers.wait_for_complete()
    return took


# -- a huge plan -------------------------------------------------------------------


def huge_routine(steps: int):
    """A routine of `steps` steps (hold steps of 1 s, no rests), past the file limits."""
    from tui.core.routine.models import Exercise, Phase, Routine

    exercises = []
    for n in range(steps // 2000):
        exercises.append(Exercise(name=f"Move {n}", reps=(100,) * 20, timing="hold",
                                  phases=(Phase("Hold", 1),), prepare=0, rest=0))  # fmt: skip
    return Routine(name=f"{steps} steps", exercises=tuple(exercises))


def bench_show(runs: int) -> None:
    from tui.commands import show

    routine = huge_routine(128_000)
    show.resolve = lambda name: (None, routine)  # type: ignore[assignment]

    def seconds(kind: str) -> float:
        began = time.perf_counter()
        with redirect_stdout(io.StringIO()):
            show.run_show("huge", as_json=kind == "json")
        return time.perf_counter() - began

    big, small = paired(runs, seconds, "table", "json")
    report("show vs show --json, 128,000 steps", big, small, "s", 3)


def bench_workout(seconds: float) -> None:
    from tui.core.plan import build_plan

    def cpu(steps: int) -> float:
        if steps > 1000:
            routine = huge_routine(steps)
        else:
            from tui.core.routine.models import Exercise, Phase, Routine

            routine = Routine(name="60 steps", exercises=(Exercise(
                name="Move", reps=(30,), timing="hold", phases=(Phase("Hold", 1),), prepare=0,
                rest=0),) * 2)  # fmt: skip
        return asyncio.run(workout_cpu(build_plan(routine), seconds))

    big, small = paired(3, lambda n: cpu(int(n)), "128000", "60")
    report(f"workout CPU over {seconds:g} s, 128,000 vs 60 steps", big, small, "s", 1.2)


async def workout_cpu(plan, seconds: float) -> float:
    from tests.ui.helpers import app_options
    from tui.app import SpinewiseApp
    from tui.core.catalog.entries import Valid
    from tui.core.catalog.sources import RoutineRef
    from tui.core.engine.clock import MonotonicClock

    entry = Valid(RoutineRef("huge", Path("/huge.toml"), "file"), plan, "")
    app = SpinewiseApp([entry], options=app_options(MonotonicClock()), start=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        before = time.process_time()
        await asyncio.sleep(seconds)
        used = time.process_time() - before
        app.leave_workout()
    return used


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workout-seconds", type=float, default=3.0)
    parser.add_argument("--only", choices=("history", "library", "show", "workout"))
    args = parser.parse_args()
    home = private_home()
    print(f"spinewise at {SPINEWISE}; data in {paths.state_dir().parent.parent}")
    if args.only in (None, "history"):
        bench_history(args.runs, home)
    if args.only in (None, "library"):
        bench_library(args.runs, home)
    if args.only in (None, "show"):
        bench_show(args.runs)
    if args.only in (None, "workout"):
        bench_workout(args.workout_seconds)


if __name__ == "__main__":
    main()

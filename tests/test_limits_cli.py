"""A routine at every limit at once passes `check`, and is then listed, shown and run
promptly: the promise of limits.py, end to end (subprocesses, with a timeout for a hang)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ui.helpers import make_app
from tui.core import paths
from tui.core.plan import build_plan
from tui.core.routine.limits import (
    MAX_PHASES,
    MAX_REPS,
    MAX_SETS,
    MAX_STEP_SECONDS,
    MAX_STEPS,
    MAX_TOTAL_SECONDS,
)
from tui.core.routine.parse import parse_routine
from tui.screens.workout import WorkoutScreen

PHASES = ", ".join(f'"P{i}"' for i in range(MAX_PHASES))
#: One step of an hour; a set of MAX_REPS reps of MAX_PHASES phases among MAX_SETS sets;
#: then holds to make exactly MAX_STEPS steps, and long ones to come near the total.
AT_THE_LIMITS = f"""
name = "At the limits"

[[exercise]]
name = "An hour"
hold = "{MAX_STEP_SECONDS // 60}:00"
prepare = 0

[[exercise]]
name = "Most reps"
tempo = "{"-".join(["0.5"] * MAX_PHASES)}"
phases = [{PHASES}]
reps = {[MAX_REPS] + [1] * (MAX_SETS - 1)}
rest = 1

[[exercise]]
name = "Many holds"
hold = 1
reps = {MAX_REPS}
sets = 10
prepare = 0
rest = 0

[[exercise]]
name = "Many more holds"
hold = 1
reps = {MAX_REPS}
sets = 10
prepare = 0
rest = 0

[[exercise]]
name = "Long holds"
hold = 300
reps = 27
prepare = 0
"""
TIMEOUT = 30  # a hang fails the test; a prompt answer takes a second or two


def spinewise(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          timeout=TIMEOUT, env={**os.environ, "COLUMNS": "120"})


def test_the_routine_is_at_the_limits():
    plan = build_plan(parse_routine(AT_THE_LIMITS, "limits.toml"))
    assert len(plan.steps) == MAX_STEPS
    assert MAX_TOTAL_SECONDS - 300 < plan.total_seconds <= MAX_TOTAL_SECONDS
    assert max(step.seconds or 0 for step in plan.steps) == MAX_STEP_SECONDS


def test_a_routine_at_the_limits_is_checked_listed_and_shown_promptly(tmp_path: Path):
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "limits.toml").write_text(AT_THE_LIMITS, encoding="utf-8")
    check = spinewise("check", str(folder / "limits.toml"))
    assert (check.returncode, check.stdout) == (0, "1 file valid\n"), check.stderr
    listed = spinewise("list", "--json")
    row = next(r for r in json.loads(listed.stdout) if r["id"] == "limits")
    plan = build_plan(parse_routine(AT_THE_LIMITS, "limits.toml"))
    assert row["total_seconds"] == plan.total_seconds
    shown = spinewise("show", "--json", "limits")
    assert len(json.loads(shown.stdout)["steps"]) == MAX_STEPS
    table = spinewise("show", "limits")
    assert table.returncode == 0 and f"{MAX_STEPS} steps" in table.stdout
    assert "3:" in table.stdout.splitlines()[-1]  # the total, in hours


async def test_a_routine_at_the_limits_runs_and_its_longest_step_fits_the_screen():
    app, _, _ = make_app(AT_THE_LIMITS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        countdown = app.screen.query_one("#countdown")
        assert countdown.value == "60:00"
        width = countdown.get_content_width(countdown.size, countdown.size)
        assert width <= countdown.content_size.width
        await pilot.press("n")  # next exercise: 2,999 steps still ahead
        await pilot.pause()
        assert app.screen.query_one("#exercise-name").content == "Most reps"

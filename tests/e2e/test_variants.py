"""Easier version, as a person would: run a plank at --speed, press `e`, quit, resume,
see the easier version still there, finish, and find the swap in `history --json`."""

from __future__ import annotations

import json
import shutil

import pytest

pytestmark = pytest.mark.e2e
if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

PLANK = """\
name = "Plank test"

[defaults]
prepare = 4
rest = 4

[[exercise]]
use = "plank"
reps = 2
hold = 10
rep_rest = 3
"""


def test_e_then_quit_and_resume_keeps_the_easier_version_into_history(spinewise):
    routine = spinewise.write_routine("plank.toml", PLANK)
    spinewise.run("run", str(routine), "--speed", "2", width=80, height=24)
    screen = spinewise.wait_for("e Easier")  # the plank has an easier version: offered
    assert "h Harder" not in screen
    spinewise.send("e")
    spinewise.wait_for("Plank from the knees (easier)")
    screen = spinewise.wait_for("h Harder")  # the footer follows
    assert "e Easier" not in screen
    spinewise.wait_for("Next: rest 3 s", timeout=10)  # in the first hold: a session begun
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    assert "Session kept" in spinewise.screen()
    stored = spinewise.active()
    assert [s["to"] for s in stored["snapshot"]["swaps"]] == ["plank-knees"]

    spinewise.run("resume", width=80, height=24)
    screen = spinewise.wait_for("Plank from the knees (easier)")
    assert "PAUSED" in screen
    spinewise.send("space")
    spinewise.wait_for("Done         1 exercise: Plank from the knees", timeout=30)
    spinewise.send("q")
    spinewise.wait_exit(timeout=10)

    done = spinewise.command("history", "--json")
    assert done.returncode == 0, done.stderr
    [session] = json.loads(done.stdout)
    assert session["swaps"] == [
        {"exercise": "Plank", "variant": "Plank from the knees", "way": "easier"}
    ]
    worked = {step["exercise"] for step in session["steps"] if step["kind"] == "work"}
    assert worked == {"Plank from the knees"}

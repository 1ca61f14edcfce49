"""Progression end to end (issue 16): a plan started (`plan start`) whose first
routine is the person's own short `gentle-start`; `today` gives its dose; two
short sessions with low pain answers, then `show` gives the progressed dose; a
third session runs at it, and a red pain after (7) steps it back; `progress` tells
both changes and why. (`today` after a plan's session of the day says it is
done: tests/test_progress_cli.py shows its dose line on a faked later day.)

The sessions run at speed 1 (a routine of a few seconds): a `--speed` preview
never counts toward progression, as it never counts toward minutes or streaks.
"""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.e2e
if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

QUICK = """\
name = "Curls"

[defaults]
prepare = 1
rest = 0

[[exercise]]
name = "Curl-up"
reps = [2, 1]
hold = 1

[exercise.progress]
add = "reps"
by = 1
every = 2
max = [4, 3]
"""


def one_session(spinewise, routine, pain: str, says: str) -> None:
    spinewise.run("run", "gentle-start", width=100, height=30)
    spinewise.wait_for("How hard was that?", timeout=30)
    spinewise.send(pain)
    spinewise.wait_for(says)
    spinewise.send("q")
    assert spinewise.wait_exit() == 0


def test_two_settled_sessions_raise_the_dose_and_a_worse_morning_lowers_it(spinewise):
    (spinewise.config_dir / "config.toml").write_text('notice_seen = true\ncheckins = "after"\n')
    (spinewise.config_dir / "routines").mkdir()
    routine = spinewise.config_dir / "routines" / "gentle-start.toml"  # one's own wins
    routine.write_text(QUICK, encoding="utf-8")
    started = spinewise.command("plan", "start", "back-care-12-weeks")
    assert started.returncode == 0, started.stderr
    today = spinewise.command("today")
    assert today.returncode == 0, today.stderr
    assert today.stdout.splitlines()[:3] == [
        "Today: Curls (gentle-start), 0:04", "  Exercises that progress, at today's dose:",
        "    Curl-up: 2-1 reps, hold 1 s (as written)",
    ]
    upcoming = "next time you do Curls"  # not a bare "next time": a plan moves on
    one_session(spinewise, routine, "1", f"Curl-up: stays at 2-1 {upcoming}: settled")
    one_session(spinewise, routine, "2", f"Curl-up: 2-1 becomes 3-2 {upcoming}: two settled")

    assert spinewise.command("today").returncode == 1  # the plan's session of today is done
    shown = spinewise.command("show", "gentle-start")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(
        "Today: Curl-up: 3-2 reps, hold 1 s (stage 1 of 2; as written: 2-1 reps, hold 1 s)"
    )
    assert spinewise.plan("gentle-start")["progress"][0]["dose"] == "3-2 reps, hold 1 s"

    # (a worse next morning steps back the same way: tests/test_progress_cli.py, faked days)
    one_session(spinewise, routine, "7", f"Curl-up: 3-2 becomes 2-1 {upcoming}: red (pain 7")
    shown = spinewise.command("show", "gentle-start")
    assert shown.stdout.startswith("Today: Curl-up: 2-1 reps, hold 1 s (stage 0 of 2)")

    progress = spinewise.command("progress", "gentle-start")
    assert progress.returncode == 0, progress.stderr
    lines = progress.stdout.splitlines()
    assert lines[1] == "  Curl-up: stage 0 of 2: 2-1 reps, hold 1 s"
    assert [line.strip().split("  ", 1)[1] for line in lines[3:]] == [
        "Curl-up: stays at 2-1: settled (pain after 1): 1 of 2 toward the next step",
        "Curl-up: 2-1 becomes 3-2: two settled sessions (step up)",
        "Curl-up: 3-2 becomes 2-1: red (pain 7 after): one stage back",
    ]

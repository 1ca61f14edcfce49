"""Sessions that survive: kill -9, a closed terminal, q, a damaged database, a changed file."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time

import pytest

from tests.e2e.app import expected_screen
from tests.e2e.reading import countdown, time_left
from tests.e2e.tmux import wait_gone

pytestmark = pytest.mark.e2e
if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

#: The most progress (in seconds of real time) a kill -9 may lose.
MAX_LOST = 1.0


def assert_resumed_at(spinewise, plan: dict, snapshot: dict) -> str:
    exercise, count, left = expected_screen(plan, snapshot)
    screen = spinewise.wait_until(
        lambda s: "PAUSED" in s and countdown(s) is not None, what="the resumed session, paused"
    )
    assert exercise in screen
    assert countdown(screen) == count, screen
    assert abs(time_left(screen) - left) <= 1, screen
    return screen


def wait_stored(spinewise, test, timeout: float = 10.0) -> dict:
    """Poll the active session in the database until `test(row)` holds; the row."""
    deadline = time.monotonic() + timeout
    while not ((row := spinewise.active()) is not None and test(row)):
        assert time.monotonic() < deadline, f"stored session never matched: {row}"
        time.sleep(0.1)
    return row


def start_running(spinewise, routine, speed: str, **size) -> None:
    """Start `routine` and wait for its first frame."""
    spinewise.run("run", str(routine), "--speed", speed, **size)
    spinewise.wait_until(lambda s: countdown(s) is not None, what="the first frame")


@pytest.mark.parametrize("trial", [1, 2])
def test_kill_9_at_a_random_moment_loses_under_a_second(spinewise, trial):
    seed = random.randrange(2**32)
    routine = spinewise.write_routine()
    plan = spinewise.plan(routine)
    start_running(spinewise, routine, "10")
    pid = spinewise.pid()
    assert pid is not None
    time.sleep(random.Random(seed).uniform(0.3, 6.0))  # the random moment

    killed_at = time.time()
    os.kill(pid, signal.SIGKILL)
    wait_gone(pid)
    stored = spinewise.active()
    assert stored is not None, f"seed {seed}: no active session after kill -9"
    assert stored["snapshot"]["status"] == "running"
    lost = killed_at - stored["updated_at"]
    assert lost <= MAX_LOST, f"seed {seed}: {lost:.2f} s of progress lost"
    # The stored position is where the clock was at that save, give or take a frame.
    ran = stored["snapshot"]["active_seconds"] / 10
    assert abs(ran - (stored["updated_at"] - stored["started_at"])) < 0.5, f"seed {seed}"

    spinewise.run("resume")
    assert_resumed_at(spinewise, plan, stored["snapshot"])
    spinewise.send("q")
    assert spinewise.wait_exit() == 0


def test_closing_the_terminal_stores_the_session_paused(spinewise):
    routine = spinewise.write_routine()
    plan = spinewise.plan(routine)
    start_running(spinewise, routine, "10")
    assert spinewise.pid() is not None
    time.sleep(random.uniform(0.8, 3.0))  # past the 0.6 s get-ready: a session begun

    closed_at = time.time()
    spinewise.hang_up()  # tmux kill-session: the terminal goes away, SIGHUP
    # Stored paused and let go of. That the process then ends is not checked: after a
    # hang-up, Textual's SIGCONT handler can restart the driver and leave it blocked
    # at exit (an open bug; the fixture kills it).
    stored = wait_stored(
        spinewise, lambda row: row["paused_at"] is not None and row["owner_pid"] is None
    )
    assert stored["snapshot"]["status"] == "paused"
    assert stored["updated_at"] >= closed_at - 0.05  # saved at the hang-up, not before

    spinewise.run("resume")
    assert_resumed_at(spinewise, plan, stored["snapshot"])


def test_quit_then_resume_in_a_small_terminal(spinewise):
    plan = spinewise.plan("gentle-start")
    start_running(spinewise, "gentle-start", "5", width=50, height=15)
    time.sleep(2.6)  # past the 10 s get-ready, at 5x: into the first work step
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    assert "Session kept" in spinewise.screen()
    stored = spinewise.active()
    assert stored["snapshot"]["status"] == "paused"

    spinewise.run("resume", width=50, height=15)
    screen = assert_resumed_at(spinewise, plan, stored["snapshot"])
    spinewise.send("space")  # carries on from there
    spinewise.wait_until(
        lambda s: "PAUSED" not in s and countdown(s) != countdown(screen),
        what="the resumed session to run",
    )
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    assert "Traceback" not in spinewise.screen()


def test_a_damaged_database_is_moved_aside_and_the_workout_runs(spinewise):
    spinewise.db_path.parent.mkdir(parents=True)
    garbage = b"this is not a database\n" * 200
    spinewise.db_path.write_bytes(garbage)

    start_running(spinewise, spinewise.write_routine(), "2")
    screen = spinewise.wait_for("damaged")
    aside = [p for p in spinewise.db_path.parent.iterdir() if p.read_bytes() == garbage]
    assert len(aside) == 1 and aside[0] != spinewise.db_path
    assert "moved to" in " ".join(screen.split())
    assert "Slow bridge" in screen

    time.sleep(3.3)  # past the 6 s get-ready, at 2x: a session begun is kept
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    assert spinewise.active()["routine_name"] == "Tempo test"


@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_resume_uses_the_stored_routine_when_the_file_changed(spinewise, change):
    routine = spinewise.write_routine()
    plan = spinewise.plan(routine)
    start_running(spinewise, routine, "10")
    time.sleep(1.0)  # past the 0.6 s get-ready: a session begun is kept
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    stored = spinewise.active()
    if change == "edited":
        routine.write_text(routine.read_text().replace("Slow bridge", "Fast bridge"))
    else:
        routine.unlink()

    spinewise.run("resume")
    screen = assert_resumed_at(spinewise, plan, stored["snapshot"])
    # The warning is a toast drawn just after the screen: wait for it (it wraps).
    phrase = "has changed since" if change == "edited" else "has gone since"
    screen = spinewise.wait_until(lambda shown: phrase in " ".join(shown.split()), what=phrase)
    assert "Fast bridge" not in screen


def test_a_finished_preview_is_stored_as_one(spinewise):
    routine = spinewise.write_routine(
        "tiny.toml",
        """\
name = "Tiny"

[[exercise]]
name = "Quick hold"
hold = 2
reps = 2
rep_rest = 1
prepare = 1
""",
    )
    plan = spinewise.plan(routine)
    spinewise.run("run", str(routine), "--speed", "20")
    screen = spinewise.wait_for("Preview ended")  # at 20x: a preview, not a workout
    assert "not counted" in screen
    [session] = spinewise.sessions()
    assert (session["status"], session["speed"]) == ("completed", 20)
    assert session["ended_at"] is not None
    assert session["steps"] == len(plan["steps"])
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    assert "Session kept" not in spinewise.screen()
    [shown] = json.loads(spinewise.command("history", "--json").stdout)
    assert (shown["status"], shown["counted"]) == ("preview", False)


def test_quitting_before_the_first_work_step_keeps_nothing(spinewise):
    start_running(spinewise, spinewise.write_routine(), "1")  # a 6 s get-ready
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    screen = spinewise.screen()
    assert "Nothing kept: the session had not started." in screen
    assert "Session kept" not in screen
    assert spinewise.sessions() == []
    spinewise.run("resume")
    assert "nothing to resume" in spinewise.wait_for("nothing to resume")

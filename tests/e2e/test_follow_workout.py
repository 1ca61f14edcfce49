"""Following a workout in a real terminal: countdown, phases, pause, skip, back, quit."""

from __future__ import annotations

import re
import shutil
import time

import pytest

from tests.e2e.reading import countdown, shows_word, time_left

pytestmark = pytest.mark.e2e
if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

PHASES = ("GET READY", "LOWER", "HOLD", "RAISE")
SECONDS = {"LOWER": 3, "HOLD": 2, "RAISE": 3}  # tempo "3-2-3"


def phase_on(screen: str) -> str | None:
    return next((word for word in PHASES if shows_word(screen, word)), None)


def next_line(screen: str) -> str:
    found = re.search(r"Next: .*", screen)
    return "" if found is None else found[0].strip()


def test_a_tempo_routine_counts_down_through_its_phases(spinewise):
    routine = spinewise.write_routine()
    spinewise.run("run", str(routine), "--speed", "2", width=80, height=24)

    screen = spinewise.wait_for("Slow bridge")
    assert "Tempo test" in screen
    first = spinewise.wait_until(
        lambda s: shows_word(s, "GET READY") and countdown(s), what="the get-ready countdown"
    )
    start = countdown(first)
    spinewise.wait_until(
        lambda s: shows_word(s, "GET READY") and countdown(s) <= start - 2,
        what=f"the countdown to go down from {start}",
    )

    lower = spinewise.wait_until(lambda s: shows_word(s, "LOWER"), what="LOWER")
    assert "Rep 1/4" in lower
    assert "Next: Hold 2 s" in lower
    spinewise.wait_until(lambda s: shows_word(s, "HOLD") and "Next: Raise 3 s" in s, what="HOLD")
    spinewise.wait_until(lambda s: shows_word(s, "RAISE"), what="RAISE")
    spinewise.wait_until(lambda s: "Rep 2/4" in s, what="the second rep")

    # Space pauses: PAUSED shows, and neither clock moves.
    spinewise.send("space")
    paused = spinewise.wait_for("PAUSED")
    time.sleep(1.5)  # nothing to poll for: the point is that nothing changes
    still = spinewise.screen()
    assert "PAUSED" in still
    assert (countdown(still), time_left(still)) == (countdown(paused), time_left(paused))

    # While paused, `n` goes to the step "Next:" announced, `p` comes back to a fresh start.
    phase, announced = phase_on(still), next_line(still)
    expected = re.match(r"Next: (\w+) (\d+) s", announced)
    assert phase in SECONDS and expected, still
    full = SECONDS[phase]
    spinewise.send("n")
    skipped = spinewise.wait_until(lambda s: next_line(s) != announced, what="`n` to skip")
    assert phase_on(skipped) == expected[1].upper()
    assert countdown(skipped) == int(expected[2])
    spinewise.send("p")
    back = spinewise.wait_until(lambda s: next_line(s) == announced, what="`p` to go back")
    assert phase_on(back) == phase
    assert countdown(back) == full
    assert "PAUSED" in back

    # Space again carries on from there.
    spinewise.send("space")
    spinewise.wait_until(
        lambda s: "PAUSED" not in s and (countdown(s) or 99) < full,
        what="the countdown to run again",
    )

    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    screen = spinewise.screen()
    assert "Session kept" in screen
    assert "Traceback" not in screen


def test_a_tiny_terminal_does_not_crash(spinewise):
    spinewise.run("run", "gentle-start", "--speed", "10", width=20, height=6)
    spinewise.wait_until(lambda s: s.strip(), what="a first frame")
    time.sleep(1.0)  # let it draw a few steps at this size
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    assert "Traceback" not in spinewise.screen()


def test_the_first_run_notice_comes_before_the_workout(spinewise):
    (spinewise.config_dir / "config.toml").unlink()  # a first run
    spinewise.run("run", str(spinewise.write_routine()), "--speed", "2", width=80, height=24)
    first = spinewise.wait_for("Before you start")
    time.sleep(1.5)  # nothing to poll for: the point is that nothing changes
    assert time_left(spinewise.screen()) == time_left(first)
    spinewise.send("Enter")
    screen = spinewise.wait_until(lambda s: "Before you start" not in s, what="the notice to go")
    assert shows_word(screen, "GET READY")

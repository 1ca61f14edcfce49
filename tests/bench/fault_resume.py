"""Issue 4: kill -9 at random moments, then `spinewise resume`; how much is lost?

Each trial starts a routine at `--speed`, kills the process with SIGKILL at a
random moment, reads the stored session from the database (read only), runs
`spinewise resume` and checks the screen shows the stored position: PAUSED,
the exercise, the step's countdown and the session's time left. Progress lost
is the time between the last save and the kill (the routine runs unpaused).

Targets: every trial resumes correctly, and at most 1 s of progress is lost.

Run: python tests/bench/fault_resume.py [--trials 20] [--speed 10] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import time

from benchlib import private_home, spinewise_in_tmux

from tests.e2e.app import Spinewise, expected_screen
from tests.e2e.reading import countdown, time_left
from tests.e2e.tmux import Timeout, wait_gone

MAX_LOST = 1.0


def trial(app: Spinewise, routine, plan: dict, speed: float, moment: float) -> tuple[float, str]:
    """One kill and resume: (seconds of progress lost, "" or what went wrong)."""
    app.run("run", str(routine), "--speed", str(speed), "--discard")
    app.wait_until(lambda s: countdown(s) is not None, what="the first frame")
    pid = app.pid()
    time.sleep(moment)
    killed_at = time.time()
    os.kill(pid, signal.SIGKILL)
    wait_gone(pid)

    stored = app.active()
    if stored is None:
        return float("nan"), "no session to resume"
    lost = killed_at - stored["updated_at"]
    if stored["snapshot"]["status"] != "running":
        return lost, f"stored as {stored['snapshot']['status']}, not running"

    exercise, count, left = expected_screen(plan, stored["snapshot"])
    app.run("resume")
    try:
        screen = app.wait_until(
            lambda s: "PAUSED" in s and countdown(s) is not None, what="the resumed session"
        )
    except Timeout as error:
        return lost, str(error)
    wrong = []
    if exercise not in screen:
        wrong.append(f"exercise {exercise!r} not shown")
    if countdown(screen) != count:
        wrong.append(f"countdown {countdown(screen)}, expected {count}")
    if time_left(screen) is None or abs(time_left(screen) - left) > 1:
        wrong.append(f"time left {time_left(screen)} s, expected {left} s")
    if lost > MAX_LOST:
        wrong.append(f"lost {lost:.2f} s")
    app.send("q")
    app.wait_exit()
    return lost, "; ".join(wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--speed", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)

    home = private_home()
    app = spinewise_in_tmux(home, "fault-resume")
    routine = app.write_routine()
    plan = app.plan(routine)
    length = plan["total_seconds"] / args.speed  # seconds of real time
    results = []
    try:
        for n in range(1, args.trials + 1):
            moment = rng.uniform(0.2, 0.95 * length)
            lost, wrong = trial(app, routine, plan, args.speed, moment)
            results.append((lost, wrong))
            print(
                f"trial {n:2d}: killed after {moment:4.1f} s, lost {lost:.2f} s "
                f"({lost * args.speed:.1f} s of plan)  {wrong or 'resumed correctly'}"
            )
    finally:
        app.close()

    good = sum(1 for _, wrong in results if not wrong)
    worst = max(lost for lost, _ in results)
    print(f"seed {seed}, speed {args.speed:g}, routine of {plan['total_seconds']} s")
    print(f"resumed correctly: {good}/{len(results)} (target {len(results)}/{len(results)})")
    print(
        f"worst progress lost: {worst:.2f} s of real time = {worst * args.speed:.1f} s of plan "
        f"at speed {args.speed:g} (target <= {MAX_LOST:g} s: "
        f"{'ok' if worst <= MAX_LOST else 'MISSED'})"
    )


if __name__ == "__main__":
    main()

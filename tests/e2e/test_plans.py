"""A plan end to end: `plan start`, `today` names the gentle routine, a preview of
it (--speed) does not count, the session followed at speed 1 does, and `today`
then says it is done for today (exit 1); the library's Today row says so too.

The person's own `gentle-start` (a few seconds long) takes the bundled one's
place, as any own routine of the same id does, so the session at speed 1 is short.
"""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.e2e
if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

SHORT_GENTLE = """\
name = "Gentle start"
level = "beginner"

[defaults]
prepare = 2

[[exercise]]
name = "Belly breathing"
hold = 3
"""


def follow_to_the_end(spinewise, speed: str) -> None:
    spinewise.run("run", "gentle-start", "--speed", speed, width=80, height=24)
    spinewise.wait_for("Gentle start")
    spinewise.wait_until(lambda s: "complete" in s or "Preview ended" in s or "ended" in s,
                         what="the summary", timeout=30)  # fmt: skip
    spinewise.send("q")
    assert spinewise.wait_exit() == 0


def test_plan_start_today_a_session_then_done_for_today(spinewise):
    own = spinewise.config_dir / "routines"
    own.mkdir(parents=True)
    (own / "gentle-start.toml").write_text(SHORT_GENTLE, encoding="utf-8")

    started = spinewise.command("plan", "start", "back-care-12-weeks")
    assert started.returncode == 0, started.stderr
    assert "Started Back care, 12 weeks" in started.stdout

    today = spinewise.command("today")
    assert today.returncode == 0, today.stderr
    assert today.stdout.startswith("Today: Gentle start (gentle-start), 0:05\n")
    assert "phase 1 of 4, Get moving · session 1 of 6 in this phase · 1 of 33 in all" in (
        today.stdout)

    follow_to_the_end(spinewise, "5")  # a preview: it never counts
    assert spinewise.command("today").returncode == 0

    follow_to_the_end(spinewise, "1")
    today = spinewise.command("today")
    assert today.returncode == 1, today.stdout
    assert today.stdout.startswith("Done for today. Next: Daily back stretch "
                                   "(daily-back-stretch), 11:39, ")  # fmt: skip
    # Whatever today's weekday (this runs on the real date): never the day after a
    # session, as the plan's days leave a rest day between sessions.
    assert "tomorrow" not in today.stdout.splitlines()[0]
    status = spinewise.command("plan", "status")
    assert status.returncode == 0 and "Sessions: 1 done, 32 to go (33 in all)" in status.stdout

    spinewise.run(width=80, height=24)  # the routine library
    spinewise.wait_for("Done for today, next: ")
    spinewise.send("C-q")
    assert spinewise.wait_exit() == 0

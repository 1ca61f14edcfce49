"""Check-ins end to end: a short routine at --speed, a pain key on the first
get-ready and pain and effort on the summary, then `history --json` and
`history export --format csv` hold them."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import time

import pytest

pytestmark = pytest.mark.e2e
if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

SHORT = """\
name = "Short care"

[defaults]
prepare = 4

[[exercise]]
name = "Pelvic tilt"
hold = 4
"""


def test_pain_keys_reach_history_and_the_csv_export(spinewise):
    routine = spinewise.write_routine("short.toml", SHORT)
    spinewise.run("run", str(routine), "--speed", "2", width=80, height=24)
    spinewise.wait_for("Back pain now? 0-9, t for 10, Enter skips")
    spinewise.send("3")
    spinewise.wait_until(lambda s: "Back pain now?" not in s, what="the question to go")
    spinewise.wait_for("How hard was that?", timeout=20)
    spinewise.send("5")
    spinewise.wait_for("Back pain now: 5 (amber)")
    spinewise.send("r")
    spinewise.wait_for("How hard: about right")
    spinewise.send("q")
    assert spinewise.wait_exit() == 0

    done = spinewise.command("history", "--json")
    assert done.returncode == 0, done.stderr
    (session,) = json.loads(done.stdout)
    told = {c["kind"]: c for c in session["checkins"]}
    assert told["before"]["pain"] == 3
    assert (told["after"]["pain"], told["after"]["effort"]) == (5, "right")

    done = spinewise.command("history", "export", "--format", "csv")
    assert done.returncode == 0, done.stderr
    (row,) = list(csv.DictReader(io.StringIO(done.stdout)))
    assert (row["routine"], row["pain_before"], row["pain_after"]) == ("Short care", "3", "5")
    # at --speed 2 the session is a preview (issue 14): history and the export say so
    assert (row["zone"], row["effort"], row["status"]) == ("amber", "right", "preview")
    assert row["started_at"][10] == "T" and row["started_at"][-6] in "+-"  # ISO 8601, offset
    assert row["date"] == row["started_at"][:10]


def a_session(spinewise, routine, speed: str, before: str, after: str) -> None:
    """`routine` run at `speed`, with pain `before` on the get-ready and `after` on the
    summary (one key each), left with q."""
    spinewise.run("run", str(routine), "--speed", speed, width=80, height=24)
    spinewise.wait_for("Back pain now? 0-9, t for 10, Enter skips")
    spinewise.send(before)
    spinewise.wait_for("How hard was that?", timeout=20)
    spinewise.send(after)
    spinewise.wait_for(f"Back pain now: {after} (")
    spinewise.send("q")
    assert spinewise.wait_exit() == 0


def test_a_session_with_pain_keys_then_its_chart(spinewise):
    routine = spinewise.write_routine("short.toml", SHORT)
    a_session(spinewise, routine, "1", "2", "6")
    # a preview's answers are kept with it, but never drawn (issue 15): the chart says so
    a_session(spinewise, routine, "2", "4", "5")

    # in a terminal 90 columns wide: as wide as it, in colour
    spinewise.start([str(spinewise.script), "history", "--chart", "pain"], width=90, height=30)
    screen = spinewise.wait_for("[exit 0]")
    lines = screen.splitlines()
    assert "Pain (0-10) before and after each session" in lines[0]  # fitted: no "12 weeks"
    (frame,) = [line for line in lines if "┌" in line]
    assert len(frame) == 90
    assert "○ before" in screen and "● after" in screen
    assert any(line.startswith("2 answers, ") for line in lines)
    assert "Not drawn: 2 answers from previews, run at --speed other than 1." in lines
    # the points themselves, besides the legend's "○○ before" and "●● after"
    assert screen.count("○") >= 3 and screen.count("●") >= 3

    # not a terminal: 80 columns, no colours
    done = spinewise.command("history", "--chart", "pain")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) == 80


@pytest.mark.parametrize("how", ["kill -HUP", "closing the window"])
def test_answers_on_the_summary_survive_a_hang_up(spinewise, how):
    """Found by a tester: the summary kept its answers only as it was left, so a closed
    terminal lost them. Each is kept as it is given; a later key replaces it."""
    routine = spinewise.write_routine("short.toml", SHORT)
    spinewise.run("run", str(routine), "--speed", "2", width=80, height=24)
    spinewise.wait_for("Back pain now? 0-9, t for 10, Enter skips")
    spinewise.send("Enter")
    spinewise.wait_for("How hard was that?", timeout=20)
    spinewise.send("2")
    spinewise.wait_for("Back pain now: 2 (green)")
    spinewise.send("8", "e")  # a corrected pain: the 8 replaces the 2
    spinewise.wait_for("Back pain now: 8 (red)")
    spinewise.wait_for("How hard: easy")
    pid = spinewise.pid()
    assert pid is not None
    if how == "kill -HUP":
        os.kill(pid, signal.SIGHUP)
    else:
        spinewise.hang_up()  # tmux kill-session: the terminal goes away, SIGHUP
    # Whether the process then ends is not what is tested (see test_sessions): what it kept.
    deadline, told = time.monotonic() + 10, None
    while time.monotonic() < deadline and told != [("after", 8, "easy")]:
        done = spinewise.command("history", "--json")
        assert done.returncode == 0, done.stderr
        (session,) = json.loads(done.stdout)
        told = [(c["kind"], c["pain"], c["effort"]) for c in session["checkins"]]
        time.sleep(0.2)
    assert told == [("after", 8, "easy")]


def test_answers_during_a_session_survive_a_hang_up(spinewise):
    """The pain before, and the `!` pain while the next question is still open, are
    kept as given: a terminal closed then loses neither (issue 15)."""
    routine = spinewise.write_routine("short.toml", SHORT.replace("hold = 4", "hold = 60"))
    spinewise.run("run", str(routine), width=80, height=24)
    spinewise.wait_for("Back pain now? 0-9, t for 10, Enter skips")
    spinewise.send("4")
    spinewise.wait_for("Pain before: 4 (amber), noted")
    spinewise.wait_until(lambda s: "Pain before" not in s, timeout=15, what="the hold")
    spinewise.send("!")
    spinewise.wait_for("How bad, 0-10?")
    spinewise.send("5")
    spinewise.wait_until(lambda s: "How bad" not in s, what="the next question")
    spinewise.hang_up()  # the hurt dialog still open
    deadline, told = time.monotonic() + 10, None
    while time.monotonic() < deadline and told != [("before", 4), ("during", 5)]:
        conn = sqlite3.connect(f"file:{spinewise.db_path}?mode=ro", uri=True, timeout=5)
        try:
            told = conn.execute("SELECT kind, pain FROM checkins ORDER BY id").fetchall()
        finally:
            conn.close()
        told = [tuple(row) for row in told]
        time.sleep(0.2)
    assert told == [("before", 4), ("during", 5)]

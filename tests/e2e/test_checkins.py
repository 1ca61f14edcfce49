"""Check-ins end to end: a short routine at --speed, a pain key on the first
get-ready and pain and effort on the summary, then `history --json` and
`history export --format csv` hold them."""

from __future__ import annotations

import csv
import io
import json
import shutil

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
    assert row["date"][10] == "T" and row["date"][-6] in "+-"  # ISO 8601 with its offset

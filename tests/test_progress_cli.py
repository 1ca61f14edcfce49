"""`spinewise progress`, `show` at today's dose and `checkin` telling what an answer
changed (issue 16), on fixed dates; none of them imports Textual
(tests/test_boundaries.py)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tui.cli import main
from tui.commands import checkin
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import find
from tui.core.programme.stages import stages_json, starting
from tui.core.store.database import Store
from tui.core.store.step_log import end_session

ROUTINE = """\
name = "Mine"
[defaults]
prepare = 0
[[exercise]]
name = "Bird dog"
reps = [3, 2, 1]
hold = 1
rest = 0
[exercise.progress]
add = "reps"
by = 1
every = 1
max = [5, 4, 3]
"""
ENDED = datetime(2026, 3, 1, 19, 0).timestamp()


@pytest.fixture
def mine(isolated_home):
    folder = isolated_home / "config" / "spinewise" / "routines"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(ROUTINE, encoding="utf-8")
    return folder / "mine.toml"


def session(ended: float = ENDED, rid: str = "mine", status: str = "completed") -> int:
    ref = find(rid)
    assert ref is not None
    entry = load_entry(ref)
    assert isinstance(entry, Valid)
    with Store.open() as store:
        started = starting(entry.routine, store.stages(rid))
        sid = store.begin(rid, str(ref.path), "Mine", ROUTINE, 6, 1, {}, ended - 60,
                          stages=stages_json(started))  # fmt: skip
        with store._write() as conn:
            conn.execute("UPDATE sessions SET done = '[\"Bird dog\"]' WHERE id = ?", (sid,))
            end_session(conn, sid, status, ended)
    return sid


def at(monkeypatch, when: datetime) -> None:
    monkeypatch.setattr(checkin, "wall", when.timestamp)


def test_a_settled_session_raises_the_dose_and_a_worse_morning_lowers_it(
    monkeypatch, capsys, mine
):
    session()
    at(monkeypatch, datetime(2026, 3, 1, 19, 5))
    assert main(["checkin", "1"]) == 0
    out = capsys.readouterr().out
    assert "Bird dog: 3-2-1 becomes 4-3-2 next time you do that routine: one settled session" in out

    assert main(["show", "mine"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Today: Bird dog: 4-3-2 reps, hold 1 s (stage 1 of 2; as written: 3-2-1 reps, hold 1 s)"
    )
    assert main(["show", "mine", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["rep"] for s in data["steps"]].count(1) == 3 and data["progress"][0]["stage"] == 1
    assert max(s["rep"] for s in data["steps"]) == 4
    assert main(["show", "mine", "--json", "--as-written"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert max(s["rep"] for s in data["steps"]) == 3 and "progress" not in data

    at(monkeypatch, datetime(2026, 3, 2, 8, 0))
    assert main(["checkin", "--vs", "worse"]) == 0
    out = capsys.readouterr().out
    assert (
        "Bird dog: 4-3-2 becomes 3-2-1 next time you do that routine: red (worse the next day): "
        "one stage back" in out
    )

    assert main(["progress", "mine"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "Mine (mine)",
        "  Bird dog: stage 0 of 2: 3-2-1 reps, hold 1 s",
        "    settled sessions toward the next step: 0 of 1",
    ]
    assert out[3].endswith("Bird dog: 3-2-1 becomes 4-3-2: one settled session (step up)")
    assert out[4].endswith(
        "Bird dog: 4-3-2 becomes 3-2-1: red (worse the next day): one stage back"
    )


def test_reset_names_an_exercise_or_resets_them_all(capsys, mine):
    with Store.open() as store, store._write() as conn:
        conn.execute("INSERT INTO stages VALUES ('mine', 'Bird dog', 2, 0, 0)")
    assert main(["progress", "mine", "--reset", "bird dog"]) == 0
    assert capsys.readouterr().out == (
        "Bird dog: back to 3-2-1 reps, hold 1 s (reset; was 5-4-3 reps, hold 1 s)\n"
    )
    for _ in range(2):  # already there: said, and nothing logged
        assert main(["progress", "mine", "--reset"]) == 0
        assert capsys.readouterr().out == (
            "Bird dog: already at the dose written, 3-2-1 reps, hold 1 s\n"
        )
    with Store.open() as store:
        assert [e.rule for e in store.stage_log("mine")] == ["reset"]


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        (["progress", "nope"], "no routine 'nope'"),
        (["progress", "mine", "--reset", "Bird dgo"], "did you mean Bird dog?"),
        (["progress", "mine", "--reset", "Plankk"], "progressing: Bird dog"),
        (["show", "nope"], "no routine 'nope'"),
        (["run", "nope"], "no routine 'nope'"),
    ],
)
def test_a_name_not_found_routine_or_exercise_is_exit_1_and_says_why(capsys, mine, argv, told):
    assert main(argv) == 1
    assert told in capsys.readouterr().err


def test_a_routine_without_progression_says_so(capsys, isolated_home):
    assert main(["progress", "gentle-start"]) == 0
    assert "Glute bridge: stage 0 of 5" in capsys.readouterr().out
    assert main(["progress", "pilates-core"]) == 0
    assert "no exercise has [exercise.progress]" in capsys.readouterr().out


def test_today_says_the_dose_of_the_routine_due_and_why(monkeypatch, capsys, isolated_home):
    from tui.commands import plan

    folder = isolated_home / "config" / "spinewise" / "routines"
    folder.mkdir(parents=True)
    (folder / "gentle-start.toml").write_text(ROUTINE, encoding="utf-8")  # the plan's first
    monday = datetime(2026, 3, 2, 8, 0)
    monkeypatch.setattr(plan, "wall", monday.timestamp)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    capsys.readouterr()
    assert main(["today"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Today: Mine (gentle-start)")
    assert out[1:3] == ["  Exercises that progress, at today's dose:",
                        "    Bird dog: 3-2-1 reps, hold 1 s (as written)"]
    # stopped early, so not a plan session, but the bird dog was done: it counts for the dose
    session(datetime(2026, 3, 2, 9, 0).timestamp(), rid="gentle-start", status="stopped")
    at(monkeypatch, datetime(2026, 3, 2, 9, 5))
    assert main(["checkin", "2"]) == 0
    capsys.readouterr()
    assert main(["today"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2] == ("    Bird dog: 4-3-2 reps, hold 1 s (was 3-2-1 reps, hold 1 s): "
                      "one settled session (step up)")


def test_a_dose_that_stays_says_when_as_one_that_moves_does(monkeypatch, capsys, mine):
    # Red at the dose written: it cannot step back, and says which session it is about.
    session()
    at(monkeypatch, datetime(2026, 3, 1, 19, 5))
    assert main(["checkin", "7"]) == 0
    out = capsys.readouterr().out
    assert "Bird dog: stays at 3-2-1 next time you do that routine: red" in out

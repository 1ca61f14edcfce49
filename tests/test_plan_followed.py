"""The bundled plan followed as a new person would (issue 16's "done when"): start
it, follow `today` over faked days with pain answers, and see the dose rise after
easy sessions, then fall after a red day, each change said in one line."""

from __future__ import annotations

import json
import re
from datetime import datetime

from tui.cli import main
from tui.commands import checkin, plan
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import find
from tui.core.programme.stages import stages_json, starting
from tui.core.store.database import Store
from tui.core.store.step_log import end_session


def follow(rid: str, when: datetime) -> None:
    """A whole session of `rid` at today's stages, started at `when`, ten minutes long."""
    ref = find(rid)
    assert ref is not None
    entry = load_entry(ref)
    assert isinstance(entry, Valid)
    names = [ex.name for ex in entry.routine.exercises]
    with Store.open() as store:
        started = starting(entry.routine, store.stages(rid))
        sid = store.begin(rid, str(ref.path), entry.routine.name, ref.path.read_text(), 600, 1,
                          {}, when.timestamp(), stages=stages_json(started))  # fmt: skip
        with store._write() as conn:
            conn.execute("UPDATE sessions SET done = ? WHERE id = ?", (json.dumps(names), sid))
            end_session(conn, sid, "completed", when.timestamp() + 600)


def today(monkeypatch, capsys, when: datetime) -> list[str]:
    monkeypatch.setattr(plan, "wall", when.timestamp)
    assert main(["today"]) == 0
    return capsys.readouterr().out.splitlines()


def answer(monkeypatch, capsys, when: datetime, pain: str) -> str:
    monkeypatch.setattr(checkin, "wall", when.timestamp)
    assert main(["checkin", pain]) == 0
    return capsys.readouterr().out


def test_the_dose_rises_within_three_sessions_and_falls_after_a_red_day(
    monkeypatch, capsys, isolated_home
):
    monkeypatch.setattr(plan, "wall", datetime(2026, 3, 2, 8, 0).timestamp)  # a Monday
    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    capsys.readouterr()
    days = [datetime(2026, 3, d, 8, 0) for d in (2, 5, 9, 12, 16)]  # Mon, Thu, Mon, Thu, Mon

    out = today(monkeypatch, capsys, days[0])
    assert out[0].startswith("Today: Gentle start")
    assert "    Pelvic tilt: 6 reps, tempo 3-2-3 (as written)" in out
    follow("gentle-start", days[0])
    said = answer(monkeypatch, capsys, days[0].replace(minute=15), "2")
    assert "Pelvic tilt: 6 becomes 7 next time you do that routine: one settled session" in said

    assert today(monkeypatch, capsys, days[1])[0].startswith("Today: Daily back stretch")
    follow("daily-back-stretch", days[1])
    answer(monkeypatch, capsys, days[1].replace(minute=15), "1")

    out = today(monkeypatch, capsys, days[2])  # the third: gentle start again, risen
    assert out[0].startswith("Today: Gentle start")
    assert ("    Pelvic tilt: 7 reps, tempo 3-2-3 (was 6 reps, tempo 3-2-3): one settled "
            "session (step up)") in out
    assert ("    Knee to chest: hold 20 s each side (was hold 15 s each side): one settled "
            "session (step up)") in out
    follow("gentle-start", days[2])
    said = answer(monkeypatch, capsys, days[2].replace(minute=15), "7")  # red
    assert "Pelvic tilt: 7 becomes 6 next time you do that routine: red" in said

    today(monkeypatch, capsys, days[3])
    follow("daily-back-stretch", days[3])
    answer(monkeypatch, capsys, days[3].replace(minute=15), "1")
    out = today(monkeypatch, capsys, days[4])
    assert out[0].startswith("Today: Gentle start")
    was = "    Pelvic tilt: 6 reps, tempo 3-2-3 (was 7 reps, tempo 3-2-3): red"
    assert any(line.startswith(was) for line in out), out


def test_two_red_days_lead_today_status_and_the_today_row_with_the_advice(
    monkeypatch, capsys, isolated_home
):
    """Pain of 6 or more on two days of the last 7: progression is held, and every
    place that offers the plan's session says `zones.SEE_PROFESSIONAL` first, once;
    `today` exits 1 (a reminder does not urge it). One red day alone does not."""
    from tui.core.present.programme import HELD_ROW
    from tui.core.programme.zones import SEE_PROFESSIONAL
    from tui.screens.library_today import plan_state, today_preview, today_row

    monday = datetime(2026, 3, 2, 8, 0)
    monkeypatch.setattr(plan, "wall", monday.timestamp)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    capsys.readouterr()
    answer(monkeypatch, capsys, datetime(2026, 3, 1, 20, 0), "7")  # a red day, alone
    out = today(monkeypatch, capsys, monday)
    assert SEE_PROFESSIONAL not in "\n".join(out) and out[0].startswith("Today: Gentle start")

    answer(monkeypatch, capsys, datetime(2026, 3, 2, 7, 0), "6")  # a second red day
    monkeypatch.setattr(plan, "wall", monday.timestamp)
    assert main(["today"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == SEE_PROFESSIONAL and out.count(SEE_PROFESSIONAL) == 1
    assert lines[1].startswith("Today, only if it feels right: Gentle start")
    assert "Start it:" not in out
    assert main(["plan", "status"]) == 0
    status = capsys.readouterr().out
    assert status.count(SEE_PROFESSIONAL) == 1

    with Store.open() as store:
        row = today_row(plan_state(store, monday.timestamp)(), [])
    assert row is not None and row.name == HELD_ROW
    _, _, summary, _ = today_preview(row)
    assert summary.count(SEE_PROFESSIONAL) == 1

    later = datetime(2026, 3, 8, 8, 0)  # the first red day is 7 days back: out of the window
    monkeypatch.setattr(plan, "wall", later.timestamp)
    assert main(["today"]) in (0, 1)
    assert SEE_PROFESSIONAL not in capsys.readouterr().out


def test_where_a_person_is_is_told_in_sessions_and_weeks_say_how_they_count(
    monkeypatch, capsys, isolated_home
):
    """A plan moves on by sessions: no line names a week without saying weeks
    count sessions (a "week 2 of 2" on the first calendar week's Friday confused)."""
    from tui.core.catalog.plans import find_plan, read_plan
    from tui.core.present.programme import where_text
    from tui.core.programme.schedule import expand

    ref = find_plan("back-care-12-weeks")
    assert ref is not None
    programme, _ = read_plan(ref)
    assert not [s for s in expand(programme) if "week" in where_text(programme, s)]

    monkeypatch.setattr(plan, "wall", datetime(2026, 3, 2, 8, 0).timestamp)  # a Monday
    assert main(["plan", "start", "back-care-12-weeks", "--days", "mon,wed,fri"]) == 0
    follow("gentle-start", datetime(2026, 3, 2, 9, 0))
    follow("daily-back-stretch", datetime(2026, 3, 4, 9, 0))
    out = today(monkeypatch, capsys, datetime(2026, 3, 6, 8, 0))  # that week's Friday
    assert "Get moving · session 3 of 6 in this phase · 3 of 33 in all" in "\n".join(out)
    assert main(["plan", "status"]) == 0
    status = capsys.readouterr().out
    weeks = [line for line in status.splitlines() if re.search(r"week \d", line)]
    assert "Phase 1 of 4: Get moving, session 3 of 6 in this phase" in status
    assert weeks == ["  Weeks count sessions done (2 a week), not the calendar: this is its "
                     "week 2 of 3, week 2 of 12 of the plan."], weeks


def test_a_day_to_ease_off_never_urges_another_routine(monkeypatch, capsys, isolated_home):
    """Enter on a done day's Today row: 'any routine is yours to do' only when no
    red pain, worse morning or see-a-professional advice stands today."""
    from tui.screens.library_today import not_due_note, plan_state, today_row

    monday = datetime(2026, 3, 2, 8, 0)
    monkeypatch.setattr(plan, "wall", monday.timestamp)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    follow("gentle-start", monday.replace(hour=9))
    answer(monkeypatch, capsys, monday.replace(hour=9, minute=15), "2")
    evening = monday.replace(hour=20).timestamp
    with Store.open() as store:
        row = today_row(plan_state(store, evening)(), [])
    assert row is not None and "yours to do all the same" in not_due_note(row)

    answer(monkeypatch, capsys, monday.replace(hour=19), "7")  # red pain, on its own
    with Store.open() as store:
        row = today_row(plan_state(store, evening)(), [])
    assert row is not None
    note = not_due_note(row)
    assert "yours to do" not in note and "Ease off today" in note


def test_today_offers_resume_for_a_paused_session_and_names_a_routine_that_cannot_start(
    monkeypatch, capsys, isolated_home
):
    """The routine due paused: `spinewise resume`, not `run`. Gone or broken: what is
    wrong and what to do, exit 1 (nothing can start)."""
    from tui.core import paths

    monday = datetime(2026, 3, 2, 8, 0)
    own = paths.user_plans_dir()
    own.mkdir(parents=True)
    (own / "mine.toml").write_text('name = "Mine"\n[[phase]]\nname = "a"\nweeks = 2\n'
                                   'sessions_per_week = 2\nroutines = ["gentle-start"]\n')
    monkeypatch.setattr(plan, "wall", monday.timestamp)
    assert main(["plan", "start", "mine"]) == 0
    capsys.readouterr()
    ref = find("gentle-start")
    assert ref is not None
    with Store.open() as store:  # begun, never ended: it waits to be resumed
        store.begin("gentle-start", str(ref.path), "Gentle start", ref.path.read_text(), 300, 1,
                    {}, monday.timestamp())  # fmt: skip
    out = today(monkeypatch, capsys, monday.replace(hour=9))
    assert out[-1] == "It is paused: carry on with spinewise resume"

    routines = paths.user_routines_dir()
    routines.mkdir(parents=True)
    broken = routines / "gentle-start.toml"  # one's own wins over the bundled one
    broken.write_text('name = "Gentle start"\n[[exercise]]\nname = "Tilt"\nreps = -1\n')
    monkeypatch.setattr(plan, "wall", monday.timestamp)
    assert main(["today"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"Today's session is gentle-start, and it cannot be read: {broken}:2:1:")
    assert f"Fix it (spinewise check {broken}), or stop the plan: spinewise plan stop" in out
    assert "Start it" not in out

    text = (own / "mine.toml").read_text().replace("gentle-start", "quick")
    (own / "mine.toml").write_text(text)
    (routines / "quick.toml").write_text(
        'name = "Quick"\n[[exercise]]\nname = "Tilt"\nreps = 1\nself_paced = true\n')
    assert main(["plan", "start", "mine", "--replace"]) == 0
    (routines / "quick.toml").unlink()
    capsys.readouterr()
    assert main(["today"]) == 1
    out = capsys.readouterr().out
    assert "there is no routine 'quick' now" in out and "spinewise plan stop" in out
    assert "Start it" not in out

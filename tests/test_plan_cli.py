"""`spinewise plan start|status|stop|list` and `spinewise today` over faked days:
what they say, and their exit status (0 due, 1 none due or invalid, 2 usage)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.programme.helpers import ended
from tui.cli import main
from tui.commands import plan
from tui.core import paths
from tui.core.store.database import Store

SUNDAY = datetime(2026, 3, 1, 8, 0)


def on(monkeypatch, when: datetime) -> None:
    monkeypatch.setattr(plan, "wall", when.timestamp)


def said(capsys) -> tuple[str, str]:
    out = capsys.readouterr()
    return out.out, out.err


def done(routine: str, when: datetime) -> None:
    with Store.open() as store:
        ended(store, routine, when)


def test_without_a_plan_today_and_status_say_how_to_start_one(capsys):
    assert main(["today"]) == 1
    assert "No plan is running. Start one with: spinewise plan start back-care-12-weeks" in (
        said(capsys)[0])
    assert main(["plan", "status"]) == 1
    assert "no plan is running" in said(capsys)[1]
    assert main(["plan", "stop"]) == 1


def test_a_plan_followed_over_faked_days(monkeypatch, capsys):
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    out, _ = said(capsys)
    assert "Started Back care, 12 weeks: 4 phases, 12 weeks, 33 sessions." in out
    assert "the plan's own rhythm: Mon and Thu (2 a week), then Mon, Wed and Fri" in out
    assert "Today: Gentle start (gentle-start), 4:58" in out  # the start day is a session day

    assert main(["today"]) == 0
    out, _ = said(capsys)
    assert out.splitlines() == [
        "Today: Gentle start (gentle-start), 4:58",
        "  Exercises that progress, at today's dose:",  # (issue 16, progression)
        "    Pelvic tilt: 6 reps, tempo 3-2-3 (as written)",  # units, as `show` says it
        "    Knee to chest: hold 15 s each side (as written)",
        "    Glute bridge: 5 reps, tempo 2-3-2 (as written)",
        "    Hamstring stretch: hold 15 s each side (as written)",
        "Back care, 12 weeks: phase 1 of 4, Get moving · session 1 of 6 in this phase · "
        "1 of 33 in all",
        "Start it: spinewise run gentle-start",
    ]
    done("gentle-start", datetime(2026, 3, 1, 9, 0))
    assert main(["today"]) == 1
    out, _ = said(capsys)
    assert out.splitlines()[0] == (  # not Monday, the day after: a rest day between
        "Done for today. Next: Daily back stretch (daily-back-stretch), 11:39, Thu 05 Mar."
    )
    on(monkeypatch, datetime(2026, 3, 3, 8, 0))  # a Tuesday, Monday missed
    assert main(["today"]) == 1
    assert said(capsys)[0].startswith("Rest day. Next: Daily back stretch (daily-back-stretch)"
                                      ", 11:39, Thu 05 Mar.")  # fmt: skip
    on(monkeypatch, datetime(2026, 3, 12, 8, 0))  # a week later: nothing skipped
    assert main(["today"]) == 0
    assert said(capsys)[0].startswith("Today: Daily back stretch")
    assert main(["plan", "status"]) == 0
    out, _ = said(capsys)
    assert "Back care, 12 weeks (back-care-12-weeks), started Sun 01 Mar 2026" in out
    assert "Phase 1 of 4: Get moving, session 2 of 6 in this phase" in out
    assert "Sessions: 1 done, 32 to go (33 in all)" in out
    assert "Next: Daily back stretch (daily-back-stretch), 11:39, today" in out
    assert main(["plan", "stop"]) == 0
    assert "Stopped Back care, 12 weeks after 1 of 33 sessions." in said(capsys)[0]
    assert main(["today"]) == 1


def test_a_second_start_asks_nothing_and_changes_nothing_unless_replace(monkeypatch, capsys):
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks", "--days", "tue,sat"]) == 0
    said(capsys)
    assert main(["plan", "start", "back-care-12-weeks"]) == 1
    _, err = said(capsys)
    assert "a plan is already running: Back care, 12 weeks" in err and "--replace" in err
    with Store.open() as store:
        kept = store.running_plan()
        assert kept is not None and kept.days == (1, 5)
    assert main(["plan", "start", "back-care-12-weeks", "--replace"]) == 0
    assert said(capsys)[0].startswith(
        "Stopped Back care, 12 weeks after 0 of 33 sessions; its sessions stay")
    with Store.open() as store:
        kept = store.running_plan()
        assert kept is not None and kept.days is None


def test_days_chosen_are_said_with_what_they_mean(monkeypatch, capsys):
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks", "--days", "mon,thu"]) == 0
    out, _ = said(capsys)
    assert "Days: Mon and Thu." in out
    assert "Phases 2, 3 and 4 ask for up to 3 sessions a week: on 2 days a week it takes " \
           "longer, and skips nothing." in out


@pytest.mark.parametrize(
    "words",
    [["plan", "start", "back-care-12-weeks", "--days", "mon,wex"], ["plan"], ["today", "x"],
     ["plan", "start"], ["plan", "go"]],
)  # fmt: skip
def test_wrong_usage_exits_2(words, capsys):
    with pytest.raises(SystemExit) as leaving:
        main(words)
    assert leaving.value.code == 2


def test_an_unknown_plan_gets_a_did_you_mean_and_an_invalid_one_its_problems(capsys, tmp_path):
    assert main(["plan", "start", "back-care"]) == 1
    assert "no plan 'back-care'; did you mean back-care-12-weeks?" in said(capsys)[1]
    own = paths.user_plans_dir()
    own.mkdir(parents=True)
    (own / "mine.toml").write_text(
        'name = "Mine"\n[[phase]]\nname = "a"\nweeks = 1\nsessions_per_week = 2\n'
        'routines = ["gentle-strat"]\n'
    )
    assert main(["plan", "start", "mine"]) == 1
    assert said(capsys)[1] == (
        f'{own / "mine.toml"}:6:13: phase[1].routines[1]: no routine "gentle-strat" among the '
        'bundled routines and your own; did you mean "gentle-start"?\n'
    )
    assert main(["plan", "list"]) == 0
    out, _ = said(capsys)
    assert "back-care-12-weeks  Back care, 12 weeks" in out
    mine = next(line for line in out.splitlines() if line.startswith("mine "))
    # an invalid plan's row says so; the command that says why is on a line of its own
    # below the table, so a long path does not widen it (issue 16, found by a tester)
    assert "invalid: see below" in mine and "gentle-strat" not in out
    assert f"mine is invalid; to see why: spinewise check {own / 'mine.toml'}" in out
    assert max(len(line) for line in out.splitlines() if "spinewise check" not in line) <= 80
    assert main(["check", str(own / "mine.toml")]) == 1
    assert main(["check", str(paths.bundled_plans_dir())]) == 0
    with Store.open() as store:
        assert store.running_plan() is None


def test_an_unknown_plan_is_told_as_run_tells_an_unknown_routine(capsys):
    """`plan start nope` and `run nope` agree: exit 1 (not 2: the words were used
    right, the id is unknown), the known ids or a did-you-mean."""
    assert main(["run", "nope", "--plain"]) == 1
    routine = said(capsys)[1]
    assert main(["plan", "start", "nope"]) == 1
    plan_said = said(capsys)[1]
    assert "no routine 'nope'; known routines: " in routine
    assert plan_said == "spinewise: no plan 'nope'; known plans: back-care-12-weeks\n"


def test_an_edit_to_the_file_after_starting_changes_nothing_followed(monkeypatch, capsys):
    on(monkeypatch, SUNDAY)
    own = paths.user_plans_dir()
    own.mkdir(parents=True)
    text = ('name = "Mine"\n[[phase]]\nname = "a"\nweeks = 1\nsessions_per_week = 2\n'
            'routines = ["gentle-start"]\n')  # fmt: skip
    (own / "mine.toml").write_text(text)
    assert main(["plan", "start", "mine"]) == 0
    (own / "mine.toml").write_text(text.replace("gentle-start", "big-three"))
    said(capsys)
    assert main(["today"]) == 0
    assert said(capsys)[0].startswith("Today: Gentle start (gentle-start)")


def test_a_finished_plan_says_so(monkeypatch, capsys):
    on(monkeypatch, SUNDAY)
    own = paths.user_plans_dir()
    own.mkdir(parents=True)
    (own / "short.toml").write_text('name = "Short"\n[[phase]]\nname = "a"\nweeks = 1\n'
                                    'sessions_per_week = 1\nroutines = ["gentle-start"]\n')
    assert main(["plan", "start", "short"]) == 0
    done("gentle-start", datetime(2026, 3, 1, 9, 0))
    said(capsys)
    on(monkeypatch, datetime(2026, 3, 4, 9, 0))
    assert main(["today"]) == 1
    assert said(capsys)[0].startswith("Short is finished: all 1 session done.")


def test_today_and_plan_status_never_import_textual():
    import subprocess
    import sys

    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    code = (
        "import sys, io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    codes = main(['today']), main(['plan', 'status'])\n"
        "assert codes == (0, 0), codes\n"
        "assert not {'textual', 'rich'} & {m.split('.')[0] for m in sys.modules}, 'imported'\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_a_routine_gone_since_the_start_is_named_and_said_unreadable(monkeypatch, capsys):
    on(monkeypatch, SUNDAY)
    routines, plans = paths.user_routines_dir(), paths.user_plans_dir()
    routines.mkdir(parents=True)
    plans.mkdir(parents=True)
    (routines / "mine.toml").write_text('name = "Mine"\n[[exercise]]\nname = "x"\nhold = 5\n')
    (plans / "p.toml").write_text('name = "P"\n[[phase]]\nname = "a"\nweeks = 1\n'
                                  'sessions_per_week = 1\nroutines = ["mine"]\n')  # fmt: skip
    assert main(["plan", "start", "p"]) == 0
    (routines / "mine.toml").unlink()
    said(capsys)
    assert main(["today"]) == 1  # nothing can be started: what is wrong, and what to do
    out = said(capsys)[0]
    assert out.startswith("Today's session is mine, and there is no routine 'mine' now")
    assert "spinewise plan stop" in out and "Start it" not in out


def test_today_and_status_give_the_time_of_today_s_dose(monkeypatch, capsys):
    """The time printed is the session's to come: at the stages held, not as written
    (the routine library's Today row and preview say the same)."""
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    said(capsys)
    with Store.open() as store, store._write() as conn:  # two tilts more than written
        conn.execute("INSERT INTO stages VALUES ('gentle-start', 'Pelvic tilt', 2, 0, 0)")
    assert main(["today"]) == 0
    lines = said(capsys)[0].splitlines()
    assert lines[0] == "Today: Gentle start (gentle-start), 5:14"  # 4:58 as written
    assert lines[2].startswith("    Pelvic tilt: 8 reps")  # under "Exercises that progress..."
    assert main(["plan", "status"]) == 0
    assert "Next: Gentle start (gentle-start), 5:14, today" in said(capsys)[0]
    assert main(["show", "gentle-start", "--json"]) == 0
    assert '"total_seconds": 314,' in said(capsys)[0]  # the plan `show` gives: the same
    assert main(["plan", "start", "back-care-12-weeks", "--replace"]) == 0
    assert "Today: Gentle start (gentle-start), 5:14" in said(capsys)[0].splitlines()

"""`spinewise remind set|status|off|fire` as a person runs them, over faked days,
with systemctl, notify-send, osascript and launchctl replaced by recording fakes."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from tests.programme.helpers import ended
from tests.remind.conftest import Fakes
from tui.cli import main
from tui.commands import plan
from tui.commands.remind_fire import fire
from tui.core.store.database import Store

SUNDAY = datetime(2026, 3, 1, 7, 30)
MONDAY, TUESDAY, WEDNESDAY = (datetime(2026, 3, d, 7, 30) for d in (2, 3, 4))


def on(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    monkeypatch.setattr(plan, "wall", when.timestamp)


def files_under(*roots: str) -> set[Path]:
    return {p for root in roots for p in Path(os.environ[root]).rglob("*") if p.is_file()}


def start_plan(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks", "--days", "mon,wed,fri"]) == 0
    capsys.readouterr()


def test_set_status_off_with_a_user_systemd(fakes: Fakes, capsys: pytest.CaptureFixture[str]):
    before = files_under("XDG_CONFIG_HOME", "XDG_STATE_HOME")
    assert main(["remind", "set", "07:30", "--days", "mon,wed,fri"]) == 0
    out = capsys.readouterr().out
    assert "Reminder set: 07:30 on Mon, Wed and Fri, when a session of your plan is due " \
        "(a systemd user timer)." in out
    assert "No plan is running yet" in out
    units = Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user"
    assert sorted(p.name for p in units.iterdir()) == [
        "spinewise-remind.service", "spinewise-remind.timer"]
    assert ["systemctl", "--user", "enable", "--now", "spinewise-remind.timer"] in fakes.calls()

    fakes.answer("systemctl", "ActiveState=active\n"
                 "NextElapseUSecRealtime=Mon 2026-03-02 07:30:00 CET\nLastTriggerUSec=n/a\n")
    assert main(["remind", "status"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Reminder: 07:30 on Mon, Wed and Fri")
    assert "timer: active (spinewise-remind.timer)" in out
    assert "next: Mon 2026-03-02 07:30:00 CET" in out

    assert main(["remind", "off"]) == 0
    assert "removed" in capsys.readouterr().out
    assert files_under("XDG_CONFIG_HOME", "XDG_STATE_HOME") == before  # no file left behind
    assert main(["remind", "off"]) == 1
    assert main(["remind", "status"]) == 1
    assert "no reminder is set" in capsys.readouterr().err


def test_without_a_user_systemd_set_prints_the_crontab_line_and_changes_nothing(
    fakes: Fakes, capsys: pytest.CaptureFixture[str]
):
    fakes.fail("systemctl")
    before = files_under("XDG_CONFIG_HOME", "XDG_STATE_HOME")
    assert main(["remind", "set", "18:05"]) == 0
    out = capsys.readouterr().out
    assert "nothing was changed" in out
    assert "session bus" in out
    assert out.splitlines()[-1].startswith(
        "5 18 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus XDG_CONFIG_HOME=")
    assert out.splitlines()[-1].endswith(" -m tui remind fire")
    assert files_under("XDG_CONFIG_HOME", "XDG_STATE_HOME") == before
    assert [c[1:3] for c in fakes.calls("systemctl")] == [["--user", "show-environment"]]


def test_a_refusing_systemd_sets_nothing(fakes: Fakes, capsys: pytest.CaptureFixture[str]):
    fakes.answer("systemctl", "")
    (fakes.folder / "systemctl").write_text(
        "#!/bin/sh\n[ \"$2\" = show-environment ] && exit 0\necho 'Failed to connect' >&2\n"
        "exit 1\n")
    before = files_under("XDG_CONFIG_HOME", "XDG_STATE_HOME")
    assert main(["remind", "set", "07:30"]) == 1
    assert "Failed to connect; no reminder was set" in capsys.readouterr().err
    assert files_under("XDG_CONFIG_HOME", "XDG_STATE_HOME") == before


@pytest.mark.parametrize("words", [["remind", "set", "7.30"], ["remind", "set", "07:30",
                                   "--days", "someday"], ["remind"]])  # fmt: skip
def test_wrong_usage_exits_2(words: list[str], capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_:
        main(words)
    assert exit_.value.code == 2


def test_fire_notifies_on_a_due_day_once_and_is_silent_on_done_and_rest_days(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    assert fire() == 0  # no plan: silent
    start_plan(monkeypatch, capsys)
    assert fire() == 0  # the start day: due
    assert fakes.calls("notify-send") == [[
        "notify-send", "--app-name=spinewise", "spinewise: a back-care session is due",
        "Gentle start is due today. Start it with: spinewise run gentle-start"]]
    assert fire() == 0  # the scheduler again the same day: one notification a day
    assert len(fakes.calls("notify-send")) == 1

    with Store.open() as store:
        ended(store, "gentle-start", SUNDAY.replace(hour=9))
    on(monkeypatch, SUNDAY.replace(hour=18))
    assert main(["remind", "fire"]) == 0  # done today: silent
    on(monkeypatch, TUESDAY)
    assert main(["remind", "fire"]) == 0  # a rest day (Mon, Wed, Fri): silent
    assert len(fakes.calls("notify-send")) == 1
    on(monkeypatch, WEDNESDAY)
    assert main(["remind", "fire"]) == 0  # Monday missed: due on Wednesday
    assert fakes.calls("notify-send")[-1][-1].startswith("Daily back stretch is due")
    assert capsys.readouterr() == ("", "")  # it never prints when all is well


def test_off_keeps_a_timer_the_person_edited_and_says_which_and_why(
    fakes: Fakes, capsys: pytest.CaptureFixture[str]
):
    assert main(["remind", "set", "07:30"]) == 0
    capsys.readouterr()
    timer = Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user" / "spinewise-remind.timer"
    timer.write_text(timer.read_text().replace("07:30", "06:45"))
    assert main(["remind", "off"]) == 0
    out = capsys.readouterr().out
    assert f"  kept {timer}: it was edited since spinewise wrote it" in out
    service = timer.with_suffix(".service")
    assert f"  kept {service}: kept with spinewise-remind.timer, which needs it" in out
    assert service.exists()
    assert timer.exists() and "06:45" in timer.read_text()


def test_a_missing_notifier_is_reported_once_not_every_day(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    start_plan(monkeypatch, capsys)
    fakes.remove("notify-send")
    monkeypatch.setenv("PATH", str(fakes.folder))  # no real notify-send either
    assert fire() == 1
    err = capsys.readouterr().err
    assert "notify-send was not found" in err and "spinewise run gentle-start" in err
    on(monkeypatch, MONDAY)
    assert fire() == 0
    assert capsys.readouterr().err == ""
    assert main(["remind", "set", "07:30"]) == 0
    capsys.readouterr()
    assert main(["remind", "status"]) == 0
    assert "The notifier notify-send was not found" in capsys.readouterr().out


def test_fire_on_macos_uses_osascript(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    start_plan(monkeypatch, capsys)
    assert fire(platform="darwin") == 0
    assert fakes.calls("osascript") == [[
        "osascript", "-e", 'display notification "Gentle start is due today. Start it '
        'with: spinewise run gentle-start" with title "spinewise: a back-care session is due"']]
    assert fakes.calls("notify-send") == []


def test_a_failing_notifier_is_said_once_shown_in_status_and_cleared_when_it_works(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    start_plan(monkeypatch, capsys)
    notifier = fakes.folder / "notify-send"
    working = notifier.read_text()
    # as the real notify-send says it with no session bus (run from cron), on stderr
    notifier.write_text(working.replace(
        "exit 0\n", "echo 'Cannot autolaunch D-Bus without X11 $DISPLAY' >&2\nexit 1\n"))
    assert fire() == 1
    err = capsys.readouterr().err
    assert "notify-send exited with status 1: Cannot autolaunch D-Bus without X11 $DISPLAY" \
        in err and "said once" in err
    on(monkeypatch, MONDAY)
    assert fire() == 0  # the same failure again: tried, not said again
    assert capsys.readouterr().err == ""
    assert len(fakes.calls("notify-send")) == 2
    assert main(["remind", "set", "07:30"]) == 0
    capsys.readouterr()
    assert main(["remind", "status"]) == 0
    assert "The notifier failed when it last fired: notify-send exited with status 1: " \
        "Cannot autolaunch D-Bus without X11 $DISPLAY." in capsys.readouterr().out

    notifier.write_text(working)  # works again: the failure is forgotten
    assert fire() == 0
    assert len(fakes.calls("notify-send")) == 3
    assert main(["remind", "status"]) == 0
    assert "failed" not in capsys.readouterr().out
    notifier.write_text(working.replace("exit 0\n", "exit 1\n"))
    on(monkeypatch, WEDNESDAY)
    assert fire() == 1  # a failure after it worked is said again
    assert "notify-send exited with status 1. This is said once" in capsys.readouterr().err


def test_a_notifier_that_hangs_is_ended(tmp_path: Path):
    from tui.core.programme.notify import run_noting

    assert run_noting(["/bin/sh", "-c", "sleep 30"], timeout=0.2)[0] is None
    assert run_noting(["/bin/sh", "-c", "exit 3"], timeout=5)[0] == 3
    with pytest.raises(OSError):
        run_noting([str(tmp_path / "missing")], timeout=5)


def test_days_that_skip_the_plan_s_days_are_said_in_one_sentence_and_set_anyway(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0  # Mon, Thu; then Mon, Wed, Fri
    capsys.readouterr()
    assert main(["remind", "set", "07:30", "--days", "mon,wed,fri"]) == 0
    out = capsys.readouterr().out
    assert "Reminder set: 07:30 on Mon, Wed and Fri" in out
    said = ("Your plan also has sessions on Thu, which this reminder skips; to be reminded "
            "then too: spinewise remind set 07:30 --days mon,wed,thu,fri")
    assert said in out.splitlines()
    assert (Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user"
            / "spinewise-remind.timer").exists()  # set all the same: the person's choice
    assert main(["remind", "status"]) == 0
    assert said in capsys.readouterr().out.splitlines()

    # Days that cover the plan's (and more: a rest day stays silent) say nothing.
    assert main(["remind", "set", "07:30", "--days", "mon,wed,thu,fri,sat"]) == 0
    assert "skips" not in capsys.readouterr().out
    assert main(["remind", "set", "07:30"]) == 0  # every day
    assert "skips" not in capsys.readouterr().out
    # Days chosen for the plan: compared with those.
    assert main(["plan", "start", "back-care-12-weeks", "--replace", "--days", "tue,sat"]) == 0
    assert main(["remind", "set", "07:30", "--days", "tue"]) == 0
    assert ("Your plan also has sessions on Sat, which this reminder skips; to be reminded then "
            "too: spinewise remind set 07:30 --days tue,sat") in capsys.readouterr().out


def test_the_cron_line_gets_the_same_word(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    fakes.fail("systemctl")
    start_plan(monkeypatch, capsys)  # mon,wed,fri
    assert main(["remind", "set", "07:30", "--days", "mon,fri"]) == 0
    assert "Your plan also has sessions on Wed, which this reminder skips" in (
        capsys.readouterr().out)


def test_only_the_days_still_to_come_count():
    from datetime import date, timedelta

    from tui.core.catalog.plans import find_plan, read_plan
    from tui.core.present.programme import reminder_skips
    from tui.core.programme.schedule import DoneSession, due_today, expand

    ref = find_plan("back-care-12-weeks")
    assert ref is not None
    programme = read_plan(ref)[0]
    first = programme.phases[0].sessions  # Mon and Thu; every phase after: Mon, Wed, Fri
    start = date(2026, 3, 2)
    done = [DoneSession(start + timedelta(days=n * 3), slot.routine_id)
            for n, slot in enumerate(expand(programme)[:first])]  # fmt: skip
    later = due_today(programme, started=start, days=None, sessions=done,
                      today=start + timedelta(days=40))  # fmt: skip
    assert reminder_skips(programme, None, later, (0, 2, 4), "07:30") == ""
    now = due_today(programme, started=start, days=None, sessions=[], today=start)
    assert "sessions on Thu," in reminder_skips(programme, None, now, (0, 2, 4), "07:30")


def test_status_lists_the_dose_as_show_does_and_says_what_is_listed(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """Found by a tester: status listed "Pelvic tilt: 6, as written", only the exercises
    that progress and without units, beside `show`'s "6 reps, tempo 3-2-3"."""
    start_plan(monkeypatch, capsys)
    on(monkeypatch, MONDAY)
    assert main(["remind", "set", "07:30"]) == 0
    capsys.readouterr()
    assert main(["remind", "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    at = out.index("Today: Gentle start (gentle-start), 4:58")
    assert out[at + 1 : at + 6] == [
        "  Exercises that progress, at today's dose:",
        "    Pelvic tilt: 6 reps, tempo 3-2-3 (as written)",
        "    Knee to chest: hold 15 s each side (as written)",
        "    Glute bridge: 5 reps, tempo 2-3-2 (as written)",
        "    Hamstring stretch: hold 15 s each side (as written)",
    ]
    assert main(["show", "gentle-start"]) == 0
    shown = capsys.readouterr().out
    assert "Today: Pelvic tilt: 6 reps, tempo 3-2-3 (stage 0 of 4)" in shown


def test_a_plan_started_after_the_reminder_gets_the_same_word(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    assert main(["remind", "set", "07:30", "--days", "mon,wed,fri"]) == 0
    capsys.readouterr()
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0  # Mon, Thu; then Mon, Wed, Fri
    assert ("Your plan also has sessions on Thu, which this reminder skips; to be reminded "
            "then too: spinewise remind set 07:30 --days mon,wed,thu,fri") in (
        capsys.readouterr().out.splitlines())
    assert main(["plan", "start", "back-care-12-weeks", "--replace", "--days", "mon,fri"]) == 0
    assert "which this reminder skips" not in capsys.readouterr().out

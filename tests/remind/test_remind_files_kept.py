"""Found by a fresh tester: `remind set` overwrote reminder files that `remind off`
had just said were kept as the person's, and over an edited timer while a
reminder was on; `remind status` showed 07:30 for a timer edited to 07:45; the
days hint said "also" for a reminder on none of the plan's days; a day given
twice in `--days` was taken silently. systemctl is a recording fake first on PATH."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from tests.remind.conftest import Fakes
from tui.cli import main
from tui.commands import plan

SUNDAY = datetime(2026, 3, 1, 7, 30)


def units() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user"


def changes(fakes: Fakes) -> list[list[str]]:
    """The scheduler calls that change something (not the probe for a user systemd)."""
    return [c for c in fakes.calls() if "show-environment" not in c]


def snapshot() -> dict[Path, bytes]:
    roots = (os.environ["XDG_CONFIG_HOME"], os.environ["XDG_STATE_HOME"])
    return {p: p.read_bytes() for root in roots for p in Path(root).rglob("*") if p.is_file()}


def test_set_never_overwrites_a_file_remind_off_kept(
    fakes: Fakes, capsys: pytest.CaptureFixture[str]
):
    assert main(["remind", "set", "07:30"]) == 0
    service = units() / "spinewise-remind.service"
    service.write_text(service.read_text() + "# my note\n")
    assert main(["remind", "off"]) == 0
    assert "it is yours now" in capsys.readouterr().out
    before, calls = snapshot(), changes(fakes)

    assert main(["remind", "set", "7:30"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and str(service) in err
    assert "nothing was changed" in err
    assert "spinewise remind set 07:30 --force, or move them away first" in err
    assert "spinewise-remind.timer and " in err
    assert (" are not as spinewise wrote them (they were kept as yours by `remind off`, "
            "or made by hand)") in err
    assert snapshot() == before  # no half-set state: the timer was not written either
    assert changes(fakes) == calls  # the scheduler was not touched

    assert main(["remind", "set", "07:30", "--force"]) == 0
    assert "# my note" not in service.read_text()
    assert main(["remind", "off"]) == 0
    assert not service.exists()


def test_set_again_over_a_timer_edited_while_on_refuses_and_keeps_the_reminder(
    fakes: Fakes, capsys: pytest.CaptureFixture[str]
):
    assert main(["remind", "set", "07:30", "--days", "mon,wed"]) == 0
    timer = units() / "spinewise-remind.timer"
    timer.write_text(timer.read_text().replace("07:30:00", "07:45:00"))
    capsys.readouterr()
    before, calls = snapshot(), changes(fakes)
    assert main(["remind", "set", "08:00", "--days", "mon,wed"]) == 1
    err = capsys.readouterr().err
    assert f"{timer} was edited since spinewise wrote it, so nothing was changed" in err
    assert "spinewise remind set 08:00 --days mon,wed --force" in err
    assert snapshot() == before
    assert changes(fakes) == calls  # not disabled either: the reminder stays on
    assert json.loads((Path(os.environ["XDG_STATE_HOME"]) / "spinewise" / "remind.json")
                      .read_text())["time"] == "07:30"


def test_a_file_that_fails_half_way_leaves_nothing(
    fakes: Fakes, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    from tui.core.programme import reminder_setup

    real = reminder_setup.write_atomic
    def second_fails(path: Path, text: str) -> None:
        if path.suffix == ".service":
            raise PermissionError(13, "Permission denied", str(path))
        real(path, text)

    monkeypatch.setattr(reminder_setup, "write_atomic", second_fails)
    before = snapshot()
    assert main(["remind", "set", "07:30"]) == 1
    assert "no reminder was set" in capsys.readouterr().err
    assert snapshot() == before


def test_status_says_an_edited_timer_and_what_it_now_says(
    fakes: Fakes, capsys: pytest.CaptureFixture[str]
):
    assert main(["remind", "set", "07:30"]) == 0
    timer = units() / "spinewise-remind.timer"
    timer.write_text(timer.read_text().replace("07:30:00", "07:45:00"))
    capsys.readouterr()
    assert main(["remind", "status"]) == 0
    out = capsys.readouterr().out
    assert (f"{timer}: it was edited since spinewise wrote it; it now says "
            "OnCalendar=*-*-* 07:45:00, so the time above may not be what the scheduler "
            "does") in out.splitlines()
    (units() / "spinewise-remind.service").unlink()
    assert main(["remind", "status"]) == 0
    assert "spinewise-remind.service is gone" in capsys.readouterr().out


def test_status_of_an_untouched_reminder_says_nothing_of_edits(
    fakes: Fakes, capsys: pytest.CaptureFixture[str]
):
    assert main(["remind", "set", "07:30"]) == 0
    capsys.readouterr()
    assert main(["remind", "status"]) == 0
    out = capsys.readouterr().out
    assert "edited" not in out and "gone" not in out


def test_a_reminder_on_none_of_the_plan_s_days_says_so_and_suggests_them(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setattr(plan, "wall", SUNDAY.timestamp)
    assert main(["plan", "start", "back-care-12-weeks", "--days", "tue,thu,sat"]) == 0
    capsys.readouterr()
    assert main(["remind", "set", "07:30", "--days", "mon,wed,fri"]) == 0
    out = capsys.readouterr().out
    assert ("Your plan has sessions on Tue, Thu and Sat, and this reminder is on none of "
            "them; to be reminded on your plan's days: spinewise remind set 07:30 --days "
            "tue,thu,sat") in out.splitlines()
    assert "also" not in out
    assert main(["remind", "set", "07:30", "--days", "mon,tue"]) == 0
    assert ("Your plan also has sessions on Thu and Sat, which this reminder skips"
            in capsys.readouterr().out)


@pytest.mark.parametrize("words", [
    ["remind", "set", "07:30", "--days", "mon,tue,wed,thu,fri,sat,sun,mon"],
    ["plan", "start", "back-care-12-weeks", "--days", "mon,wed,monday"],
])
def test_a_day_given_twice_is_a_usage_error_naming_it(
    words: list[str], capsys: pytest.CaptureFixture[str]
):
    with pytest.raises(SystemExit) as exit_:
        main(words)
    assert exit_.value.code == 2
    assert "mon is given twice" in capsys.readouterr().err

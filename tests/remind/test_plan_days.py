"""`spinewise plan days`: change the days of the plan followed and keep the place in
it. Found by a tester: the only way was `plan start ... --replace`, which started
over ("Sessions: 0 done, 33 to go") without a word; now --replace says so."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.programme.helpers import ended
from tests.remind.conftest import Fakes
from tui.cli import main
from tui.commands import plan
from tui.core.store.database import Store

SUNDAY = datetime(2026, 3, 1, 8, 0)  # the plan starts: its first session is due
TUESDAY, WEDNESDAY = datetime(2026, 3, 3, 8, 0), datetime(2026, 3, 4, 8, 0)


def at(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    monkeypatch.setattr(plan, "wall", when.timestamp)


def test_plan_days_keeps_the_place_and_moves_the_next_session(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    at(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks", "--days", "tue,thu,sat"]) == 0
    with Store.open() as store:
        ended(store, "gentle-start", SUNDAY)
    assert main(["remind", "set", "07:30", "--days", "tue,thu,sat"]) == 0
    capsys.readouterr()

    at(monkeypatch, TUESDAY)
    assert main(["plan", "days", "mon,wed,fri"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("Back care, 12 weeks: days changed from Tue, Thu and Sat to Mon, Wed "
                      "and Fri. Your place is kept.")
    assert "Sessions: 1 done, 32 to go." in out
    assert ("Next: Daily back stretch (daily-back-stretch), 11:39, tomorrow (Wed 04 Mar)"
            in out)  # not today, a Tuesday, any more
    # the reminder's days hint follows the new days
    assert ("Your plan has sessions on Mon, Wed and Fri, and this reminder is on none of "
            "them; to be reminded on your plan's days: spinewise remind set 07:30 --days "
            "mon,wed,fri") in out
    assert main(["today"]) == 1  # a rest day now
    capsys.readouterr()
    at(monkeypatch, WEDNESDAY)
    assert main(["plan", "status"]) == 0
    status = capsys.readouterr().out
    assert "Sessions: 1 done, 32 to go (33 in all)" in status
    assert "Days: Mon, Wed and Fri." in status
    assert main(["today"]) == 0

    assert main(["plan", "days", "--own"]) == 0
    out = capsys.readouterr().out
    assert "days changed from Mon, Wed and Fri to the plan's own rhythm" in out
    assert "Days: the plan's own rhythm: Mon and Thu (2 a week)" in out
    assert main(["plan", "days", "--own"]) == 0
    assert "the days stay the plan's own rhythm; nothing changed." in capsys.readouterr().out


def test_plan_days_without_a_plan_exits_1_and_needs_days(
    capsys: pytest.CaptureFixture[str],
):
    assert main(["plan", "days", "mon,wed"]) == 1
    assert "no plan is running" in capsys.readouterr().err
    for words in (["plan", "days"], ["plan", "days", "mon", "--own"],
                  ["plan", "days", "mon,mon"]):
        with pytest.raises(SystemExit) as exit_:
            main(words)
        assert exit_.value.code == 2


def test_replace_says_it_starts_over_and_how_to_change_only_days(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    at(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    with Store.open() as store:
        ended(store, "gentle-start", SUNDAY)
    at(monkeypatch, TUESDAY)
    capsys.readouterr()
    assert main(["plan", "start", "back-care-12-weeks", "--days", "tue,sat"]) == 1
    assert ("to change only its days and keep your place: spinewise plan days tue,sat."
            in capsys.readouterr().err)
    assert main(["plan", "start", "back-care-12-weeks", "--days", "tue,sat", "--replace"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("Stopped Back care, 12 weeks after 1 of 33 sessions; its sessions stay "
                      "in your history.")
    assert out[1].startswith("Started Back care, 12 weeks over at session 1: ")
    assert out[2] == ("Your place in it was not carried over; `spinewise plan days DAYS` "
                      "changes only the days and keeps it.")

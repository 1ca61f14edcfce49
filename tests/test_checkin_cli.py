"""`spinewise checkin`: where an answer goes (the 24-hour rule), usage errors
(exit 2), and `history --json` carrying the check-ins."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tui.cli import main
from tui.commands import checkin
from tui.core.programme.zones import Change, Kind
from tui.core.store.database import Store

ENDED = datetime(2026, 3, 1, 22, 30).timestamp()


@pytest.fixture
def session() -> int:
    with Store.open() as store:
        sid = store.begin("care", None, "Care", 'name = "Care"\n', 60.0, 1, {}, ENDED - 600)
        with store._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?",
                (ENDED, sid),
            )
    return sid


def at(monkeypatch, when: datetime) -> None:
    monkeypatch.setattr(checkin, "wall", when.timestamp)


def kept() -> list[tuple]:
    with Store.open() as store:
        return [(c.kind, c.pain, c.change, c.session_id, c.note) for c in store.checkins()]


def test_pain_after_midnight_is_the_last_sessions_pain_after(monkeypatch, capsys, session):
    at(monkeypatch, datetime(2026, 3, 2, 0, 15))
    assert main(["checkin", "4", "--note", "stiff"]) == 0
    assert "pain after your session" in capsys.readouterr().out
    at(monkeypatch, datetime(2026, 3, 2, 7, 0))
    assert main(["checkin", "--vs", "better"]) == 0
    assert main(["checkin", "3"]) == 0  # it has its pain after: this one stands alone
    assert kept() == [
        (Kind.AFTER, 4, None, session, "stiff"),
        (Kind.NEXT_DAY, None, Change.BETTER, session, None),
        (Kind.STANDALONE, 3, None, None, None),
    ]
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in record["checkins"]] == ["after", "next-day"]
    assert record["checkins"][0]["pain"] == 4


def test_more_than_a_day_later_it_stands_alone(monkeypatch, session):
    at(monkeypatch, datetime(2026, 3, 2, 22, 31))
    assert main(["checkin", "2", "--vs", "same", "--effort", "easy"]) == 0
    assert kept() == [(Kind.STANDALONE, 2, Change.SAME, None, None)]


def test_red_twice_this_week_prints_the_advice(monkeypatch, capsys):
    at(monkeypatch, datetime(2026, 3, 2, 9, 0))
    assert main(["checkin", "6"]) == 0
    assert "physiotherapist" not in capsys.readouterr().out
    at(monkeypatch, datetime(2026, 3, 4, 9, 0))
    assert main(["checkin", "7"]) == 0
    assert "physiotherapist or doctor" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["11"], "pain is a whole number from 0 to 10, not 11"),
        (["-1"], "pain is a whole number"),
        (["ten"], "not 'ten'"),
        (["3", "--vs", "fine"], "invalid choice: 'fine'"),
        (["3", "--effort", "medium"], "invalid choice: 'medium'"),
        ([], "give a pain 0-10"),
    ],
)
def test_wrong_words_are_usage_errors(words, said, capsys):
    with pytest.raises(SystemExit) as exit_:
        code = main(["checkin", *words])
        raise SystemExit(code)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert kept() == []


def test_the_history_table_has_a_pain_column(monkeypatch, capsys, session):
    at(monkeypatch, datetime(2026, 3, 2, 0, 15))
    assert main(["checkin", "6"]) == 0
    capsys.readouterr()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "pain" in out and "– → 6 red" in out

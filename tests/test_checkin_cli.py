"""`spinewise checkin`: where an answer goes (the 24-hour rule), usage errors
(exit 2), and `history --json` carrying the check-ins."""

from __future__ import annotations

import json
import os
import time
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
    capsys.readouterr()
    assert main(["checkin", "3"]) == 0  # it has its pain after: this one stands alone
    assert "has its pain after already" in capsys.readouterr().out
    assert kept() == [
        (Kind.AFTER, 4, None, session, "stiff"),
        (Kind.NEXT_DAY, None, Change.BETTER, session, None),
        (Kind.STANDALONE, 3, None, None, None),
    ]
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    record, alone = json.loads(capsys.readouterr().out)  # the session, then the one alone
    assert (alone["type"], alone["kind"], alone["pain"]) == ("checkin", "standalone", 3)
    assert [c["kind"] for c in record["checkins"]] == ["after", "next-day"]
    assert record["checkins"][0]["pain"] == 4
    # dates as the export writes them: ISO 8601 with the local offset
    for moment in (record["started_at"], record["ended_at"], record["checkins"][0]["at"]):
        assert datetime.fromisoformat(moment).utcoffset() is not None


def test_a_later_next_morning_answer_replaces_the_earlier_and_says_so(
    monkeypatch, capsys, session
):
    """Found by a tester: three `--vs` the next day kept three answers."""
    at(monkeypatch, datetime(2026, 3, 2, 7, 0))
    assert main(["checkin", "--vs", "worse"]) == 0
    assert "replaces" not in capsys.readouterr().out
    at(monkeypatch, datetime(2026, 3, 2, 9, 0))
    assert main(["checkin", "--vs", "same"]) == 0
    assert "it replaces the earlier answer (worse)." in capsys.readouterr().out
    assert main(["checkin", "--vs", "better"]) == 0
    assert "it replaces the earlier answer (same)." in capsys.readouterr().out
    assert kept() == [(Kind.NEXT_DAY, None, Change.BETTER, session, None)]


def test_more_than_a_day_later_a_pain_stands_alone(monkeypatch, session):
    at(monkeypatch, datetime(2026, 3, 2, 22, 31))
    # an effort rates a session, and none is recent: refused, nothing kept (a tester
    # found it kept, belonging to nothing); the pain alone stands alone
    assert main(["checkin", "2", "--effort", "easy"]) == 1
    assert kept() == []
    assert main(["checkin", "2"]) == 0
    assert kept() == [(Kind.STANDALONE, 2, None, None, None)]


def test_the_next_morning_answer_is_for_the_whole_next_day(monkeypatch, session):
    at(monkeypatch, datetime(2026, 3, 2, 22, 31))  # yesterday's session, 24 h on: still it
    assert main(["checkin", "2", "--vs", "same"]) == 0
    assert kept() == [(Kind.NEXT_DAY, 2, Change.SAME, session, None)]


def no_comparison(capsys, words: list[str]) -> str:
    """What `checkin` says, on standard error, when `--vs` has nothing to compare with."""
    capsys.readouterr()
    assert main(["checkin", *words]) == 1
    out = capsys.readouterr()
    assert out.out == "" and "Traceback" not in out.err
    return out.err


def test_vs_minutes_after_a_session_of_today_is_refused_and_keeps_nothing(monkeypatch, capsys):
    with Store.open() as store:
        ended = datetime(2026, 3, 2, 18, 0).timestamp()
        sid = store.begin("care", None, "Care", "x", 60.0, 1, {}, ended - 600)
        with store._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?", (ended, sid)
            )
    at(monkeypatch, datetime(2026, 3, 2, 18, 5))  # the tester's case: minutes later, same day
    said = no_comparison(capsys, ["3", "--vs", "better"])
    assert said == (
        "spinewise checkin: your last session ended today at 18:00: --vs is about the morning "
        "after it, from 02:00 tomorrow. Nothing was kept; to keep the rest now: "
        "spinewise checkin 3.\n"
    )
    assert kept() == []
    said = no_comparison(capsys, ["10", "--vs", "same", "--effort", "hard", "--note", "it's ok"])
    assert said.endswith(
        "Nothing was kept; to keep the rest now: "
        "spinewise checkin 10 --effort hard --note 'it'\"'\"'s ok'.\n"
    )
    assert no_comparison(capsys, ["--vs", "same"]).endswith("Nothing was kept.\n")
    assert kept() == []
    assert main(["checkin", "3"]) == 0  # the pain alone: its pain after, as before
    assert kept() == [(Kind.AFTER, 3, None, sid, None)]


def test_vs_with_no_session_at_all_says_so(monkeypatch, capsys):
    at(monkeypatch, datetime(2026, 3, 2, 8, 0))
    assert "there is no session to compare with" in no_comparison(capsys, ["--vs", "worse"])
    assert kept() == []


def test_vs_around_midnight(monkeypatch, capsys):
    with Store.open() as store:
        ended = datetime(2026, 3, 1, 23, 50).timestamp()
        sid = store.begin("care", None, "Care", "x", 60.0, 1, {}, ended - 600)
        with store._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?", (ended, sid)
            )
    at(monkeypatch, datetime(2026, 3, 2, 0, 10))  # a later day, 20 minutes after
    assert "from 07:50 today" in no_comparison(capsys, ["--vs", "same"])
    assert main(["checkin", "5"]) == 0  # but a pain is its pain after
    at(monkeypatch, datetime(2026, 3, 2, 7, 50))
    assert main(["checkin", "--vs", "same"]) == 0
    assert kept() == [
        (Kind.AFTER, 5, None, sid, None), (Kind.NEXT_DAY, None, Change.SAME, sid, None)
    ]


@pytest.fixture
def berlin():
    """The machine's zone set to Europe/Berlin for the test (its clock changes)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize(
    ("ended", "early", "due", "said"),
    [  # 8 real hours after 23:30: 08:30 wall in spring (forward at 02:00), 06:30 in autumn
        (datetime(2026, 3, 28, 23, 30), datetime(2026, 3, 29, 8, 29),
         datetime(2026, 3, 29, 8, 30), "from 08:30 today"),
        (datetime(2026, 10, 24, 23, 30), datetime(2026, 10, 25, 6, 29),
         datetime(2026, 10, 25, 6, 30), "from 06:30 today"),
    ],
)  # fmt: skip
def test_vs_across_a_clock_change(monkeypatch, capsys, berlin, ended, early, due, said):
    with Store.open() as store:
        sid = store.begin("care", None, "Care", "x", 60.0, 1, {}, ended.timestamp() - 600)
        with store._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?",
                (ended.timestamp(), sid),
            )
    at(monkeypatch, early)
    assert said in no_comparison(capsys, ["--vs", "better"])
    at(monkeypatch, due)
    assert main(["checkin", "--vs", "better"]) == 0
    assert kept() == [(Kind.NEXT_DAY, None, Change.BETTER, sid, None)]


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
    assert "pain" in out and "– → 6 · red" in out

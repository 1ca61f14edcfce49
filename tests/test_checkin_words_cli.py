"""`spinewise checkin` and `history` as a tester read them (issue 15): sessions named
by their start, as `history` lists them; an effort with no session to rate is
refused, nothing kept; extra words get the command's own usage; a session open in
another spinewise that still runs is "in progress", not "paused"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

from tui.cli import main
from tui.commands import checkin
from tui.core.store.database import Store

STARTED = datetime(2026, 3, 1, 22, 5)
ENDED = datetime(2026, 3, 1, 22, 35)


def ended_session() -> int:
    with Store.open() as store:
        sid = store.begin("care", None, "Care", 'name = "Care"\n', 60.0, 1, {},
                          STARTED.timestamp())  # fmt: skip
        with store._write() as conn:
            conn.execute("UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?",
                         (ENDED.timestamp(), sid))  # fmt: skip
    return sid


def kept() -> list[tuple]:
    with Store.open() as store:
        return [(c.kind.value, c.pain, c.effort) for c in store.checkins()]


def test_a_session_is_named_by_its_start(monkeypatch, capsys):
    ended_session()
    monkeypatch.setattr(checkin, "wall", lambda: ENDED.timestamp() + 600)
    assert main(["checkin", "3"]) == 0
    assert capsys.readouterr().out == (
        "Recorded as the pain after your session of Sun 01 Mar 22:05: pain 3 (green).\n"
    )


def test_an_effort_alone_rates_the_last_session(monkeypatch, capsys):
    ended_session()
    monkeypatch.setattr(checkin, "wall", lambda: ENDED.timestamp() + 600)
    assert main(["checkin", "--effort", "hard"]) == 0
    assert kept() == [("after", None, "hard")]


def test_an_effort_with_no_session_to_rate_is_refused_and_nothing_kept(monkeypatch, capsys):
    monkeypatch.setattr(checkin, "wall", lambda: ENDED.timestamp())
    assert main(["checkin", "--effort", "easy"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (
        "spinewise checkin: --effort says how hard a session was, and no session ended in "
        "the last 24 hours. Nothing was kept.\n"
    )
    assert main(["checkin", "4", "--effort", "easy", "--note", "stiff"]) == 1
    assert capsys.readouterr().err.endswith(
        "Nothing was kept; to keep the rest now: spinewise checkin 4 --note stiff.\n"
    )
    assert kept() == []


def test_extra_words_get_the_commands_own_usage(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["checkin", "3", "4"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: spinewise checkin ")
    assert err.endswith("spinewise checkin: error: unrecognized arguments: 4\n")
    with pytest.raises(SystemExit):
        main(["plan", "status", "now"])
    assert "spinewise plan status: error: unrecognized arguments: now" in capsys.readouterr().err


def test_a_session_running_in_another_live_spinewise_is_in_progress(capsys):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with Store.open() as store:
            store.begin("care", None, "Care", 'name = "Care"\n', 60.0, 1, {},
                        STARTED.timestamp(), pid=other.pid)  # fmt: skip
        assert main(["history"]) == 0
        out = capsys.readouterr().out
        assert "in progress" in out and "paused" not in out
        assert main(["history", "--json"]) == 0  # the same word as the table
        assert [s["status"] for s in json.loads(capsys.readouterr().out)] == ["in progress"]
    finally:
        other.kill()
        other.wait()
    assert main(["history"]) == 0  # its owner gone: paused, to resume
    assert "paused" in capsys.readouterr().out
    assert main(["history", "--json"]) == 0
    assert [s["status"] for s in json.loads(capsys.readouterr().out)] == ["paused"]
    assert os.getpid()  # (this process never owned it)

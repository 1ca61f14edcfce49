"""Damaged session databases, as a tester made them by hand (issue 15): never a
traceback, never a false success. A dropped table, a hand-edited row, a database
from a newer spinewise, a file that is not SQLite at all; for every command that
reads the store."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands import checkin
from tui.core import paths
from tui.core.store.database import Store, StoreUnavailable

ENDED = datetime(2026, 3, 1, 22, 30).timestamp()
READERS = [
    ["history"], ["history", "--json"], ["history", "export", "--format", "csv"],
    ["history", "export", "--format", "jsonl"], ["today"], ["plan", "status"],
    ["progress", "gentle-start"], ["remind", "fire"], ["checkin", "3"],
]  # fmt: skip


@pytest.fixture
def db() -> Path:
    with Store.open() as store:
        sid = store.begin("care", None, "Care", 'name = "Care"\n', 60.0, 1, {}, ENDED - 600)
        with store._write() as conn:
            conn.execute("UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?",
                         (ENDED, sid))  # fmt: skip
    return paths.database_file()


def edit(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def no_traceback(capsys, words: list[str]) -> tuple[int, str, str]:
    code = main(words)
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_a_dropped_table_is_moved_aside_and_said_where(capsys, db, monkeypatch):
    monkeypatch.setattr(checkin, "wall", lambda: ENDED + 60)
    edit(db, "DROP TABLE checkins")
    code, out, err = no_traceback(capsys, ["checkin", "3"])
    aside = sorted(db.parent.glob("spinewise.db.corrupt-*"))
    assert aside and str(aside[0]) in err  # moved aside, and where it went is said
    assert code == 0 and out.startswith("Recorded")  # recorded in the new one, truly
    with Store.open() as store:
        assert [c.pain for c in store.checkins()] == [3]


def test_a_hand_edited_row_is_left_out_and_named(capsys, db):
    edit(db, "UPDATE sessions SET started_at = 'yesterday'")
    left_out = "sessions row 1: started_at: 'yesterday' is not a time (epoch seconds)"
    for words in READERS[:4]:
        code, out, err = no_traceback(capsys, words)
        assert code == 0, words
        assert left_out in err, words
    code, out, err = no_traceback(capsys, ["history", "--json"])
    assert json.loads(out) == []  # its only session left out, and said so


def test_a_hand_edited_row_stops_a_command_that_writes_with_one_sentence(capsys, db):
    edit(db, "UPDATE sessions SET started_at = 'yesterday'")
    with Store.open() as store, pytest.raises(StoreUnavailable) as raised:
        store.streak()
    assert "sessions row 1: started_at: 'yesterday' is not a time" in str(raised.value)
    assert "fix or delete it (with sqlite3), then try again. Nothing was changed." in str(
        raised.value
    )


@pytest.mark.parametrize("words", READERS, ids=" ".join)
def test_a_database_from_a_newer_spinewise_is_refused_untouched(capsys, db, words):
    edit(db, "PRAGMA user_version = 99")
    before = db.read_bytes()
    code, out, err = no_traceback(capsys, words)
    assert code == 1, (out, err)
    assert "written by a newer spinewise (schema version 99" in err
    assert "update spinewise to use it." in err
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith("spinewise.db")) == [
        "spinewise.db"
    ]


@pytest.mark.parametrize("words", READERS, ids=" ".join)
def test_a_file_that_is_not_sqlite_is_said_and_never_read_as_no_sessions(capsys, words):
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"hello, not a database\n" * 10)
    code, out, err = no_traceback(capsys, words)
    assert "not a " in err and str(db) in err
    assert "No sessions yet" not in out and out.strip() not in ("[]",)
    aside = sorted(db.parent.glob("spinewise.db.corrupt-*"))
    if words[0] == "checkin":  # it writes: the file is moved aside, said where, and kept
        assert code == 0 and aside and str(aside[0]) in err
    else:  # the rest only read: nothing moved, exit 1
        assert code == 1 and not aside


@pytest.mark.parametrize(
    ("edit_sql", "said"),
    [
        ("UPDATE steps SET rep = 'abc'", "steps row 1: rep: 'abc' is not a rep number"),
        ("UPDATE steps SET planned_seconds = 'x'", "steps row 1: planned_seconds: 'x' is not"),
        ("UPDATE steps SET exercise = X'41'", "steps row 1: exercise: b'A' is not text"),
    ],
)
def test_a_hand_edited_step_stops_the_json_writers_with_its_row_named(capsys, db, edit_sql, said):
    """SQLite writes the steps' JSON (`json_rows`): a text where a number belongs would
    stand bare in it, a blob stops json_quote; either is one sentence naming the row."""
    with Store.open() as store, store._write() as conn:
        conn.execute(
            "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise, set_no,"
            " rep, planned_seconds, started_at, ended_at) VALUES (1, 0, 'work', 0, 'Plank', 1,"
            " 1, 10.0, ?, ?)",
            (ENDED - 500, ENDED - 490),
        )
    edit(db, edit_sql)
    for words in (["history", "--json"], ["history", "export", "--format", "jsonl"]):
        code, out, err = no_traceback(capsys, words)
        assert code == 1 and out == "", words
        assert said in err and err.count("\n") == 1, words

"""The store's read path on damaged, read-only and full storage (issue 13, kind 3):
text that is not UTF-8, records that do not parse, a generated corpus of files
with one flipped byte, reading without writing, and one-sentence messages."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.core.factories import plan
from tests.core.store_writes import finish
from tests.doubles import FakeClock
from tui.commands.history import run_history
from tui.core import paths
from tui.core.engine.session import Session
from tui.core.store.database import Store, StoreUnavailable
from tui.core.store.recovery import salvage
from tui.core.store.schema import connect, migrate
from tui.core.workout import Storage

EPOCH = 1_700_000_000.0
SESSIONS = 40
STEPS_EACH = 25


def begin(store: Store, name: str = "Morning", now: float = EPOCH) -> int:
    p = plan()
    snapshot = Session(p, FakeClock()).snapshot()
    return store.begin("test", None, name, 'name = "R"\n', p.total_seconds, 1, snapshot, now)


def fill(db: Path, sessions: int = SESSIONS, steps: int = STEPS_EACH) -> None:
    """A history of `sessions` ended sessions of `steps` steps, all in the main file."""
    with Store.open(db) as store:
        for n in range(sessions):
            sid = begin(store, f"Routine {n}", EPOCH + n * 86_400)
            with store._write() as conn:
                conn.executemany(
                    "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise,"
                    " started_at) VALUES (?, ?, 'work', 0, ?, ?)",
                    [(sid, i, f"Exercise {i}", EPOCH + n * 86_400 + i) for i in range(steps)],
                )
            finish(store, sid, "completed", EPOCH + n * 86_400 + 600)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def set_bytes(db: Path, column: str, raw: bytes, where: str = "1") -> None:
    """Write `raw` into a text column as SQLite text: bytes that may not be UTF-8."""
    conn = sqlite3.connect(db)
    conn.execute(f"UPDATE sessions SET {column} = CAST(? AS TEXT) WHERE {where}", (raw,))
    conn.commit()
    conn.close()


# -- text that is not UTF-8 ----------------------------------------------------


def test_a_name_that_is_not_utf8_reads_with_a_replacement_character(tmp_path: Path):
    db = tmp_path / "spinewise.db"
    fill(db, sessions=2, steps=2)
    set_bytes(db, "routine_name", b"Morn\xefing", "id = 1")  # one flipped byte
    with Store.open(db) as store:  # quick_check does not see it
        assert not store.warnings
        names = sorted(record.routine_name for record in store.history())
        assert names == ["Morn\ufffding", "Routine 1"]
        assert store.streak(today=None) >= 0
        assert store.count_sessions() == 2 and len(store.minutes_per_week()) == 12
        assert store._conn.text_factory is str  # lenient only for the read that needed it


def test_history_prints_a_damaged_name_and_no_traceback(tmp_path: Path, capsys):
    db = paths.database_file()
    fill(db, sessions=1, steps=1)
    set_bytes(db, "routine_name", b"\xff\xfeBad")
    assert run_history(as_json=False) == 0
    out, err = capsys.readouterr()
    assert "\ufffd\ufffdBad" in out and "Traceback" not in out + err
    assert run_history(as_json=True) == 0


def test_a_paused_session_whose_name_is_not_utf8_still_refuses_a_new_one(tmp_path: Path):
    db = tmp_path / "spinewise.db"
    with Store.open(db) as store:
        begin(store)
    set_bytes(db, "routine_name", b"M\x80rning")
    with Store.open(db) as store:
        assert store.active().routine_name == "M\ufffdrning"
        with pytest.raises(Exception, match="M\ufffdrning"):
            begin(store)


def test_a_saved_place_that_does_not_parse_is_one_sentence(tmp_path: Path):
    db = tmp_path / "spinewise.db"
    with Store.open(db) as store:
        begin(store)
    set_bytes(db, "snapshot", b'{"status": "pau\x00')
    said: list[str] = []
    with Store.open(db) as store:
        with pytest.raises(StoreUnavailable, match="damaged and cannot be resumed"):
            store.active()
        storage = Storage(store, notify=said.append)
        assert storage.paused() is None and storage.paused() is None
        assert len(said) == 1 and said[0].startswith("The paused session of Morning")
        assert storage.saving  # a record that does not read is not a failing disk
        store.discard_active(pid=os.getpid())  # the way out it names
        assert store.active() is None


# -- recovery: a corpus of files with one flipped byte -----------------------


def test_one_flipped_byte_anywhere_loses_little(tmp_path: Path):
    """Issue 13 found the sessions table fully readable in 100 of 106 damaged
    files, yet every one was moved aside whole. Flip one byte at 106 offsets
    spread over the file: the store always opens, and in most the sessions all
    come back (the rest lose the rows of a page, or the schema itself)."""
    good = tmp_path / "good.db"
    fill(good)
    data = good.read_bytes()
    offsets = [100 + (len(data) - 100) * k // 106 for k in range(106)]
    whole = damaged = 0
    for k, offset in enumerate(offsets):
        folder = tmp_path / f"case{k}"
        folder.mkdir()
        db = folder / "spinewise.db"
        flipped = bytearray(data)
        flipped[offset] ^= 0xFF
        db.write_bytes(bytes(flipped))
        with Store.open(db) as store:
            damaged += bool(store.warnings)
            for warning in store.warnings:
                assert "\n" not in warning and "moved to" in warning
            records = store.history()
            whole += len(records) == SESSIONS
            assert len(records) <= SESSIONS
            begin(store)  # the database in place works
    assert damaged >= 10, "the corpus should hold files quick_check rejects"
    assert whole >= 90, f"all sessions back in only {whole} of 106"


def test_salvage_skips_a_garbled_page_and_keeps_the_rest(tmp_path: Path):
    good = tmp_path / "good.db"
    fill(good, sessions=SESSIONS, steps=200)
    conn = sqlite3.connect(good)  # a leaf page of the steps table (not the file's middle
    leaves = [row[0] for row in conn.execute(  # page: a new table moves that elsewhere)
        "SELECT pageno FROM dbstat WHERE name = 'steps' AND pagetype = 'leaf' ORDER BY pageno"
    )]  # fmt: skip
    conn.close()
    data = bytearray(good.read_bytes())
    page = 4096
    middle = leaves[len(leaves) // 2] - 1
    data[middle * page + 8 : (middle + 1) * page] = b"\x55" * (page - 8)  # garble a steps page
    db = tmp_path / "spinewise.db"
    db.write_bytes(bytes(data))
    with Store.open(db) as store:
        assert "moved to" in store.warnings[0] and "40 sessions" in store.warnings[0]
        records = store.history()
        assert len(records) == SESSIONS
        steps = sum(len(record.steps) for record in records)
        assert SESSIONS * 200 - 400 < steps < SESSIONS * 200  # one page of rows lost


def test_a_salvaged_paused_session_that_does_not_parse_is_ended(tmp_path: Path):
    source = connect(":memory:")
    migrate(source)
    source.execute(
        "INSERT INTO sessions (routine_id, routine_name, routine_text, routine_hash, status,"
        " started_at, updated_at, snapshot) VALUES ('r', 'R', '', '', 'active', 1, 2, '{bad')"
    )
    target = connect(":memory:")
    migrate(target)
    assert salvage(source, target).items() >= {"sessions": 1, "steps": 0}.items()
    assert target.execute("SELECT status, ended_at FROM sessions").fetchall() == [("abandoned", 2)]


# -- reading without writing ---------------------------------------------------


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_reading_history_writes_nothing_beside_the_file(tmp_path: Path):
    db = paths.database_file()
    fill(db, sessions=3, steps=2)
    before = listing(db.parent)
    assert run_history(as_json=False) == 0
    with Store.read_only() as store:
        assert len(store.history()) == 3
        with pytest.raises(StoreUnavailable):  # mode=ro: the file cannot be written
            begin(store)
    assert listing(db.parent) == before


def test_history_shows_a_readable_history_when_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    fill(paths.database_file(), sessions=3, steps=2)

    def full(conn, migrations=None):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("tui.core.store.schema.migrate", full)
    with pytest.raises(StoreUnavailable, match="the disk is full"):
        Store.open()  # a workout cannot save here...
    assert run_history(as_json=False) == 0  # ...but the history is shown
    out, _ = capsys.readouterr()
    assert out.count("Routine ") == 3


def test_history_of_a_damaged_file_reads_what_it_can_and_moves_nothing(tmp_path: Path, capsys):
    db = paths.database_file()
    fill(db, sessions=SESSIONS, steps=200)
    data = bytearray(db.read_bytes())
    middle = len(data) // 4096 // 2
    data[middle * 4096 + 8 : (middle + 1) * 4096] = b"\x55" * 4088
    db.write_bytes(bytes(data))
    assert run_history(as_json=True) == 0
    _, err = capsys.readouterr()
    assert "is damaged" in err and "40 sessions" in err and "\n" not in err.strip()
    assert [p.name for p in db.parent.iterdir()] == [db.name]  # not moved, nothing made


def test_history_of_no_database_is_empty_and_creates_nothing(capsys):
    assert run_history(as_json=True) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert not paths.database_file().exists()


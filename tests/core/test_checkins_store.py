"""Check-ins in the database: the migration from a database written by the
release before them (the committed fixture), the copy kept aside, one
transaction, and the check-ins read back."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.doubles import FakeClock
from tui.core.programme.zones import Change, CheckIn, Effort, Kind, LastSession
from tui.core.store import schema
from tui.core.store.database import Store
from tui.core.workout import Storage, Workout

FIXTURE = Path(__file__).parent / "fixtures" / "spinewise-v1.db"


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "spinewise.db"
    shutil.copyfile(FIXTURE, path)
    return path


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_fixture_is_from_the_release_before_check_ins():
    assert schema.header_version(FIXTURE) == 1
    assert rows(FIXTURE, "SELECT status FROM sessions ORDER BY id") == [
        ("completed",), ("stopped",), ("active",)
    ]


def test_migrating_keeps_everything_and_a_copy_of_the_old_file(old_db: Path):
    before_sessions = rows(old_db, "SELECT * FROM sessions ORDER BY id")
    before_steps = rows(old_db, "SELECT * FROM steps ORDER BY id")
    with Store.open(old_db) as store:
        assert schema.user_version(store._conn) == schema.SCHEMA_VERSION
        history = store.history()
        assert [r.status for r in history] == ["stopped", "completed"]
        assert history[1].hurt == ("Belly breathing",)
        assert store.checkins() == []
    backup = old_db.with_name("spinewise.db.bak-v1")
    assert schema.header_version(backup) == 1  # the same database, its header in WAL mode
    assert rows(backup, "SELECT * FROM sessions ORDER BY id") == before_sessions
    assert rows(backup, "SELECT * FROM steps ORDER BY id") == before_steps
    after_sessions = rows(old_db, "SELECT * FROM sessions ORDER BY id")
    assert [r[: len(before_sessions[0])] for r in after_sessions] == before_sessions
    assert rows(old_db, "SELECT * FROM steps ORDER BY id") == before_steps
    with Store.open(old_db):  # opening again migrates nothing and copies nothing more
        pass
    assert sorted(p.name for p in old_db.parent.glob("*.bak-*")) == ["spinewise.db.bak-v1"]


def test_the_paused_session_resumes_after_migrating(old_db: Path):
    storage = Storage(Store.open(old_db))
    active = storage.paused()
    assert active is not None and active.routine_name == "Gentle start"
    workout = Workout.resume(storage, active, FakeClock(0.0))
    assert workout.session.status.value == "paused"
    assert workout.session.snapshot()["active_seconds"] == pytest.approx(25.0)
    workout.act(workout_action("resume"))
    workout.leave()
    storage.store.close()


def workout_action(name: str):
    from tui.core.workout import Action

    return Action(name)


def test_an_interrupted_migration_leaves_the_old_database_usable(old_db: Path):
    conn = schema.connect(old_db)
    broken = [*schema.MIGRATIONS[:1], schema.MIGRATIONS[1] + ";\nCREATE TABLE sessions (x)"]
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(conn, broken)
    conn.close()
    assert schema.header_version(old_db) == 1
    assert rows(old_db, "SELECT name FROM sqlite_master WHERE name = 'checkins'") == []
    with Store.open(old_db) as store:  # and the real migration still goes through
        assert len(store.history()) == 2


def test_check_ins_round_trip_and_the_last_session(tmp_path: Path):
    with Store.open(tmp_path / "s.db") as store:
        assert store.last_session() is None
    shutil.copyfile(FIXTURE, tmp_path / "t.db")
    with Store.open(tmp_path / "t.db") as store:
        last = store.last_session()
        assert last == LastSession(2, 1762086460.0, False, False)
        store.add_checkin(CheckIn(Kind.AFTER, 1762086500.0, pain=4, effort=Effort.HARD,
                                  session_id=2))  # fmt: skip
        store.add_checkin(CheckIn(Kind.NEXT_DAY, 1762150000.0, change=Change.SAME,
                                  session_id=2))  # fmt: skip
        store.add_checkin(CheckIn(Kind.STANDALONE, 1762160000.0, pain=2, note="walked"))
        assert store.last_session() == LastSession(2, 1762086460.0, True, True)
        got = store.checkins([2])
        assert [(c.kind, c.pain, c.change, c.effort) for c in got] == [
            (Kind.AFTER, 4, None, Effort.HARD), (Kind.NEXT_DAY, None, Change.SAME, None)
        ]
        assert [c.note for c in store.checkins(since=1762155000.0)] == ["walked"]
        with pytest.raises(sqlite3.IntegrityError):
            store.add_checkin(CheckIn(Kind.STANDALONE, 1.0, pain=11))

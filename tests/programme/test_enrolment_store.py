"""The plan followed, in the database: migration 4 (copy aside, one transaction),
one plan at a time, its text kept as started, and the sessions it counts."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.programme.helpers import ended
from tui.core.store import schema
from tui.core.store.database import Store
from tui.core.store.enrolment import PlanRunning

DAY = date(2026, 3, 2)
AT = datetime(2026, 3, 2, 8, 0).timestamp()


def start(store: Store, plan_id: str = "p", *, replace: bool = False, at: float = AT):
    return store.start_plan(plan_id, None, f"Plan {plan_id}", f'name = "{plan_id}"\n', DAY, at,
                            (0, 2, 4), replace=replace)  # fmt: skip


def test_a_version_3_database_is_copied_aside_then_migrated(tmp_path: Path):
    path = tmp_path / "spinewise.db"
    conn = schema.connect(path)
    schema.migrate(conn, schema.MIGRATIONS[:3])
    conn.execute("INSERT INTO checkins (kind, at, pain) VALUES ('standalone', 1.0, 2)")
    conn.close()
    with Store.open(path) as store:
        assert schema.user_version(store._conn) == schema.SCHEMA_VERSION
        assert store.running_plan() is None
        assert len(store.checkins()) == 1
    assert schema.header_version(path.with_name("spinewise.db.bak-v3")) == 3


def test_an_interrupted_migration_leaves_version_3_as_it_was(tmp_path: Path):
    path = tmp_path / "spinewise.db"
    conn = schema.connect(path)
    schema.migrate(conn, schema.MIGRATIONS[:3])
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(conn, [*schema.MIGRATIONS[:4], "CREATE TABLE sessions (x)"])
    assert schema.user_version(conn) == 3
    assert conn.execute(
        "SELECT name FROM sqlite_master WHERE name = 'plan_enrolments'"
    ).fetchall() == []
    conn.close()


def test_one_plan_at_a_time_and_replacing_stops_the_first(tmp_path: Path):
    with Store.open(tmp_path / "s.db") as store:
        first, before = start(store, "a")
        assert before is None
        assert (first.plan_id, first.started_on, first.days) == ("a", DAY, (0, 2, 4))
        with pytest.raises(PlanRunning) as caught:
            start(store, "b")
        assert caught.value.running == first
        assert store.running_plan() == first  # refused: nothing changed
        second, before = start(store, "b", replace=True, at=AT + 60)
        assert before == first and store.running_plan() == second
        stopped = store.stop_plan(AT + 120)
        assert stopped == second and store.running_plan() is None
        assert store.stop_plan(AT + 180) is None
        kept = store._conn.execute("SELECT plan_id, stopped_at FROM plan_enrolments").fetchall()
        assert kept == [("a", AT + 60), ("b", AT + 120)]


def test_the_text_is_kept_as_started_and_days_may_be_the_plan_s_own(tmp_path: Path):
    with Store.open(tmp_path / "s.db") as store:
        store.start_plan("p", "/x/p.toml", "P", "name = 'P'\n# as it was\n", DAY, AT, None)
        kept = store.running_plan()
        assert kept is not None
        assert (kept.plan_text, kept.plan_path, kept.days) == (
            "name = 'P'\n# as it was\n", "/x/p.toml", None)


def test_only_completed_sessions_since_the_start_count(tmp_path: Path):
    with Store.open(tmp_path / "s.db") as store:
        ended(store, "early", datetime(2026, 3, 1, 9, 0))  # before the start
        ended(store, "a", datetime(2026, 3, 2, 9, 0))
        ended(store, "preview", datetime(2026, 3, 2, 10, 0), speed=2.0)
        ended(store, "skipped", datetime(2026, 3, 2, 11, 0), done=())
        ended(store, "stopped", datetime(2026, 3, 2, 12, 0), status="stopped")
        ended(store, "b", datetime(2026, 3, 3, 9, 0))
        got = store.completed_since(AT)
    assert [rid for _, rid in got] == ["a", "b"]
    assert got[0][0] == datetime(2026, 3, 2, 9, 0).timestamp()

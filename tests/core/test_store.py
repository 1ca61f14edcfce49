"""The session store on temporary databases: schema, every write path, faults,
two instances, and a snapshot round trip at every step of a routine."""

from __future__ import annotations

import inspect
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.factories import exercise, plan
from tests.core.store_writes import finish, log_events, save
from tests.doubles import FakeClock
from tui.core import paths
from tui.core.engine.events import StepStarted
from tui.core.engine.session import Session, Status, TransitionError
from tui.core.routine.models import Phase
from tui.core.store.database import (
    NullStore,
    SessionOpenError,
    Store,
    StoreUnavailable,
    StoreVersionError,
    epoch_converter,
    pid_alive,
    routine_hash,
)
from tui.core.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version

EPOCH = 1_700_000_000.0
TEXT = 'name = "Test routine"\n'


def to_epoch(due: float) -> float:
    return EPOCH + due


def begin(store: Store, p=None, clock: FakeClock | None = None, **kw) -> tuple[int, Session]:
    p = p or plan()
    session = Session(p, clock or FakeClock())
    args = {
        "routine_id": "test",
        "routine_path": None,
        "routine_name": p.name,
        "routine_text": TEXT,
        "plan_total": p.total_seconds,
        "exercises": len(p.routine.exercises),
        "snapshot": session.snapshot(),
        "now": EPOCH,
    } | kw
    return store.begin(**args), session


def rows(store: Store, sql: str, *params) -> list[tuple]:
    return store._conn.execute(sql, params).fetchall()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "spinewise.db"


@pytest.fixture
def store(db: Path):
    with Store.open(db) as s:
        yield s


# -- schema and migrations ----------------------------------------------------


def test_a_fresh_database_gets_the_current_schema_in_wal_mode(db: Path):
    with Store.open(db) as s:
        assert s.warnings == []
        assert user_version(s._conn) == SCHEMA_VERSION == len(MIGRATIONS)
        assert rows(s, "PRAGMA journal_mode") == [("wal",)]
        assert rows(s, "PRAGMA foreign_keys") == [(1,)]
        tables = {r[0] for r in rows(s, "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"sessions", "steps", "checkins"} <= tables


def test_reopening_does_not_migrate_again(db: Path):
    Store.open(db).close()
    with Store.open(db) as s:
        assert migrate(s._conn) == []
        assert user_version(s._conn) == SCHEMA_VERSION


def test_the_default_database_lives_in_the_state_folder():
    with Store.open() as s:
        assert Path(s.path) == paths.database_file()
    assert paths.database_file().exists()


def test_a_migration_from_the_current_version_runs_once_and_in_order(db: Path):
    Store.open(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    newer = [*MIGRATIONS, "ALTER TABLE sessions ADD COLUMN note TEXT; CREATE TABLE extra (x)"]
    assert migrate(conn, newer) == [len(newer)]
    assert user_version(conn) == len(newer)
    assert migrate(conn, newer) == []
    conn.execute("SELECT note FROM sessions").fetchall()
    conn.close()


def test_a_failing_migration_leaves_the_database_as_it_was(db: Path):
    Store.open(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    broken = [*MIGRATIONS, "CREATE TABLE half (x); CREATE TABLE sessions (y)"]
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    assert user_version(conn) == SCHEMA_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []
    conn.close()


# -- faults ---------------------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_and_never_written(db: Path):
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db.read_bytes()
    siblings = sorted(p.name for p in db.parent.iterdir())
    with pytest.raises(StoreVersionError, match=r"newer spinewise.*99"):
        Store.open(db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == siblings


def test_a_file_that_is_not_a_database_is_moved_aside_with_its_wal(db: Path):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database at all\n" * 20)
    Path(f"{db}-wal").write_bytes(b"junk wal")
    Path(f"{db}-shm").write_bytes(b"junk shm")
    with Store.open(db) as s:
        (aside,) = db.parent.glob("spinewise.db.corrupt-*[0-9]")
        assert aside.read_bytes() == b"this is not a database at all\n" * 20
        assert Path(f"{aside}-wal").read_bytes() == b"junk wal"
        assert Path(f"{aside}-shm").read_bytes() == b"junk shm"
        assert len(s.warnings) == 1 and str(aside) in s.warnings[0]
        begin(s)  # the fresh database works
        assert s.active() is not None


def test_a_database_failing_quick_check_is_moved_aside_and_what_reads_is_kept(db: Path):
    with Store.open(db) as s:
        sid, _ = begin(s)
        finish(s, sid, "completed", EPOCH)
        s._conn.execute("CREATE TABLE filler (x)")
        s._conn.executemany("INSERT INTO filler VALUES (?)", [("y" * 500,)] * 200)
        s._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[4096 * 3 : 4096 * 3 + 3000] = b"\x55" * 3000  # garble a page of the table
    db.write_bytes(bytes(data))
    with Store.open(db) as s:
        assert "moved to" in s.warnings[0]
        assert "(1 session, 0 steps) was copied" in s.warnings[0]
        assert "\n" not in s.warnings[0]
        [record] = s.history()  # the garbled page was the filler's, not the sessions'
        assert record.id == sid and record.status == "completed"
    assert len(list(db.parent.glob("spinewise.db.corrupt-*"))) == 1


def test_a_folder_that_cannot_be_created_is_unavailable(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(StoreUnavailable, match="cannot create the folder"):
        Store.open(blocker / "state" / "spinewise.db")


def test_a_path_that_cannot_be_opened_is_unavailable(tmp_path: Path):
    (tmp_path / "spinewise.db").mkdir()
    with pytest.raises(StoreUnavailable, match=r"spinewise\.db"):
        Store.open(tmp_path / "spinewise.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod")
def test_a_read_only_folder_is_unavailable(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreUnavailable):
            Store.open(folder / "spinewise.db")
    finally:
        folder.chmod(0o700)


def test_writes_failing_after_open_raise_unavailable_and_change_nothing(store: Store):
    sid, session = begin(store)
    store._conn.execute("PRAGMA query_only = 1")  # as a file turned read-only would
    with pytest.raises(StoreUnavailable, match="read-only"):
        save(store, sid, session.snapshot(), EPOCH + 1)
    store._conn.execute("PRAGMA query_only = 0")
    store._conn.execute("PRAGMA max_page_count = 1")  # as a full disk would: no page to grow
    many = [StepStarted(due=0.0, index=0, step=session.plan.steps[0])] * 500
    with pytest.raises(StoreUnavailable, match="disk is full"):
        store.checkpoint(sid, {**session.snapshot(), "elapsed": 7.0}, many, EPOCH + 2, to_epoch)
    active = store.active()  # reads still work, and nothing of the failed write is kept
    assert active.snapshot == session.snapshot() and active.updated_at == EPOCH
    assert rows(store, "SELECT count(*) FROM steps") == [(0,)]


def test_the_null_store_records_nothing_with_the_same_methods():
    null = NullStore("disk is full")
    assert null.available is False and null.warnings == ["disk is full"]
    assert null.begin("x", None, "X", "", 0, 0, {}, 0.0) == 0
    calls = {
        "checkpoint": (1, {}, [], 0.0, to_epoch),
        "mark_paused": (1, 0.0),
        "claim": (1,),
        "release": (1,),
        "discard_active": (0.0,),
        "close": (),
    }
    for name, args in calls.items():
        inspect.signature(getattr(Store, name)).bind(None, *args)  # as `Store` takes them
        assert getattr(null, name)(*args) is None
    assert null.active() is None and null.history() == [] and null.streak() == 0
    assert len(null.minutes_per_week()) == 12
    with pytest.raises(AttributeError):
        null.nothing_like_this  # noqa: B018


def test_an_in_memory_store_works_like_a_file(tmp_path: Path):
    with Store.open(":memory:") as s:
        sid, session = begin(s)
        s.checkpoint(sid, session.snapshot(), session.start(), EPOCH, to_epoch)
        assert s.active().id == sid
    assert list(tmp_path.iterdir()) == []


# -- the active session ------------------------------------------------------------


def test_begin_stores_everything_needed_to_resume(store: Store):
    extras = {"library": {"/lib/exercises.toml": "[[exercise]]\n"}}
    sid, session = begin(store, routine_path="/r/test.toml", pid=4242, extras=extras)
    active = store.active()
    assert active is not None
    assert (active.id, active.routine_id, active.routine_path) == (sid, "test", "/r/test.toml")
    assert active.routine_text == TEXT and active.routine_hash == routine_hash(TEXT)
    assert active.snapshot == session.snapshot()
    assert (active.started_at, active.updated_at, active.paused_at) == (EPOCH, EPOCH, None)
    assert (active.owner_pid, active.exercises, active.current_exercise) == (4242, 1, None)
    assert active.total_seconds == session.plan.total_seconds
    assert active.extras == extras


def test_an_ended_session_lets_go_of_its_extras(store: Store):
    """The library text is for resuming: an ended session does not keep it."""
    sid, _ = begin(store, extras={"library": [["/lib/exercises.toml", "x" * 20_000]]})
    finish(store, sid, "completed", EPOCH + 60)
    (stored,) = store._conn.execute("SELECT extras FROM sessions WHERE id = ?", (sid,)).fetchone()
    assert stored == "{}"
    assert store.history()[0].status == "completed"


def test_only_one_session_is_active_at_a_time(store: Store):
    sid, _ = begin(store)
    with pytest.raises(SessionOpenError, match="waiting to be resumed") as err:
        begin(store)
    assert err.value.session_id == sid and err.value.pid is None
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("UPDATE sessions SET status = 'active' WHERE id != ?", (sid,))
        store._conn.execute(
            "INSERT INTO sessions (routine_id, routine_name, routine_text, routine_hash, status,"
            " started_at, updated_at, snapshot) VALUES ('x', 'x', '', '', 'active', 0, 0, '{}')"
        )
    assert store.discard_active(EPOCH + 5) == sid
    assert store.active() is None and store.discard_active() is None
    (record,) = store.history()
    assert (record.status, record.ended_at) == ("abandoned", EPOCH + 5)
    begin(store)


def test_save_keeps_the_position_and_when_it_was_paused(store: Store):
    clock = FakeClock()
    sid, session = begin(store, clock=clock)
    session.start()
    clock.advance(4)
    save(store, sid, session.snapshot(), EPOCH + 4)
    active = store.active()
    assert active.snapshot["elapsed"] == 4 and active.updated_at == EPOCH + 4
    assert active.paused_at is None and active.left_at == EPOCH + 4
    session.pause()
    save(store, sid, session.snapshot(), EPOCH + 5)
    save(store, sid, session.snapshot(), EPOCH + 9)  # still paused: when it paused stays
    assert store.active().paused_at == EPOCH + 5
    session.resume()
    save(store, sid, session.snapshot(), EPOCH + 10)
    assert store.active().paused_at is None
    store.mark_paused(sid, EPOCH + 11)
    assert store.active().left_at == EPOCH + 11


def test_a_running_snapshot_comes_back_paused(store: Store):
    clock = FakeClock()
    sid, session = begin(store, clock=clock)
    session.start()
    clock.advance(3.5)
    save(store, sid, session.snapshot(), EPOCH + 3.5)
    data = store.active().paused_snapshot()
    assert data["status"] == "paused" and store.active().snapshot["status"] == "running"
    restored = Session.restore(session.plan, FakeClock(7.0), data)
    assert restored.status is Status.PAUSED
    assert restored.remaining() == pytest.approx(session.remaining())


def test_finish_ends_once_and_later_saves_change_nothing(store: Store):
    sid, session = begin(store)
    with pytest.raises(ValueError):
        finish(store, sid, "done", EPOCH)
    finish(store, sid, "stopped", EPOCH + 60)
    finish(store, sid, "completed", EPOCH + 70)
    save(store, sid, {**session.snapshot(), "active_seconds": 99.0}, EPOCH + 80)
    (record,) = store.history()
    assert (record.status, record.ended_at, record.active_seconds) == ("stopped", EPOCH + 60, 0)
    assert rows(store, "SELECT owner_pid FROM sessions") == [(None,)]


def test_events_become_step_rows(store: Store):
    clock = FakeClock(0.0)
    p = plan(exercise("Bird dog", reps=(1,), prepare=10), exercise("Plank", reps=(1,)))
    sid, session = begin(store, p, clock)
    store.checkpoint(sid, session.snapshot(), session.start(), EPOCH, to_epoch)
    clock.advance(2)
    log_events(store, sid, session.extend(10), to_epoch)  # prepare: 20 s now
    clock.advance(3)
    log_events(store, sid, session.back(), to_epoch)  # > 2 s in: restart the step
    clock.advance(10)
    log_events(store, sid, session.advance(), to_epoch)  # into Lower (no extension now)
    clock.advance(1)
    events = session.flag_hurt() + session.skip_exercise()
    log_events(store, sid, events, to_epoch)
    log_events(store, sid, session.end(), to_epoch)
    (record,) = store.history()
    steps = [
        (s.index, s.kind, s.phase, s.skipped, s.extended_seconds, s.hurt) for s in record.steps
    ]
    assert steps == [
        (0, "prepare", None, True, 10.0, False),  # restarted by back
        (1, "prepare", None, False, 0.0, False),  # a new row: the log's index goes on
        (2, "work", "Lower", True, 0.0, True),  # hurt, then the exercise skipped
        (3, "prepare", None, True, 0.0, False),  # Plank, ended early
    ]
    first, second, lower, _ = record.steps
    assert (first.started_at, first.ended_at, second.started_at) == (EPOCH, EPOCH + 5, EPOCH + 5)
    assert (lower.started_at, lower.ended_at) == (EPOCH + 15, EPOCH + 16)
    assert lower.elapsed == 1 and lower.planned_seconds == 3
    assert (record.hurt, record.skipped) == (("Bird dog",), ("Bird dog",))
    assert (record.status, record.ended_at) == ("stopped", EPOCH + 16)


def test_a_completed_session_is_closed_by_its_last_event(store: Store):
    clock = FakeClock(0.0)
    sid, session = begin(store, plan(exercise(reps=(1,), prepare=0)), clock)
    store.checkpoint(sid, session.snapshot(), session.start(), EPOCH, to_epoch)
    clock.advance(7)
    store.checkpoint(sid, session.snapshot(), session.advance(), EPOCH + 7, to_epoch)
    (record,) = store.history()
    assert (record.status, record.ended_at, record.active_seconds) == ("completed", EPOCH + 7, 7)
    assert [s.phase for s in record.steps] == ["Lower", "Hold", "Raise"]
    assert store.active() is None


def test_a_checkpoint_is_one_transaction(store: Store):
    clock = FakeClock(0.0)
    sid, session = begin(store, clock=clock)
    events = session.start()

    def broken(due: float) -> float:
        raise RuntimeError("clock trouble")

    with pytest.raises(RuntimeError):
        store.checkpoint(sid, session.snapshot(), events, EPOCH + 1, broken)
    assert store.active().snapshot["status"] == "ready"  # the save was rolled back too
    assert rows(store, "SELECT count(*) FROM steps") == [(0,)]


def test_the_store_can_be_written_from_another_thread(store: Store):
    sid, session = begin(store)
    worker = threading.Thread(target=save, args=(store, sid, session.snapshot(), EPOCH + 3))
    worker.start()
    worker.join()
    assert store.active().updated_at == EPOCH + 3


def test_the_routine_file_is_compared_with_the_stored_text(store: Store, tmp_path: Path):
    routine_file = tmp_path / "mine.toml"
    routine_file.write_text(TEXT, encoding="utf-8")
    begin(store, routine_path=routine_file)
    assert store.active().routine_file_state() == "unchanged"
    routine_file.write_text(TEXT + "# edited\n", encoding="utf-8")
    assert store.active().routine_file_state() == "changed"
    routine_file.unlink()
    assert store.active().routine_file_state() == "missing"
    store.discard_active()
    begin(store)
    assert store.active().routine_file_state() == "unknown"


def test_epoch_converter_maps_clock_time_to_wall_time():
    clock = FakeClock(500.0)
    convert = epoch_converter(clock, wall=lambda: EPOCH)
    assert convert(500.0) == EPOCH and convert(497.5) == EPOCH - 2.5


# -- two instances ---------------------------------------------------------------------


@pytest.fixture
def live_pid():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


@pytest.fixture
def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_session_held_by_a_live_process_is_refused(store: Store, live_pid: int):
    sid, _ = begin(store, pid=live_pid)
    assert pid_alive(live_pid)
    message = f"a session is open in another spinewise \\(pid {live_pid}\\)"
    with pytest.raises(SessionOpenError, match=message) as err:
        store.claim(sid)
    assert err.value.pid == live_pid
    with pytest.raises(SessionOpenError, match=message):
        begin(store)
    with pytest.raises(SessionOpenError, match=message):
        store.discard_active()
    assert store.active().owner_pid == live_pid


def test_a_session_left_by_a_dead_process_can_be_claimed(store: Store, dead_pid: int):
    sid, _ = begin(store, pid=dead_pid)
    assert not pid_alive(dead_pid)
    store.claim(sid)
    assert store.active().owner_pid == os.getpid()
    store.claim(sid)  # claiming one's own session again is fine
    store.release(sid, pid=dead_pid)  # only the owner's release counts
    assert store.active().owner_pid == os.getpid()
    store.release(sid)
    assert store.active().owner_pid is None
    with pytest.raises(SessionOpenError, match="not open"):
        store.claim(sid + 1)


def test_two_stores_on_one_file_see_each_other(db: Path, live_pid: int):
    with Store.open(db) as first, Store.open(db) as second:
        sid, session = begin(first, pid=live_pid)
        save(first, sid, {**session.snapshot(), "elapsed": 1.5}, EPOCH + 1)
        assert second.active().snapshot["elapsed"] == 1.5
        with pytest.raises(SessionOpenError, match=f"pid {live_pid}"):
            second.claim(sid)


# -- a snapshot round trip at every step ---------------------------------------------------


def test_every_step_survives_a_restart_and_the_log_has_each_step_once(db: Path):
    p = plan(
        exercise("Bird dog", reps=(1, 1), sides="both", rest=5),
        exercise("Cat-cow", timing="self_paced", phases=(), reps=(2,), prepare=3),
        exercise("Plank", timing="hold", phases=(Phase("Hold", 6),), reps=(1,), prepare=0),
    )
    clock = FakeClock(0.0)
    store = Store.open(db)
    sid, session = begin(store, p, clock)
    store.checkpoint(sid, session.snapshot(), session.start(), EPOCH, to_epoch)
    checked = 0
    while not session.finished:
        duration = session.step_seconds()
        if duration is not None:
            clock.advance(duration / 3)
        store.checkpoint(sid, session.snapshot(), session.advance(), EPOCH, to_epoch)
        index, remaining = session.index, session.remaining()
        store.close()  # a new process: open, restore, resume
        store = Store.open(db)
        active = store.active()
        assert (active.id, active.current_exercise) == (sid, session.step.exercise_index)
        session = Session.restore(p, clock, active.paused_snapshot())
        assert (session.index, session.status) == (index, Status.PAUSED)
        assert session.remaining() == (None if remaining is None else pytest.approx(remaining))
        checked += 1
        events = session.resume()
        if duration is None:
            events += session.confirm()
        else:
            clock.advance(session.remaining() + 1e-9)
            events += session.advance()
        store.checkpoint(sid, session.snapshot(), events, EPOCH, to_epoch)
    assert checked == len(p.steps)
    (record,) = store.history()
    store.close()
    assert record.status == "completed"
    assert [s.index for s in record.steps] == list(range(len(p.steps)))
    assert all(s.ended_at is not None and not s.skipped for s in record.steps)
    assert record.active_seconds == pytest.approx(p.total_seconds, abs=1e-6)
    assert json.loads(json.dumps(record.to_json()))["steps"][0]["kind"] == "prepare"


ACTIONS = ("advance", "pause", "resume", "next", "back", "extend", "confirm", "flag_hurt")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACTIONS), st.floats(0, 12)), max_size=25))
def test_any_checkpoint_restores_to_the_same_position(moves):
    p = plan(
        exercise("Bird dog", reps=(1,), sides="alternate", prepare=3, rest=4),
        exercise("Cat-cow", timing="self_paced", phases=(), reps=(1,), prepare=0),
    )
    clock = FakeClock(0.0)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "spinewise.db"
        with Store.open(db) as store:
            sid, session = begin(store, p, clock)
            store.checkpoint(sid, session.snapshot(), session.start(), EPOCH, to_epoch)
        for action, seconds in moves:
            if session.finished:
                break
            clock.advance(seconds)
            # As the app does: catch up with the clock first, so an action refused
            # (extend on a step that just became a work step) loses no events.
            events = session.advance()
            with suppress(TransitionError):
                events += getattr(session, action)()
            with Store.open(db) as store:
                store.checkpoint(sid, session.snapshot(), events, EPOCH, to_epoch)
                active = store.active()
                still_open = rows(store, "SELECT step_index FROM steps WHERE ended_at IS NULL")
            assert still_open == ([] if session.finished else [(session.index,)])
            if session.finished:
                assert active is None
                break
            restored = Session.restore(p, clock, active.snapshot)
            assert restored.snapshot() == session.snapshot()


def test_a_zombie_process_does_not_hold_a_session():
    from tui.core.store.active import pid_alive

    child = subprocess.Popen(["true"])
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and Path(f"/proc/{child.pid}/stat").exists():
        stat = Path(f"/proc/{child.pid}/stat").read_text()
        if stat[stat.rfind(")") + 1 :].split()[0] == "Z":
            break
        time.sleep(0.01)
    assert not pid_alive(child.pid)  # exited, not yet reaped
    child.wait()
    assert not pid_alive(child.pid)


def test_a_session_is_held_elsewhere_only_by_another_live_process():
    from tui.core.store.active import held_by_other

    assert not held_by_other(None, 1)
    assert not held_by_other(os.getpid(), os.getpid())
    assert held_by_other(os.getppid(), os.getpid())

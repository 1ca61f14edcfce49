"""The core `Workout` on a fake clock: the texts it stores, the plan it resumes,
the save rhythm, the writer thread, leaving, claiming and storage faults."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from tests.doubles import FakeClock
from tui.core import paths
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import RoutineRef
from tui.core.engine.events import Event, Paused, StepStarted
from tui.core.engine.states import TransitionError
from tui.core.store.database import Store, StoreUnavailable
from tui.core.store.schema import BUSY_TIMEOUT
from tui.core.workout import SAVE_EVERY, Action, Storage, Workout, stored_plan

ROUTINE = """
name = "Morning"
[[exercise]]
use = "bird-dog-test"
reps = 2
[[exercise]]
name = "Plank"
hold = 10
"""
LIBRARY = """
[bird-dog-test]
name = "Bird dog"
tempo = "3-2-3"
phases = ["Reach", "Hold", "Return"]
"""


class CountingStore(Store):
    """The real store, counting the calls a test asks about."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.checkpoints = 0
        self.claims = 0

    def checkpoint(self, *args, **kwargs) -> None:
        self.checkpoints += 1
        super().checkpoint(*args, **kwargs)

    def claim(self, *args, **kwargs) -> None:
        self.claims += 1
        super().claim(*args, **kwargs)


@pytest.fixture
def routine_file(tmp_path: Path) -> Path:
    """A routine beside its own exercise library (so both texts are kept)."""
    (tmp_path / "exercises.toml").write_text(LIBRARY, encoding="utf-8")
    path = tmp_path / "morning.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    return path


@pytest.fixture
def entry(routine_file: Path) -> Valid:
    found = load_entry(RoutineRef("morning", routine_file, "own"))
    assert isinstance(found, Valid)
    return found


@pytest.fixture
def storage(tmp_path: Path) -> Storage:
    return Storage(CountingStore.open(tmp_path / "state.db"))


def test_a_valid_entry_carries_the_texts_it_was_parsed_from(entry: Valid, routine_file: Path):
    assert entry.text == ROUTINE
    library = routine_file.parent / "exercises.toml"
    assert (str(library), LIBRARY) in entry.library_texts
    assert entry.routine.exercises[0].name == "Bird dog"


def test_files_changed_after_choosing_do_not_change_what_is_stored(
    entry: Valid, routine_file: Path, storage: Storage
):
    routine_file.write_text(ROUTINE.replace("Plank", "Side plank"), encoding="utf-8")
    (routine_file.parent / "exercises.toml").write_text(LIBRARY.replace("Bird", "Cat"), "utf-8")
    workout = Workout.begin(storage, entry, FakeClock())
    workout.start()
    workout.saved()
    active = storage.paused()
    assert active is not None and active.routine_text == ROUTINE
    assert [str(routine_file.parent / "exercises.toml"), LIBRARY] in active.extras["library"]
    assert stored_plan(active) == entry.plan  # resume rebuilds exactly the plan that ran
    workout.leave()


def test_resume_rebuilds_the_running_plan_where_it_stopped(
    entry: Valid, routine_file: Path, storage: Storage
):
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    clock.advance(12.5)
    workout.advance()
    workout.leave()
    routine_file.unlink()  # resuming reads no file
    active = storage.paused()
    assert active is not None
    again = Workout.resume(storage, active, FakeClock(5000.0))
    assert again.plan == entry.plan
    assert again.session.status.value == "paused"
    assert again.session.snapshot()["elapsed"] == workout.session.snapshot()["elapsed"]


@pytest.mark.parametrize(("sound", "voice"), [("off", False), ("bell", True), (None, None)])
def test_the_sound_and_voice_it_was_started_with_are_kept_for_resume(
    entry: Valid, storage: Storage, sound: str | None, voice: bool | None
):
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock, sound=sound, voice=voice)
    workout.start()
    clock.advance(12.5)  # into the first work step, so it is kept
    workout.advance()
    workout.leave()
    active = storage.paused()
    assert active is not None
    assert (active.sound, active.voice) == (sound, voice)  # None: the saved settings


def test_a_resumed_session_is_claimed_once(entry: Valid, storage: Storage):
    clock = FakeClock()
    first = Workout.begin(storage, entry, clock)
    first.start()
    clock.advance(12.5)  # into the first work step, so it is kept
    first.advance()
    first.leave()
    store = storage.store
    assert isinstance(store, CountingStore)
    active = storage.paused()
    assert active is not None
    Workout.resume(storage, active, FakeClock(), claimed=True).leave()  # `spinewise resume`
    assert store.claims == 0
    Workout.resume(storage, active, FakeClock()).leave()  # ctrl+r in the routine library
    assert store.claims == 1


def test_listeners_hear_every_batch_and_actions_are_typed(entry: Valid, storage: Storage):
    heard: list[list[Event]] = []
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock, listeners=[lambda batch: heard.append(batch)])
    started = workout.start()
    assert heard == [started] and isinstance(started[0], StepStarted)
    assert workout.advance() == [] and len(heard) == 1  # nothing new: nothing heard
    assert workout.can(Action.PAUSE) and not workout.can(Action.RESUME)
    paused = workout.act(Action.PAUSE)
    assert any(isinstance(e, Paused) for e in paused) and heard[-1] == paused
    with pytest.raises(TransitionError):
        workout.act(Action.PAUSE)
    workout.leave()


def test_the_save_rhythm_runs_on_the_injected_clock(entry: Valid, storage: Storage):
    store = storage.store
    assert isinstance(store, CountingStore)
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    workout.saved()
    after_start = store.checkpoints
    time.sleep(SAVE_EVERY + 0.1)  # real time passing saves nothing
    workout.advance()
    workout.saved()
    assert store.checkpoints == after_start
    clock.advance(SAVE_EVERY * 0.6)
    workout.advance()
    workout.saved()
    assert store.checkpoints == after_start
    clock.advance(SAVE_EVERY * 0.6)
    workout.advance()
    workout.saved()
    assert store.checkpoints == after_start + 1
    active = storage.paused()
    assert active is not None and active.snapshot == workout.session.snapshot()
    workout.leave()


def test_a_locked_database_delays_the_save_not_the_session(entry: Valid, tmp_path: Path):
    storage = Storage(Store.open(tmp_path / "state.db"))
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    workout.saved()
    other = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        slowest = 0.0
        for _ in range(10):
            clock.advance(SAVE_EVERY)
            began = time.perf_counter()
            workout.advance()
            slowest = max(slowest, time.perf_counter() - began)
        # Waiting for the lock would take the whole busy timeout; a loaded machine can
        # delay one call by a tenth of a second or more without any waiting.
        assert slowest < BUSY_TIMEOUT / 5, "advancing waited for the database"
    finally:
        other.execute("COMMIT")
        other.close()
    workout.saved()
    active = storage.paused()
    assert active is not None and active.snapshot == workout.session.snapshot()
    assert active.snapshot["elapsed"] == pytest.approx(10 * SAVE_EVERY)
    workout.leave()


def test_leave_waits_until_the_pause_is_on_disk(entry: Valid, tmp_path: Path):
    db = tmp_path / "state.db"
    storage = Storage(Store.open(db))
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    clock.advance(13.25)  # into the first work step, so it is kept
    workout.advance()
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    releaser.start()
    workout.leave()  # waits for the lock, then for the writes
    releaser.join()
    other.close()
    assert workout.kept
    active = Store.open(db).active()
    assert active is not None and active.owner_pid is None  # released
    assert active.snapshot["status"] == "paused" and active.paused_at is not None
    assert active.snapshot["elapsed"] == pytest.approx(0.25)  # get ready 10 s, "Reach" 3 s


def test_a_failed_save_is_said_once_and_saving_resumes_when_the_fault_clears(
    entry: Valid, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("tui.core.workout.RETRY_EVERY", 0.0)  # try at every checkpoint
    said: list[str] = []
    store = Store.open(tmp_path / "state.db")
    storage = Storage(store, notify=said.append)
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    workout.saved()
    store._conn.execute("PRAGMA query_only = 1")  # as a full disk or a read-only file would
    for _ in range(3):
        clock.advance(SAVE_EVERY)
        workout.advance()
    workout.act(Action.NEXT)  # a step entered while nothing is saved
    workout.saved()
    assert storage.store is store and not storage.saving
    assert len(said) == 1 and said[0].startswith("Progress is not being saved")
    store._conn.execute("PRAGMA query_only = 0")  # the fault clears
    clock.advance(SAVE_EVERY)
    workout.advance()
    workout.saved()
    assert storage.saving and said[1:] == ["Progress is being saved again."]
    active = storage.paused()
    assert active is not None and active.snapshot == workout.session.snapshot()
    with store._guard() as conn:  # the steps of the failed checkpoints were written after all
        indexes = [row[0] for row in conn.execute("SELECT step_index FROM steps ORDER BY id")]
    assert indexes == [0, 1]
    workout.leave()
    assert workout.kept and len(said) == 2


def test_a_session_whose_last_save_failed_is_not_said_to_be_kept(
    entry: Valid, tmp_path: Path
):
    said: list[str] = []
    store = Store.open(tmp_path / "state.db")
    storage = Storage(store, notify=said.append)
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    clock.advance(30)  # into the work: a session not begun is forgotten, not kept
    workout.advance()
    workout.saved()
    store._conn.execute("PRAGMA query_only = 1")
    workout.leave()
    assert workout.left and not workout.kept
    assert len(said) == 1


def test_nothing_is_kept_in_memory_only(entry: Valid):
    from tui.core.store.database import NullStore

    clock = FakeClock()
    workout = Workout.begin(Storage(NullStore("read-only")), entry, clock)
    workout.start()
    clock.advance(30)
    workout.advance()
    workout.leave()
    assert workout.left and not workout.kept


def test_a_lock_held_past_the_timeout_is_retried_at_the_next_checkpoint(
    entry: Valid, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("tui.core.store.schema.BUSY_TIMEOUT", 0.05)
    monkeypatch.setattr("tui.core.workout.RETRY_EVERY", 0.0)
    said: list[str] = []
    storage = Storage(Store.open(tmp_path / "state.db"), notify=said.append)
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    workout.saved()
    other = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock past the timeout
    try:
        for _ in range(3):
            clock.advance(SAVE_EVERY)
            workout.advance()
        workout.saved()
        assert not storage.saving and "another spinewise is holding" in said[0]
    finally:
        other.execute("COMMIT")
        other.close()
    clock.advance(SAVE_EVERY)
    workout.advance()
    workout.saved()
    assert storage.saving and said[-1] == "Progress is being saved again."
    clock.advance(30)  # into the work: a session not begun is forgotten, not kept
    workout.advance()
    workout.leave()
    assert workout.kept


def test_a_finished_workout_stops_its_writer(storage: Storage, tmp_path: Path):
    path = paths.user_routines_dir() / "short.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('name = "Short"\n[[exercise]]\nname = "Hold"\nhold = 5\n', encoding="utf-8")
    entry = load_entry(RoutineRef("short", path, "own"))
    assert isinstance(entry, Valid)
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock)
    workout.start()
    clock.advance(1000)
    workout.advance()
    workout.saved()
    assert storage.paused() is None  # the store closed it
    [record] = storage.store.history()
    assert record.status == "completed"
    workout.leave()
    assert not workout.kept
    thread = workout._writer._thread
    assert thread is not None and not thread.is_alive()


def test_a_store_that_cannot_be_used_says_so(tmp_path: Path):
    said: list[str] = []
    storage = Storage(Store.open(tmp_path / "state.db"), notify=said.append)

    def broken(store):
        raise StoreUnavailable("disk is full")

    assert storage.call(broken) is None
    assert storage.paused() is None
    assert said == ["Progress is not being saved (trying again as you go): disk is full."]

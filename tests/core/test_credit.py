"""What counts (issue 14, items 1 to 4), on a fake clock with real stores:
skipping is not doing, a preview is not a workout, one truth for history, and
a session that never started is not kept."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.core.factories import exercise, plan, record_of
from tests.doubles import FakeClock
from tui.cli import main
from tui.core.catalog import sources
from tui.core.catalog.entries import Valid, load_entry
from tui.core.engine.credit import exercises_done
from tui.core.engine.events import SessionFinished
from tui.core.engine.session import Session
from tui.core.present import summary
from tui.core.routine.models import Phase
from tui.core.store.database import Store
from tui.core.store.schema import MIGRATIONS, connect, migrate
from tui.core.workout import Action, Storage, Workout

NOON = datetime(2024, 3, 14, 12).timestamp()
TODAY = date(2024, 3, 14)


def hold(name: str, reps: tuple[int, ...] = (1,)):
    return exercise(name, timing="hold", phases=(Phase("Hold", 10),), reps=reps, prepare=0)


def big_three() -> Valid:
    ref = sources.find("big-three")
    assert ref is not None
    entry = load_entry(ref)
    assert isinstance(entry, Valid)
    return entry


@pytest.fixture
def storage(tmp_path: Path):
    storage = Storage(Store.open(tmp_path / "state.db"))
    yield storage
    storage.store.close()


def begin(storage: Storage, clock: FakeClock, *, speed: float = 1.0) -> Workout:
    return Workout.begin(storage, big_three(), clock, speed=speed, wall=lambda: NOON + clock.now())


def only(storage: Storage):
    (record,) = storage.store.history(include_active=True)
    return record


# -- 1. skipping is not doing --------------------------------------------------------


def test_pressing_next_exercise_through_big_three_is_not_a_workout(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock)
    events = workout.start()
    for _ in range(3):
        clock.advance(0.7)
        events += workout.act(Action.NEXT_EXERCISE)
    workout.saved()
    (finished,) = [e for e in events if isinstance(e, SessionFinished)]
    assert (finished.ended_early, finished.done) == (False, ())
    shown = workout.record()
    assert shown.done == ()
    assert shown.skipped == ("Modified curl-up", "Side plank", "Bird dog")
    assert summary.title(shown) == "Nothing done"
    assert ("Skipped", "Modified curl-up; Side plank; Bird dog") in summary.lines(shown)
    record = only(storage)
    assert (record.status, record.outcome, record.done) == ("completed", "skipped", ())
    assert record.skipped == ("Modified curl-up", "Side plank", "Bird dog")
    assert storage.store.streak(TODAY) == 0


def test_pressing_next_through_all_but_the_last_step_does_nothing_either(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock)
    workout.start()
    steps = len(workout.plan.steps)
    for _ in range(steps - 1):
        clock.advance(0.3)
        workout.act(Action.NEXT)
    clock.advance(60)  # the last step runs out on its own
    workout.advance()
    workout.saved()
    assert workout.session.finished and not workout.session.ended_early
    assert workout.record().done == ()
    assert only(storage).outcome == "skipped"
    assert storage.store.streak(TODAY) == 0


def test_an_exercise_counts_as_done_from_half_its_work():
    p = plan(hold("Plank"), hold("Bridge"))
    clock = FakeClock(0.0)
    session = Session(p, clock)
    session.start()
    seconds = session.step_seconds()
    assert seconds is not None and session.step.kind == "work"
    clock.advance(seconds / 2)
    session.next()  # the plank: half its hold, done
    clock.advance(seconds / 2 - 0.5)
    session.next()  # the bridge: not quite half, skipped
    shown = record_of(session)
    assert (shown.done, shown.skipped) == (("Plank",), ("Bridge",))
    assert summary.title(shown) == "Workout complete"


def test_restarting_a_step_counts_its_best_attempt_not_the_sum():
    p = plan(hold("Plank"))
    clock = FakeClock(0.0)
    session = Session(p, clock)
    session.start()
    seconds = session.step_seconds()
    assert seconds is not None
    clock.advance(seconds * 0.3)
    session.back()  # restart: 30 % so far
    clock.advance(seconds * 0.3)
    session.next()  # 30 % again: 30 %, not 60 %
    assert exercises_done(p, session.worked) == ()


def test_work_done_survives_a_snapshot():
    p = plan(hold("Plank", reps=(2,)))
    clock = FakeClock(0.0)
    session = Session(p, clock)
    session.start()
    clock.advance(session.step_seconds() or 0)
    session.advance()
    session.pause()
    restored = Session.restore(p, clock, json.loads(json.dumps(session.snapshot())))
    assert restored.worked == session.worked == {0: 1.0}


# -- 2. a preview is not a workout ---------------------------------------------------


def test_a_preview_is_kept_as_one_and_never_counted(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock, speed=10)
    workout.start()
    clock.advance(workout.plan.total_seconds / 10 + 1)
    workout.advance()
    workout.saved()
    shown = workout.record()
    assert summary.title(shown) == "Preview ended" and shown.done  # all of it ran...
    record = only(storage)
    assert (record.outcome, record.speed, record.counted) == ("preview", 10.0, False)
    assert storage.store.streak(TODAY) == 0  # ...and none of it counts
    assert sum(minutes for _, minutes in storage.store.minutes_per_week(today=TODAY)) == 0


def test_resume_keeps_the_speed_a_session_was_started_with(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock, speed=10)
    workout.start()
    clock.advance(2)
    workout.advance()
    workout.leave()
    active = storage.paused()
    assert active is not None and active.speed == 10
    again = Workout.resume(storage, active, clock)
    assert again.speed == 10
    again.leave()


def test_resuming_at_another_speed_makes_it_a_preview_from_then_on(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock)
    workout.start()
    clock.advance(30)
    workout.advance()
    workout.leave()
    active = storage.paused()
    assert active is not None and active.speed == 1
    again = Workout.resume(storage, active, clock, speed=1)  # the default: as started
    assert again.speed == 1
    again.leave()
    active = storage.paused()
    assert active is not None
    faster = Workout.resume(storage, active, clock, speed=20)
    assert faster.speed == 20
    faster.leave()
    assert only(storage).speed == 20 and not only(storage).counted


# -- 3. one truth for history ------------------------------------------------------------


def test_the_paused_session_is_everywhere_or_nowhere(capsys):
    clock = FakeClock(0.0)
    with Store.open() as store:  # the default database, where `history` looks
        storage = Storage(store)
        workout = Workout.begin(storage, big_three(), clock, wall=lambda: NOON + clock.now())
        workout.start()
        clock.advance(400)  # past five minutes: into the chart, and a streak day
        workout.advance()
        workout.leave()
        weeks = store.minutes_per_week(today=TODAY)
        assert round(weeks[-1][1]) == round(workout.session.active_seconds() / 60) > 0
        assert store.streak(TODAY) == 1
        assert [r.outcome for r in store.history(include_active=True)] == ["paused"]
    assert main(["history", "--json"]) == 0
    (data,) = json.loads(capsys.readouterr().out)
    assert (data["status"], data["counted"]) == ("paused", True)


def test_the_history_command_lists_the_paused_session_its_chart_counts(tmp_path: Path, capsys):
    with Store.open() as store:  # the default database, where `history` looks
        storage = Storage(store)
        clock = FakeClock(0.0)
        workout = Workout.begin(storage, big_three(), clock)
        workout.start()
        clock.advance(120)
        workout.advance()
        workout.leave()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "Big three" in out and "paused" in out


def test_the_summary_shows_the_record_history_reads_back(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock)
    workout.start()
    while workout.session.step.exercise_index == 0:  # the curl-up, all of it
        clock.advance(1)
        workout.advance()
    workout.act(Action.FLAG_HURT)  # the side plank hurts...
    workout.act(Action.NEXT_EXERCISE)  # ...and is passed
    clock.advance(5)
    workout.act(Action.END)
    workout.saved()
    shown, kept = workout.record(), only(storage)
    assert type(shown) is type(kept)
    assert (shown.done, shown.skipped, shown.hurt) == (
        ("Modified curl-up",), ("Side plank",), ("Side plank",),
    )  # fmt: skip
    fields = ("id", "routine_id", "routine_name", "status", "outcome", "done", "skipped",
              "hurt", "speed", "started_at")  # fmt: skip
    assert {f: getattr(shown, f) for f in fields} == {f: getattr(kept, f) for f in fields}
    assert shown.active_seconds == pytest.approx(kept.active_seconds, abs=0.01)
    assert shown.ended_at == pytest.approx(kept.ended_at, abs=0.01)
    assert summary.title(kept) == summary.title(shown) == "Session ended"


# -- 4. a session that never started is not kept --------------------------------------


def test_leaving_before_any_work_step_keeps_nothing(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock)
    workout.start()
    clock.advance(2)  # still getting ready
    workout.advance()
    workout.leave()
    assert (workout.kept, workout.forgotten) == (False, True)
    assert storage.paused() is None
    assert storage.store.history(include_active=True) == []


def test_leaving_once_work_has_begun_keeps_the_session(storage: Storage):
    clock = FakeClock(0.0)
    workout = begin(storage, clock)
    workout.start()
    clock.advance(12)  # the get-ready (10 s) is over: the first hold has begun
    workout.advance()
    workout.leave()
    assert (workout.kept, workout.forgotten) == (True, False)
    assert storage.paused() is not None


# -- old databases ----------------------------------------------------------------------


def test_a_version_1_database_keeps_its_sessions_as_they_were(tmp_path: Path):
    db = tmp_path / "old.db"
    conn = connect(db)
    migrate(conn, MIGRATIONS[:1])
    snapshot = Session(plan(exercise()), FakeClock()).snapshot()
    conn.execute(
        "INSERT INTO sessions (routine_id, routine_name, routine_text, routine_hash, status,"
        " started_at, updated_at, ended_at, snapshot, active_seconds)"
        " VALUES ('r', 'Old', 'x', 'h', 'completed', ?, ?, ?, ?, 60)",
        (NOON, NOON, NOON + 60, json.dumps(snapshot)),
    )
    conn.close()
    with Store.open(db) as store:
        (record,) = store.history()
        assert (record.outcome, record.speed, record.done, record.counted) == (
            "completed", 1.0, None, True,
        )  # fmt: skip
        assert store.streak(TODAY) == 1
    with pytest.raises(sqlite3.OperationalError):  # the old file could not have held these
        sqlite3.connect(tmp_path / "none.db").execute("SELECT speed FROM sessions")

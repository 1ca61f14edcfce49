"""Progression in the session database (issue 16): a session is judged once per
exercise however often it is asked (each answer asks again), a worse next
morning steps back, sharp pain holds everything, two red days hold progression;
a workout runs at today's stage and resuming rebuilds that very plan. Dates are
fixed epoch seconds (UTC), never the clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.doubles import FakeClock
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import RoutineRef
from tui.core.programme.progression import Rule, Stage
from tui.core.programme.stages import stages_json, starting
from tui.core.programme.zones import Change, CheckIn, Kind
from tui.core.store.database import Store
from tui.core.store.step_log import end_session
from tui.core.workout import Storage, Workout, stored_plan

ROUTINE = """\
name = "Pyramid"
[defaults]
prepare = 0
rest = 0
[[exercise]]
name = "Bird dog"
reps = [3, 2, 1]
hold = 1
[exercise.progress]
add = "reps"
by = 1
every = 2
max = [5, 4, 3]
[[exercise]]
name = "Plank"
hold = 1
"""
DAY = 24 * 3600.0
MONDAY = datetime(2026, 11, 2, 8, tzinfo=UTC).timestamp()


@pytest.fixture
def entry(tmp_path: Path) -> Valid:
    path = tmp_path / "pyramid.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    found = load_entry(RoutineRef("pyramid", path, "own"))
    assert isinstance(found, Valid)
    return found


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


def session(store: Store, entry: Valid, at: float, *, done=("Bird dog", "Plank"), hurt=(),
            speed: float = 1.0) -> int:  # fmt: skip
    """A session of `entry` at today's stages, ended at `at` with `done` and `hurt`."""
    started = starting(entry.routine, store.stages("pyramid"))
    sid = store.begin("pyramid", None, "Pyramid", ROUTINE, 10, 2, {}, at - 600,
                      stages=stages_json(started), speed=speed)  # fmt: skip
    with store._write() as conn:
        conn.execute("UPDATE sessions SET done = ?, hurt = ? WHERE id = ?",
                     (json.dumps(list(done)), json.dumps(list(hurt)), sid))  # fmt: skip
        end_session(conn, sid, "completed", at)
    return sid


def answer(store: Store, sid: int, kind: Kind, at: float, **kw) -> list:
    store.add_checkin(CheckIn(kind, at, session_id=sid, **kw))
    return store.apply_session(sid, at, UTC)


def stage(store: Store) -> Stage:
    return store.stages("pyramid").get("Bird dog", Stage())


def test_two_settled_sessions_step_up_once_however_often_they_are_judged(store, entry):
    first = session(store, entry, MONDAY)
    assert store.apply_session(first, MONDAY, UTC) == []  # no pain after yet: not decided
    made = answer(store, first, Kind.AFTER, MONDAY + 60, pain=2)
    assert [(s.key, d.rule, d.after) for s, d in made] == [("Bird dog", Rule.SETTLED, Stage(0, 1))]
    assert store.apply_session(first, MONDAY + 120, UTC) == []  # never counted twice
    answer(store, first, Kind.NEXT_DAY, MONDAY + DAY, change=Change.SAME)
    assert stage(store) == Stage(0, 1)
    second = session(store, entry, MONDAY + DAY + 3600)
    made = answer(store, second, Kind.AFTER, MONDAY + DAY + 3660, pain=1)
    assert [(d.rule, d.reason, d.after) for _, d in made] == [
        (Rule.STEP_UP, "two settled sessions", Stage(1, 0))
    ]
    log = store.stage_log("pyramid")
    assert [e.line() for e in log][-1] == (
        "Bird dog: 3-2-1 becomes 4-3-2: two settled sessions (step up)"
    )
    assert starting(entry.routine, store.stages("pyramid"))[0].brief(1) == "4-3-2"


def test_a_worse_next_morning_steps_back_even_after_counting(store, entry):
    with store._write() as conn:
        conn.execute("INSERT INTO stages VALUES ('pyramid', 'Bird dog', 1, 1, 0)")
    sid = session(store, entry, MONDAY)
    answer(store, sid, Kind.AFTER, MONDAY + 60, pain=3)  # settled: 2 of 2, step up to 2
    assert stage(store) == Stage(2, 0)
    made = answer(store, sid, Kind.NEXT_DAY, MONDAY + DAY, change=Change.WORSE)
    assert [(d.rule, d.after) for _, d in made] == [(Rule.RED, Stage(1, 0))]
    assert "worse the next day" in made[0][1].reason
    assert store.apply_session(sid, MONDAY + DAY + 60, UTC) == []  # red once only


def test_amber_waits_for_the_next_morning(store, entry):
    sid = session(store, entry, MONDAY)
    assert answer(store, sid, Kind.AFTER, MONDAY + 60, pain=5) == []
    made = answer(store, sid, Kind.NEXT_DAY, MONDAY + DAY, change=Change.BETTER)
    assert [(d.rule, d.after) for _, d in made] == [(Rule.SETTLED, Stage(0, 1))]


def test_sharp_pain_and_a_preview_never_progress(store, entry):
    sid = session(store, entry, MONDAY, hurt=("Plank",))
    store.add_checkin(CheckIn(Kind.DURING, MONDAY - 60, pain=3, exercise="Plank", sharp=True,
                              session_id=sid))  # fmt: skip
    made = answer(store, sid, Kind.AFTER, MONDAY + 60, pain=1)
    assert [d.rule for _, d in made] == [Rule.SHARP]
    preview = session(store, entry, MONDAY + DAY, speed=10)
    assert [d.rule for _, d in answer(store, preview, Kind.AFTER, MONDAY + DAY, pain=0)] == [
        Rule.PREVIEW
    ]
    assert stage(store) == Stage(0, 0)


def test_a_red_preview_moves_nothing_but_counts_toward_the_hold(store, entry):
    """Issue 15: progression never moves on a preview, up or back; its red answer
    still counts toward two red days, which hold the sessions that count."""
    with store._write() as conn:
        conn.execute("INSERT INTO stages VALUES ('pyramid', 'Bird dog', 1, 1, 0)")
    preview = session(store, entry, MONDAY, speed=4.0, hurt=("Bird dog",))
    store.add_checkin(CheckIn(Kind.DURING, MONDAY - 60, pain=8, exercise="Bird dog",
                              session_id=preview))  # fmt: skip
    made = answer(store, preview, Kind.AFTER, MONDAY + 60, pain=7)
    assert [d.rule for _, d in made] == [Rule.PREVIEW]
    assert stage(store) == Stage(1, 1)
    store.add_checkin(CheckIn(Kind.STANDALONE, MONDAY + DAY, pain=6))  # a second red day
    counting = session(store, entry, MONDAY + 2 * DAY)
    made = answer(store, counting, Kind.AFTER, MONDAY + 2 * DAY + 60, pain=1)
    assert [d.rule for _, d in made] == [Rule.HELD]
    assert stage(store) == Stage(1, 1)


def test_two_red_days_in_a_week_hold_progression(store, entry):
    store.add_checkin(CheckIn(Kind.STANDALONE, MONDAY - 2 * DAY, pain=7))
    store.add_checkin(CheckIn(Kind.STANDALONE, MONDAY - DAY, pain=6))
    sid = session(store, entry, MONDAY)
    made = answer(store, sid, Kind.AFTER, MONDAY + 60, pain=1)
    assert [d.rule for _, d in made] == [Rule.HELD]
    assert stage(store) == Stage(0, 0)


def test_reset_goes_back_to_the_dose_written_and_is_logged(store, entry):
    with store._write() as conn:
        conn.execute("INSERT INTO stages VALUES ('pyramid', 'Bird dog', 2, 1, 0)")
    started = starting(entry.routine, store.stages("pyramid"))
    [(_, decision)] = store.reset_stages("pyramid", started, MONDAY)
    assert decision.rule is Rule.RESET and stage(store) == Stage(0, 0)
    assert store.stage_log("pyramid")[-1].line() == (
        "Bird dog: 5-4-3 becomes 3-2-1: reset by hand to the dose written"
    )


@pytest.mark.parametrize("settled", [0, 1])
def test_a_reset_at_the_dose_written_changes_and_logs_only_what_there_is(store, entry, settled):
    """Stage 0 with nothing settled: nothing to reset, nothing logged, however often
    asked; stage 0 with a settled session toward the next step: that count is reset."""
    with store._write() as conn:
        conn.execute("INSERT INTO stages VALUES ('pyramid', 'Bird dog', 0, ?, 0)", (settled,))
    for asked in range(3):
        started = starting(entry.routine, store.stages("pyramid"))
        [(_, decision)] = store.reset_stages("pyramid", started, MONDAY)
        assert (decision is None) == (asked > 0 or not settled)
        assert stage(store) == Stage(0, 0)
    assert len(store.stage_log("pyramid")) == settled


def test_a_workout_runs_at_todays_stage_and_resume_rebuilds_that_plan(tmp_path, entry):
    storage = Storage(Store.open(tmp_path / "state.db"))
    with storage.store._write() as conn:  # type: ignore[union-attr]
        conn.execute("INSERT INTO stages VALUES ('pyramid', 'Bird dog', 1, 0, 0)")
    clock = FakeClock()
    workout = Workout.begin(storage, entry, clock, wall=lambda: MONDAY)
    assert workout.plan.routine.exercises[0].reps == (4, 3, 2)
    workout.start()
    clock.advance(1.5)
    workout.advance()
    workout.leave()
    active = storage.paused()
    assert active is not None
    with storage.store._write() as conn:  # type: ignore[union-attr]
        conn.execute("UPDATE stages SET stage = 2")  # changed since: the session keeps its own
    assert stored_plan(active) == workout.plan
    assert Workout.begin is not None and entry.plan.routine.exercises[0].reps == (3, 2, 1)
    storage.store.close()


def test_migration_5_keeps_a_copy_of_a_version_4_database_and_adds_the_tables(tmp_path):
    from tui.core.store import schema

    path = tmp_path / "state.db"
    conn = schema.connect(path)
    schema.migrate(conn, schema.MIGRATIONS[:4])
    conn.execute("INSERT INTO checkins (kind, at, pain) VALUES ('standalone', 1.0, 2)")
    conn.close()
    with Store.open(path) as store:
        assert schema.user_version(store._conn) == schema.SCHEMA_VERSION  # 5, and on
        assert [(c.pain, c.sharp) for c in store.checkins()] == [(2, None)]
        assert store.stages("any") == {} and store.stage_log("any") == []
    copy = tmp_path / "state.db.bak-v4"
    assert schema.header_version(copy) == 4


def test_today_says_each_dose_and_its_last_change(store, entry):
    from tui.core.programme.stages import dose_today

    assert dose_today(starting(entry.routine, {}), []) == [
        "Bird dog: 3-2-1 reps, hold 1 s (as written)"
    ]
    with store._write() as conn:
        conn.execute("INSERT INTO stages VALUES ('pyramid', 'Bird dog', 0, 1, 0)")
    sid = session(store, entry, MONDAY)
    answer(store, sid, Kind.AFTER, MONDAY + 60, pain=0)
    started = starting(entry.routine, store.stages("pyramid"))
    assert dose_today(started, store.stage_log("pyramid")) == [
        "Bird dog: 4-3-2 reps, hold 1 s (was 3-2-1 reps, hold 1 s): two settled sessions "
        "(step up)"
    ]


def test_a_reset_made_while_a_session_is_paused_stands_when_it_ends(store, entry):
    """The reset is the person's explicit wish: the session begun before it, at the
    stage it had then, does not count toward the next step (it used to step the
    stage back up, or count one settled session, as though there were no reset)."""
    for day in (0, 1):
        sid = session(store, entry, MONDAY + day * DAY)
        answer(store, sid, Kind.AFTER, MONDAY + day * DAY + 60, pain=1)
    assert stage(store) == Stage(1, 0)
    at = MONDAY + 2 * DAY
    started = starting(entry.routine, store.stages("pyramid"))
    sid = store.begin("pyramid", None, "Pyramid", ROUTINE, 10, 2, {}, at - 600,
                      stages=stages_json(started))  # fmt: skip
    store.reset_stages("pyramid", started, at - 300)  # while it is paused
    with store._write() as conn:
        conn.execute("UPDATE sessions SET done = ? WHERE id = ?",
                     (json.dumps(["Bird dog", "Plank"]), sid))  # fmt: skip
        end_session(conn, sid, "completed", at)
    made = answer(store, sid, Kind.AFTER, at + 60, pain=1)
    assert stage(store) == Stage(0, 0)
    assert [(d.rule, d.reason) for _, d in made] == [
        (Rule.RESET_SINCE, "reset by hand to the dose written after this session began: "
         "not counted"),
    ]  # fmt: skip
    # Red still eases off: never below the dose written.
    made = answer(store, sid, Kind.NEXT_DAY, at + DAY, change=Change.WORSE)
    assert [d.rule for _, d in made] == [Rule.RED] and stage(store) == Stage(0, 0)


def test_a_reset_at_the_dose_written_while_a_session_is_open_is_kept_for_it(store, entry):
    """Nothing to undo, but the session open then must not count either: that reset
    is logged (with no session open it is not: `test_a_reset_at_the_dose_written...`)."""
    started = starting(entry.routine, store.stages("pyramid"))
    sid = store.begin("pyramid", None, "Pyramid", ROUTINE, 10, 2, {}, MONDAY - 600,
                      stages=stages_json(started))  # fmt: skip
    [(_, decision)] = store.reset_stages("pyramid", started, MONDAY - 300)
    assert decision is not None and decision.rule is Rule.RESET
    with store._write() as conn:
        conn.execute("UPDATE sessions SET done = ? WHERE id = ?",
                     (json.dumps(["Bird dog", "Plank"]), sid))  # fmt: skip
        end_session(conn, sid, "completed", MONDAY)
    answer(store, sid, Kind.AFTER, MONDAY + 60, pain=1)
    assert stage(store) == Stage(0, 0)


def test_the_summary_says_the_stores_decision_and_when_progression_is_held(store, entry):
    """The next-time line is the store's own decision (`session_facts`, `outlook`),
    and says in the rule's reason when two red days this week hold progression,
    with or without the pain after typed yet."""
    from tui.core.present.next_time import next_time_lines
    from tui.core.programme.deciding import outlook

    for days in (2, 1):
        store.add_checkin(CheckIn(Kind.STANDALONE, MONDAY - days * DAY, pain=7))
    sid = session(store, entry, MONDAY)
    facts = store.session_facts(sid, MONDAY + 30, UTC)
    assert facts is not None
    held = ("Bird dog: stays at 3-2-1 next time you do Pyramid: pain of 6 or more on two "
            "days this week: progression is held")  # fmt: skip
    assert next_time_lines(outlook(facts, 1), routine="Pyramid") == [held]
    assert next_time_lines(outlook(facts), routine="Pyramid") == [held]
    # What the summary said is what the store decides when the answer is kept.
    [(_, decision)] = answer(store, sid, Kind.AFTER, MONDAY + 60, pain=1)
    assert decision.rule is Rule.HELD and stage(store) == Stage(0, 0)


def test_sharp_pain_is_said_on_the_summary_in_its_own_reason(store, entry):
    from tui.core.present.next_time import next_time_lines
    from tui.core.programme.deciding import outlook

    sid = session(store, entry, MONDAY, hurt=("Plank",))
    store.add_checkin(CheckIn(Kind.DURING, MONDAY - 60, pain=3, sharp=True, session_id=sid,
                              exercise="Plank"))  # fmt: skip
    facts = store.session_facts(sid, MONDAY, UTC)
    assert facts is not None
    assert next_time_lines(outlook(facts, 0), routine="Pyramid") == [
        "Bird dog: stays at 3-2-1 next time you do Pyramid: sharp or radiating pain was "
        "flagged with !: nothing progresses after that session"
    ]

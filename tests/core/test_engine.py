"""The session state machine, on a fake clock: no sleeps anywhere."""

from __future__ import annotations

import json
from contextlib import suppress

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.factories import exercise, plan
from tests.doubles import FakeClock
from tui.core.engine.events import (
    CountIn,
    ExerciseDone,
    PhaseChanged,
    SessionFinished,
    SetDone,
    StepEnded,
    StepStarted,
)
from tui.core.engine.session import Session, Status, TransitionError
from tui.core.routine.models import Phase


def hold(name: str = "Plank", seconds: float = 10, **kw: object):
    return exercise(name, timing="hold", phases=(Phase("Hold", seconds),), **kw)


def started(p, speed: float = 1.0) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(p, clock, speed=speed)
    session.start()
    return session, clock


def test_remaining_comes_from_the_deadline():
    session, clock = started(plan(hold(prepare=10)))
    assert session.remaining() == 10
    clock.advance(1.25)
    assert session.remaining() == pytest.approx(8.75)
    clock.advance(0.75)
    assert session.advance() == []
    assert session.remaining() == pytest.approx(8.0)


def test_one_advance_crosses_several_boundaries_with_exact_due_times():
    p = plan(exercise(prepare=2, reps=(1,)))  # prepare 2, Lower 3, Hold 1, Raise 3
    session, clock = started(p)
    t0 = clock.now()
    clock.advance(6.5)
    events = session.advance()
    started_at = [
        (e.step.kind, e.step.phase, e.due - t0) for e in events if isinstance(e, StepStarted)
    ]
    assert started_at == [("work", "Lower", 2), ("work", "Hold", 5), ("work", "Raise", 6)]
    phases = [e.phase for e in events if isinstance(e, PhaseChanged)]
    assert phases == ["Lower", "Hold", "Raise"]
    assert session.index == 3
    assert session.remaining() == pytest.approx(2.5)


def test_count_in_the_last_three_seconds_of_long_steps_only():
    session, clock = started(plan(hold(seconds=10, prepare=0, reps=(1,))))
    t0 = clock.now()
    clock.advance(9.5)
    counts = [(e.seconds, e.due - t0) for e in session.advance() if isinstance(e, CountIn)]
    assert counts == [(3, 7), (2, 8), (1, 9)]
    # a 3-second tempo phase does not count in: the phase cue is enough
    session, clock = started(plan(exercise(prepare=0, reps=(1,))))
    clock.advance(7)
    assert not [e for e in session.advance() if isinstance(e, CountIn)]


def test_sets_exercises_and_the_end_are_reported_once_in_order():
    p = plan(
        hold(seconds=5, reps=(1, 1), rest=5, prepare=0),
        hold("Bridge", seconds=5, reps=(1,), prepare=0),
    )
    session, clock = started(p)
    clock.advance(100)
    events = session.advance()
    done = [
        type(e).__name__ for e in events if isinstance(e, SetDone | ExerciseDone | SessionFinished)
    ]
    assert done == [
        "SetDone",
        "SetDone",
        "ExerciseDone",
        "SetDone",
        "ExerciseDone",
        "SessionFinished",
    ]
    assert session.finished
    assert session.active_seconds() == pytest.approx(20)
    assert session.remaining() == 0


def test_pause_freezes_time_and_resume_continues():
    session, clock = started(plan(hold(prepare=10)))
    clock.advance(3)
    session.pause()
    clock.advance(500)
    assert session.advance() == []
    assert session.remaining() == pytest.approx(7)
    session.resume()
    clock.advance(2)
    assert session.remaining() == pytest.approx(5)
    assert session.active_seconds() == pytest.approx(5)


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("resume", Status.RUNNING),
        ("start", Status.RUNNING),
        ("confirm", Status.PAUSED),
        ("pause", Status.PAUSED),
    ],
)
def test_invalid_transitions_are_refused(action, status):
    session, _ = started(plan(hold()))
    if status is Status.PAUSED:
        session.pause()
    with pytest.raises(TransitionError, match="cannot"):
        getattr(session, action)()


def test_extend_only_rests_and_the_count_in_comes_again():
    session, clock = started(plan(hold(prepare=0, reps=(1, 1), seconds=5, rest=10)))
    with pytest.raises(TransitionError, match="only a rest"):
        session.extend(10)
    clock.advance(5)
    session.advance()
    assert session.step.kind == "rest"
    clock.advance(8)
    assert [e.seconds for e in session.advance() if isinstance(e, CountIn)] == [3, 2]
    session.extend(10)
    assert session.remaining() == pytest.approx(12)
    clock.advance(12)
    assert [e.seconds for e in session.advance() if isinstance(e, CountIn)] == [3, 2, 1]
    assert session.step.kind == "work"


def test_back_restarts_after_two_seconds_else_goes_to_the_previous_step():
    session, clock = started(plan(exercise(prepare=5, reps=(1,))))
    clock.advance(6)  # 1 s into "Lower"
    session.advance()
    session.back()
    assert session.index == 0 and session.remaining() == 5
    clock.advance(2.5)
    session.back()
    assert session.index == 0 and session.remaining() == 5
    session.next()
    clock.advance(2.5)
    session.back()  # restart "Lower"
    assert session.index == 1 and session.remaining() == 3


def test_next_and_next_exercise_and_skip():
    p = plan(hold("A", reps=(1, 1)), hold("B"))
    session, _ = started(p)
    events = session.next()
    assert [e.skipped for e in events if isinstance(e, StepEnded)] == [True]
    assert session.step.kind == "work"
    events = session.skip_exercise()
    assert session.step.exercise == "B" and session.step.kind == "prepare"
    assert [e.skipped for e in events if isinstance(e, ExerciseDone)] == [True]
    assert session.skipped == {0}
    session.next_exercise()
    assert session.finished and not session.ended_early


def test_self_paced_step_counts_up_and_waits_for_confirm():
    p = plan(exercise("Squat", timing="self_paced", phases=(), reps=(8,), prepare=0))
    session, clock = started(p)
    clock.advance(3600)
    assert session.advance() == []
    assert session.remaining() is None and session.elapsed() == pytest.approx(3600)
    assert session.next_due() is None
    events = session.confirm()
    assert isinstance(events[-1], SessionFinished)


def test_hurt_pauses_and_is_recorded():
    session, clock = started(plan(hold("A"), hold("B")))
    clock.advance(12)
    session.flag_hurt()
    assert session.status is Status.PAUSED and session.hurt == {0}
    session.skip_exercise()
    session.resume()
    assert session.step.exercise == "B"


def test_end_early():
    session, clock = started(plan(hold()))
    clock.advance(4)
    events = session.end()
    assert session.finished and session.ended_early
    assert isinstance(events[-1], SessionFinished) and events[-1].ended_early
    with pytest.raises(TransitionError):
        session.next()


def test_speed_runs_the_plan_faster():
    session, clock = started(plan(hold(prepare=10)), speed=10)
    clock.advance(0.5)
    assert session.remaining() == pytest.approx(5)
    assert session.next_due() == pytest.approx(clock.now() + 0.2)  # count-in 3 at 7 s


def test_snapshot_is_json_and_restores_the_same_position():
    p = plan(exercise(prepare=5), hold("B"))
    session, clock = started(p)
    clock.advance(9.25)
    session.advance()
    data = json.loads(json.dumps(session.snapshot()))
    again = Session.restore(p, clock, data)
    assert (again.index, again.status) == (session.index, session.status)
    assert again.remaining() == pytest.approx(session.remaining())
    assert again.active_seconds() == pytest.approx(session.active_seconds())


def test_restore_refuses_a_snapshot_of_another_plan():
    session, _ = started(plan(hold()))
    data = session.snapshot()
    with pytest.raises(ValueError, match="steps"):
        Session.restore(plan(hold(), hold("B")), FakeClock(), data)


# -- properties ---------------------------------------------------------------

ACTIONS = ["pause", "resume", "next", "back", "extend", "confirm", "next_exercise", "flag_hurt"]
any_plan = st.sampled_from(
    [
        plan(exercise(reps=(2, 1), rest=4, rep_rest=1, sides="alternate")),
        plan(
            hold(seconds=6, reps=(3,), sides="both"),
            exercise("Squat", timing="self_paced", phases=(), reps=(5,)),
        ),
        plan(exercise(prepare=0, reps=(1,)), hold("B", prepare=0, seconds=1, reps=(2, 2), rest=0)),
    ]
)
ops = st.lists(st.tuples(st.sampled_from(ACTIONS), st.floats(0, 12)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(p=any_plan, script=ops, speed=st.sampled_from([1.0, 2.5, 60.0]))
def test_any_sequence_keeps_time_sane_and_reaches_the_end(p, script, speed):
    clock = FakeClock()
    session = Session(p, clock, speed=speed)
    events = session.start()
    running_time = 0.0
    for action, wait in script:
        was_running = session.running
        clock.advance(wait)
        if was_running:
            running_time += wait * speed
        events += session.advance()
        assert (session.remaining() or 0) >= 0
        assert 0 <= session.fraction() <= 1
        if session.can(action):
            # allowed in this status, maybe not on this step (extend a work step...)
            with suppress(TransitionError):
                events += getattr(session, action)()
        # restore(snapshot()) gives the same position at every moment
        again = Session.restore(p, clock, json.loads(json.dumps(session.snapshot())), speed=speed)
        assert again.index == session.index and again.status == session.status
        assert again.remaining() == pytest.approx(session.remaining())
    # active time is never lost nor counted twice
    if not session.finished:
        assert session.active_seconds() == pytest.approx(running_time, abs=1e-6)
    # and the session always reaches the end
    guard = 0
    while not session.finished and guard < 10_000:
        guard += 1
        if session.status is Status.PAUSED:
            events += session.resume()
        elif session.step.self_paced:
            events += session.confirm()
        else:
            clock.advance(1.0)
            events += session.advance()
    assert session.finished
    ended = sum(e.elapsed for e in events if isinstance(e, StepEnded))
    assert ended == pytest.approx(session.active_seconds(), abs=1e-6)
    assert sum(isinstance(e, SessionFinished) for e in events) == 1


def test_a_refused_action_after_a_catch_up_loses_no_events():
    session, clock = started(plan(hold(prepare=3)))
    clock.advance(3.5)  # the get-ready ended; the hold began
    with pytest.raises(TransitionError, match="only a rest"):
        session.extend(10)
    events = session.advance()
    assert [type(e).__name__ for e in events][:3] == ["StepEnded", "StepStarted", "PhaseChanged"]

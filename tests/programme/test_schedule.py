"""The due rule on fake dates: the plan laid out session by session, advanced by
completed sessions of the routine due next (never by the calendar), one a day,
on the days chosen or each phase's own."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.programme.model import Programme, ProgrammePhase
from tui.core.programme.schedule import (
    DEFAULT_DAYS,
    DoneSession,
    Due,
    Slot,
    days_text,
    due_today,
    expand,
    next_day_on,
    parse_days,
    place_of,
    week_of,
)

PLAN = Programme(
    "Test plan",
    (
        ProgrammePhase("Start", 2, 2, ("gentle-start", "daily-back-stretch")),
        ProgrammePhase("More", 1, 3, ("core-basics", "big-three")),
    ),
)
MON = date(2026, 3, 2)  # a Monday


def day(n: int) -> date:
    return MON + timedelta(days=n)


def test_expansion_takes_each_phase_s_routines_in_turn():
    assert expand(PLAN) == (
        Slot(0, 0, "gentle-start"), Slot(0, 1, "daily-back-stretch"),
        Slot(0, 2, "gentle-start"), Slot(0, 3, "daily-back-stretch"),
        Slot(1, 0, "core-basics"), Slot(1, 1, "big-three"), Slot(1, 2, "core-basics"),
    )  # fmt: skip
    assert len(expand(PLAN)) == PLAN.sessions == 7


def test_each_session_of_the_routine_due_next_advances_the_plan():
    done = [DoneSession(day(0), "gentle-start"), DoneSession(day(3), "daily-back-stretch")]
    place = place_of(PLAN, done)
    assert (place.done, place.next, place.last_day) == (2, Slot(0, 2, "gentle-start"), day(3))


def test_a_session_of_another_routine_or_a_second_one_the_same_day_does_not_count():
    done = [
        DoneSession(day(0), "big-three"),  # not the one due
        DoneSession(day(0), "gentle-start"),
        DoneSession(day(0), "daily-back-stretch"),  # due next, but today counted one
        DoneSession(day(1), "daily-back-stretch"),
    ]
    place = place_of(PLAN, done)
    assert place.done == 2 and place.last_day == day(1)


def test_a_missed_week_skips_nothing():
    before = due_today(PLAN, started=MON, days=None,
                       sessions=[DoneSession(day(0), "gentle-start")], today=day(3))  # fmt: skip
    later = due_today(PLAN, started=MON, days=None,
                      sessions=[DoneSession(day(0), "gentle-start")], today=day(17))  # fmt: skip
    assert before.state is later.state is Due.DUE  # Thursdays
    assert before.place.next == later.place.next == Slot(0, 1, "daily-back-stretch")


def test_the_start_day_is_a_session_day_then_the_phase_s_own_days():
    sunday = day(6)
    first = due_today(PLAN, started=sunday, days=None, sessions=[], today=sunday)
    assert (first.state, first.next_day) == (Due.DUE, sunday)
    done = [DoneSession(sunday, "gentle-start")]
    after = due_today(PLAN, started=sunday, days=None, sessions=done, today=sunday)
    # 2 a week, Mon and Thu, a rest day between: not Monday, the day after.
    assert (after.state, after.next_day) == (Due.DONE, day(10))
    monday = due_today(PLAN, started=sunday, days=None, sessions=done, today=day(7))
    assert (monday.state, monday.next_day) == (Due.REST, day(10))
    tuesday = due_today(PLAN, started=sunday, days=None, sessions=done, today=day(8))
    assert (tuesday.state, tuesday.next_day) == (Due.REST, day(10))  # Thursday
    # A start day on which nothing was done is a rest day once it has passed:
    missed = due_today(PLAN, started=sunday, days=None, sessions=[], today=day(8))
    assert (missed.state, missed.place.done) == (Due.REST, 0)


def test_the_days_chosen_hold_for_every_phase():
    wed_sat = (2, 5)
    on = due_today(PLAN, started=MON, days=wed_sat, sessions=[], today=day(2))
    off = due_today(PLAN, started=MON, days=wed_sat, sessions=[], today=day(3))
    assert on.state is Due.DUE and (off.state, off.next_day) == (Due.REST, day(5))


def test_the_next_phase_brings_its_own_rhythm():
    done = [DoneSession(day(n), rid) for n, rid in
            ((0, "gentle-start"), (3, "daily-back-stretch"), (7, "gentle-start"),
             (10, "daily-back-stretch"))]  # fmt: skip
    judged = due_today(PLAN, started=MON, days=None, sessions=done, today=day(10))
    assert judged.place.next == Slot(1, 0, "core-basics")
    # Thu done; 3 a week (Mon, Wed, Fri) but never the day after one: Monday.
    assert (judged.state, judged.next_day) == (Due.DONE, day(14))
    assert due_today(PLAN, started=MON, days=None, sessions=done, today=day(11)).state is Due.REST
    assert due_today(PLAN, started=MON, days=None, sessions=done, today=day(14)).state is Due.DUE


def test_a_finished_plan_has_nothing_due():
    slots = expand(PLAN)
    done = [DoneSession(day(n), slot.routine_id) for n, slot in enumerate(slots)]
    judged = due_today(PLAN, started=MON, days=None, sessions=done, today=day(30))
    assert (judged.state, judged.place.done, judged.place.next, judged.next_day) == (
        Due.FINISHED, 7, None, None)


def test_a_day_before_the_start_waits_for_it():
    judged = due_today(PLAN, started=day(2), days=None, sessions=[], today=day(1))
    assert (judged.state, judged.next_day) == (Due.REST, day(2))


def test_weeks_count_by_sessions_within_a_phase_and_over_the_plan():
    assert week_of(PLAN, Slot(0, 0, "x")) == (1, 1)
    assert week_of(PLAN, Slot(0, 2, "x")) == (2, 2)
    assert week_of(PLAN, Slot(1, 2, "x")) == (1, 3)


@pytest.mark.parametrize(
    ("text", "days"),
    [("mon,wed,fri", (0, 2, 4)), ("Fri Mon", (0, 4)), ("monday,TUESDAY", (0, 1)),
     ("sun,sun", (6,))],
)  # fmt: skip
def test_days_are_read_as_people_write_them(text, days):
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["", "mo", "mon,wex", "funday", ","])
def test_days_not_understood_are_a_sentence(text):
    with pytest.raises(ValueError, match="expected"):
        parse_days(text)


def test_default_days_spread_the_sessions_and_read_back():
    for per_week, days in DEFAULT_DAYS.items():
        assert len(days) == per_week
        assert parse_days(days_text(days)) == days
    assert days_text(DEFAULT_DAYS[3]) == "mon,wed,fri"
    assert next_day_on(day(4), (0, 2, 4)) == day(7)


@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from(
    ["gentle-start", "daily-back-stretch", "core-basics", "big-three"])), max_size=40))
def test_the_plan_never_goes_back_nor_past_its_end(raw):
    sessions = [DoneSession(day(n), rid) for n, rid in sorted(raw)]
    counted = [place_of(PLAN, sessions[:k]).done for k in range(len(sessions) + 1)]
    assert counted == sorted(counted) and counted[-1] <= PLAN.sessions
    assert counted[-1] <= len({s.day for s in sessions})  # one a day at most

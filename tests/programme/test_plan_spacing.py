"""The bundled plan's sessions keep its spacing on faked dates, across every
change of phase and whatever weekday it is started on.

Two or three sessions a week leave a rest day between sessions (`DEFAULT_DAYS`);
the first phase (Monday and Thursday) ended on a Thursday and the second's days
(Monday, Wednesday, Friday) put its first session on the Friday, back to back.
These follow the whole 12-week plan day by day, doing each session on the day
`due_today` says it is due, and check that the calendar (`coming_sessions`, as
`plan export --ics` lays it out on the start day) shows the same days.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.catalog.plans import find_plan, read_plan
from tui.core.programme.model import Programme
from tui.core.programme.plan_calendar import coming_sessions
from tui.core.programme.schedule import (
    DoneSession,
    Due,
    due_today,
    expand,
    spaced,
    weekdays_of,
)

MON = date(2026, 3, 2)  # a Monday


def bundled() -> Programme:
    ref = find_plan("back-care-12-weeks")
    assert ref is not None
    return read_plan(ref)[0]


def follow(programme: Programme, started: date, days: tuple[int, ...] | None
           ) -> list[DoneSession]:
    """Every session of the plan, each done on the first day `today` says it is due."""
    done: list[DoneSession] = []
    today = started
    while len(done) < programme.sessions:
        judged = due_today(programme, started=started, days=days, sessions=done, today=today)
        if judged.state is Due.DUE:
            assert judged.next_day == today and judged.place.next is not None
            done.append(DoneSession(today, judged.place.next.routine_id))
        else:
            assert judged.next_day is not None and judged.next_day > today
        today += timedelta(days=1)
    return done


@pytest.mark.parametrize("start", range(7), ids=lambda n: f"started-{n}-days-after-a-monday")
def test_no_two_sessions_fall_on_consecutive_days_where_the_plan_spaces_them(start):
    programme = bundled()
    started = MON + timedelta(days=start)
    done = follow(programme, started, None)
    slots = expand(programme)
    assert [s.routine_id for s in done] == [slot.routine_id for slot in slots]
    for before, after, slot in zip(done[:-1], done[1:], slots[1:], strict=True):
        weekdays = weekdays_of(programme.phases[slot.phase], None)
        assert spaced(weekdays)  # the bundled plan is two or three a week throughout
        assert (after.day - before.day).days >= 2, (
            f"{before.day:%a %d %b} then {after.day:%a %d %b} (phase {slot.phase + 1})")
        assert after.day.weekday() in weekdays
    # 12 weeks, give or take the days a change of phase waits for a rest day:
    assert (done[-1].day - started).days < 12 * 7 + 7
    first = due_today(programme, started=started, days=None, sessions=[], today=started)
    calendar = coming_sessions(programme, first, None)
    assert [c.day for c in calendar] == [s.day for s in done]


def test_the_change_from_two_a_week_to_three_waits_for_a_rest_day():
    programme = bundled()
    done = follow(programme, MON, None)
    first_phase = programme.phases[0].sessions
    last_of_first, first_of_second = done[first_phase - 1].day, done[first_phase].day
    assert f"{last_of_first:%a}" == "Thu"
    assert f"{first_of_second:%a}" == "Mon"  # was the Friday, the day after


def test_days_chosen_next_to_each_other_are_the_person_s_choice():
    programme = bundled()
    done = follow(programme, MON, (0, 1))  # Monday and Tuesday
    assert (done[1].day - done[0].day).days == 1
    assert not spaced((0, 1)) and not spaced((6, 0)) and spaced((0, 2, 4)) and spaced((2,))


def test_a_session_done_a_day_late_is_not_followed_by_one_the_next_day():
    programme = bundled()
    done = [DoneSession(MON, "gentle-start"),
            DoneSession(MON + timedelta(days=4), "daily-back-stretch")]
    # Mon, then Friday instead of Thursday; phase 1's days are Monday and Thursday.
    judged = due_today(programme, started=MON, days=None, sessions=done,
                       today=MON + timedelta(days=5))
    assert (judged.state, judged.next_day) == (Due.REST, MON + timedelta(days=7))
    # Days chosen Mon, Wed, Fri; the Monday session done on the Tuesday: Wednesday rests.
    late = [DoneSession(MON + timedelta(days=1), "gentle-start")]
    wed = due_today(programme, started=MON, days=(0, 2, 4), sessions=late,
                    today=MON + timedelta(days=2))
    assert (wed.state, wed.next_day) == (Due.REST, MON + timedelta(days=4))

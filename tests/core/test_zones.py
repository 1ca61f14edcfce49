"""The traffic light by table: zones, the day's verdict, the advice after two red
days, and where a check-in goes around midnight and across a clock change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.factories import BERLIN, at
from tui.core.programme.zones import (
    ATTACH_WITHIN,
    Change,
    CheckIn,
    Kind,
    LastSession,
    NothingToCompare,
    Verdict,
    Zone,
    attach,
    compares_with,
    next_day_due,
    no_comparison,
    see_professional,
    session_zone,
    verdict,
    zone,
)


@pytest.mark.parametrize(
    ("pain", "expected"),
    [(0, Zone.GREEN), (3, Zone.GREEN), (4, Zone.AMBER), (5, Zone.AMBER), (6, Zone.RED),
     (10, Zone.RED)],
)  # fmt: skip
def test_zone_by_table(pain: int, expected: Zone):
    assert zone(pain) is expected


@pytest.mark.parametrize("pain", [-1, 11, 3.5, True])
def test_pain_off_the_scale_is_refused(pain):
    with pytest.raises(ValueError, match="0 to 10"):
        zone(pain)


def c(kind: Kind, pain: int | None = None, change: Change | None = None, t: float = 0.0):
    return CheckIn(kind=kind, at=t, pain=pain, change=change)


B, D, A, N = Kind.BEFORE, Kind.DURING, Kind.AFTER, Kind.NEXT_DAY


@pytest.mark.parametrize(
    ("checkins", "zone_", "expected"),
    [
        ([], None, Verdict.UNKNOWN),
        ([c(B, 7)], None, Verdict.UNKNOWN),  # pain before says nothing of the dose
        ([c(A, 2)], Zone.GREEN, Verdict.CARRY_ON),
        ([c(A, 2), c(N, change=Change.WORSE)], Zone.GREEN, Verdict.EASE_OFF),
        ([c(A, 5)], Zone.AMBER, Verdict.WAIT),
        ([c(A, 4), c(N, change=Change.SAME)], Zone.AMBER, Verdict.CARRY_ON),
        ([c(A, 4), c(N, change=Change.BETTER)], Zone.AMBER, Verdict.CARRY_ON),
        ([c(A, 4), c(N, change=Change.WORSE)], Zone.AMBER, Verdict.EASE_OFF),
        ([c(D, 7), c(A, 2)], Zone.RED, Verdict.EASE_OFF),  # the worst counts
        ([c(D, 6), c(N, change=Change.BETTER)], Zone.RED, Verdict.EASE_OFF),
        ([c(N, change=Change.SAME)], None, Verdict.CARRY_ON),
        ([c(N)], None, Verdict.UNKNOWN),  # the question dismissed
    ],
)
def test_verdict_by_table(checkins, zone_, expected):
    assert session_zone(checkins) is zone_
    assert verdict(checkins) is expected


@pytest.mark.parametrize(
    ("red_at", "today", "expected"),
    [
        (["2026-03-02 10:00"], date(2026, 3, 2), False),
        (["2026-03-02 10:00", "2026-03-02 18:00"], date(2026, 3, 2), False),  # one day
        (["2026-03-02 10:00", "2026-03-08 10:00"], date(2026, 3, 8), True),  # 7 days
        (["2026-03-01 10:00", "2026-03-08 10:00"], date(2026, 3, 8), False),  # 8 days
        (["2026-03-01 23:59", "2026-03-02 00:01"], date(2026, 3, 2), True),  # midnight
        (["2026-03-02 10:00", "2026-03-03 10:00"], date(2026, 3, 12), False),  # long ago
    ],
)
def test_red_twice_within_seven_days(red_at, today, expected):
    checkins = [CheckIn(Kind.AFTER, at(t), pain=6) for t in red_at]
    checkins.append(CheckIn(Kind.AFTER, at("2026-03-05 10:00"), pain=5))  # amber: not counted
    assert see_professional(checkins, today, BERLIN) is expected


def last(ended: str | None, *, after: bool = False, next_day: bool = False) -> LastSession:
    return LastSession(7, None if ended is None else at(ended), after, next_day)


@pytest.mark.parametrize(
    ("session", "now", "pain", "vs", "expected"),
    [
        (None, "2026-03-02 10:00", 3, None, (Kind.STANDALONE, None)),
        (last(None), "2026-03-02 10:00", 3, None, (Kind.STANDALONE, None)),  # still open
        (last("2026-03-01 23:50"), "2026-03-02 00:10", 3, None, (Kind.AFTER, 7)),  # midnight
        (last("2026-03-01 23:50", after=True), "2026-03-02 00:10", 3, None,
         (Kind.STANDALONE, None)),
        (last("2026-03-01 22:50"), "2026-03-02 07:00", None, Change.SAME, (Kind.NEXT_DAY, 7)),
        (last("2026-03-01 22:50"), "2026-03-02 07:00", 2, Change.SAME, (Kind.NEXT_DAY, 7)),
        # answered on the library already (or dismissed): a later answer still counts
        (last("2026-03-01 08:00", next_day=True), "2026-03-02 08:00", None, Change.WORSE,
         (Kind.NEXT_DAY, 7)),
        # the morning after is the next calendar day, however long after the session
        (last("2026-03-01 07:00"), "2026-03-02 21:00", None, Change.BETTER, (Kind.NEXT_DAY, 7)),
        (last("2026-03-01 10:00"), "2026-03-02 10:00", 2, None, (Kind.AFTER, 7)),  # 24 h
        (last("2026-03-01 10:00"), "2026-03-02 10:01", 2, None, (Kind.STANDALONE, None)),
        # Clocks go forward at 02:00 on 29 March: 10:30 wall is only 23.5 h later.
        (last("2026-03-28 10:00"), "2026-03-29 10:30", 2, None, (Kind.AFTER, 7)),
        # Clocks go back at 03:00 on 25 October: 09:30 wall is already 24.5 h later.
        (last("2026-10-24 10:00"), "2026-10-25 09:30", 2, None, (Kind.STANDALONE, None)),
        (last("2026-03-01 10:00"), "2026-03-01 11:00", None, None, (Kind.STANDALONE, None)),
    ],
)  # fmt: skip
def test_attach_by_table(session, now, pain, vs, expected):
    assert attach(at(now), session, pain=pain, vs=vs, tz=BERLIN) == expected


@pytest.mark.parametrize(
    ("session", "now", "said"),
    [
        (None, "2026-03-02 07:00", "there is no session to compare with: --vs says"),
        (last(None), "2026-03-02 07:00", "there is no session to compare with"),
        # a session that ended minutes ago, today: its morning after is tomorrow
        (last("2026-03-02 18:00"), "2026-03-02 18:05",
         "ended today at 18:00: --vs is about the morning after it, from 02:00 tomorrow"),
        (last("2026-03-02 00:30"), "2026-03-02 09:00",
         "ended today at 00:30: --vs is about the morning after it, from 00:00 tomorrow"),
        # just before and after midnight: the next day, but not yet 8 hours
        (last("2026-03-01 23:50"), "2026-03-02 00:10",
         "ended yesterday at 23:50: --vs is about the morning after it, from 07:50 today"),
        (last("2026-03-01 23:50"), "2026-03-02 07:49", "from 07:50 today"),
        (last("2026-02-27 20:00"), "2026-03-02 07:00",
         "your last one was on Fri 27 Feb, and --vs is about the morning after"),
        # Spring forward at 02:00 on 29 March: 8 real hours after 23:30 is 08:30 wall.
        (last("2026-03-28 23:30"), "2026-03-29 08:00", "from 08:30 today"),
        # Fall back at 03:00 on 25 October: 8 real hours after 23:30 is 06:30 wall.
        (last("2026-10-24 23:30"), "2026-10-25 06:00", "from 06:30 today"),
    ],
)  # fmt: skip
def test_a_next_morning_answer_without_its_session_says_why(session, now, said):
    with pytest.raises(NothingToCompare) as raised:
        attach(at(now), session, pain=None, vs=Change.SAME, tz=BERLIN)
    assert said in str(raised.value)
    assert "spinewise checkin" not in str(raised.value)  # the command says what to type
    assert str(raised.value) == no_comparison(at(now), session, BERLIN)


@pytest.mark.parametrize(
    ("ended", "now", "expected"),
    [
        ("2026-03-02 18:00", "2026-03-02 18:05", False),  # same day, minutes ago
        ("2026-03-01 23:50", "2026-03-02 07:49", False),  # next day, 7h59
        ("2026-03-01 23:50", "2026-03-02 07:50", True),  # next day, 8 h
        ("2026-03-01 08:00", "2026-03-02 23:59", True),  # the whole next day
        ("2026-03-01 08:00", "2026-03-03 00:00", False),  # the day after that
        # 8 real hours across the changes: 9 wall hours in spring, 7 in autumn
        ("2026-03-28 23:30", "2026-03-29 08:29", False),
        ("2026-03-28 23:30", "2026-03-29 08:30", True),
        ("2026-10-24 23:30", "2026-10-25 06:29", False),
        ("2026-10-24 23:30", "2026-10-25 06:30", True),
    ],
)
def test_compares_with_the_session_of_yesterday_8_hours_on(ended, now, expected):
    assert compares_with(at(now), last(ended), BERLIN) is expected
    assert next_day_due(at(now), last(ended), BERLIN) is expected  # the library agrees


def test_attach_window_is_real_time():
    assert ATTACH_WITHIN == 24 * 3600


@pytest.mark.parametrize(
    ("session", "now", "expected"),
    [
        (None, "2026-03-02 10:00", False),
        (last("2026-03-01 23:00"), "2026-03-02 07:00", True),  # 8 h, a later day
        (last("2026-03-01 23:00"), "2026-03-02 06:59", False),  # not yet 8 h
        (last("2026-03-01 08:00"), "2026-03-01 20:00", False),  # same day
        (last("2026-03-01 08:00"), "2026-03-03 08:00", False),  # not yesterday's
        (last("2026-03-01 08:00", next_day=True), "2026-03-02 08:00", False),  # answered
        # 8 real hours across the spring change read 9 on the wall clock.
        (last("2026-03-28 22:30"), "2026-03-29 07:30", True),
        (last("2026-03-28 23:30"), "2026-03-29 08:29", False),  # 7h59 real
    ],
)
def test_next_day_question_by_table(session, now, expected):
    assert next_day_due(at(now), session, BERLIN) is expected

"""History read back from the store: the JSON shape, order, streaks and weekly
minutes, with fixed local dates."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from tests.core.factories import exercise, plan
from tests.core.store_writes import finish
from tests.doubles import FakeClock
from tui.core.engine.session import Session
from tui.core.store.database import Store
from tui.core.store.history import STREAK_MIN_ACTIVE_SECONDS, streak_of, week_start, weekly_minutes

TODAY = date(2024, 3, 14)  # a Thursday


def at(day: date, hour: int = 9, minute: int = 0) -> float:
    """Epoch seconds of a local time, as the store keeps them."""
    return datetime(day.year, day.month, day.day, hour, minute).timestamp()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "spinewise.db") as s:
        yield s


def add(store: Store, started: float, status: str = "completed", minutes: float = 10.0) -> int:
    """One ended session with `minutes` of activity and a couple of steps."""
    clock = FakeClock(0.0)
    session = Session(plan(exercise(reps=(1,), prepare=0)), clock)

    def to_epoch(due: float) -> float:
        return started + due

    sid = store.begin(
        "daily", "/r/daily.toml", "Daily back", "x", 7, 1, session.snapshot(), started
    )
    store.checkpoint(sid, session.snapshot(), session.start(), started, to_epoch)
    clock.advance(3.5)  # into Hold
    events = session.advance()
    snapshot = {**session.snapshot(), "active_seconds": minutes * 60}
    store.checkpoint(sid, snapshot, events, started + 3.5, to_epoch)
    finish(store, sid, status, started + minutes * 60)
    return sid


# -- history ------------------------------------------------------------------------


def test_history_json_has_exactly_the_documented_shape(store: Store):
    sid = add(store, at(TODAY))
    (record,) = store.history()
    data = json.loads(json.dumps([r.to_json() for r in store.history()]))[0]
    assert set(data) == {
        "id",
        "routine",
        "routine_name",
        "status",
        "started_at",
        "ended_at",
        "active_seconds",
        "speed",
        "counted",
        "done",
        "skipped",
        "hurt",
        "sharp_pain",
        "swaps",
        "steps",
    }
    assert data["sharp_pain"] == []  # the exercises of a `!` answered sharp
    assert data["swaps"] == []  # each swap for a variant: {"exercise", "variant", "way"}
    assert (data["id"], data["routine"], data["routine_name"]) == (sid, "daily", "Daily back")
    assert (data["status"], data["active_seconds"]) == ("completed", 600.0)
    assert (data["started_at"], data["ended_at"]) == (at(TODAY), at(TODAY) + 600)
    first, second = data["steps"]
    assert set(first) == {
        "index",
        "kind",
        "exercise",
        "set",
        "rep",
        "side",
        "phase",
        "planned_seconds",
        "started_at",
        "ended_at",
        "skipped",
        "hurt",
    }
    assert first == {
        "index": 0,
        "kind": "work",
        "exercise": "Bird dog",
        "set": 1,
        "rep": 1,
        "side": None,
        "phase": "Lower",
        "planned_seconds": 3.0,
        "started_at": at(TODAY),
        "ended_at": at(TODAY) + 3,
        "skipped": False,
        "hurt": False,
    }
    assert (second["phase"], second["ended_at"]) == ("Hold", None)  # still open when it ended
    assert isinstance(data["started_at"], float)
    assert record.minutes == 10 and record.day == TODAY


def test_history_is_newest_first_and_limited(store: Store):
    ids = [add(store, at(ago(n))) for n in (3, 1, 2)]
    assert [r.id for r in store.history()] == [ids[1], ids[2], ids[0]]
    assert [r.id for r in store.history(limit=2)] == [ids[1], ids[2]]
    assert all(len(r.steps) == 2 for r in store.history(limit=2))
    assert store.history(limit=0) == []


def test_the_active_session_is_left_out_unless_asked(store: Store):
    add(store, at(ago(1)))
    session = Session(plan(), FakeClock())
    store.begin("x", None, "X", "", 0, 1, session.snapshot(), at(TODAY))
    assert [r.status for r in store.history()] == ["completed"]
    assert [r.status for r in store.history(include_active=True)] == ["active", "completed"]


# -- streak -----------------------------------------------------------------------------


def test_streak_counts_days_in_a_row_ending_today(store: Store):
    for n in (0, 1, 2, 4):
        add(store, at(ago(n)))
    assert store.streak(TODAY) == 3


def test_streak_may_end_yesterday_but_not_earlier(store: Store):
    for n in (1, 2):
        add(store, at(ago(n)))
    assert store.streak(TODAY) == 2
    assert store.streak(TODAY + timedelta(days=1)) == 0


def test_a_day_counts_with_a_completed_session_or_five_active_minutes():
    five = STREAK_MIN_ACTIVE_SECONDS
    sessions = [
        (at(ago(0)), "completed", 30.0),  # short but completed
        (at(ago(1), 8), "stopped", five / 2),  # two stopped halves add up
        (at(ago(1), 20), "abandoned", five / 2),
        (at(ago(2)), "stopped", five - 1),  # not enough: the streak ends here
        (at(ago(3)), "completed", 600.0),
    ]
    assert streak_of(sessions, TODAY) == 2
    assert streak_of([], TODAY) == 0


def test_a_session_belongs_to_the_local_day_it_started():
    late = at(ago(1), 23, 50)  # ends after midnight, counts for yesterday
    assert streak_of([(late, "completed", 1200.0)], TODAY) == 1
    assert streak_of([(late, "completed", 1200.0)], TODAY + timedelta(days=1)) == 0


# -- minutes per week -------------------------------------------------------------------


def test_weeks_start_on_monday():
    assert week_start(TODAY) == date(2024, 3, 11)
    assert week_start(date(2024, 3, 11)) == date(2024, 3, 11)
    assert week_start(date(2024, 3, 17)) == date(2024, 3, 11)


def test_minutes_per_week_oldest_first_ending_this_week(store: Store):
    add(store, at(date(2024, 3, 11)), minutes=10)  # this week's Monday
    add(store, at(TODAY), "stopped", minutes=5)
    add(store, at(date(2024, 3, 10), 23), minutes=20)  # last Sunday
    add(store, at(date(2023, 12, 18)), minutes=30)  # 12 weeks ago: outside
    weeks = store.minutes_per_week(12, TODAY)
    assert len(weeks) == 12
    assert weeks[0][0] == date(2023, 12, 25) and weeks[-1][0] == date(2024, 3, 11)
    assert all((b - a).days == 7 for (a, _), (b, _) in pairwise(weeks))
    assert weeks[-1][1] == pytest.approx(15) and weeks[-2][1] == pytest.approx(20)
    assert sum(m for _, m in weeks) == pytest.approx(35)


def test_minutes_per_week_with_nothing_recorded():
    weeks = weekly_minutes([], TODAY, weeks=4)
    assert [m for _, m in weeks] == [0.0] * 4
    assert [d for d, _ in weeks] == [
        date(2024, 2, 19),
        date(2024, 2, 26),
        date(2024, 3, 4),
        date(2024, 3, 11),
    ]

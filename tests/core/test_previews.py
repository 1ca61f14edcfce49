"""Previews tell the truth everywhere (issue 15, found by a tester): a session at
`--speed` other than 1 keeps the answers asked during it, but no later answer is
about it, its pain is not drawn, its minutes are the time really spent and never
added up, and a red answer in it still counts for safety. Fake dates throughout."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from tests.core.factories import BERLIN, at
from tui.core.engine.credit import counted_seconds, counting_sql, is_preview, spent_seconds
from tui.core.present import summary
from tui.core.present.charts import pain_chart
from tui.core.present.export import csv_row
from tui.core.programme.zones import (
    Change,
    CheckIn,
    Kind,
    LastSession,
    NothingToCompare,
    about,
    attach,
    next_day_due,
    no_comparison,
    red_days,
    see_professional,
)
from tui.core.store.database import Store
from tui.core.store.history import streak_of, weekly_minutes
from tui.core.store.record import SessionRecord

# -- one rule for minutes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("active", "speed", "spent", "counted"),
    [
        (600.0, 1.0, 600.0, 600.0),  # at speed 1 plan time is real time, and it counts
        (480.0, 4.0, 120.0, 0.0),  # a --speed 4 preview of 8 plan minutes took 2
        (600.0, 10.0, 60.0, 0.0),
        (60.0, 0.5, 120.0, 0.0),  # slower than written: longer, and still a preview
        (0.0, 2.0, 0.0, 0.0),
        (90.0, 1.0 + 1e-12, 90.0, 90.0),  # float noise is speed 1
    ],
)
def test_minutes_by_table(active, speed, spent, counted):
    assert spent_seconds(active, speed) == pytest.approx(spent)
    assert counted_seconds(active, speed) == pytest.approx(counted)


@pytest.mark.parametrize("speed", [1.0, 1.0 + 1e-12, 0.5, 2.0, 4.0, 10.0])
def test_the_sql_condition_agrees_with_is_preview(speed):
    conn = sqlite3.connect(":memory:")
    (counts,) = conn.execute(f"SELECT {counting_sql('?1')}", (speed,)).fetchone()
    assert bool(counts) is not is_preview(speed)


def record(speed: float, active: float = 480.0, started: float = 0.0) -> SessionRecord:
    return SessionRecord(1, "care", "Care", "completed", started, started + active, active,
                         ("Bird dog",), (), (), speed=speed)  # fmt: skip


@pytest.mark.parametrize(("speed", "minutes", "csv", "time"),
                         [(1.0, "8", "8.0", "8:00"), (4.0, "2", "2.0", "2:00")])  # fmt: skip
def test_every_row_of_minutes_shows_the_time_really_spent(speed, minutes, csv, time):
    """The history table, the History screen's Sessions tab (`row`), the CSV's
    `minutes` and the summary's Time: a preview's real time, never the plan's."""
    shown = record(speed)
    assert shown.row(date(1970, 1, 1))[2] == minutes
    assert csv_row(shown, ())[4] == csv
    assert dict(summary.lines(shown))["Time"] == time


def test_totals_and_the_streak_leave_previews_out():
    today = date(2026, 3, 4)
    noon = datetime(2026, 3, 4, 12).timestamp()
    # a preview of 40 plan minutes today: no minutes this week, no streak day
    sessions = [(noon, "preview", counted_seconds(2400.0, 4.0))]
    assert weekly_minutes(sessions, today)[-1][1] == 0
    assert streak_of(sessions, today) == 0
    sessions.append((noon + 3600, "completed", counted_seconds(600.0, 1.0)))
    assert weekly_minutes(sessions, today)[-1][1] == 10
    assert streak_of(sessions, today) == 1


# -- which session a later answer is about -------------------------------------------


def last(ended: str | None, *, sid: int = 7, speed: float = 1.0, after: bool = False,
         next_day: bool = False) -> LastSession:  # fmt: skip
    return LastSession(sid, None if ended is None else at(ended), after, next_day, speed)


PREVIEW = last("2026-03-02 09:00", sid=9, speed=4.0)
COUNTING = last("2026-03-02 08:00", sid=7)


@pytest.mark.parametrize(
    ("latest", "counting", "expected"),
    [
        (None, None, None),
        (COUNTING, COUNTING, COUNTING),  # the last one counts: it
        (PREVIEW, COUNTING, COUNTING),  # a preview: the one before that counts
        (PREVIEW, None, None),  # a preview and nothing before it: none
        (PREVIEW, PREVIEW, None),  # never a preview, whatever is passed
        (last("2026-03-02 09:00", speed=0.5), COUNTING, COUNTING),  # slower is a preview too
    ],
)
def test_about_by_table(latest, counting, expected):
    assert about(latest, counting) == expected


@pytest.mark.parametrize(
    ("latest", "counting", "now", "pain", "vs", "expected"),
    [
        # the preview ended 10 minutes ago: the pain is the session before's pain after
        (PREVIEW, COUNTING, "2026-03-02 09:10", 3, None, (Kind.AFTER, 7)),
        # ... which has one already: on its own, not the preview's
        (PREVIEW, last("2026-03-02 08:00", after=True), "2026-03-02 09:10", 3, None,
         (Kind.STANDALONE, None)),
        # ... or ended more than 24 hours ago: on its own
        (PREVIEW, last("2026-03-01 09:00"), "2026-03-02 09:10", 3, None,
         (Kind.STANDALONE, None)),
        (PREVIEW, None, "2026-03-02 09:10", 3, None, (Kind.STANDALONE, None)),
        # the next morning: about the session that counted, though a preview came later
        (last("2026-03-02 20:00", sid=9, speed=2.0), COUNTING, "2026-03-03 07:00", None,
         Change.SAME, (Kind.NEXT_DAY, 7)),
        # a preview the evening before, a session that counted that morning: about it
        (last("2026-03-01 22:00", sid=9, speed=2.0), last("2026-03-01 08:00"),
         "2026-03-02 07:00", 2, Change.BETTER, (Kind.NEXT_DAY, 7)),
        # not a preview: as before, the last session
        (COUNTING, COUNTING, "2026-03-02 08:30", 4, None, (Kind.AFTER, 7)),
    ],
)  # fmt: skip
def test_attach_passes_over_a_preview_by_table(latest, counting, now, pain, vs, expected):
    assert attach(at(now), latest, pain=pain, vs=vs, tz=BERLIN, counting=counting) == expected


@pytest.mark.parametrize(
    ("latest", "counting", "now", "said"),
    [
        (PREVIEW, None, "2026-03-03 07:00",
         "your last session was a preview (--speed 4), and --vs is never about a preview; "
         "there is no session at normal speed to compare with"),
        # the session that counts ended today: its morning after is tomorrow
        (PREVIEW, COUNTING, "2026-03-02 09:10",
         "a preview (--speed 4), and --vs is never about a preview; your last session at "
         "normal speed ended today at 08:00: --vs is about the morning after it, from 00:00 "
         "tomorrow"),
        (PREVIEW, last("2026-02-26 08:00"), "2026-03-03 07:00",
         "your last one at normal speed was on Thu 26 Feb"),
    ],
)  # fmt: skip
def test_a_next_morning_answer_after_a_preview_says_why_it_has_no_session(
    latest, counting, now, said
):
    with pytest.raises(NothingToCompare) as raised:
        attach(at(now), latest, pain=None, vs=Change.WORSE, tz=BERLIN, counting=counting)
    assert said in str(raised.value)
    assert str(raised.value) == no_comparison(at(now), latest, BERLIN, counting=counting)


@pytest.mark.parametrize(
    ("session", "now", "expected"),
    [
        (last("2026-03-01 20:00"), "2026-03-02 07:00", True),
        (last("2026-03-01 20:00", speed=2.0), "2026-03-02 07:00", False),  # a preview: never
        (last("2026-03-01 20:00", speed=0.5), "2026-03-02 07:00", False),
    ],
)
def test_the_next_morning_question_is_never_about_a_preview(session, now, expected):
    assert next_day_due(at(now), session, BERLIN) is expected


# -- the store: the last session that counts, the previews among the answers -----------


def ended(store: Store, started: float, *, speed: float = 1.0, minutes: float = 10) -> int:
    sid = store.begin("care", None, "Care", "x", 600.0, 1, {}, started, speed=speed)
    with store._write() as conn:
        conn.execute(
            "UPDATE sessions SET status = 'completed', ended_at = ?, active_seconds = ?"
            " WHERE id = ?", (started + 900, minutes * 60, sid),
        )  # fmt: skip
    return sid


def test_the_store_gives_the_last_session_that_counts_and_the_previews():
    with Store.open(":memory:") as store:
        morning = ended(store, at("2026-03-02 08:00"))
        preview = ended(store, at("2026-03-02 09:00"), speed=4.0)
        latest = store.last_session()
        assert latest is not None and (latest.id, latest.speed, latest.preview) == (
            preview, 4.0, True
        )
        counting = store.last_session(counting=True)
        assert counting is not None and (counting.id, counting.preview) == (morning, False)
        store.add_checkin(CheckIn(Kind.BEFORE, at("2026-03-02 07:59"), pain=2,
                                  session_id=morning))  # fmt: skip
        store.add_checkin(CheckIn(Kind.AFTER, at("2026-03-02 09:20"), pain=4,
                                  session_id=preview))  # fmt: skip
        assert store.preview_ids(at("2026-03-01 00:00")) == {preview}
        assert store.preview_ids(at("2026-03-02 10:00")) == set()  # none given since
        # minutes per day: the preview's 40 plan minutes are not in them
        days = store.daily_minutes(at("2026-03-01 00:00"))
        assert days == {date(2026, 3, 2): 10.0}


# -- the Pain chart plots sessions that count, and says what it left out ---------------


def test_the_pain_chart_leaves_previews_out_and_says_how_many():
    today = date(2026, 3, 5)
    given = [
        CheckIn(Kind.BEFORE, at("2026-03-02 07:59"), pain=2, session_id=1),
        CheckIn(Kind.AFTER, at("2026-03-02 08:20"), pain=3, session_id=1),
        CheckIn(Kind.BEFORE, at("2026-03-03 07:59"), pain=5, session_id=2),  # a preview
        CheckIn(Kind.DURING, at("2026-03-03 08:05"), pain=8, session_id=2),  # never drawn
        CheckIn(Kind.AFTER, at("2026-03-03 08:20"), pain=9, session_id=2),
    ]
    chart = pain_chart(given, today, tz=BERLIN, previews={2})
    assert [(s.label, s.ys) for s in chart.series] == [("before", (2.0,)), ("after", (3.0,))]
    first, _zones, left_out = chart.note.split("\n")
    assert first.startswith("2 answers, ")
    assert left_out == "Not drawn: 2 answers from previews, run at --speed other than 1."
    # nothing left out: the note is its two lines, as it was
    assert "Not drawn" not in pain_chart(given[:2], today, tz=BERLIN, previews={2}).note


def test_a_pain_chart_of_previews_alone_says_so():
    given = [CheckIn(Kind.AFTER, at("2026-03-03 08:20"), pain=4, session_id=2)]
    chart = pain_chart(given, date(2026, 3, 5), tz=BERLIN, previews={2})
    assert chart.empty is not None and not chart.series
    assert chart.empty.startswith(
        "No pain given at normal speed in the 12 weeks from"
    )
    assert "(not drawn: 1 answer from previews, run at --speed other than 1)" in chart.empty


# -- safety stays conservative ---------------------------------------------------------


def test_a_red_answer_counts_for_safety_from_a_preview_or_on_its_own():
    """Red twice within 7 days leads to the advice whatever the answers came with:
    a preview's after, a `!` during a preview, a check-in on its own."""
    preview_after = CheckIn(Kind.AFTER, at("2026-03-02 09:20"), pain=7, session_id=9)
    alone = CheckIn(Kind.STANDALONE, at("2026-03-04 10:00"), pain=6)
    during = CheckIn(Kind.DURING, at("2026-03-04 09:00"), pain=8, session_id=9,
                     exercise="Plank")  # fmt: skip
    today = date(2026, 3, 4)
    assert see_professional([preview_after, alone], today, BERLIN)
    assert see_professional([during, preview_after], today, BERLIN)
    assert not see_professional([alone, during], today, BERLIN)  # one day, not two
    assert red_days([preview_after], BERLIN) == {date(2026, 3, 2)}

"""The charts of the Pain tab and `history --chart` as values (`present.charts`):
none, one session, years of them (a 12-week window), a clock change; and what
`draw` asks of plotext, with colours and without."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.core.factories import BERLIN, at
from tui.core.present.charts import (
    AFTER_MARKER,
    ALONE_MARKER,
    BEFORE_MARKER,
    draw,
    minutes_chart,
    pain_chart,
    window_start,
)
from tui.core.programme.zones import ZONE_COLOUR, CheckIn, Kind, Zone

TODAY = date(2026, 3, 5)  # a Thursday


def test_the_window_is_the_12_weeks_ending_this_one():
    assert window_start(TODAY) == date(2025, 12, 15)  # a Monday, 11 weeks before 2 March
    assert window_start(date(2026, 3, 2)) == date(2025, 12, 15)
    assert window_start(date(2026, 3, 9)) == date(2025, 12, 22)


def test_no_answers_is_a_sentence_not_an_empty_chart():
    old = CheckIn(Kind.STANDALONE, at("2025-12-14 08:00"), pain=3)  # a day before the window
    chart = pain_chart([old], TODAY, tz=BERLIN)
    assert chart.empty == (
        "No pain given in the 12 weeks from Mon 15 Dec 2025 to Thu 05 Mar: spinewise asks "
        "on a session's first get-ready and on its summary, and spinewise checkin PAIN "
        "keeps one any time."
    )
    assert chart.series == ()


def test_a_pain_given_on_its_own_is_drawn_apart():
    """Found by a tester: a `spinewise checkin 9` with no session counts toward the
    advice to see a professional, but the chart left it out."""
    given = [
        CheckIn(Kind.BEFORE, at("2026-03-02 07:30"), pain=2, session_id=1),
        CheckIn(Kind.STANDALONE, at("2026-03-03 10:00"), pain=9),
        CheckIn(Kind.STANDALONE, at("2026-03-04 10:00"), pain=7),
    ]
    chart = pain_chart(given, TODAY, tz=BERLIN)
    before, alone = chart.series
    assert (alone.label, alone.ys, alone.marker, alone.joined) == (
        "on its own", (9.0, 7.0), ALONE_MARKER, False)  # fmt: skip
    assert before.joined
    assert chart.note.startswith("3 answers, 27 Feb 2026 - 05 Mar: from the first in the last")
    assert chart.note.endswith("; ◆ given on its own, in no session")


def test_one_session_is_a_point_before_and_a_point_after():
    given = [
        CheckIn(Kind.BEFORE, at("2026-03-04 07:30"), pain=2, session_id=1),
        CheckIn(Kind.DURING, at("2026-03-04 07:40"), pain=7, session_id=1, exercise="Plank"),
        CheckIn(Kind.AFTER, at("2026-03-04 08:00"), pain=4, session_id=1),
        CheckIn(Kind.NEXT_DAY, at("2026-03-05 07:00"), pain=1, session_id=1),
    ]
    chart = pain_chart(given, TODAY, tz=BERLIN)
    assert chart.empty is None
    before, after = chart.series
    day = (date(2026, 3, 4) - date(2025, 12, 15)).days  # 79
    assert (before.label, before.xs, before.ys, before.marker) == (
        "before", (day + 7.5 / 24,), (2.0,), BEFORE_MARKER
    )
    assert (after.label, after.xs, after.ys, after.marker) == ("after", (day + 8 / 24,), (4.0,),
                                                              AFTER_MARKER)  # fmt: skip
    # one day of answers: the axis is fitted to a week ending today, not 12 weeks
    assert chart.xlim == (73.5, 81.5) and chart.ylim == (0.0, 10.0)
    assert chart.xlabels == ("27 Feb", "01 Mar", "03 Mar", "05 Mar")
    assert chart.xticks == (74.0, 76.0, 78.0, 80.0)
    assert chart.bands == (
        (0.0, 3.5, ZONE_COLOUR[Zone.GREEN]), (3.5, 5.5, ZONE_COLOUR[Zone.AMBER]),
        (5.5, 10.0, ZONE_COLOUR[Zone.RED]),
    )  # fmt: skip
    assert chart.note == ("2 answers, 27 Feb 2026 - 05 Mar: from the first in the last 12 weeks"
                          "\nZones: green 0-3, amber 4-5, red 6-10")


def test_a_few_sessions_spread_over_an_axis_fitted_to_them():
    """Found by a tester: 3 sessions fell into 2-6 columns at the right edge of a
    12-week axis. Under 12 weeks of answers the axis spans them (a week at least);
    at most 6 labels, today's the last."""
    given = [CheckIn(Kind.AFTER, at(f"2026-02-{d} 08:00"), pain=3, session_id=d)
             for d in (10, 17, 24)]  # fmt: skip
    chart = pain_chart(given, TODAY, tz=BERLIN)
    first = (date(2026, 2, 10) - date(2025, 12, 15)).days  # 57
    assert chart.xlim == (first - 0.5, 81.5)  # 10 Feb to the end of 5 Mar: 24 days
    assert len(chart.xticks) <= 6 and chart.xlabels[-1] == "05 Mar"
    assert all(b - a >= 4 for a, b in zip(chart.xticks, chart.xticks[1:], strict=False))
    (after,) = chart.series
    width = chart.xlim[1] - chart.xlim[0]
    assert (after.xs[-1] - after.xs[0]) / width > 0.5  # spread over half the width or more


def test_years_of_sessions_show_the_last_12_weeks_only():
    given = []
    for n in range(5 * 365):
        began = at("2026-03-05 08:00") - n * 86_400
        given.append(CheckIn(Kind.BEFORE, began, pain=n % 11, session_id=n + 1))
        given.append(CheckIn(Kind.AFTER, began + 900, pain=n % 7, session_id=n + 1))
    chart = pain_chart(given, TODAY, tz=BERLIN)
    before, after = chart.series
    assert len(before.xs) == len(after.xs) == 81  # 15 Dec to 5 Mar, one a day
    assert before.xs == tuple(sorted(before.xs)) and 0 < before.xs[0] < 1
    assert chart.note.startswith("162 answers")
    assert chart.xlim == (-0.5, 84.5)  # 12 weeks of answers: the whole window
    assert chart.xlabels == ("22 Dec", "05 Jan", "19 Jan", "02 Feb", "16 Feb", "02 Mar")


def test_a_clock_change_keeps_the_wall_clock_time_of_day():
    given = [CheckIn(Kind.AFTER, at(f"2026-03-{d} 08:00"), pain=3, session_id=d)
             for d in (28, 29, 30)]  # fmt: skip
    (after,) = pain_chart(given, date(2026, 3, 30), tz=BERLIN).series
    assert [round(x % 1, 6) for x in after.xs] == [round(8 / 24, 6)] * 3
    assert [int(x) for x in after.xs] == [75, 76, 77]


def test_minutes_per_week_as_bars():
    weeks = [(date(2025, 12, 15) + timedelta(weeks=n), float(n * 10)) for n in range(12)]
    chart = minutes_chart(weeks)
    (bars,) = chart.series
    assert chart.bars and bars.ys == tuple(float(n * 10) for n in range(12))
    assert chart.ylim == (0.0, 120.0) and chart.yticks == (0.0, 30.0, 60.0, 90.0, 120.0)
    assert chart.xlabels[-1] == "02 Mar" and chart.note.startswith("660 minutes in the last 12")
    assert minutes_chart([(w, 0.0) for w, _ in weeks]).empty == (
        "No minutes exercised in the last 12 weeks: spinewise run gentle-start starts a session."
    )


class Recorder:
    """A plotext figure that keeps the calls made of it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self.calls.append((name, args, kwargs))


@pytest.mark.parametrize("colour", [True, False])
def test_draw_shades_the_zones_with_colour_and_lines_them_without(colour: bool):
    given = [CheckIn(Kind.BEFORE, at(f"2026-03-0{d} 08:00"), pain=d, session_id=d)
             for d in (2, 3)]  # fmt: skip
    plt = Recorder()
    draw(plt, pain_chart(given, TODAY, tz=BERLIN), colour=colour)
    names = [name for name, _, _ in plt.calls]
    if colour:
        bands = [kw for name, _, kw in plt.calls if name == "plot" and kw.get("fillx") is not None]
        assert [(b["fillx"], b["color"]) for b in bands] == [
            (5.5, ZONE_COLOUR[Zone.RED]), (3.5, ZONE_COLOUR[Zone.AMBER]),
            (0.0, ZONE_COLOUR[Zone.GREEN]),
        ]  # highest first: the lower zone wins a shared row  # fmt: skip
        assert "hline" not in names
    else:
        assert [args for name, args, _ in plt.calls if name == "hline"] == [(3.5,), (5.5,)]
        assert all(kw.get("color") == "default" for _, _, kw in plt.calls if "color" in kw)
    (scatter,) = [kw for name, _, kw in plt.calls if name == "scatter"]
    assert (scatter["marker"], scatter["label"]) == (BEFORE_MARKER, "before")
    assert names[0] == "title" and names[-4:] == ["xlim", "ylim", "xticks", "yticks"]


def test_draw_leaves_an_empty_chart_alone():
    plt = Recorder()
    draw(plt, pain_chart([], TODAY))
    assert plt.calls == []

"""The charts of `spinewise history --chart pain|minutes` and of the History
screen's Pain tab, as plain values, and `draw`, which puts one on a plotext
figure: the `plotext` module in a terminal, textual-plotext's `Plot` on the
screen, so both show the same chart. Nothing here imports plotext.

Pain: the pain given before each session and after it (0-10, the answers of
the get-ready and of the summary or `spinewise checkin PAIN`), and given on its
own (`spinewise checkin PAIN` with no session to belong to), each at the
time it was given, over the last 12 weeks (this one last, as the Calendar; from
the first answer in them when that is later, said under the chart):
a window, not every year, so that five years of daily sessions draw as fast
as one week and the points stay apart (84 days on some 70 columns). The
zones are shaded behind them (`zones.ZONE_SPAN`, `zones.ZONE_COLOUR`). Only
sessions that count: a preview's answers (`--speed` other than 1,
`engine.credit`) are about a dose that was not the dose, so they are left
out, and a line under the chart says how many (issue 15).
Minutes: active minutes per week over the same 12 weeks, as bars.
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from tui.core.present.calendar import LEAST_TOP, WEEKS
from tui.core.programme.zones import (
    GREEN_MAX,
    PAIN_MAX,
    PAIN_MIN,
    ZONE_COLOUR,
    ZONE_SPAN,
    CheckIn,
    Kind,
    Zone,
)
from tui.core.words import minutes_count

RGB = tuple[int, int, int]
#: The lines' colours: apart from the zones' green, amber and red.
BEFORE_COLOUR: RGB = (80, 150, 255)
AFTER_COLOUR: RGB = (200, 110, 230)
#: A check-in of its own (`spinewise checkin PAIN` with no session in the last 24 h).
ALONE_COLOUR: RGB = (235, 235, 235)
MINUTES_COLOUR: RGB = ZONE_COLOUR[Zone.GREEN]
#: Points: told apart by shape too, for a terminal without colours.
BEFORE_MARKER, AFTER_MARKER, ALONE_MARKER = "○", "●", "◆"
#: What shades a zone's band (over its colour); one without colours has lines.
BAND_MARKER = "░"


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    colour: RGB
    marker: str
    #: Points joined by a line (a session's before, or after); not those on their own.
    joined: bool = True


@dataclass(frozen=True, slots=True)
class Chart:
    """What to draw: points or bars over x (days, or weeks), with the axes' ticks.

    `empty` is a sentence to show instead of the chart (no data: not an empty
    plot); `note` a line to show under it.
    """

    title: str
    note: str
    empty: str | None = None
    series: tuple[Series, ...] = ()
    bars: bool = False
    xlim: tuple[float, float] = (0.0, 1.0)
    xticks: tuple[float, ...] = ()
    xlabels: tuple[str, ...] = ()
    ylim: tuple[float, float] = (0.0, 1.0)
    yticks: tuple[float, ...] = ()
    #: Zones shaded behind the points: (lowest, highest, colour), on the y scale.
    bands: tuple[tuple[float, float, RGB], ...] = ()


def window_start(today: date, weeks: int = WEEKS) -> date:
    """The Monday `weeks - 1` weeks before `today`'s week: the window's first day."""
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


def _day_ticks(first: date, weeks: int) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """A tick every other Monday, the last one this week's: `02 Mar`."""
    mondays = [week * 7 for week in range(weeks - 1, -1, -2)][::-1]
    return (
        tuple(float(day) for day in mondays),
        tuple(f"{first + timedelta(days=day):%d %b}" for day in mondays),
    )


#: The fewest days a fitted pain chart spans, and the most ticks it labels (an
#: `02 Mar` label is 6 columns: 6 of them read apart at 60 columns).
FIT_MIN_DAYS, FIT_TICKS = 7, 6


def _fitted(
    first: date, today: date, weeks: int, points: dict[Kind, list[tuple[float, float]]]
) -> tuple[tuple[float, float], tuple[float, ...], tuple[str, ...]]:
    """The x range and its ticks: the whole `weeks` when the points span them, else
    fitted to the points (at least `FIT_MIN_DAYS`, ending with today), so three
    sessions spread over the width instead of overlapping at its right edge
    (found by a tester). Half a day either side: today's points off the frame."""
    end = (today - first).days + 1
    earliest = min(x for given in points.values() for x, _ in given)
    start = min(int(earliest), end - FIT_MIN_DAYS)
    if start <= 0:
        xticks, xlabels = _day_ticks(first, weeks)
        return (-0.5, weeks * 7 + 0.5), xticks, xlabels
    step = -(-(end - start) // FIT_TICKS)  # days between ticks, rounded up
    days = list(range(end - 1, start - 1, -step))[::-1]  # today's the last
    return (
        (start - 0.5, end + 0.5),
        tuple(float(day) for day in days),
        tuple(f"{first + timedelta(days=day):%d %b}" for day in days),
    )


def pain_chart(
    checkins: Iterable[CheckIn],
    today: date,
    *,
    weeks: int = WEEKS,
    tz: tzinfo | None = None,
    previews: Container[int] = frozenset(),
) -> Chart:
    """Pain before and after each session, and given on its own (`Kind.STANDALONE`,
    its own series: such answers count toward the advice to see a professional, so
    they are drawn, found by a tester), by the day (x: days from `window_start`,
    wall-clock time in `tz`, the local zone by default) in the `weeks` ending with
    `today`'s, the axis fitted to the answers when they span less (`_fitted`, said in
    the note); check-ins outside that window are left out, and so are those of the
    sessions in `previews` (ids, `Store.preview_ids`), counted in the note (or in the
    sentence of a chart with nothing else)."""
    first = window_start(today, weeks)
    end = first + timedelta(weeks=weeks)
    points: dict[Kind, list[tuple[float, float]]] = {
        Kind.BEFORE: [], Kind.AFTER: [], Kind.STANDALONE: []}  # fmt: skip
    left_out = 0
    for c in checkins:
        if c.kind not in points or c.pain is None:
            continue
        if (c.session_id is None) != (c.kind is Kind.STANDALONE):
            continue
        moment = datetime.fromtimestamp(c.at, tz)
        if not first <= moment.date() < end:
            continue
        if c.session_id in previews:
            left_out += 1
            continue
        seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
        points[c.kind].append(((moment.date() - first).days + seconds / 86400, float(c.pain)))
    shown = f"the {weeks} weeks from {first:%a %d %b %Y} to {today:%a %d %b}"
    if not any(points.values()):
        if left_out:
            shown = f"at normal speed in {shown} (not drawn: {_previews_left_out(left_out)})"
        else:
            shown = f"in {shown}"
        return Chart(
            title="Pain before and after each session",
            note="",
            empty=(
                f"No pain given {shown}: spinewise asks on a session's first get-ready "
                "and on its summary, and spinewise checkin PAIN keeps one any time."
            ),
        )
    answers = sum(len(given) for given in points.values())
    xlim, xticks, xlabels = _fitted(first, today, weeks, points)
    since = first + timedelta(days=int(xlim[0] + 0.5))
    series = []
    for kind, label, colour, marker in (
        (Kind.BEFORE, "before", BEFORE_COLOUR, BEFORE_MARKER),
        (Kind.AFTER, "after", AFTER_COLOUR, AFTER_MARKER),
        (Kind.STANDALONE, "on its own", ALONE_COLOUR, ALONE_MARKER),
    ):
        given = sorted(points[kind])
        if given:
            xs, ys = zip(*given, strict=True)
            series.append(Series(label, tuple(xs), tuple(ys), colour, marker,
                                 joined=kind is not Kind.STANDALONE))  # fmt: skip
    bands = tuple(
        (max(PAIN_MIN, low - 0.5), min(PAIN_MAX, high + 0.5), ZONE_COLOUR[zone])
        for zone, (low, high) in ZONE_SPAN.items()
    )
    return Chart(
        title="Pain (0-10) before and after each session"
        + (f", last {weeks} weeks" if since == first else ""),  # fitted: the note's dates
        note=_pain_note(answers, since, first, today, weeks,
                        alone=bool(points[Kind.STANDALONE]), left_out=left_out),
        series=tuple(series),
        xlim=xlim,
        xticks=xticks,
        xlabels=xlabels,
        ylim=(float(PAIN_MIN), float(PAIN_MAX)),
        yticks=(0.0, float(GREEN_MAX), float(ZONE_SPAN[Zone.AMBER][1]), float(PAIN_MAX)),
        bands=bands,
    )


def _pain_note(
    answers: int, since: date, first: date, today: date, weeks: int, *, alone: bool,
    left_out: int,
) -> str:
    """The lines under the pain chart (each within 80 columns): its answers and dates,
    saying when the axis starts at the first answer (`_fitted`) rather than spans the
    `weeks`; the zones, and what ◆ is when drawn; what was left out, if anything."""
    if since == first:
        said = f"{_count(answers, 'answer')} in the last {weeks} weeks, {since:%d %b %Y}"
    else:
        said = f"{_count(answers, 'answer')}, {since:%d %b %Y}"
    said += f" - {today:%d %b}" + ("" if since == first else f": from the first in the "
                                   f"last {weeks} weeks")  # fmt: skip
    amber_low, amber_high = ZONE_SPAN[Zone.AMBER]
    said += (f"\nZones: green 0-{GREEN_MAX}, amber {amber_low}-{amber_high}, "
             f"red {ZONE_SPAN[Zone.RED][0]}-{PAIN_MAX}")  # fmt: skip
    if alone:
        said += f"; {ALONE_MARKER} given on its own, in no session"
    if left_out:
        said += f"\nNot drawn: {_previews_left_out(left_out)}."
    return said


def _previews_left_out(n: int) -> str:
    """`2 answers from previews, run at --speed other than 1`: what was not drawn."""
    return f"{_count(n, 'answer')} from previews, run at --speed other than 1"


def minutes_chart(weeks: Sequence[tuple[date, float]]) -> Chart:
    """Active minutes per week (`Store.minutes_per_week`: Monday, minutes; oldest first)."""
    total = sum(minutes for _, minutes in weeks)
    if not weeks or total <= 0:
        return Chart(
            title="Minutes per week",
            note="",
            empty=f"No minutes exercised in the last {_count(len(weeks), 'week')}: "
            "spinewise run gentle-start starts a session.",
        )
    top = max(minutes for _, minutes in weeks)
    step = int(LEAST_TOP)  # whole minutes on the y axis, 5 ticks
    height = max(step, math.ceil(top / step) * step)
    every = 1 if len(weeks) <= 6 else 2
    ticks = tuple(range(len(weeks) - 1, -1, -every))[::-1]
    bars = Series(
        "minutes", tuple(float(n) for n in range(len(weeks))),
        tuple(minutes for _, minutes in weeks), MINUTES_COLOUR, "sd",
    )  # fmt: skip
    return Chart(
        title="Active minutes per week",
        note=f"{minutes_count(total)} in the last {_count(len(weeks), 'week')}, "
        f"this week's last (week of {weeks[-1][0]:%d %b})",
        series=(bars,),
        bars=True,
        xlim=(-0.5, len(weeks) - 0.5),
        xticks=tuple(float(n) for n in ticks),
        xlabels=tuple(f"{weeks[n][0]:%d %b}" for n in ticks),
        ylim=(0.0, float(height)),
        yticks=tuple(float(height * n // 4) for n in range(5)),
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def draw(plt: Any, chart: Chart, *, colour: bool = True, title: bool = True) -> None:
    """Put `chart` on `plt`, a cleared plotext figure (the `plotext` module, or
    textual-plotext's `Plot`), sized by its caller; its title too, if `title`.
    Without `colour` the zones are marked by lines at their edges instead of
    shaded, the points told apart by their shape (○ before, ● after). `chart.empty`
    charts are not drawn.

    The bands are drawn highest first: in a short chart one row of text stands for
    two pains, and the lower zone's shade wins it (a 5 is amber, never red)."""
    if chart.empty is not None:
        return
    if title:
        plt.title(chart.title)
    if chart.bands and colour:
        left, right = chart.xlim
        for low, high, rgb in sorted(chart.bands, reverse=True):
            plt.plot([left, right], [high, high], marker=BAND_MARKER, color=rgb, fillx=low)
    elif chart.bands:
        for low, _, _ in chart.bands[1:]:
            plt.hline(low)
    paint = {series.label: series.colour if colour else "default" for series in chart.series}
    for series in chart.series:  # the lines first, the points over every line
        if chart.bars:
            plt.bar(list(series.xs), list(series.ys), color=paint[series.label], width=0.6)
        elif len(series.xs) > 1 and series.joined:
            plt.plot(list(series.xs), list(series.ys), marker="·", color=paint[series.label])
    for series in () if chart.bars else chart.series:
        plt.scatter(
            list(series.xs), list(series.ys), marker=series.marker, color=paint[series.label],
            label=series.label,
        )  # fmt: skip
    plt.xlim(*chart.xlim)
    plt.ylim(*chart.ylim)
    plt.xticks(list(chart.xticks), list(chart.xlabels))
    if chart.yticks:
        plt.yticks(list(chart.yticks))

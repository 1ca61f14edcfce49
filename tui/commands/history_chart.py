"""`spinewise history --chart pain|minutes`: the History screen's charts printed
in the terminal with plotext (`present.charts` makes them; `draw` puts them on
plotext's figure). Never Textual: plotext alone draws, imported here only.

As wide as the terminal, or 80 columns when the output is not a terminal (a
file, a pipe); 20 rows, fewer in a shorter terminal. Colours only on a
terminal, and never with NO_COLOR set (https://no-color.org): without them
the zones are dashed lines and before and after are ○ and ●.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from tui.core.present.charts import Chart, draw, minutes_chart, pain_chart, window_start
from tui.core.store.database import Store, StoreError

#: Columns and rows when standard output is not a terminal; the most rows otherwise.
WIDTH, HEIGHT = 80, 20
#: The fewest rows a chart is drawn in, whatever the terminal.
LEAST_HEIGHT = 10
#: Wall time, epoch seconds: "today" (tests give fixed dates).
wall: Callable[[], float] = time.time


def size() -> tuple[int, int]:
    """(columns, rows) to draw in: the terminal's (rows kept for the note and the
    prompt), or `WIDTH`, `HEIGHT` when standard output is not a terminal."""
    if not sys.stdout.isatty():
        return WIDTH, HEIGHT
    try:
        columns, lines = os.get_terminal_size(sys.stdout.fileno())
    except OSError:
        return WIDTH, HEIGHT
    return max(40, columns), max(LEAST_HEIGHT, min(HEIGHT, lines - 4))


def coloured() -> bool:
    """Colours on a terminal, unless NO_COLOR is set to anything but ''."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def read_chart(which: str, today: date) -> Chart:
    """The chart `which` ("pain" or "minutes") from the database, read only (only the
    last 12 weeks' check-ins). Raises `StoreError`."""
    with Store.read_only() as store:
        for warning in store.warnings:
            print(f"spinewise: {warning}", file=sys.stderr)
        if which == "minutes":
            return minutes_chart(store.minutes_per_week(today=today))
        since = datetime.combine(window_start(today) - timedelta(days=1), datetime.min.time())
        given = store.checkins(since=since.timestamp())
        return pain_chart(given, today, previews=store.preview_ids(since.timestamp()))


def render(chart: Chart, width: int, height: int, colour: bool) -> str:
    """The chart as plotext draws it, `width` x `height`, with or without colours
    (ANSI escapes); its note under it."""
    import plotext as plt

    plt.clear_figure()
    plt.plotsize(width, height)
    plt.theme("clear")  # the terminal's own background and text colours
    draw(plt, chart, colour=colour)
    text = plt.build()
    if not colour:
        text = plt.uncolorize(text)
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines) + f"\n{chart.note}\n"


def run_chart(which: str) -> int:
    try:
        chart = read_chart(which, date.fromtimestamp(wall()))
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    if chart.empty is not None:
        print(chart.empty)
        return 0
    width, height = size()
    sys.stdout.write(render(chart, width, height, coloured()))
    return 0

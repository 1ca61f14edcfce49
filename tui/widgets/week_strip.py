"""The History screen's minutes-per-week strip: each week's bar, drawn to an honest
scale (`present.calendar.week_strip`: 0 at the bottom, the top at least
`LEAST_TOP` minutes). Textual's Sparkline scales from the least value to the most,
so a week of 0.2 minutes drew as a full bar (found by a tester)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from tui.core.present.calendar import week_strip


class WeekStrip(Widget):
    """Minutes per week (oldest first) as bars as wide and as tall as the widget
    (its height and colour are in the screen's styles, history.tcss: no DEFAULT_CSS
    for Textual to add to the app's styles while the screen mounts)."""

    def __init__(self, minutes: Sequence[float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.minutes = list(minutes)

    def render(self) -> Text:
        return Text("\n".join(week_strip(self.minutes, self.size.width, self.size.height)))

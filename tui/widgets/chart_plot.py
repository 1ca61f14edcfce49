"""A chart of `present.charts` on the screen: textual-plotext's `PlotextPlot`,
drawn by `charts.draw` as `history --chart` prints it.

Imported only when the History screen's Pain tab first opens: textual-plotext
brings plotext (some 50 ms of imports, measured with -X importtime), which
neither the first frame of a workout nor the other tabs need
(tests/test_boundaries.py holds both to it).
"""

from __future__ import annotations

from textual_plotext import PlotextPlot

from tui.core.present.charts import Chart, draw


class ChartPlot(PlotextPlot):
    """Draws `chart` without its title (not an `empty` one: the screen says its
    sentence instead)."""

    def __init__(self, chart: Chart, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart = chart
        draw(self.plt, chart, colour=True, title=False)  # the tab's name says it

"""A bar that fills smoothly, in eighths of a cell, so a slow phase can be paced by eye."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"


def fill_text(fraction: float, width: int) -> str:
    """`fraction` of `width` cells as full blocks, one partial block, then track."""
    fraction = max(0.0, min(1.0, fraction))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full
    if part and full < width:
        text += EIGHTHS[part]
    return text + "·" * (width - len(text))


class FillBar(Widget):
    DEFAULT_CSS = """
    FillBar { height: 1; }
    """

    fraction: reactive[float] = reactive(0.0)

    def render(self) -> str:
        return fill_text(self.fraction, self.size.width)

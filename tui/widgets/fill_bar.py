"""A bar that fills smoothly, in eighths of a cell, so a slow phase can be paced by eye."""

from __future__ import annotations

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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._fraction = 0.0
        self._drawn = -1  # eighths of a cell shown, so a redraw happens only when one changes

    @property
    def fraction(self) -> float:
        return self._fraction

    @fraction.setter
    def fraction(self, value: float) -> None:
        self._fraction = max(0.0, min(1.0, value))
        if round(self._fraction * self.size.width * 8) != self._drawn:
            self.refresh()

    def render(self) -> str:
        self._drawn = round(self._fraction * self.size.width * 8)
        return fill_text(self._fraction, self.size.width)

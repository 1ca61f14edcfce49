"""The countdown and the phase word in the 7-row font, where the terminal has room.

Imported only when the workout opens in (or is resized to) a terminal of at
least `big_label.ROOMY`: defining these two widget classes at start cost some
7 M instructions before the first frame of an ordinary terminal (callgrind,
1499 M against 1492 M), so an 80x24 workout never loads them. Each falls back
to its ordinary form (``Digits``, ``BigLabel``) when the tall text does not fit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Digits

from tui.widgets.big_label import BigLabel
from tui.widgets.tallfont import HEIGHT, render_tall, tall_width

if TYPE_CHECKING:
    from textual.app import RenderResult

__all__ = ["TallCountdown", "TallLabel"]


def _aligned(rows: list[str], width: int, align: str) -> Content:
    """Rows padded to `width` as `text-align` says, so they stay aligned together."""
    if align in ("right", "end"):
        padded = [row.rjust(width) for row in rows]
    elif align in ("left", "start"):
        padded = [row.ljust(width) for row in rows]
    else:
        pad = max(0, width - max((len(row) for row in rows), default=0)) // 2
        padded = [(" " * pad + row).ljust(width) for row in rows]
    return Content("\n".join(padded))


class TallLabel(BigLabel):
    """A `BigLabel` drawn in the tall font when that fits its width."""

    def render(self) -> Content:
        width = self.size.width
        if tall_width(self.text) <= width:
            return _aligned(render_tall(self.text), width, str(self.styles.text_align))
        return super().render()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if tall_width(self.text) <= container.width:
            return tall_width(self.text)
        return super().get_content_width(container, viewport)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if tall_width(self.text) <= width:
            return HEIGHT
        return super().get_content_height(container, viewport, width)


class TallCountdown(Digits):
    """Textual's ``Digits``, drawn in the tall font when that fits its width."""

    def render(self) -> RenderResult:
        width = self.size.width
        if tall_width(self.value) <= width:
            return _aligned(render_tall(self.value), width, str(self.styles.text_align))
        return super().render()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return min(tall_width(self.value), container.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if tall_width(self.value) <= width:
            return HEIGHT
        return super().get_content_height(container, viewport, width)

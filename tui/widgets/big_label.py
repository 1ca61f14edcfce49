"""BigLabel: a one-line label drawn in the 3-row box-drawing font of ``bigfont``.

Used for the current tempo phase ("LOWER", "HOLD", "GET READY", ...) so it can
be read from a mat a metre or two away, in the same visual family as Textual's
``Digits`` countdown.

When the widget's content area is narrower than the big text, it falls back to
plain bold text (one line when it fits, wrapped otherwise) so nothing is cut off.
Colours and text style come from the app's tcss (target ``BigLabel`` or a class).
``text-align`` (left / center / right) is honoured; the default is centred.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits

from tui.widgets.bigfont import big_width, render_big

__all__ = ["ROOMY", "BigLabel", "roomy"]

#: The smallest terminal (columns, rows) where the countdown and the phase word
#: are drawn in the 7-row font (`tui.widgets.tall`): at 200x50 the 3-row one was
#: 6% of the height. From 40 rows the workout's lines, two 7-row words and their
#: margins fit with room to spare.
ROOMY = (120, 40)


def roomy(width: int, height: int) -> bool:
    """Whether a terminal this size draws the countdown and phase in the tall font."""
    return width >= ROOMY[0] and height >= ROOMY[1]


class BigLabel(Widget):
    """Show ``text`` in big 3-row letters, or plain bold text when too narrow."""

    DEFAULT_CSS = """
    BigLabel {
        width: 1fr;
        height: auto;
        text-align: center;
    }
    """

    text: reactive[str] = reactive("", layout=True)
    """The text to show (displayed uppercased in both forms)."""

    def __init__(
        self,
        text: str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.set_reactive(BigLabel.text, str(text))

    def validate_text(self, text: object) -> str:
        return str(text)

    def update(self, text: str) -> None:
        """Set the text (same as assigning ``self.text``), like ``Static.update``."""
        self.text = text

    # --- form decision -----------------------------------------------------

    def fits(self, width: int) -> bool:
        """True when the big form of the current text fits in ``width`` cells."""
        return big_width(self.text) <= width

    @property
    def is_big(self) -> bool:
        """Whether the widget currently draws the big form (at its present size)."""
        return self.fits(self.size.width)

    def lines_for_width(self, width: int) -> list[str]:
        """The plain-text lines this widget shows in ``width`` cells (unaligned).

        Three lines of the big font when it fits, otherwise the single line of
        uppercased text (which Textual wraps if even that is wider than ``width``).
        """
        if self.fits(width):
            return render_big(self.text)
        return [self.text.upper()]

    # --- Textual hooks ------------------------------------------------------

    def _align(self, line: str, width: int) -> str:
        align = self.styles.text_align
        if align in ("right", "end"):
            return line.rjust(width)
        if align in ("left", "start"):
            return line.ljust(width)
        pad = max(0, width - len(line)) // 2
        return (" " * pad + line).ljust(width)

    def _plain(self) -> Content:
        return Content.styled(self.text.upper(), "bold")

    def render(self) -> Content:
        width = self.size.width
        if not self.fits(width):
            return self._plain()
        # Pad every row to the full width ourselves so the three rows stay
        # aligned with each other whatever Textual does with trailing spaces.
        rows = [self._align(row, width) for row in render_big(self.text)]
        return Content("\n".join(rows))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        big = big_width(self.text)
        if big <= container.width:
            return big
        return min(self._plain().cell_length, container.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.fits(width):
            return 3
        # Textual passes `Widget.styles` here itself (widget.py), but types the
        # parameter as the `RulesMap` TypedDict, which RenderStyles is not.
        return max(1, self._plain().get_height(self.styles, width))  # type: ignore[arg-type]


def clock_widgets(tall: bool) -> tuple[Digits, BigLabel]:
    """The countdown and the phase word: in the 7-row font where the terminal has
    room (`big_label.ROOMY`; its widgets are imported only then)."""
    if tall:
        from tui.widgets.tall import TallCountdown, TallLabel

        return TallCountdown(id="countdown"), TallLabel(id="phase")
    return Digits(id="countdown"), BigLabel(id="phase")

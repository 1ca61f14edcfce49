"""The workout's top line: the routine on the left, its state and the time left on the right.

One widget rather than three in a row: the workout's first frame is drawn
sooner with fewer widgets to mount, style and lay out. Colours come from the
tcss through the component classes.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class TopBar(Widget):
    DEFAULT_CSS = """
    TopBar { height: 1; }
    TopBar > .top-bar--routine { text-style: bold; }
    TopBar > .top-bar--state { color: $warning; text-style: bold; }
    TopBar > .top-bar--where { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"top-bar--routine", "top-bar--state", "top-bar--where"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: (routine, state, where) as shown; state is often empty.
        self.parts = ("", "", "")

    def show(self, routine: str, state: str, where: str) -> None:
        """Redraw only when something changed (the screen refreshes ten times a second)."""
        if (routine, state, where) != self.parts:
            self.parts = (routine, state, where)
            self.refresh()

    def render(self) -> Content:
        routine, state, where = self.parts
        style = self.get_visual_style
        right = Content.assemble(
            (f"  {state}  " if state else "", style("top-bar--state", partial=True)),
            (where, style("top-bar--where", partial=True)),
        )
        width = self.content_size.width
        # A long name gives way, with an ellipsis, to the state and the time left.
        left = Content.styled(routine, style("top-bar--routine", partial=True))
        left = left.truncate(max(0, width - right.cell_length), ellipsis=True)
        return Content.assemble(left, " " * (width - left.cell_length - right.cell_length), right)

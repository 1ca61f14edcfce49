"""Plain-text panels whose words come from the view model."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static


class Line(Static):
    """A Static for text written by people (routine files): never read as markup."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(text, markup=False, **kwargs)
        self.set_class(not text, "-empty", update=False)  # styled as it is attached

    def show(self, text: str) -> None:
        """Update only when the text changed (the screen refreshes ten times a second).

        An empty line is hidden by a class, not `display`: an inline style would
        override the layout rules that hide lines in a small terminal.
        """
        if str(self.content) != text:
            self.update(text)
            # Restyle once attached: attaching styles a widget, with the classes it has then.
            self.set_class(not text, "-empty", update=self.is_attached)

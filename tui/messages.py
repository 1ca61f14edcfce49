"""What screens ask of the app, as small `Message` classes.

A screen posts one and it bubbles up to `SpinewiseApp`, which routes it
(`on_start_routine`, `on_resume_session`). So screens never import the app:
the import graph runs one way, from the app down to the screens, with no
circle hidden behind `TYPE_CHECKING` or an import inside a function.
"""

from __future__ import annotations

from textual.message import Message

from tui.core.catalog.entries import CatalogEntry


class StartRoutine(Message):
    """Start this routine (the app says why an invalid one cannot start)."""

    def __init__(self, entry: CatalogEntry) -> None:
        super().__init__()
        self.entry = entry


class ResumeSession(Message):
    """Resume the paused session (the one the routine library's banner names)."""

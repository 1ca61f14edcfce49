"""The routine library's command palette: "Start: <routine>" for every valid
routine it shows (only there: during a workout it would start a second one)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.core.catalog.entries import Valid

if TYPE_CHECKING:
    pass


class StartRoutineCommands(Provider):
    """The palette's "Start: <routine>" for every valid routine the library shows."""

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        from .routine_library import RoutineLibraryScreen

        screen = self.screen
        if not isinstance(screen, RoutineLibraryScreen):
            return []
        return [
            (f"Start: {entry.name}", partial(screen.start, entry), entry.routine.summary)
            for entry in screen.catalog
            if isinstance(entry, Valid)
        ]

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)

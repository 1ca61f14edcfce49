"""Command palette: "Start: <routine>" for every routine."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.core.catalog.entries import Valid

if TYPE_CHECKING:
    from .app import SpinewiseApp


class StartRoutineCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app: SpinewiseApp = self.app  # type: ignore[assignment]
        return [
            (f"Start: {entry.name}", partial(app.start_routine, entry), entry.routine.summary)
            for entry in app.catalog
            if isinstance(entry, Valid)
        ]

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)  # type: ignore[arg-type]

"""Test doubles: a clock that moves when told, a player and a voice that remember.

They live here, not in `tui`: the product never runs them.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from tui.audio.players import QuickPlayer


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += seconds
        return self._now

    def set(self, now: float) -> None:
        if now < self._now:
            raise ValueError("a clock does not go backwards")
        self._now = float(now)


class RecordingPlayer(QuickPlayer):
    """Remembers what it was asked to play: `played` holds (cue, clock time)."""

    name = "recording"
    using = "using the recording player"

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self.played: list[tuple[str, float]] = []

    @property
    def cues(self) -> list[str]:
        return [cue for cue, _ in self.played]

    def play(self, cue: str) -> None:
        self.played.append((cue, self.clock()))


class RecordingVoice:
    """Remembers what it was asked to say: `spoken` holds (text, priority)."""

    name = "recording"
    problem: str | None = None

    def __init__(self) -> None:
        self.spoken: list[tuple[str, int]] = []
        self.stops = 0

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.spoken]

    def say(self, text: str, priority: int = 0) -> bool:
        self.spoken.append((text, priority))
        return True

    def stop(self) -> None:
        self.stops += 1

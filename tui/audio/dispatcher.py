"""Engine events in, sounds and speech out, and a log of when each cue played.

The app holds one `CueDispatcher` and passes it every batch of events the
engine returns (`handle(events)`), as soon as it has them. The dispatcher
owns the mute switch (sound and voice alike) and the optional cue log
(`--cue-log FILE`): one JSON line per cue played,
`{"cue": "tick", "due": 1718000000.123, "at": 1718000000.131}`, both Unix
epoch seconds, so `at - due` is the lateness of the cue.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tui.core.engine.events import Event, HurtFlagged, Paused, SessionFinished
from tui.core.plan import Plan

from .cues import SAME_INSTANT, select_cues, select_speech

if TYPE_CHECKING:  # the players and voices are loaded when one is chosen (`setup`)
    from .players import Player
    from .voice import Speaker


class CueDispatcher:
    """Plays the cues of engine events; speaks them too when a voice is set.

    - `player` plays the cues; None plays nothing (no player chosen yet).
    - `muted` silences sound and voice; nothing is logged while muted.
    - `voice` may be set or replaced at any time (None: no speech).
    - `plan` gives speech its context (exercise sides, count-in step kinds).
    - `stale_after`: when a batch spans more than this many seconds (the
      engine caught up after the process was stopped or asleep), only cues
      within that window of the batch's newest event play. None: all play.
    - Paused and HurtFlagged stop the speech in progress.
    """

    def __init__(
        self,
        player: Player | None = None,
        voice: Speaker | None = None,
        clock_to_epoch: Callable[[float], float] | None = None,
        cue_log: Path | None = None,
        *,
        plan: Plan | None = None,
        stale_after: float | None = None,
    ) -> None:
        self.player = player
        self.voice = voice
        self.plan = plan
        self.stale_after = stale_after
        if cue_log is not None and clock_to_epoch is None:
            raise ValueError("a cue log needs clock_to_epoch, to write Unix times")
        self.clock_to_epoch = clock_to_epoch or (lambda due: due)
        self._muted = False
        self._last_due: float | None = None
        self._log: IO[str] | None = None
        if cue_log is not None:
            cue_log.parent.mkdir(parents=True, exist_ok=True)
            self._log = open(cue_log, "a", buffering=1, encoding="utf-8")  # noqa: SIM115

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted and self.voice is not None:
            self.voice.stop()

    def toggle_muted(self) -> bool:
        """Flip mute; returns the new state."""
        self.set_muted(not self._muted)
        return self._muted

    def handle(self, events: Iterable[Event]) -> list[str]:
        """Play and say what these events call for; returns the cues played."""
        batch = list(events)
        if not batch:
            return []
        if self.stale_after is not None:
            newest = max(event.due for event in batch)
            batch = [e for e in batch if newest - e.due <= self.stale_after]
        if self.voice is not None and any(
            isinstance(e, (Paused, HurtFlagged, SessionFinished)) for e in batch
        ):
            self.voice.stop()
        if self._muted:
            return []
        played: list[str] = []
        for event, cue in select_cues(batch):
            if self._last_due is not None and abs(event.due - self._last_due) < SAME_INSTANT:
                continue  # that instant already had its cue in an earlier batch
            self._last_due = event.due
            at = time.time()
            if self.player is not None:
                self.player.play(cue)
            played.append(cue)
            self._write(cue, event, at)
        if self.voice is not None:
            said = select_speech(batch, self.plan)
            if said is not None:
                self.voice.say(said[1], int(said[2]))
        return played

    def _write(self, cue: str, event: Event, at: float) -> None:
        if self._log is None:
            return
        line = {"cue": cue, "due": round(self.clock_to_epoch(event.due), 6), "at": round(at, 6)}
        try:
            self._log.write(json.dumps(line) + "\n")
            self._log.flush()
        except (OSError, ValueError):
            self._log = None  # a full disk must not stop the workout

    def close(self) -> None:
        """Stop sounds and speech still going, and close the cue log (at exit)."""
        if self.player is not None:
            self.player.close()
        if self.voice is not None:
            self.voice.stop()
        if self._log is not None:
            self._log.close()
            self._log = None

"""Engine events in, sounds and speech out, and a log of when each cue played.

The app holds one `CueDispatcher` and passes it every batch of events the
engine returns (`handle(events)`), as soon as it has them. The dispatcher
owns the mute switch (sound and voice alike) and the optional cue log
(`--cue-log FILE`): one JSON line per cue played,
`{"cue": "tick", "due": 1718000000.123, "at": 1718000000.131}`, both Unix
epoch seconds, so `at - due` is the lateness of the cue.

The players are found after the first frame (probing them takes up to ~2 s
a player), while the session starts with it: the opening cue and the first
exercise's name used to go nowhere, and were logged as played on time. Made
`waiting`, the dispatcher keeps what comes until `attach()` (after the first
probe) and then delivers it, the cue log saying when the player got it; what
is by then older than `stale_after` is dropped, and logged as dropped:
`{"cue": "go", "due": ..., "at": null, "dropped": true}`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from tui.core.engine.events import Event, HurtFlagged, Paused, SessionFinished
from tui.core.plan import Plan

from .cues import SAME_INSTANT, select_cues, select_speech

if TYPE_CHECKING:  # the players and voices are loaded when one is chosen (`setup`)
    from .players import Player
    from .voice import Speaker


class HasPlan(Protocol):
    """What `follow` reads its plan from: a workout, whose plan changes with a swap."""

    @property
    def plan(self) -> Plan: ...


class CueDispatcher:
    """Plays the cues of engine events; speaks them too when a voice is set.

    - `player` plays the cues; None plays nothing (no player chosen yet).
    - `muted` silences sound and voice; nothing is logged while muted.
    - `voice` may be set or replaced at any time (None: no speech).
    - `plan` gives speech its context (exercise sides, count-in step kinds).
    - `stale_after`: when a batch spans more than this many seconds (the
      engine caught up after the process was stopped or asleep), only cues
      within that window of the batch's newest event play. None: all play.
    - `waiting`: hold every batch until `attach()`; there, events older than
      `stale_after` on the clock `now` are dropped (logged as dropped).
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
        waiting: bool = False,
        now: Callable[[], float] | None = None,
    ) -> None:
        self.player = player
        self.voice = voice
        self._plan = plan
        self._source: HasPlan | None = None
        self.stale_after = stale_after
        if cue_log is not None and clock_to_epoch is None:
            raise ValueError("a cue log needs clock_to_epoch, to write Unix times")
        self.clock_to_epoch = clock_to_epoch or (lambda due: due)
        self._muted = False
        self._last_due: float | None = None
        self._log: IO[str] | None = None
        self._lock = threading.RLock()  # `handle` on the interface, `attach` in a worker
        self._waiting = waiting
        self._held: list[Event] = []
        self._now = now
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

    @property
    def waiting(self) -> bool:
        return self._waiting

    def attach(self) -> list[str]:
        """The players are set: deliver what was held (once); returns the cues played."""
        with self._lock:
            if not self._waiting:
                return []
            self._waiting = False
            held, self._held = self._held, []
            if not held:
                return []
            if self.stale_after is not None and self._now is not None:
                now = self._now()
                stale = [e for e in held if now - e.due > self.stale_after]
                held = [e for e in held if now - e.due <= self.stale_after]
                if not self._muted:
                    for event, cue in select_cues(stale):
                        self._write(cue, event, None)
            return self._deliver(held)

    def handle(self, events: Iterable[Event]) -> list[str]:
        """Play and say what these events call for; returns the cues played
        (none while `waiting`: they are held for `attach`)."""
        batch = list(events)
        if not batch:
            return []
        with self._lock:
            if self._waiting:
                self._held.extend(batch)
                return []
            return self._deliver(batch)

    def _deliver(self, batch: list[Event]) -> list[str]:
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
            played.append(cue)
            if self.player is not None:  # logged only when a player was given it
                at = time.time()
                self.player.play(cue)
                self._write(cue, event, at)
        if self.voice is not None:
            said = select_speech(batch, self.plan)
            if said is not None:
                self.voice.say(said[1], int(said[2]))
        return played

    @property
    def plan(self) -> Plan | None:
        """The plan speech reads its context from (the followed workout's, if any)."""
        return self._source.plan if self._source is not None else self._plan

    @plan.setter
    def plan(self, plan: Plan | None) -> None:
        self._plan, self._source = plan, None

    def follow(self, source: HasPlan) -> None:
        """Read the plan from `source` from now on: a swap for a variant changes it."""
        self._source = source

    def _write(self, cue: str, event: Event, at: float | None) -> None:
        """One line of the cue log; `at` None: dropped, never given to a player."""
        if self._log is None:
            return
        due = round(self.clock_to_epoch(event.due), 6)
        line: dict[str, object] = {"cue": cue, "due": due, "at": at if at is None else round(at, 6)}
        if at is None:
            line["dropped"] = True
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

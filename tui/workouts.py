"""One person's workouts: starts and resumes sessions, keeps them saved, plays their cues.

No Textual here: the app hands every batch of engine events to `handle()`,
and calls `leave()` when the person quits or the terminal goes away.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from tui.core.catalog import sources
from tui.core.catalog.entries import CatalogEntry
from tui.core.engine.clock import Clock
from tui.core.engine.events import Event, SessionFinished
from tui.core.engine.session import Session
from tui.core.plan import Plan, build_plan
from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.parse import parse_routine
from tui.core.routine.source import read_source
from tui.core.store.database import (
    ActiveSession,
    NullStore,
    Store,
    StoreUnavailable,
    epoch_converter,
)

from .audio.dispatcher import CueDispatcher

#: A running session is saved at least this often (seconds of real time),
#: so a `kill -9` loses less than a second.
SAVE_EVERY = 0.5


class Workouts:
    def __init__(
        self,
        store: Store | NullStore,
        dispatcher: CueDispatcher,
        clock: Clock,
        *,
        speed: float = 1.0,
        wall: Callable[[], float] = time.time,
        notify: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.store = store
        self.dispatcher = dispatcher
        self.clock = clock
        self.speed = speed
        self.wall = wall
        self.notify = notify
        self.session: Session | None = None
        self.session_id: int | None = None
        #: A session was left to resume later (by `leave`).
        self.kept = False
        self._to_epoch = epoch_converter(clock, wall)
        self._saved_at = float("-inf")

    # -- starting ------------------------------------------------------------

    def paused(self) -> ActiveSession | None:
        """The session waiting to be resumed, if any."""
        return self._store(lambda: self.store.active())

    def discard_paused(self) -> None:
        self._store(lambda: self.store.discard_active(self.wall()))

    def begin(self, entry: CatalogEntry) -> Session:
        """A new session of `entry`, recorded as the active one."""
        assert entry.plan is not None and entry.routine is not None
        session = Session(entry.plan, self.clock, speed=self.speed)
        # Read as the parser reads it (a byte-order mark dropped), so it parses again on
        # resume and `routine_file_state` compares like with like. The library files
        # too, when the routine uses them: resuming reads no file.
        text = read_source(entry.ref.path)
        used = sources.library_files(entry.ref.path) if entry.routine.uses_library else []
        extras = {"library": [[str(f), read_source(f)] for f in used]}
        self.session_id = self._store(
            lambda: self.store.begin(
                entry.ref.id,
                str(entry.ref.path),
                entry.routine.name,
                text,
                entry.plan.total_seconds,
                len(entry.routine.exercises),
                session.snapshot(),
                self.wall(),
                extras=extras,
            )
        )
        return self._follow(session)

    def resume(self, active: ActiveSession) -> Session:
        """The stored session, paused where it stopped, built from the stored routine text.

        Raises `RoutineError` or `ValueError` when the stored text no longer makes that plan.
        """
        self._store(lambda: self.store.claim(active.id))
        plan = stored_plan(active)
        session = Session.restore(plan, self.clock, active.paused_snapshot(), speed=self.speed)
        self.session_id = active.id
        return self._follow(session)

    def _follow(self, session: Session) -> Session:
        self.session = session
        self.dispatcher.plan = session.plan
        self._saved_at = float("-inf")
        return session

    # -- following -----------------------------------------------------------

    def handle(self, events: Sequence[Event]) -> None:
        """Every batch of engine events (maybe empty): cues now, a save when due."""
        if events:
            self.dispatcher.handle(events)
        now = time.monotonic()
        running = self.session is not None and self.session.running
        if events or (running and now - self._saved_at >= SAVE_EVERY):
            self.save(events)
            self._saved_at = now

    def save(self, events: Sequence[Event] = ()) -> None:
        session, sid = self.session, self.session_id
        if session is None or sid is None:
            return
        self._store(
            lambda: self.store.checkpoint(
                sid, session.snapshot(), events, self.wall(), self._to_epoch
            )
        )
        if any(isinstance(e, SessionFinished) for e in events):
            self.session = self.session_id = None  # the store closed it, and let it go

    def leave(self) -> None:
        """Quit, hang-up, terminate: pause and save, so `resume` finds it.

        Once: whatever ends the app may call it again. `kept` then says so.
        """
        session, sid = self.session, self.session_id
        if session is None or sid is None:
            return
        events = session.pause() if session.can("pause") else []
        self.save(events)
        self._store(lambda: self.store.mark_paused(sid, self.wall()))
        self._store(lambda: self.store.release(sid))
        self.session = self.session_id = None
        self.kept = True

    def close(self) -> None:
        self.dispatcher.close()
        self._store(lambda: self.store.close())

    # -- storage faults ----------------------------------------------------------

    def _store(self, call: Callable[[], Any]) -> Any:
        """Run a store call; when storage fails, say so once and go on in memory."""
        try:
            return call()
        except StoreUnavailable as error:
            self.store = NullStore(str(error))
            self.notify(f"Progress will not be saved: {error}")
            return None


def stored_plan(active: ActiveSession) -> Plan:
    """The plan of a stored session, from the routine and library text kept at its start."""
    layers = [parse_exercise_library(text, path) for path, text in active.extras.get("library", [])]
    routine = parse_routine(active.routine_text, active.routine_path, ExerciseLibrary(*layers))
    return build_plan(routine)

"""One workout followed: it advances the session, hands each batch of events
to its listeners (the cues), and keeps the place saved.

Saving never waits on the database where the countdown runs: checkpoints go
into a queue that one writer thread empties in order, so a database another
program holds locked (SQLite waits up to `BUSY_TIMEOUT`, 5 s) delays the
save, not the next frame. `leave()` waits for the queue to empty, so what the
person did up to the moment they left is on disk: at most `SAVE_EVERY` of
the clock is lost to a `kill -9`, none to a quit.

Starting reads no file: a new session stores the texts its `Valid` catalog
entry was parsed from, and resuming rebuilds its plan from the texts stored.
No Textual here: the screen forwards keys as `Action`s.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from tui.core.catalog.entries import Valid
from tui.core.catalog.sources import LibraryTexts, library_of_texts, parse_with_texts
from tui.core.engine.clock import Clock
from tui.core.engine.credit import is_preview
from tui.core.engine.events import Event, SessionFinished
from tui.core.engine.session import Session
from tui.core.engine.states import Status, TransitionError
from tui.core.plan import Plan, build_plan
from tui.core.routine.exercise_library import ExerciseLibrary
from tui.core.routine.models import LibraryEntry
from tui.core.store.active import ActiveSession
from tui.core.store.storage import Storage as Storage  # where it was first
from tui.core.store.writer import Writer

if TYPE_CHECKING:  # none is imported before a workout's first frame
    from tui.core.engine.variants import Way
    from tui.core.programme.zones import CheckIn
    from tui.core.store.record import SessionRecord

#: Said on leaving a session that had not begun (`Workout.forgotten`).
NOT_KEPT = "Nothing kept: the session had not started."

#: A running session is saved at least this often (seconds of its clock),
#: so a `kill -9` loses less than a second.
SAVE_EVERY = 0.5
#: While saves fail, a checkpoint tries again at most this often (seconds):
#: each try may wait `BUSY_TIMEOUT` (5 s) for a lock, and the queue must not grow.
RETRY_EVERY = 2.0

Listener = Callable[[Sequence[Event]], object]  # what it returns is not used


class Action(StrEnum):
    """What a person can do to a running workout (the session's action of that name)."""

    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    NEXT_EXERCISE = "next_exercise"
    BACK = "back"
    EXTEND = "extend"
    CONFIRM = "confirm"
    FLAG_HURT = "flag_hurt"
    SKIP_EXERCISE = "skip_exercise"
    END = "end"
    #: Swap the exercise for its easier or harder variant (`engine.variants`).
    EASIER = "easier"
    HARDER = "harder"


_DO: dict[Action, Callable[[Session], list[Event]]] = {
    Action.PAUSE: Session.pause,
    Action.RESUME: Session.resume,
    Action.NEXT: Session.next,
    Action.NEXT_EXERCISE: Session.next_exercise,
    Action.BACK: Session.back,
    Action.EXTEND: lambda session: session.extend(),
    Action.CONFIRM: Session.confirm,
    Action.FLAG_HURT: Session.flag_hurt,
    Action.SKIP_EXERCISE: Session.skip_exercise,
    Action.END: Session.end,
}


class Workout:
    """One session followed; made by `begin` (a new one) or `resume` (a stored one)."""

    def __init__(
        self,
        storage: Storage,
        session: Session,
        session_id: int | None,
        *,
        routine_id: str,
        started_at: float,
        listeners: Sequence[Listener] = (),
        wall: Callable[[], float] = time.time,
        stages: str | None = None,
        library_texts: LibraryTexts = (),
    ) -> None:
        self.storage = storage
        #: The progression stages it runs at (JSON, `programme.stages`), if any.
        self.stages = stages
        #: The exercise-library texts the routine was read with: its variants come from them.
        self.library_texts = library_texts
        self._library: ExerciseLibrary | None = None
        self.session = session
        self.clock = session.clock
        self.session_id = session_id
        #: The session's id in the database, kept after it ends (None: not stored).
        self.stored_id = session_id
        #: The routine's id and when the session began (epoch seconds), for `record`.
        self.routine_id, self.started_at = routine_id, started_at
        self.listeners = list(listeners)
        self.wall = wall
        #: Left to resume later (by `leave`): its last save reached the disk.
        self.kept = False
        #: Left before any work step began: nothing of it was kept (by `leave`).
        self.forgotten = False
        #: Left unfinished (by `leave`), kept or not.
        self.left = False
        #: Check-ins given in this session, a later answer to a question in place of
        #: the earlier: the summary's closing follows their zones (`present.summary`).
        self.told: list[CheckIn] = []
        #: The row kept for each question answered (`tell`), written on the writer thread.
        self._answers: dict[object, int] = {}
        #: Events of checkpoints that failed, written with the next (writer thread only).
        self._unsaved: list[Event] = []
        self._saved_at = float("-inf")
        self._writer = Writer(storage.notify)

    @classmethod
    def begin(
        cls,
        storage: Storage,
        entry: Valid,
        clock: Clock,
        *,
        speed: float = 1.0,
        sound: str | None = None,
        voice: bool | None = None,
        listeners: Sequence[Listener] = (),
        wall: Callable[[], float] = time.time,
    ) -> Workout:
        """A new session of `entry`, recorded as the active one with the texts it was
        parsed from and today's progression stages (`programme.stages.todays_plan`),
        and with the `sound` mode and `voice` it was started with when they were
        given (None: the saved settings), which resuming keeps (`ActiveSession.sound`).
        Raises `SessionOpenError` while another session is active."""
        plan, stages = entry.plan, None
        if any(ex.progress is not None for ex in entry.routine.exercises):  # else no import
            from tui.core.programme.stages import todays_plan

            read = lambda: storage.call(lambda store: store.stages(entry.ref.id))  # noqa: E731
            plan, stages = todays_plan(entry, read)
        session = Session(plan, clock, speed=speed)
        extras: dict[str, object] = {
            "library": [[path, text] for path, text in entry.library_texts]
        }
        if sound is not None:
            extras["sound"] = sound
        if voice is not None:
            extras["voice"] = voice
        started_at = wall()
        session_id = storage.call(
            lambda store: store.begin(
                entry.ref.id,
                str(entry.ref.path),
                entry.name,
                entry.text,
                entry.plan.total_seconds,
                len(entry.routine.exercises),
                session.snapshot(),
                started_at,
                extras=extras,
                speed=speed,
                stages=stages,
            )
        )
        return cls(
            storage, session, session_id, routine_id=entry.ref.id, started_at=started_at,
            listeners=listeners, wall=wall, stages=stages, library_texts=entry.library_texts,
        )  # fmt: skip

    @classmethod
    def resume(
        cls,
        storage: Storage,
        active: ActiveSession,
        clock: Clock,
        *,
        claimed: bool = False,
        speed: float | None = None,
        listeners: Sequence[Listener] = (),
        wall: Callable[[], float] = time.time,
    ) -> Workout:
        """The stored session, paused where it stopped, built from the stored texts,
        at the speed it was started with (a preview stays one); a `speed` other
        than 1 given now is used instead, and makes it a preview from then on.

        Claims it for this process unless the caller already has (`claimed`).
        Raises `SessionOpenError` when another spinewise holds it, `RoutineError`
        or `ValueError` when the stored text no longer makes that plan.
        """
        texts = tuple((str(path), text) for path, text in active.extras.get("library", []))
        plan = stored_plan(active, active.snapshot.get("swaps", ()))
        run_at = speed if speed is not None and is_preview(speed) else active.speed
        session = Session.restore(plan, clock, active.paused_snapshot(), speed=run_at)
        if not claimed:
            storage.call(lambda store: store.claim(active.id))
        if run_at != active.speed:
            storage.call(lambda store: store.set_speed(active.id, run_at))
        return cls(
            storage, session, active.id, routine_id=active.routine_id,
            started_at=active.started_at, listeners=listeners, wall=wall, stages=active.stages,
            library_texts=texts,
        )  # fmt: skip

    # -- following -----------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self.session.plan

    @property
    def speed(self) -> float:
        return self.session.speed

    def record(self) -> SessionRecord:
        """What happened so far, in the shape history reads back: the summary shows it."""
        from tui.core.store.record import SessionRecord

        return SessionRecord.of(
            self.session, id=self.stored_id, routine_id=self.routine_id,
            started_at=self.started_at, ended_at=self.wall() if self.session.finished else None,
        )  # fmt: skip

    def start(self) -> list[Event]:
        """Start a new session's clock (a resumed one waits, paused, for `resume`)."""
        if self.session.status is not Status.READY:
            return []
        return self._handle(self.session.start())

    def advance(self) -> list[Event]:
        """Catch the session up with the clock (events maybe none; a save when due)."""
        return self._handle(self.session.advance())

    def can(self, action: Action) -> bool:
        if action in (Action.EASIER, Action.HARDER):  # offered only where there is one,
            running = self.session.status in (Status.RUNNING, Status.PAUSED)  # and never
            refused = action is Action.HARDER and self.hurt_here()  # what `act` refuses
            return running and not refused and self.variant(action.value) is not None
        return self.session.can(action)

    def act(self, action: Action) -> list[Event]:
        """Do `action` now; `TransitionError` when it makes no sense now."""
        if action in (Action.EASIER, Action.HARDER):
            from tui.core.engine.variants import swap_session

            way: Way = "easier" if action is Action.EASIER else "harder"
            if way == "harder" and self.hurt_here():
                # `!` on this exercise today: harder would go back towards what hurt
                # (ease off after pain, Silbernagel 2007; DESIGN.md's health rule).
                raise TransitionError("Not after it hurt today")
            return self._handle(swap_session(self.session, self.library, way))
        return self._handle(_DO[action](self.session))

    def hurt_here(self) -> bool:  # whether `!` was pressed on this exercise this session
        return self.session.step.exercise_index in self.session.hurt

    def variant(self, way: str) -> LibraryEntry | None:
        """The current exercise's `way` ("easier" or "harder") variant, if it has one."""
        exercise = self.plan.routine.exercises[self.session.step.exercise_index]
        return self.library.variant(exercise.use, way)

    @property
    def library(self) -> ExerciseLibrary:
        """The exercise library the routine was read with (for its variants)."""
        if self._library is None:
            self._library = library_of_texts(self.library_texts)
        return self._library

    def _handle(self, events: list[Event]) -> list[Event]:
        if events:
            for listener in self.listeners:
                listener(events)
        now = self.clock.now()
        if events or (self.session.running and now - self._saved_at >= SAVE_EVERY):
            self._save(events)
            self._saved_at = now
        return events

    def _save(self, events: Sequence[Event] = (), *, final: bool = False) -> None:
        """Queue a checkpoint of the position now, with the step log of `events`."""
        sid = self.session_id
        if sid is None:
            return
        snapshot, now = self.session.snapshot(), self.wall()
        offset = now - self.clock.now()  # clock time -> epoch, fixed as the events are

        def checkpoint() -> bool:
            """On the writer thread: with the events of the checkpoints that failed."""
            pending = [*self._unsaved, *events]
            failing = self.storage.failing_since
            if failing is not None and not final and time.monotonic() - failing < RETRY_EVERY:
                ok = False  # too soon to try again
            else:
                ok = self.storage.attempt(
                    lambda store: store.checkpoint(
                        sid, snapshot, pending, now, lambda due: offset + due
                    )
                )
            self._unsaved = [] if ok else pending
            return ok

        self._writer.put(checkpoint)
        if any(isinstance(e, SessionFinished) for e in events):
            if self.stages:  # its progression decided once, from what was stored
                wall = self.wall
                self._writer.put(lambda: self.storage.attempt(
                    lambda store: store.apply_session(sid, wall())))  # fmt: skip
            self.session_id = None  # the store closes it with that checkpoint
            self._writer.stop(wait=False)

    # -- leaving -------------------------------------------------------------

    def leave(self) -> None:
        """Quit, hang-up, terminate: pause, save, and wait until it is on disk,
        so `resume` finds it. Once: whatever ends the app may call it again.

        A session left before any work step began keeps nothing (`forgotten`): a
        `q` two seconds into a first run must not leave "a session is waiting".
        """
        sid = self.session_id
        if sid is not None and not self.session.work_begun:
            storage = self.storage
            self._writer.put(lambda: storage.call(lambda store: store.forget(sid)))
            self.session_id = None
            self.forgotten = True
        elif sid is not None:
            events = self.session.pause() if self.session.can("pause") else []
            self._save(events, final=True)
            now = self.wall()
            storage = self.storage

            def keep() -> None:
                """Kept only when the pause reached the disk: "Session kept" is then true."""
                saved = not self._unsaved and storage.attempt(
                    lambda store: store.mark_paused(sid, now)
                )
                self.kept = saved and storage.store.available
                storage.call(lambda store: store.release(sid))

            self._writer.put(keep)
            self.session_id = None
            self.left = True
        self._writer.stop()

    def tell(self, checkin: CheckIn, answer: object | None = None) -> bool:
        """Keep a check-in given during the session (before it, or with `!`) through the
        writer, in order with the session's checkpoints: the decision made when it ends
        reads it (a `!` answer written from another thread came after the decision when
        `r` ended the session at once). A later check-in with the same `answer` (a
        question answered in two steps: the `!` pain, then "sharp") replaces the row
        kept for it. False once the writer has stopped (not kept)."""
        storage, kept = self.storage, self._answers

        def keep() -> None:
            earlier = None if answer is None else kept.get(answer)
            if earlier is None:
                row = storage.call(lambda store: store.add_checkin(checkin))
            else:
                row = storage.call(lambda store: store.replace_checkin(earlier, checkin))
            if answer is not None and row is not None:
                kept[answer] = row

        return self._writer.put(keep)

    def saved(self) -> None:
        """Wait until every checkpoint queued so far is written (or failed)."""
        self._writer.drain()


def stored_plan(active: ActiveSession, swaps: Sequence[object] = ()) -> Plan:
    """The plan of a stored session: the routine and library texts, and stages, of its
    start, with the `swaps` of its snapshot made again (ValueError when they do not fit)."""
    texts = tuple((str(path), text) for path, text in active.extras.get("library", []))
    routine = parse_with_texts(active.routine_text, active.routine_path or "", texts)
    if active.stages:
        from tui.core.programme.stages import read_started, staged

        routine = staged(routine, read_started(active.stages))
    plan = build_plan(routine)
    if not swaps:
        return plan
    from tui.core.engine.variants import replay_swaps

    return replay_swaps(plan, library_of_texts(texts), swaps)

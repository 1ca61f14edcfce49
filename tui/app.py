"""The Textual application: wires screens to the session, sound and storage.

It is given everything from outside (clock, speed, what to start, the
`Workouts` that save sessions and play cues), so tests run it with a fake
clock and a recording player.

`spinewise run` paints the workout before anything else: the screens and
modules it does not need for that (the library, the summary, dialogs, the
sound players) are imported where they are first used.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.core.catalog.entries import CatalogEntry
from tui.core.engine.clock import Clock, MonotonicClock
from tui.core.engine.events import Event
from tui.core.engine.session import Session
from tui.core.routine.problems import RoutineError
from tui.core.sound_modes import SOUND_MODES
from tui.core.store.database import ActiveSession, SessionOpenError

from .routine_editing import RoutineEditing
from .screens.workout import WorkoutScreen

if TYPE_CHECKING:
    from .audio.setup import SoundSetup
    from .screens.routine_library import RoutineLibraryScreen
    from .workouts import Workouts


@dataclass
class AppOptions:
    """What the app is given besides its routines: clock, storage, sound, first-run state."""

    clock: Clock = field(default_factory=MonotonicClock)
    speed: float = 1.0
    #: Heard with every batch of engine events, besides `workouts` (tests record here).
    listeners: list[Callable[[Sequence[Event]], None]] = field(default_factory=list)
    #: Saves sessions and plays cues; None in tests of the interface alone.
    workouts: Workouts | None = None
    #: The sound and voice choice; applied in a thread after the first frame (probing is slow).
    sound: SoundSetup | None = None
    #: Set on a first run: show the health notice, then call this to remember it was seen.
    notice_seen: Callable[[], None] | None = None
    #: Messages to show once the interface is up (a database moved aside, a settings problem).
    notices: list[str] = field(default_factory=list)


class SpinewiseApp(RoutineEditing, App[str | None]):
    CSS_PATH = "app.tcss"
    TITLE = "spinewise"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    def __init__(
        self,
        catalog: list[CatalogEntry] | Callable[[], list[CatalogEntry]],
        *,
        options: AppOptions | None = None,
        start: CatalogEntry | None = None,
        resume: ActiveSession | None = None,
    ) -> None:
        super().__init__()
        self._catalog = catalog
        self.options = options or AppOptions()
        self.workouts = self.options.workouts
        self._start = start
        self._resume = resume
        #: Made the first time it is shown, then kept at the bottom of the stack.
        self.library_screen: RoutineLibraryScreen | None = None

    @property
    def catalog(self) -> list[CatalogEntry]:
        """Every routine; loaded when first needed (not before a `run` paints)."""
        if callable(self._catalog):
            self._catalog = self._catalog()
        return self._catalog

    @catalog.setter
    def catalog(self, catalog: list[CatalogEntry]) -> None:
        self._catalog = catalog

    def get_default_screen(self) -> Screen:
        """The workout itself, when it can open at once: its first frame is then
        the first frame drawn, with no empty screen under it (pushing it over
        one cost some 20 ms more, measured). Otherwise (a health notice to read first,
        another session waiting, a failure to say) `on_mount` opens it."""
        if self.options.notice_seen is None:
            try:
                session = self._session_at_once()
            except (RoutineError, ValueError, SessionOpenError):
                session = None  # `on_mount` tries again the usual way, and says why not
            if session is not None:
                return self._workout_screen(session)
        return super().get_default_screen()

    def _session_at_once(self) -> Session | None:
        if self._resume is not None and self.workouts is not None:
            return self.workouts.resume(self._resume)
        if self._start is None or self._start.plan is None:
            return None
        if self.workouts is None or self.workouts.paused() is None:
            return self._new_session(self._start)
        return None

    def on_mount(self) -> None:
        if self.workouts is not None:
            self.workouts.notify = self._warn
        for notice in self.options.notices:
            self._warn(notice)
        self._catch_signals()
        if self._start is None and self._resume is None:
            self.show_library()
        if self.options.sound is not None:
            # Probing players starts processes: not while the first frame is drawn.
            self.call_after_refresh(self._find_player)
        if isinstance(self.screen, WorkoutScreen):  # opened at once (`get_default_screen`)
            if self._resume is not None:
                self._say_if_changed(self._resume)
        elif self.options.notice_seen is not None:
            from .screens.confirm import health_notice

            # The health notice comes first: nothing starts until it is read.
            self.push_screen(health_notice(), self._notice_read)
        else:
            self._open_first()

    def _notice_read(self, _: str | None) -> None:
        if self.options.notice_seen is not None:
            self.options.notice_seen()
        self._open_first()

    def show_library(self) -> None:
        """The library, under whatever is open (built the first time it is needed)."""
        if self.library_screen is not None:
            self.library_screen.set_banner(self._banner())
            return
        from .screens.routine_library import RoutineLibraryScreen

        self.library_screen = RoutineLibraryScreen(self.catalog, banner=self._banner())
        self.push_screen(self.library_screen)

    def _open_first(self) -> None:
        if self._resume is not None:
            self.resume_session(self._resume)
        elif self._start is not None:
            self.start_routine(self._start)

    def _warn(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=8, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "History", "Past sessions, streak, minutes per week", self.action_history
        )
        if self.workouts is not None:
            yield SystemCommand(
                "Mute / unmute", "Turn the cues off or on (m)", self.action_toggle_mute
            )
            if self.options.sound is not None:
                for mode, help_text in SOUND_MODES.items():
                    yield SystemCommand(
                        f"Sound: {mode}",
                        help_text,
                        lambda mode=mode: self._change_sound(mode=mode),
                    )
                yield SystemCommand(
                    "Voice: on",
                    "Speak exercise names, rests and count-ins",
                    lambda: self._change_sound(voice=True),
                )
                yield SystemCommand(
                    "Voice: off",
                    "No speech, cues only",
                    lambda: self._change_sound(voice=False),
                )

    @work(thread=True, exit_on_error=False)
    def _change_sound(self, *, mode: str | None = None, voice: bool | None = None) -> None:
        assert self.options.sound is not None
        said = self.options.sound.change(self.bell, self._warn, mode=mode, voice=voice)
        self.notify(said, timeout=4, markup=False)  # notify is safe from a thread

    @work(thread=True, exit_on_error=False)
    def _find_player(self) -> None:
        assert self.options.sound is not None
        self.options.sound.apply(self.bell, self._warn)

    def action_toggle_mute(self) -> None:
        """`m`, or the palette: the app owns the sound."""
        if self.workouts is None:
            return
        muted = self.workouts.dispatcher.toggle_muted()
        self.notify("Muted" if muted else "Sound on", timeout=2)

    def is_muted(self) -> bool:
        return self.workouts is not None and self.workouts.dispatcher.muted

    # -- starting and resuming ---------------------------------------------------

    def start_routine(self, entry: CatalogEntry) -> None:
        if entry.plan is None:
            self._warn(entry.error or "This routine has mistakes.")
            return
        paused = self.workouts.paused() if self.workouts else None
        if paused is None:
            self._begin(entry)
            return
        if paused.held_elsewhere:
            self._warn(
                f"{paused.routine_name} is open in another spinewise (pid {paused.owner_pid}): "
                "finish or quit it there first."
            )
            self.show_library()
            return

        def answered(choice: str | None) -> None:
            if choice == "discard" and self.workouts is not None:
                try:
                    self.workouts.discard_paused()
                except SessionOpenError as error:
                    self._warn(str(error))
                    self.show_library()
                    return
                self._begin(entry)
            elif choice == "resume":
                self.resume_session(paused)
            else:
                self.show_library()

        from .screens.confirm import Answer, ChoiceDialog

        self.push_screen(
            ChoiceDialog(
                "A session is waiting",
                f"{paused.routine_name} is paused ({_where(paused)}). "
                f"Discard it and start {entry.name}?",
                [
                    Answer("resume", f"Resume {paused.routine_name}", "r"),
                    Answer("discard", f"Discard, start {entry.name}", "d"),
                    Answer("cancel", "Cancel", "c"),
                ],
                danger="discard",
            ),
            answered,
        )

    def _begin(self, entry: CatalogEntry) -> None:
        try:
            session = self._new_session(entry)
        except SessionOpenError as error:  # another spinewise got there first
            self._warn(str(error))
            self.show_library()
        except RoutineError as error:  # the file went between choosing and starting
            self._warn(str(error.problems[0]))
            self.show_library()
        else:
            self.push_screen(self._workout_screen(session))

    def _new_session(self, entry: CatalogEntry) -> Session:
        assert entry.plan is not None
        if self.workouts is not None:
            return self.workouts.begin(entry)
        return Session(entry.plan, self.options.clock, speed=self.options.speed)

    def resume_session(self, active: ActiveSession) -> None:
        assert self.workouts is not None
        try:
            session = self.workouts.resume(active)
        except (RoutineError, ValueError, SessionOpenError) as error:
            # a stored session this version cannot rebuild, or one open elsewhere
            self._warn(f"Cannot resume {active.routine_name}: {error}")
            self.show_library()
            return
        self.push_screen(self._workout_screen(session))
        self._say_if_changed(active)

    def _say_if_changed(self, active: ActiveSession) -> None:
        state = active.routine_file_state()
        if state in ("changed", "missing"):
            self._warn(
                f"The routine file has {'changed' if state == 'changed' else 'gone'} since "
                "you started; resuming the version you started.",
            )

    def _workout_screen(self, session: Session) -> WorkoutScreen:
        listeners = list(self.options.listeners)
        if self.workouts is not None:
            listeners.insert(0, self.workouts.handle)
        return WorkoutScreen(session, listeners, muted=self.is_muted)

    def on_routine_library_screen_start(self, message: RoutineLibraryScreen.Start) -> None:
        self.start_routine(message.entry)

    def on_routine_library_screen_resume(self) -> None:
        paused = self.workouts.paused() if self.workouts else None
        if paused is not None:
            self.resume_session(paused)

    def _banner(self) -> str:
        paused = self.workouts.paused() if self.workouts else None
        if paused is None:
            return ""
        return f"Resume {paused.routine_name} ({_where(paused)}): press ctrl+r"

    def action_history(self) -> None:
        from .screens.history import HistoryScreen

        store = self.workouts.store if self.workouts else None
        if store is None:
            self.push_screen(HistoryScreen([], 0, []))
            return
        self.push_screen(
            HistoryScreen(
                store.history(include_active=True), store.streak(), store.minutes_per_week()
            )
        )

    # -- leaving -------------------------------------------------------------------

    def on_workout_screen_finished(self, message: WorkoutScreen.Finished) -> None:
        from tui.core.present.summary import SessionSummary

        from .screens.summary import SummaryScreen

        while not isinstance(self.screen, WorkoutScreen):
            self.pop_screen()  # help, or a dialog, left open as it ended
        if len(self.screen_stack) > 1:
            self.pop_screen()
        # else it is the first screen (`get_default_screen`): it stays under the
        # rest, stopped, as Textual cannot pop or switch away the first screen.
        summary = SessionSummary.of(message.session)
        self.push_screen(SummaryScreen(summary), self._after_summary)

    def _after_summary(self, where: str | None) -> None:
        if where == "quit":
            self.exit("finished")
        else:
            self.show_library()

    def on_workout_screen_quit_requested(self) -> None:
        if self.workouts is not None:
            self.workouts.leave()
        self.exit("quit")

    def _catch_signals(self) -> None:
        """Closing the terminal (SIGHUP) or `kill` (SIGTERM): save, then leave."""
        try:
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, self._hang_up)
            loop.add_signal_handler(signal.SIGTERM, self._terminate)
        except (NotImplementedError, RuntimeError, AttributeError):  # not on this platform
            pass

    def _terminate(self) -> None:
        if self.workouts is not None:
            self.workouts.leave()
        self.exit("hangup")

    def _hang_up(self) -> None:
        """The terminal is gone: save, then end at once.

        A normal shutdown would try to restore a terminal that no longer exists;
        Textual's output thread can then block the exit for ever (seen under load).
        """
        if self.workouts is not None:
            self.workouts.leave()
            self.workouts.close()
        os._exit(128 + signal.SIGHUP)


def _where(active: ActiveSession) -> str:
    exercise = (active.current_exercise or 0) + 1
    return f"exercise {exercise} of {active.exercises}, paused {ago(time.time() - active.left_at)}"


def ago(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h ago"
    return f"{hours // 24} days ago"

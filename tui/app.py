"""The Textual application: wires screens to the session, sound and storage.

It is given everything from outside (clock, speed, what to start, the store
and the cue dispatcher), as `spinewise run` gives them; tests give a fake
clock, a store in memory and a dispatcher that records. Each workout is a
core `Workout`, begun or resumed here and followed by the workout screen.

Screens ask it for things with `tui/messages.py` (`StartRoutine`...) and
never import it. Making routines is the routine library's own business.

`spinewise run` paints the workout before anything else: the screens and
modules it does not need for that (the routine library, the summary, dialogs,
the sound players) are imported where they are first used.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import SystemCommand
from textual.screen import Screen

from tui.core.catalog.entries import CatalogEntry, Invalid, Valid
from tui.core.present.paused import file_change_note, where_paused
from tui.core.routine.problems import RoutineError
from tui.core.store.database import ActiveSession, SessionOpenError
from tui.core.workout import Storage, Workout

from . import collector
from .app_checkins import CheckInsApp
from .app_sound import SoundApp
from .messages import ResumeSession, StartRoutine
from .options import AppOptions
from .screens.workout import WorkoutScreen

if TYPE_CHECKING:
    from collections.abc import Mapping

    from textual.notifications import SeverityLevel

    from tui.core.programme.stages import Stage

    from .screens.routine_library import RoutineLibraryScreen
    from .screens.summary import AfterSummary


class SpinewiseApp(CheckInsApp, SoundApp):
    CSS_PATH = "app.tcss"
    TITLE = "spinewise"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    def __init__(
        self,
        catalog: list[CatalogEntry] | Callable[[], list[CatalogEntry]],
        *,
        options: AppOptions,
        start: Valid | None = None,
        resume: ActiveSession | None = None,
    ) -> None:
        super().__init__()
        self._catalog = catalog
        self.options = options
        self.storage = Storage(options.store)
        #: The workout followed now (or last), if any.
        self.workout: Workout | None = None
        #: A workout was left to resume later; one left before it began, forgotten.
        self.kept = False
        self.forgotten = False
        self._start = start
        self._resume = resume
        #: Made the first time it is shown, then kept at the bottom of the stack;
        #: it owns the routines from then on (and reloads them when files change).
        self.routine_library: RoutineLibraryScreen | None = None

    #: Whether `toasts.tcss` is read (or asked to be): at the first notification.
    _toast_styles = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's `notify` (safe from any thread), the first time reading the styles
        of toasts over a workout (`toasts.tcss`) on the UI loop before the toast shows
        (messages keep their order)."""
        if not self._toast_styles:
            self._toast_styles = True
            self.call_later(self._read_toast_styles)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _read_toast_styles(self) -> None:
        path = Path(__file__).with_name("toasts.tcss")
        self.stylesheet.read(path)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def get_default_screen(self) -> Screen[Any]:
        """The workout itself, when it can open at once: its first frame is then
        the first frame drawn, with no empty screen under it (pushing it over
        one cost some 20 ms more, measured). Otherwise (a health notice to read first,
        another session waiting, a failure to say) `on_mount` opens it."""
        if self.options.notice_seen is None:
            try:
                workout = self._workout_at_once()
            except (RoutineError, ValueError, SessionOpenError):
                workout = None  # `on_mount` tries again the usual way, and says why not
            if workout is not None:
                return self._workout_screen(workout)
        return super().get_default_screen()

    def _workout_at_once(self) -> Workout | None:
        if self._resume is not None:
            return self._resumed(self._resume, claimed=True)
        if self._start is not None:  # refused (SessionOpenError) while one is waiting
            return self._begun(self._start)
        return None

    def on_mount(self) -> None:
        self.storage.notify = self._warn
        for notice in self.options.notices:
            self._warn(notice)
        self._catch_signals()
        self.call_after_refresh(collector.release)  # after the first frame: `tui/collector.py`
        if self._start is None and self._resume is None:
            self.show_routine_library()
        if isinstance(self.screen, WorkoutScreen):  # opened at once (`get_default_screen`)
            if self._resume is not None:
                self._say_if_changed(self._resume)
        elif self.options.notice_seen is not None:
            from .screens.confirm import health_notice

            # The health notice comes first: nothing starts until it is read.
            self.push_screen(health_notice(), self._notice_read)
        else:
            self._open_first()

    def _notice_read(self, understood: bool | None) -> None:
        if understood is not True:
            return
        if self.options.notice_seen is not None:
            self.options.notice_seen()
        self._open_first()

    def show_routine_library(self) -> None:
        """The routine library, under whatever is open (built the first time it is
        needed, loading the routines then: not before a `run` paints)."""
        if self.routine_library is not None:
            self.routine_library.set_banner(self._banner())
            return
        from .screens.library_today import plan_state
        from .screens.routine_library import RoutineLibraryScreen

        # A loader is run by the screen, in a worker: it paints at once; so is the plan.
        plan = plan_state(self.storage.store, self.wall)
        storage = self.storage

        def stages(routine_id: str) -> Mapping[str, Stage] | None:  # in the screen's worker
            return storage.call(lambda store: store.stages(routine_id))

        self.routine_library = RoutineLibraryScreen(self._catalog, self._banner(), plan, stages)
        self.push_screen(self.routine_library)
        self.ask_next_day()

    def _open_first(self) -> None:
        if self._resume is not None:
            self.resume_session(self._resume, claimed=True)
        elif self._start is not None:
            self.start_routine(self._start)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "History", "Past sessions, streak, minutes per week", self.action_history
        )
        yield SystemCommand("Mute / unmute", "Turn the cues off or on (m)", self.action_toggle_mute)
        yield from self.checkin_commands()
        yield from self.sound_commands()

    # -- starting and resuming ---------------------------------------------------

    def start_routine(self, entry: CatalogEntry) -> None:
        if isinstance(entry, Invalid):
            self._warn(entry.error)
            return
        paused = self.storage.paused()
        if paused is None:
            self._begin(entry)
            return
        if paused.held_elsewhere:
            self._warn(
                f"{paused.routine_name} is open in another spinewise (pid {paused.owner_pid}): "
                "finish or quit it there first."
            )
            self.show_routine_library()
            return

        from .screens.confirm import Waiting, waiting_dialog

        def answered(choice: Waiting | None) -> None:
            if choice is Waiting.DISCARD:
                try:
                    self.storage.discard_paused(time.time())
                except SessionOpenError as error:
                    self._warn(str(error))
                    self.show_routine_library()
                    return
                self._begin(entry)
            elif choice is Waiting.RESUME:
                self.resume_session(paused)
            else:
                self.show_routine_library()

        where = where_paused(paused, time.time())
        self.push_screen(waiting_dialog(paused.routine_name, where, entry.name), answered)

    def _begin(self, entry: Valid) -> None:
        try:
            workout = self._begun(entry)
        except SessionOpenError as error:  # another spinewise got there first
            self._warn(str(error))
            self.show_routine_library()
        else:
            self.push_screen(self._workout_screen(workout))

    def _begun(self, entry: Valid) -> Workout:
        """A new workout of `entry`, from the texts it was parsed from (no file is read)."""
        self._settle_last()
        sound = self.options.sound
        return Workout.begin(
            self.storage,
            entry,
            self.options.clock,
            speed=self.options.speed,
            sound=sound.given_sound if sound else None,
            voice=sound.given_voice if sound else None,
            listeners=[self.options.cues.handle],
        )

    def _resumed(self, active: ActiveSession, *, claimed: bool) -> Workout:
        self._settle_last()
        workout = Workout.resume(
            self.storage,
            active,
            self.options.clock,
            claimed=claimed,
            speed=self.options.speed,
            listeners=[self.options.cues.handle],
        )
        self.recall_told(active.id)  # the summary's closing follows them too
        return workout

    def _settle_last(self) -> None:
        """The last workout's saves written, before the store is asked about a new one."""
        self.leave_workout()

    def resume_session(self, active: ActiveSession, *, claimed: bool = False) -> None:
        """Follow the stored session again; `claimed` when this process already holds it."""
        try:
            workout = self._resumed(active, claimed=claimed)
        except (RoutineError, ValueError, SessionOpenError) as error:
            # a stored session this version cannot rebuild, or one open elsewhere
            self._warn(f"Cannot resume {active.routine_name}: {error}")
            self.show_routine_library()
            return
        self.push_screen(self._workout_screen(workout))
        self._say_if_changed(active)

    @work(thread=True, exit_on_error=False)
    def _say_if_changed(self, active: ActiveSession) -> None:
        """The routine file is read in a thread, to compare with the text kept."""
        note = file_change_note(active.routine_file_state())
        if note is not None:
            self._warn(note)  # notify is safe from a thread

    def _workout_screen(self, workout: Workout) -> WorkoutScreen:
        """The screen that follows `workout`, started now (the screen starts nothing)."""
        self.workout = workout
        self.options.cues.follow(workout)
        workout.start()
        asks = {"ask_before": self.asks_before, "ask_pain": self.asks_after}
        return WorkoutScreen(workout, muted=self.is_muted, **asks)

    def on_start_routine(self, message: StartRoutine) -> None:
        self.start_routine(message.entry)

    def on_resume_session(self, message: ResumeSession) -> None:
        paused = self.storage.paused()
        if paused is not None:
            self.resume_session(paused)

    def _banner(self) -> str:
        paused = self.storage.paused()
        if paused is None:
            return ""
        return f"Resume {paused.routine_name} ({where_paused(paused, time.time())}): press ctrl+r"

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def action_history(self) -> None:
        """ctrl+y, or the palette: the first page is read in a thread, then shown."""
        from datetime import date

        from tui.core.store.database import StoreError

        from .screens.history import history_screen

        try:  # "today" from the app's date source, as the check-ins
            screen = history_screen(self.storage.store, date.fromtimestamp(self.wall()))
        except StoreError as error:  # a file that cannot be read: said, not raised
            self._warn(f"History cannot be shown: {error}")
            return
        self.call_from_thread(self.push_screen, screen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+q on an editor with unsaved changes goes to the editor, which asks."""
        if action == "quit" and getattr(self.screen, "has_unsaved_changes", False):
            return False
        return super().check_action(action, parameters)

    # -- leaving -------------------------------------------------------------------

    def on_workout_screen_finished(self, message: WorkoutScreen.Finished) -> None:
        from .screens.summary import SummaryScreen

        while not isinstance(self.screen, WorkoutScreen):
            self.pop_screen()  # help, or a dialog, left open as it ended
        if len(self.screen_stack) > 1:
            self.pop_screen()
        # else it is the first screen (`get_default_screen`): it stays under the
        # rest, stopped, as Textual cannot pop or switch away the first screen.
        asked = message.record.id if self.asks_after else None
        from .screens.library_today import plan_state

        summary = SummaryScreen(message.record, ask_for=asked, wall=self.wall,
                                progressing=self.progressing(),
                                read_plan=plan_state(self.storage.store, self.wall),
                                sharp=message.sharp,
                                told=self.told_so_far())  # fmt: skip
        self.push_screen(summary, self._after_summary)
        self.read_next_time(summary)
        self._unjudged = message.record.id
        self.in_checkin_thread(self._advise)  # after the `!` answers are kept

    def _after_summary(self, where: AfterSummary | None) -> None:
        from .screens.summary import AfterSummary

        self._judge_last()  # its answers are final now (kept as given: RecordCheckIn)
        if where is AfterSummary.QUIT:
            self.exit("finished")
        else:
            self.show_routine_library()

    def on_workout_screen_quit_requested(self) -> None:
        self.leave_workout()
        self.exit("quit")

    def leave_workout(self) -> None:
        """Pause and save the workout followed now, if any, to resume later (`kept`)."""
        if self.workout is not None:
            self.workout.leave()
            self.kept = self.kept or self.workout.kept
            self.forgotten = self.forgotten or self.workout.forgotten

    def _catch_signals(self) -> None:
        """Closing the terminal (SIGHUP) or `kill` (SIGTERM): save, then leave."""
        try:
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, self._hang_up)
            loop.add_signal_handler(signal.SIGTERM, self._terminate)
        except (NotImplementedError, RuntimeError, AttributeError):  # not on this platform
            pass

    def _terminate(self) -> None:
        self.leave_workout()
        self.exit("hangup")

    def _hang_up(self) -> None:
        """The terminal is gone: save, then end at once.

        A normal shutdown would try to restore a terminal that no longer exists;
        Textual's output thread can then block the exit for ever (seen under load).
        """
        self.leave_workout()
        self.checkins_written(ending=True)  # the answers given, a summary's too, kept first
        self.options.cues.close()
        self.storage.call(lambda store: store.close())
        os._exit(128 + signal.SIGHUP)


"""The Textual application: wires screens to the session, sound and storage.

It is given everything from outside (clock, speed, what to start, the sound
and storage hooks), so tests run it with a fake clock and a recording player.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from textual.app import App

from .commands_palette import StartRoutineCommands
from .core.catalog import CatalogEntry
from .core.clock import Clock, MonotonicClock
from .core.engine import Session
from .core.events import Event
from .core.summary import SessionSummary
from .screens.library import LibraryScreen
from .screens.summary import SummaryScreen
from .screens.workout import WorkoutScreen


@dataclass
class AppOptions:
    clock: Clock = field(default_factory=MonotonicClock)
    speed: float = 1.0
    #: Called with every batch of engine events (sound cues, storage).
    listeners: list[Callable[[Sequence[Event]], None]] = field(default_factory=list)
    #: Toggles mute and says whether sound is now muted.
    toggle_mute: Callable[[], bool] | None = None
    is_muted: Callable[[], bool] = lambda: False


class SpinewiseApp(App[str | None]):
    CSS_PATH = "app.tcss"
    TITLE = "spinewise"
    COMMANDS = App.COMMANDS | {StartRoutineCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    def __init__(self, catalog: list[CatalogEntry], *, options: AppOptions | None = None,
                 start: CatalogEntry | None = None, session: Session | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.options = options or AppOptions()
        self._start = start
        self._session = session

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.catalog))
        if self._session is not None:
            self.open_session(self._session)
        elif self._start is not None:
            self.start_routine(self._start)

    # -- starting and following -------------------------------------------------

    def start_routine(self, entry: CatalogEntry) -> None:
        if entry.plan is None:
            self.notify(entry.error or "This routine has mistakes.", severity="error")
            return
        self.open_session(Session(entry.plan, self.options.clock, speed=self.options.speed))

    def open_session(self, session: Session) -> None:
        self.push_screen(WorkoutScreen(session, self.options.listeners, muted=self.options.is_muted))

    def on_library_screen_start(self, message: LibraryScreen.Start) -> None:
        self.start_routine(message.entry)

    def on_workout_screen_finished(self, message: WorkoutScreen.Finished) -> None:
        summary = SessionSummary.of(message.session)
        self.pop_screen()
        self.push_screen(SummaryScreen(summary), self._after_summary)

    def _after_summary(self, where: str | None) -> None:
        if where == "quit":
            self.exit("finished")

    def on_workout_screen_quit_requested(self, message: WorkoutScreen.QuitRequested) -> None:
        self.exit("quit")

    def on_workout_screen_mute_toggled(self) -> None:
        if self.options.toggle_mute is None:
            self.notify("Sound is off (--sound off).", timeout=3)
            return
        muted = self.options.toggle_mute()
        self.notify("Muted" if muted else "Sound on", timeout=2)

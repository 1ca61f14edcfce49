"""What `SpinewiseApp` is given from outside: the store, the cues, the clock, the sound,
the first-run state. `spinewise run` fills it; tests fill it the same way, with a
store in memory and a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from tui.core.engine.clock import Clock, MonotonicClock
from tui.core.store.database import NullStore, Store

from .audio.dispatcher import CueDispatcher

if TYPE_CHECKING:
    from .audio.setup import SoundSetup


class AppOptions:
    """What the app is given besides its routines: storage, cues, clock, sound, first-run state.

    A plain class, not a dataclass: making one costs some 2 M instructions at start-up,
    1 in 500 of the first frame, measured with callgrind.
    """

    def __init__(
        self,
        *,
        store: Store | NullStore,
        cues: CueDispatcher | None = None,
        clock: Clock | None = None,
        speed: float = 1.0,
        sound: SoundSetup | None = None,
        notice_seen: Callable[[], None] | None = None,
        notices: Iterable[str] = (),
        checkins: str = "off",
        remember: Callable[..., None] | None = None,
    ) -> None:
        #: Where sessions are kept (`Store.open()`; a `NullStore` when it cannot be opened).
        self.store = store
        #: Plays the cues of every workout, and holds the mute switch.
        self.cues = cues if cues is not None else CueDispatcher()
        self.clock: Clock = clock if clock is not None else MonotonicClock()
        self.speed = speed
        #: The sound and voice choice; applied in a thread after the first frame (probing is slow).
        self.sound = sound
        #: Set on a first run: show the health notice, then call this to remember it was seen.
        self.notice_seen = notice_seen
        #: Messages to show once the interface is up (a database moved aside, a settings problem).
        self.notices = list(notices)
        #: Which pain questions are asked (`settings.CHECKIN_MODES`; `spinewise run`
        #: gives the setting, "before-after" by default; tests ask for them).
        self.checkins = checkins
        #: Saves changed settings (`SoundSetup.remember`), if they are to be saved.
        self.remember = remember

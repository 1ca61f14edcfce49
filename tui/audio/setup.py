"""The person's sound and voice choice: applied to the dispatcher, and remembered.

Probing commands takes a moment, so the app calls `apply` and `change` from a
worker thread, which is also where the players and voices are first imported
(not before the first frame). One lock keeps the start-up probe and a change
made from the palette from overtaking each other, and each applies the latest
choice.
Problems found then or later (a player that stops working mid-session) go to
`warn`, which must be safe to call from any thread.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, NamedTuple

from tui.core.settings import ConfigUnreadable, Settings, save_settings, updated

if TYPE_CHECKING:
    from .dispatcher import CueDispatcher

Warn = Callable[[str], None]


class Said(NamedTuple):
    """What a change of the sound says: `text`, and whether it tells of a `problem`
    (shown longer, as a warning)."""

    text: str
    problem: bool = False


class SoundSetup:
    def __init__(
        self,
        dispatcher: "CueDispatcher",
        settings: Settings,
        *,
        sound: str | None = None,
        voice: bool | None = None,
    ) -> None:
        self.dispatcher = dispatcher
        self.settings = settings
        #: The choices given for this run (the command line's, or the resumed
        #: session's), None where none was: a new session keeps them to resume with.
        self.given_sound, self.given_voice = sound, voice
        #: For this run: the command line's choice, else the saved one.
        self.sound = sound or settings.sound
        self.voice = settings.voice if voice is None else voice
        self._lock = threading.Lock()
        #: Why the voice chosen cannot speak (no working speech engine), as last found;
        #: None when it can, or when it is off or not looked for yet.
        self.no_voice: str | None = None

    def apply(
        self,
        bell: Callable[[], object],
        warn: Warn,
        *,
        player: bool = True,
        voice: bool = True,
        notice: Warn | None = None,
        voice_notice: Warn | None = None,
    ) -> None:
        """Find a player (and a voice, when wanted) for the current choice and use them;
        then a dispatcher waiting for them is attached (`CueDispatcher.attach`).

        A notice about the choice (no working sound player, so the bell) goes to
        `notice` (else `warn`), once: it is remembered in the state folder
        (`settings.remember_notice`), and said again only when it changes (issue
        14: it was said for 8 s on every launch).
        Why the voice chosen cannot speak goes to `voice_notice` (else `warn`), and is
        kept in `no_voice`.
        """
        from .players import choose_player
        from .voice import choose_voice

        with self._lock:
            try:
                if player:
                    found = choose_player(self.sound, bell=bell)
                    found.on_problem = warn
                    old, self.dispatcher.player = self.dispatcher.player, found
                    if old is not None:
                        old.close()
                    self._say_once(found.notice or "", notice or warn)
                if voice:
                    speaker, message = choose_voice() if self.voice else (None, None)
                    if speaker is not None:
                        speaker.on_problem = warn
                    old_voice, self.dispatcher.voice = self.dispatcher.voice, speaker
                    if old_voice is not None:
                        old_voice.stop()
                    self.no_voice = message
                    if message:
                        (voice_notice or warn)(message)
            finally:  # what the session said while they were found is given now
                self.dispatcher.attach()

    def _say_once(self, text: str, say: Warn) -> None:
        """Say `text` unless it was the last notice said; remember it (under the lock)."""
        from tui.core.settings import last_notice, remember_notice

        if text == last_notice(self.settings):
            return
        if text:
            say(text)
        with suppress(OSError):  # not kept: it is said again next time, no worse
            remember_notice(text)  # in the state folder: config.toml is not rewritten

    def change(
        self,
        bell: Callable[[], object],
        warn: Warn,
        *,
        mode: str | None = None,
        voice: bool | None = None,
    ) -> Said:
        """From the palette: switch now, probing only what changed, and save the choice.

        What it says is one true sentence: the choice, whether it was saved, and, when
        the voice is on but no speech engine works, that nothing will be spoken and what
        to install. It said "voice on; saved" in one toast and "voice is off" in
        another (found by a tester).
        """
        with self._lock:
            self.sound = mode or self.sound
            self.voice = self.voice if voice is None else voice
            # the choice for this run now: a session begun after it keeps it
            self.given_sound = mode or self.given_sound
            self.given_voice = self.given_voice if voice is None else voice
        # why the voice cannot speak is said below, in the one sentence, not apart
        self.apply(bell, warn, player=mode is not None, voice=voice is not None,
                   voice_notice=lambda _: None)  # fmt: skip
        said = f"Sound {self.sound}, voice {'on' if self.voice else 'off'}"
        why = self.no_voice if self.voice else None
        try:
            self.remember(sound=self.sound, voice=self.voice)
        except ConfigUnreadable as error:  # a config.toml with an error: never written over
            if why is None:
                return Said(f"{said} for now: {error}.")
            return Said(f"Sound {self.sound}; voice on, but {_lower(why).rstrip('.')}. It holds "
                        f"for now: {error}.", problem=True)  # fmt: skip
        except OSError as error:
            kept = f"not saved: {error.strerror or error}"
            if why is None:
                return Said(f"{said} ({kept})")
            return Said(f"Sound {self.sound}; voice on ({kept}), but {_lower(why)}", problem=True)
        if why is None:
            return Said(f"{said}; saved")
        return Said(f"Sound {self.sound}; voice on (saved as your choice), but {_lower(why)}",
                    problem=True)

    def remember(self, **changes: object) -> None:
        """Save changed settings (raises OSError when they cannot be written)."""
        with self._lock:
            self.settings = updated(self.settings, **changes)
            save_settings(self.settings)

    def remember_notice_seen(self) -> None:
        with suppress(OSError):  # if it cannot be saved, the notice shows again next time
            self.remember(notice_seen=True)


def _lower(sentence: str) -> str:
    """A sentence to go on after "but": its first letter lower case."""
    return sentence[:1].lower() + sentence[1:]

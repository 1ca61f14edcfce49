"""The app's part in sound, kept out of `tui/app.py`.

The command palette's sound mode and voice choices (`SOUND_MODES`), finding a
working player in a thread after the first frame (probing players takes time),
the notice when none works (a line over a workout, where a toast would cover
"Next:"), and the mute key. The cues themselves are in `tui/audio/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand

from tui.core.sound_modes import SOUND_MODES

from .screens.workout import WorkoutScreen

if TYPE_CHECKING:
    from .options import AppOptions


class SoundApp(App[str | None]):
    """The base of `SpinewiseApp` that owns the sound."""

    options: AppOptions

    def on_mount(self) -> None:  # Textual calls it after `SpinewiseApp.on_mount`
        if self.options.sound is not None:
            # Probing players starts processes: not while the first frame is drawn.
            self.call_after_refresh(self._find_player)

    def _warn(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=8, markup=False)

    def sound_commands(self) -> Iterable[SystemCommand]:
        """The palette's sound mode and voice choices (none when sound is off for the run)."""
        if self.options.sound is None:
            return
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
        # one toast, true: no "voice on" beside a "voice is off" (notify is thread-safe)
        self.notify(said.text, severity="warning" if said.problem else "information",
                    timeout=10 if said.problem else 4, markup=False)  # fmt: skip

    @work(thread=True, exit_on_error=False)
    def _find_player(self) -> None:
        assert self.options.sound is not None
        self.options.sound.apply(self.bell, self._warn, notice=self._sound_notice)

    def _sound_notice(self, text: str) -> None:
        """From a thread: over a workout, in a line of its own (a toast covered "Next:")."""
        self.call_from_thread(self._say_beside, text)

    def _say_beside(self, text: str) -> None:
        if isinstance(self.screen, WorkoutScreen):
            self.screen.show_notice(text)
        else:
            self._warn(text)

    def action_toggle_mute(self) -> None:
        """`m`, or the palette: the app owns the sound."""
        muted = self.options.cues.toggle_muted()
        self.notify("Muted" if muted else "Sound on", timeout=2)

    def is_muted(self) -> bool:
        return self.options.cues.muted

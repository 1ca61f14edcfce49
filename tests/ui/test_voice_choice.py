"""The command palette's voice choice when no speech engine is found says one true
thing (found by a tester: "voice on; saved" in one toast beside "voice is off" in
another): saved as the person's choice, nothing will be spoken, and what to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles import FakeClock
from tests.ui.helpers import app_options, entry_for, settle_until
from tui.app import SpinewiseApp
from tui.audio.dispatcher import CueDispatcher
from tui.audio.setup import SoundSetup
from tui.core.settings import load_settings


class QuietPlayer:
    notice = None
    on_problem = None

    def play(self, name: str) -> None:
        pass

    def close(self) -> None:
        pass


async def test_voice_on_without_an_engine_is_one_true_toast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng, espeak or spd-say
    monkeypatch.setattr("tui.audio.players.choose_player", lambda mode, bell: QuietPlayer())
    clock = FakeClock()
    dispatcher = CueDispatcher()
    sound = SoundSetup(dispatcher, load_settings(), sound="bell", voice=False)
    options = app_options(clock, cues=dispatcher, sound=sound)
    app = SpinewiseApp([entry_for()], options=options, start=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_until(app, pilot)
        app.clear_notifications()
        await pilot.pause()
        app._change_sound(voice=True)  # what the palette's "Voice: on" runs
        await settle_until(app, pilot, lambda: app._notifications, what="the toast")
        await settle_until(app, pilot)
        toasts = list(app._notifications)
        assert len(toasts) == 1, [t.message for t in toasts]
        [toast] = toasts
        assert toast.severity == "warning"
        assert toast.message == (
            "Sound bell; voice on (saved as your choice), but no working speech engine (not "
            "found: espeak-ng, espeak, spd-say), so nothing will be spoken. Install espeak-ng "
            "to hear spoken guidance."
        )
        assert load_settings().voice is True

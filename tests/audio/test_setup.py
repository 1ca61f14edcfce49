"""The sound choice applied to the dispatcher, reported when it fails, remembered."""

from __future__ import annotations

from tests.doubles import RecordingPlayer
from tui.audio.dispatcher import CueDispatcher
from tui.audio.setup import SoundSetup
from tui.core.settings import Settings, load_settings


class ClosingPlayer(RecordingPlayer):
    closed = False

    def close(self) -> None:
        self.closed = True


def setup(**kw) -> tuple[SoundSetup, CueDispatcher, list[str]]:
    dispatcher = CueDispatcher(ClosingPlayer())
    return SoundSetup(dispatcher, Settings(), **kw), dispatcher, []


def test_apply_uses_the_choice_and_closes_the_old_player():
    sound, dispatcher, warned = setup(sound="bell", voice=False)
    old = dispatcher.player
    rang = []
    sound.apply(lambda: rang.append(1), warned.append)
    assert old.closed
    dispatcher.player.play("tick")
    assert rang == [1] and warned == []


def test_a_player_that_fails_later_is_reported_once():
    sound, dispatcher, warned = setup(sound="bell", voice=False)
    sound.apply(lambda: None, warned.append)
    dispatcher.player._fail("aplay: exit 1")  # what a player does when a child fails
    dispatcher.player._fail("aplay: exit 1")
    assert warned == ["aplay: exit 1"]


def test_a_change_probes_only_what_changed_and_is_saved():
    sound, dispatcher, warned = setup(sound="bell", voice=False)
    sound.apply(lambda: None, warned.append)
    player = dispatcher.player
    said = sound.change(lambda: None, warned.append, voice=False)
    assert dispatcher.player is player  # the player was not probed again
    assert said == "Sound bell, voice off; saved"
    assert (load_settings().sound, load_settings().voice) == ("bell", False)
    sound.change(lambda: None, warned.append, mode="off")
    assert dispatcher.player is not player and load_settings().sound == "off"


def test_the_notice_is_remembered():
    sound, _, _ = setup()
    sound.remember_notice_seen()
    assert load_settings().notice_seen

"""The sound choice applied to the dispatcher, reported when it fails, remembered."""

from __future__ import annotations

from tests.doubles import RecordingPlayer
from tui.audio.dispatcher import CueDispatcher
from tui.audio.setup import Said, SoundSetup
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
    assert said == Said("Sound bell, voice off; saved")
    assert (load_settings().sound, load_settings().voice) == ("bell", False)
    sound.change(lambda: None, warned.append, mode="off")
    assert dispatcher.player is not player and load_settings().sound == "off"


def test_the_notice_is_remembered():
    sound, _, _ = setup()
    sound.remember_notice_seen()
    assert load_settings().notice_seen


NO_ENGINE = (
    "no working speech engine (not found: espeak-ng, espeak, spd-say), so nothing will be "
    "spoken. Install espeak-ng to hear spoken guidance."
)


def test_voice_on_without_a_speech_engine_is_said_once_and_truly(only_bin_on_path):
    """Found by a tester: the palette said "voice on; saved" in one toast and "voice is
    off" in another. One sentence: the choice is saved, nothing will be spoken, and
    what to install; nothing apart through `warn`."""
    sound, dispatcher, warned = setup(sound="bell", voice=False)
    sound.apply(lambda: None, warned.append)
    said = sound.change(lambda: None, warned.append, voice=True)
    assert said == Said(f"Sound bell; voice on (saved as your choice), but {NO_ENGINE}",
                        problem=True)  # fmt: skip
    assert warned == [] and dispatcher.voice is None
    assert load_settings().voice is True  # the choice is kept for when an engine is there
    # A later change of the sound mode says the voice's state the same way.
    said = sound.change(lambda: None, warned.append, mode="off")
    assert said.text == f"Sound off; voice on (saved as your choice), but {NO_ENGINE}"
    assert sound.change(lambda: None, warned.append, voice=False) == Said(
        "Sound off, voice off; saved"
    )
    assert warned == []


def test_at_start_the_voice_chosen_without_an_engine_is_told_the_same(only_bin_on_path):
    sound, _, warned = setup(sound="bell", voice=True)
    sound.apply(lambda: None, warned.append)
    assert warned == [NO_ENGINE[:1].upper() + NO_ENGINE[1:]]
    assert not any("voice is off" in line for line in warned)


def test_with_a_config_that_cannot_be_saved_the_voice_is_still_told_in_one_sentence(
    only_bin_on_path,
):
    from tui.core import paths

    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('voice = false\nsound = "bell"\nsound = "off"\n')
    where = load_settings().unreadable
    assert where is not None and where.startswith(f"{config}:3:")
    sound = SoundSetup(CueDispatcher(ClosingPlayer()), load_settings(), sound="bell", voice=False)
    warned: list[str] = []
    sound.apply(lambda: None, warned.append)
    said = sound.change(lambda: None, warned.append, voice=True)
    assert said == Said(
        f"Sound bell; voice on, but {NO_ENGINE} It holds for now: it can't be saved until "
        f"the error at {where} is fixed (nothing in the file was changed).",
        problem=True,
    )
    assert warned == [] and "sound = \"off\"" in config.read_text()
    assert sound.change(lambda: None, warned.append, voice=False) == Said(
        f"Sound bell, voice off for now: it can't be saved until the error at {where} "
        "is fixed (nothing in the file was changed)."
    )

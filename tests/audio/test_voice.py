"""Voice: found and probed once, failures read from error output, priorities."""

from __future__ import annotations

import time

from tests.audio.helpers import wait_for
from tests.doubles import RecordingVoice
from tui.audio.cues import Priority
from tui.audio.voice import Voice, choose_voice, speech_failure

NO_DEVICE = (
    "echo \"ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\" >&2\n"
    "echo 'error: No such file or directory' >&2\n"
    "exit 0"
)


def test_an_espeak_ng_that_prints_an_error_and_exits_0_is_failing(script, only_bin_on_path):
    script("espeak-ng", NO_DEVICE)
    voice, message = choose_voice()
    assert voice is None
    assert message is not None
    assert message.startswith("No working speech engine (espeak-ng: error: No such file")
    assert message.endswith("), so nothing will be spoken")


def test_failing_while_speaking_is_reported_once(script):
    problems: list[str] = []
    voice = Voice([str(script("espeak-ng", NO_DEVICE))], on_problem=problems.append)
    assert voice.say("Three", Priority.COUNT)
    wait_for(lambda: problems)
    assert not voice.say("Two", Priority.COUNT)  # a broken voice stays quiet
    assert problems == ["Voice espeak-ng cannot speak (error: No such file or directory):"
                        " nothing more will be spoken"]


def test_a_working_voice_is_chosen_and_speaks_without_blocking(script, only_bin_on_path, tmp_path):
    said = tmp_path / "said"
    script("espeak-ng", f'echo "$@" >> {said}; sleep 2')  # the sleep is stopped too
    start = time.monotonic()
    voice, message = choose_voice(timeout=0.2)  # the probe is a hang: not good enough
    assert voice is None and "no answer" in (message or "")
    script("espeak-ng", f'echo "$@" >> {said}; case "$*" in *Bird*) sleep 2;; esac')
    voice, message = choose_voice()
    assert message is None and voice is not None and voice.name == "espeak-ng"
    start = time.monotonic()
    assert voice.say("Bird dog. Left side. Six reps.", Priority.ANNOUNCE)
    assert time.monotonic() - start < 0.5
    wait_for(lambda: "Bird dog" in said.read_text())
    assert said.read_text().splitlines()[-1] == "-s 150 Bird dog. Left side. Six reps."
    voice.stop()
    assert not voice.speaking
    time.sleep(0.2)
    assert voice.problem is None  # being stopped is not a failure


def test_a_minor_announcement_never_cuts_a_major_one(script, tmp_path):
    said = tmp_path / "said"
    voice = Voice([str(script("talk", f'echo "$@" >> {said}; exec sleep 3'))])
    assert voice.say("Bird dog. Left side. Six reps.", Priority.ANNOUNCE)
    assert not voice.say("Three", Priority.COUNT)  # dropped
    assert voice.say("Workout complete", Priority.FINAL)  # higher replaces
    assert voice.say("Paused", Priority.FINAL)  # equal replaces: the newer is current
    wait_for(lambda: said.exists() and "Paused" in said.read_text())
    assert "Three" not in said.read_text()
    voice.stop()
    assert not voice.speaking
    assert voice.say("One", Priority.COUNT)  # nothing speaking: anything goes
    voice.stop()


def test_a_missing_speech_engine_gives_a_clear_message(only_bin_on_path):
    voice, message = choose_voice()
    assert voice is None
    assert message == (
        "No working speech engine (not found: espeak-ng, espeak, spd-say), so nothing will "
        "be spoken. Install espeak-ng to hear spoken guidance."
    )


def test_speech_failure_reads_exit_codes_and_error_output():
    assert speech_failure(0, "") is None
    assert speech_failure(0, "some harmless note\n") is None
    assert speech_failure(1, "boom\n") == "exit 1: boom"
    assert speech_failure(0, "ALSA lib pcm.c: Unknown PCM default\nerror: no device\n") == (
        "error: no device"
    )


def test_the_recording_voice_keeps_what_was_said():
    voice = RecordingVoice()
    voice.say("Rest, thirty seconds", Priority.CUE)
    voice.stop()
    assert voice.spoken == [("Rest, thirty seconds", Priority.CUE)]
    assert voice.texts == ["Rest, thirty seconds"]
    assert voice.stops == 1

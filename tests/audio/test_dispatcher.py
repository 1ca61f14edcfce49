"""The dispatcher on the real engine and a fake clock: what is heard, and when."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.audio.factories import exercise, plan
from tests.doubles import FakeClock, RecordingPlayer, RecordingVoice
from tui.audio.cues import Priority
from tui.audio.dispatcher import CueDispatcher
from tui.core.engine.events import CountIn, SetDone, StepStarted
from tui.core.engine.session import Session
from tui.core.routine.models import Phase


def routine_plan():
    return plan(
        exercise(reps=(1, 1), sides="both", prepare=5, switch=5, rest=10),
        exercise("Plank", reps=(1,), timing="hold", phases=(Phase("Hold", 10),), prepare=5),
    )


def run(session: Session, clock: FakeClock, dispatcher: CueDispatcher,
        until: float | None = None) -> None:
    """Advance the clock to each deadline the engine names, as the app does."""
    while (due := session.next_due()) is not None and (until is None or due <= until):
        clock.set(due)
        dispatcher.handle(session.advance())


def started(p=None):
    p = p or routine_plan()
    clock = FakeClock()
    player = RecordingPlayer(clock=clock.now)
    voice = RecordingVoice()
    dispatcher = CueDispatcher(player, voice, clock_to_epoch=lambda t: t, plan=p)
    session = Session(p, clock)
    dispatcher.handle(session.start())
    return session, clock, player, voice, dispatcher


TICKS = ["tick"] * 3
REP = ["lower", "hold", "raise"]
EXPECTED = [
    *TICKS,                          # get ready
    *REP, "switch", *TICKS, *REP,    # set 1, left then right
    "set_done", *TICKS,              # rest
    *REP, "switch", *TICKS, *REP,    # set 2
    "exercise_done", *TICKS,         # the plank's get ready
    "hold", *TICKS,                  # a 10 s hold counts in
    "session_done",
]


def test_a_routine_sounds_as_expected_each_cue_at_its_deadline():
    session, clock, player, _, dispatcher = started()
    run(session, clock, dispatcher)
    assert session.finished
    assert player.cues == EXPECTED
    t0 = 1000.0
    times = [t - t0 for _, t in player.played]
    assert times[:7] == [2, 3, 4, 5, 8, 9, 12]  # ticks, then Lower 3, Hold 1, Raise 3, switch


def test_the_voice_guides_the_same_routine():
    session, clock, _, voice, dispatcher = started()
    run(session, clock, dispatcher)
    texts = voice.texts
    assert texts[:5] == ["Bird dog. Left side. One rep.", "Three", "Two", "One", "Left, lower"]
    assert "Hold" not in texts[:6]  # a 1-second hold is too short to name
    assert texts.count("Switch sides") == 2
    assert texts.count("Right, lower") == 2
    assert texts.count("Lower") == 0  # every Lower here begins a side
    assert "Rest, ten seconds" in texts
    assert "Plank. Hold ten seconds." in texts
    assert texts[-1] == "Workout complete"
    assert dict(voice.spoken)["Workout complete"] == Priority.FINAL


def test_mute_stops_cues_and_voice_and_unmute_brings_them_back():
    session, clock, player, voice, dispatcher = started()
    assert dispatcher.toggle_muted() is True
    assert dispatcher.muted
    run(session, clock, dispatcher, until=1005)  # the get-ready, muted
    assert player.cues == []
    assert voice.texts == ["Bird dog. Left side. One rep."]  # said before muting
    assert voice.stops >= 1  # muting cut the speech in progress
    dispatcher.set_muted(False)
    run(session, clock, dispatcher)
    assert player.cues == EXPECTED[4:]  # from the Hold after the first Lower


def test_pause_suppresses_cues_and_resume_restores_them():
    session, clock, player, voice, dispatcher = started()
    clock.advance(1)
    dispatcher.handle(session.pause())
    assert voice.stops == 1  # a pause stops speech
    clock.advance(60)
    dispatcher.handle(session.advance())
    assert player.cues == []
    dispatcher.handle(session.resume())
    run(session, clock, dispatcher)
    assert player.cues == EXPECTED


def test_the_cue_log_has_one_json_line_per_cue_with_due_and_at(tmp_path: Path):
    log = tmp_path / "logs" / "cues.jsonl"
    log.parent.mkdir()
    log.write_text('{"cue": "earlier run"}\n')
    p = routine_plan()
    clock = FakeClock()
    player = RecordingPlayer()
    epoch_at_1000 = 1_700_000_000.0
    dispatcher = CueDispatcher(player, None, lambda t: t - 1000 + epoch_at_1000, log, plan=p)
    session = Session(p, clock)
    dispatcher.handle(session.start())
    before = time.time()
    run(session, clock, dispatcher, until=1005)
    after = time.time()
    dispatcher.set_muted(True)
    run(session, clock, dispatcher, until=1012)  # muted cues are not played, not logged
    dispatcher.close()
    lines = log.read_text().splitlines()
    assert lines[0] == '{"cue": "earlier run"}'  # appended, never truncated
    entries = [json.loads(line) for line in lines[1:]]
    assert [e["cue"] for e in entries] == ["tick", "tick", "tick", "lower"]
    assert [e["due"] for e in entries] == [epoch_at_1000 + s for s in (2, 3, 4, 5)]
    assert all(set(e) == {"cue", "due", "at"} for e in entries)
    assert all(before - 0.01 <= e["at"] <= after + 0.01 for e in entries)
    dispatcher.handle([CountIn(due=2000, seconds=1, index=0)])  # after close: no error


def test_an_instant_already_heard_is_not_heard_again_in_a_later_batch():
    player = RecordingPlayer()
    dispatcher = CueDispatcher(player, clock_to_epoch=lambda t: t)
    p = routine_plan()
    rest = next(s for s in p.steps if s.kind == "rest")
    assert dispatcher.handle([SetDone(due=50, exercise_index=0, set=1)]) == ["set_done"]
    assert dispatcher.handle([StepStarted(due=50, index=9, step=rest)]) == []
    assert dispatcher.handle([CountIn(due=57, seconds=3, index=9)]) == ["tick"]


def test_a_late_flood_is_cut_to_the_newest_moments_when_asked():
    player = RecordingPlayer()
    dispatcher = CueDispatcher(player, clock_to_epoch=lambda t: t, stale_after=1.0)
    flood = [CountIn(due=t, seconds=1, index=0) for t in (10.0, 20.0, 30.0, 30.5)]
    assert dispatcher.handle(flood) == ["tick", "tick"]
    assert [CueDispatcher(RecordingPlayer()).handle(flood)] == [["tick"] * 4]


def test_the_audio_package_and_settings_never_import_textual_or_rich():
    code = (
        "import sys, tui.audio, tui.audio.players, tui.audio.voice, tui.audio.cues, "
        "tui.audio.dispatcher, tui.core.settings; "
        "bad = [m for m in ('textual', 'rich') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

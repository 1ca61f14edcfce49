"""The first cue and the first word (issue 14, item 5): a session starts before
its players are found, so what it says first is held until they are, then
given to them; what has gone stale by then is dropped and logged as dropped.
Stand-ins for `aplay` and `espeak-ng`, first (and only) on PATH, log what
they are given."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audio.helpers import wait_for
from tests.doubles import FakeClock
from tui.audio.dispatcher import CueDispatcher
from tui.audio.setup import SoundSetup
from tui.core.engine.session import Session
from tui.core.plan import build_plan
from tui.core.routine.parse import parse_routine
from tui.core.settings import Settings

ROUTINE = """
name = "First"
[[exercise]]
name = "Plank"
prepare = 0
hold = 5
reps = 3
"""
EPOCH = 1_800_000_000.0


def start_then_attach(tmp_path: Path, script, seconds_to_attach: float):
    given = tmp_path / "given.log"
    script("aplay", f'echo "aplay $*" >> {given}')
    script("espeak-ng", f'echo "espeak-ng $*" >> {given}')
    plan = build_plan(parse_routine(ROUTINE, "first.toml"))
    clock = FakeClock(0.0)
    log = tmp_path / "cues.jsonl"
    dispatcher = CueDispatcher(
        None, None, lambda due: EPOCH + due, log,
        plan=plan, stale_after=1.0, waiting=True, now=clock.now,
    )  # fmt: skip
    session = Session(plan, clock)
    assert dispatcher.handle(session.start()) == []  # no player yet: held, not lost
    clock.advance(seconds_to_attach)
    warned: list[str] = []
    SoundSetup(dispatcher, Settings(), sound="auto", voice=True).apply(lambda: None, warned.append)
    assert warned == [] and not dispatcher.waiting
    return dispatcher, given, log


def cue_files(given: Path) -> list[str]:
    """The sound files aplay was given to play, probes (silence.wav) left out."""
    lines = given.read_text().splitlines() if given.exists() else []
    names = [Path(line.split()[-1]).stem for line in lines if line.startswith("aplay")]
    return [name for name in names if name != "silence"]


def test_the_opening_cue_and_the_first_word_reach_the_players(tmp_path, script, only_bin_on_path):
    dispatcher, given, log = start_then_attach(tmp_path, script, 0.4)
    wait_for(lambda: cue_files(given) == ["hold"])
    wait_for(lambda: any("Plank" in line for line in given.read_text().splitlines()
                         if line.startswith("espeak-ng")))  # fmt: skip
    dispatcher.close()
    (entry,) = [json.loads(line) for line in log.read_text().splitlines()]
    assert (entry["cue"], entry["due"]) == ("hold", EPOCH)
    assert entry["at"] is not None and "dropped" not in entry


def test_a_cue_gone_stale_before_the_players_came_is_dropped_and_logged_so(
    tmp_path, script, only_bin_on_path
):
    dispatcher, given, log = start_then_attach(tmp_path, script, 2.5)
    dispatcher.close()
    assert cue_files(given) == []  # never given to the player...
    (entry,) = [json.loads(line) for line in log.read_text().splitlines()]
    assert entry == {"cue": "hold", "due": EPOCH, "at": None, "dropped": True}  # ...and so logged


def test_without_a_player_nothing_is_logged_as_played(tmp_path):
    log = tmp_path / "cues.jsonl"
    plan = build_plan(parse_routine(ROUTINE, "first.toml"))
    dispatcher = CueDispatcher(None, None, lambda due: due, log, plan=plan)
    dispatcher.handle(Session(plan, FakeClock()).start())
    dispatcher.close()
    assert log.read_text() == ""

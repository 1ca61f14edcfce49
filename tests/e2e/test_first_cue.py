"""The first cue and the first word, end to end (issue 14, item 5): `spinewise
run` with `--sound auto --voice` and stand-ins for `aplay` and `espeak-ng` first
on PATH, which log what they are given. The session starts with the first frame
and the players are found after it: the opening cue and the exercise's name
must still reach them, and the cue log say when they did."""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

ROUTINE = """\
name = "First"

[[exercise]]
name = "Plank"
prepare = 0
hold = 5
reps = 3
"""


def stand_in(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def given_lines(log: Path, player: str) -> list[str]:
    lines = log.read_text().splitlines() if log.exists() else []
    return [line for line in lines if line.startswith(player)]


def wait_for(test, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.1)


def test_the_opening_cue_and_the_first_word_reach_the_players(spinewise):
    bin_dir = spinewise.workdir / "bin"
    bin_dir.mkdir()
    given = spinewise.workdir / "given.log"
    for player in ("pw-play", "paplay"):  # found first if installed: refused here
        stand_in(bin_dir, player, "exit 1")
    stand_in(bin_dir, "aplay", f'echo "aplay $*" >> {given}')
    stand_in(bin_dir, "espeak-ng", f'echo "espeak-ng $*" >> {given}')
    spinewise.env["PATH"] = f"{bin_dir}{os.pathsep}{spinewise.env['PATH']}"
    routine = spinewise.write_routine("first.toml", ROUTINE)
    cue_log = spinewise.workdir / "cues.jsonl"
    spinewise.start([str(spinewise.script), "run", str(routine), "--sound", "auto", "--voice",
                     "--cue-log", str(cue_log)])  # fmt: skip

    def cues() -> list[str]:
        names = [Path(line.split()[-1]).stem for line in given_lines(given, "aplay")]
        return [name for name in names if name != "silence"]  # the probe's silence

    wait_for(lambda: "hold" in cues(), "the opening cue")
    assert cues()[0] == "hold"
    def named() -> bool:  # the exercise is named, not first heard at "Three"
        return any("Plank" in line for line in given_lines(given, "espeak-ng"))

    wait_for(named, "the exercise's name spoken")
    spinewise.send("q")
    assert spinewise.wait_exit() == 0
    first = json.loads(cue_log.read_text().splitlines()[0])
    assert first["cue"] == "hold" and "dropped" not in first
    assert first["at"] >= first["due"]  # when the player was given it, not before

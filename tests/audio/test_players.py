"""Players: never block, never raise, report a failure exactly once."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.audio.helpers import wait_for
from tests.doubles import RecordingPlayer
from tui.audio.players import (
    BellPlayer,
    CuePlayer,
    NullPlayer,
    SystemPlayer,
    choose_player,
)
from tui.core.paths import sounds_dir


class Bell:
    def __init__(self) -> None:
        self.rings = 0

    def __call__(self) -> None:
        self.rings += 1


def test_a_player_that_exits_1_is_reported_once_and_playing_goes_on(script):
    failing = script("fakeplay", "echo 'cannot open audio device' >&2; exit 1")
    problems: list[str] = []
    player = SystemPlayer([str(failing)], on_problem=problems.append)
    for _ in range(5):
        player.play("tick")
    wait_for(lambda: problems)
    for _ in range(5):
        player.play("tick")
    time.sleep(0.2)  # give any further child a chance to be (wrongly) reported
    assert problems == [player.problem]
    assert "fakeplay failed (exit 1): cannot open audio device" in problems[0]


def test_a_player_that_does_not_exist_is_reported_once(tmp_path: Path):
    problems: list[str] = []
    player = SystemPlayer([str(tmp_path / "no-such-player")], on_problem=problems.append)
    for _ in range(10):
        player.play("tick")
    assert len(problems) == 1
    assert "no-such-player cannot run" in problems[0]


def test_a_problem_found_before_anyone_listened_is_delivered_once_on_subscribing(tmp_path):
    player = SystemPlayer([str(tmp_path / "nothing")])
    player.play("tick")
    assert player.problem
    problems: list[str] = []
    player.on_problem = problems.append
    player.play("go")
    player.on_problem = problems.append
    assert problems == [player.problem]


def test_a_working_player_gets_the_cue_file_and_does_not_block(script, tmp_path):
    argv_file = tmp_path / "argv"
    slow = script("slowplay", f'echo "$@" > {argv_file}; exec sleep 2')
    problems: list[str] = []
    player = SystemPlayer([str(slow), "-q"], on_problem=problems.append)
    start = time.monotonic()
    player.play("lower")
    assert time.monotonic() - start < 0.5
    wait_for(lambda: argv_file.exists() and argv_file.read_text())
    assert argv_file.read_text().split() == ["-q", str(sounds_dir() / "lower.wav")]
    assert (sounds_dir() / "lower.wav").is_file()
    player.close()
    assert problems == []


def test_close_stops_what_is_still_playing_and_is_not_a_failure(script, tmp_path):
    pid_file = tmp_path / "pid"
    player = SystemPlayer([str(script("long", f"echo $$ > {pid_file}; exec sleep 5"))])
    player.play("session_done")
    wait_for(lambda: pid_file.exists() and pid_file.read_text().strip())
    pid = int(pid_file.read_text())
    player.close()

    def gone() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    wait_for(gone)  # stopped and reaped: no zombie left behind
    time.sleep(0.05)
    assert player.problem is None


def test_a_player_that_worked_survives_one_failure(script, tmp_path):
    flag = tmp_path / "fail-now"
    flaky = script("flaky", f"[ -e {flag} ] && exit 1; exit 0")
    player = SystemPlayer([str(flaky)])
    assert player.probe() is None
    flag.touch()
    player.play("tick")
    time.sleep(0.3)
    assert player.problem is None
    for _ in range(SystemPlayer.FAILS_IN_A_ROW):
        player.play("tick")
    wait_for(lambda: player.problem)


def test_the_probe_reports_exit_codes_missing_commands_and_hangs(script, tmp_path):
    assert SystemPlayer([str(script("ok", "exit 0"))]).probe() is None
    assert SystemPlayer([str(script("bad", "exit 1"))]).probe() == "exit 1"
    assert SystemPlayer([str(tmp_path / "missing")]).probe() == "not found"
    hangs = SystemPlayer([str(script("hangs", "exec sleep 5"))])
    start = time.monotonic()
    assert hangs.probe(timeout=0.3) == "no answer in 0.3 s"
    assert time.monotonic() - start < 2


def test_auto_falls_back_to_the_bell_when_every_player_exits_1(script, only_bin_on_path):
    for name in ("pw-play", "paplay", "aplay"):
        script(name, "exit 1")
    bell = Bell()
    chosen = choose_player("auto", bell)
    assert isinstance(chosen.active, BellPlayer)
    assert chosen.name == "bell"
    assert chosen.notice == (
        "No working sound player (pw-play: exit 1; paplay: exit 1; aplay: exit 1):"
        " using the terminal bell"
    )
    chosen.play("tick")
    chosen.play("lower")
    assert bell.rings == 2


def test_auto_with_no_player_installed_says_so(only_bin_on_path):
    chosen = choose_player("auto", Bell())
    assert chosen.name == "bell"
    assert "not found: pw-play, paplay, aplay" in (chosen.notice or "")


def test_beep_also_falls_back_to_the_bell_with_a_notice(only_bin_on_path):
    chosen = choose_player("beep", Bell())
    assert chosen.name == "bell" and chosen.notice


def test_auto_skips_a_failing_player_for_a_working_one(script, only_bin_on_path):
    script("pw-play", "exit 1")
    script("paplay", "exit 0")
    chosen = choose_player("auto", Bell())
    assert isinstance(chosen.active, SystemPlayer)
    assert chosen.name == "paplay"
    assert chosen.notice is None


def test_bell_off_and_unknown_modes():
    bell = Bell()
    chosen = choose_player("bell", bell)
    chosen.play("tick")
    assert (chosen.name, chosen.notice, bell.rings) == ("bell", None, 1)
    assert isinstance(choose_player("off", bell).active, NullPlayer)
    assert choose_player("auto", None, path="").name == "off"  # no bell to fall back on
    with pytest.raises(ValueError):
        choose_player("loud", bell)


def test_a_system_player_failing_mid_session_hands_over_to_the_bell(script):
    failing = SystemPlayer([str(script("dies", "exit 1"))])
    bell = Bell()
    problems: list[str] = []
    chosen = CuePlayer(failing, BellPlayer(bell))
    chosen.on_problem = problems.append
    chosen.play("tick")
    wait_for(lambda: problems)
    assert problems[0].endswith("dies failed (exit 1): using the terminal bell")
    for _ in range(3):
        chosen.play("tick")
    assert bell.rings == 3
    assert len(problems) == 1


def test_a_bell_that_raises_is_reported_once():
    def broken() -> None:
        raise RuntimeError("no terminal")

    problems: list[str] = []
    player = BellPlayer(broken)
    player.on_problem = problems.append
    for _ in range(3):
        player.play("tick")
    assert problems == ["The terminal bell failed: no terminal"]


def test_the_recording_player_keeps_cues_and_times():
    now = iter([1.0, 2.5])
    player = RecordingPlayer(clock=lambda: next(now))
    player.play("tick")
    player.play("go")
    assert player.played == [("tick", 1.0), ("go", 2.5)]
    assert player.cues == ["tick", "go"]

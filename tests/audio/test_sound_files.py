"""The committed cues are what `sounds/generate.py` makes, and they are sane."""

from __future__ import annotations

import struct
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import pytest

from tui.audio.cues import CUES
from tui.core.paths import sounds_dir

SOUNDS = sounds_dir()


def test_the_generator_reproduces_the_committed_files_byte_for_byte(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, str(SOUNDS / "generate.py"), str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    made = sorted(p.name for p in tmp_path.glob("*.wav"))
    committed = sorted(p.name for p in SOUNDS.glob("*.wav"))
    assert made == committed == sorted(f"{cue}.wav" for cue in CUES)
    for name in made:
        assert (tmp_path / name).read_bytes() == (SOUNDS / name).read_bytes(), name


def test_the_generator_writes_beside_itself_by_default(tmp_path: Path):
    copy = tmp_path / "generate.py"
    copy.write_bytes((SOUNDS / "generate.py").read_bytes())
    subprocess.run([sys.executable, str(copy)], check=True)
    assert (tmp_path / "tick.wav").read_bytes() == (SOUNDS / "tick.wav").read_bytes()


def samples(path: Path) -> tuple[Any, list[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    return params, list(struct.unpack(f"<{params.nframes}h", frames))


@pytest.mark.parametrize("cue", CUES)
def test_each_cue_is_short_soft_mono_16_bit_and_starts_and_ends_in_silence(cue: str):
    params, data = samples(SOUNDS / f"{cue}.wav")
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)
    seconds = params.nframes / params.framerate
    assert 0.03 < seconds < 0.5
    peak = max(abs(v) for v in data)
    assert 2000 < peak < 16000  # audible, never harsh or clipped
    # faded in and out: no click at either end
    assert max(abs(v) for v in data[:3]) < 200
    assert max(abs(v) for v in data[-3:]) < 200


def test_the_tick_is_about_sixty_milliseconds():
    params, _ = samples(SOUNDS / "tick.wav")
    assert params.nframes / params.framerate == pytest.approx(0.06, abs=0.01)


def test_the_cues_all_differ_and_stay_small_together():
    contents = [(SOUNDS / f"{cue}.wav").read_bytes() for cue in CUES]
    assert len(set(contents)) == len(CUES)
    assert sum(len(c) for c in contents) < 150_000

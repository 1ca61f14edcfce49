"""Write spinewise's sound cues: small, soft, distinct WAV files.

    python sounds/generate.py [OUTDIR]     (default: the folder of this script)

Standard library only (`wave`, `math`, `struct`). The output is deterministic:
no randomness, no timestamps, so a test can run this script and compare the
result with the committed files byte for byte.

Every cue is 16-bit mono at 22050 Hz, well under half a second, built from
sine partials with a raised-cosine fade in and out (no clicks).
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
#: Peak level of one note at amp=1.0, as a fraction of full scale (soft).
LEVEL = 0.30
#: Partials of a warm, slightly bell-like tone: (multiple, weight).
WARM = ((1, 1.0), (2, 0.22), (3, 0.06))
PURE = ((1, 1.0),)

# Note frequencies (Hz).
E4, G4, A4, B4 = 329.63, 392.00, 440.00, 493.88
C5, D5, E5, G5, A5 = 523.25, 587.33, 659.26, 783.99, 880.00
C6 = 1046.50


def note(
    f0: float,
    seconds: float,
    *,
    f1: float | None = None,
    amp: float = 1.0,
    decay: float = 0.0,
    attack: float = 0.006,
    release: float = 0.030,
    partials: tuple[tuple[int, float], ...] = WARM,
) -> list[float]:
    """One note as floats in -1..1; `f1` makes an exponential glide from f0."""
    n = round(seconds * RATE)
    end = f0 if f1 is None else f1
    norm = sum(weight for _, weight in partials)
    phase = 0.0
    out: list[float] = []
    for i in range(n):
        t = i / RATE
        freq = f0 * (end / f0) ** (i / n)
        phase += 2 * math.pi * freq / RATE
        value = sum(w * math.sin(k * phase) for k, w in partials) / norm
        env = math.exp(-decay * t)
        if t < attack:
            env *= 0.5 - 0.5 * math.cos(math.pi * t / attack)
        left = (n - 1 - i) / RATE
        if left < release:
            env *= 0.5 - 0.5 * math.cos(math.pi * left / release)
        out.append(value * env * amp * LEVEL)
    return out


def sequence(*parts: tuple[float, list[float]]) -> list[float]:
    """Mix notes placed at start times (seconds) into one buffer."""
    length = max(round(start * RATE) + len(samples) for start, samples in parts)
    buf = [0.0] * length
    for start, samples in parts:
        offset = round(start * RATE)
        for i, value in enumerate(samples):
            buf[offset + i] += value
    return buf


def cues() -> dict[str, list[float]]:
    return {
        # A short soft woodblock-like tick for the last three seconds.
        "tick": note(1318.5, 0.060, amp=0.75, decay=35, attack=0.002, release=0.020, partials=PURE),
        # Phase changes: a glide down, a glide up, a steady tone.
        "lower": note(E5, 0.30, f1=G4, decay=2),
        "raise": note(G4, 0.30, f1=E5, decay=2),
        "hold": note(C5, 0.30, amp=0.8, release=0.08, partials=PURE),
        "go": note(G5, 0.15, decay=8),
        # Rest: two soft low notes, falling.
        "rest": sequence((0.0, note(A4, 0.16, amp=0.8, decay=4)),
                         (0.16, note(E4, 0.20, amp=0.8, decay=5))),
        # Set done: two notes rising a fifth.
        "set_done": sequence((0.0, note(C5, 0.11, decay=6)), (0.11, note(G5, 0.14, decay=8))),
        # Exercise done: a ringing major chord.
        "exercise_done": sequence((0.0, note(C5, 0.34, amp=0.5, decay=6)),
                                  (0.0, note(E5, 0.34, amp=0.4, decay=6)),
                                  (0.0, note(G5, 0.34, amp=0.4, decay=6))),
        # Session done: a short rising arpeggio that rings on its top note.
        "session_done": sequence((0.00, note(C5, 0.09, decay=6)),
                                 (0.09, note(E5, 0.09, decay=6)),
                                 (0.18, note(G5, 0.09, decay=6)),
                                 (0.27, note(C6, 0.18, amp=0.9, decay=7))),
        # Switch sides: two notes alternating.
        "switch": sequence((0.00, note(E5, 0.07)), (0.07, note(C5, 0.07)),
                           (0.14, note(E5, 0.07)), (0.21, note(C5, 0.07))),
        # "This hurts": two soft, low, slightly dissonant pulses.
        "alert": sequence((0.00, note(B4, 0.14, f1=A4, decay=3)),
                          (0.20, note(B4, 0.14, f1=A4, decay=3))),
    }


def to_bytes(samples: list[float]) -> bytes:
    clipped = (max(-1.0, min(1.0, value)) for value in samples)
    return b"".join(struct.pack("<h", round(v * 32767)) for v in clipped)


def write_wav(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(to_bytes(samples))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0]) if args else Path(__file__).resolve().parent
    outdir.mkdir(parents=True, exist_ok=True)
    for name, samples in cues().items():
        write_wav(outdir / f"{name}.wav", samples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Issue 5: are cues on time, and do they stay on time over a session?

Runs a two-minute routine (tempo reps, holds, sides, rests, count-ins) in real
time in tmux with `--sound bell --cue-log FILE`, then reads the log: one line
per cue, `{"cue", "due", "at"}`, lateness = at - due.

Targets: median under 20 ms, worst under 60 ms, no growth over the session
(second-half median no more than 5 ms above the first-half median).

Run: python tests/bench/bench_cues.py [--speed F]   (F > 1 shortens it, for a try)
"""

from __future__ import annotations

import argparse
import json

from benchlib import median, percentile, private_home, spinewise_in_tmux

#: 5 + 2 x 32 + 5 + 5 + (18 + 5 + 18) = 120 s.
ROUTINE = """\
name = "Cue timing"

[defaults]
prepare = 5
rest = 5

[[exercise]]
name = "Slow bridge"
sets = 2
reps = 4
tempo = "3-2-3"
phases = ["Lower", "Hold", "Raise"]

[[exercise]]
name = "Side plank"
sides = "both"
reps = 2
hold = 8
rep_rest = 2
"""

GROWTH_MS = 5.0


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of ys over xs."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speed", type=float, default=1.0)
    args = parser.parse_args()

    home = private_home()
    app = spinewise_in_tmux(home, "bench-cues")
    routine = app.write_routine("cues.toml", ROUTINE)
    plan = app.plan(routine)
    log = home / "cues.jsonl"
    length = plan["total_seconds"] / args.speed
    print(
        f"following a {plan['total_seconds']} s routine at speed {args.speed:g} "
        f"({length:.0f} s)...",
        flush=True,
    )
    try:
        app.start(
            [
                str(app.script),
                "run",
                str(routine),
                "--speed",
                str(args.speed),
                "--sound",
                "bell",
                "--cue-log",
                str(log),
            ],
            width=100,
            height=30,
        )
        app.wait_for("Workout complete", timeout=length + 60)
        app.send("q")
        app.wait_exit()
    finally:
        app.close()

    cues = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    if len(cues) < 10:
        raise SystemExit(f"only {len(cues)} cues logged: {cues}")
    cues.sort(key=lambda c: c["due"])
    late = [(c["at"] - c["due"]) * 1000 for c in cues]
    half = len(late) // 2
    first, second = median(late[:half]), median(late[half:])
    per_minute = slope([c["due"] - cues[0]["due"] for c in cues], late) * 60
    kinds = sorted({c["cue"] for c in cues})
    print(f"{len(cues)} cues ({', '.join(kinds)})")
    print(
        f"lateness: median {median(late):.1f} ms (target < 20), "
        f"p95 {percentile(late, 95):.1f} ms, worst {max(late):.1f} ms (target < 60), "
        f"earliest {min(late):.1f} ms"
    )
    grows = second - first > GROWTH_MS
    print(
        f"growth: first-half median {first:.1f} ms, second-half median {second:.1f} ms; "
        f"trend {per_minute:+.2f} ms per minute -> {'GROWS' if grows else 'no growth'}"
    )
    ok = median(late) < 20 and max(late) < 60 and not grows
    print(f"targets: {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()

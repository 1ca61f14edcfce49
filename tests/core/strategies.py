"""Hypothesis strategies for the values a routine may hold, inside and outside the limits.

`durations()` writes a duration the ways people do (a number, "45s", "1:30"),
`exercise_bodies()` an `[[exercise]]` table within the limits of `limits.py`,
`out_of_range()` a key and a value that `check` must refuse.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tui.core.routine.limits import MAX_PHASES, MAX_REPS, MAX_SETS, MAX_STEP_SECONDS


def _clock(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


def durations(low: int = 0, high: int = MAX_STEP_SECONDS) -> st.SearchStrategy[str]:
    """A TOML duration (the text after `key = `) of `low` to `high` whole seconds."""
    whole = st.integers(low, high)
    return st.one_of(
        whole.map(str),
        whole.map(lambda s: f'"{s}s"'),
        whole.map(lambda s: f'"{_clock(s)}"'),
        whole.map(lambda s: f"{s}.0"),
    )


@st.composite
def exercise_bodies(draw: st.DrawFn, *, short: bool = False) -> str:
    """The body of one `[[exercise]]` table within every per-value limit.

    With `short`, its sizes stay small enough for many to fit one session.
    """
    reps_high, sets_high, secs_high = (5, 3, 20) if short else (MAX_REPS, MAX_SETS, 600)
    lines = ['name = "Generated"']
    timing = draw(st.sampled_from(["hold", "duration", "tempo", "self_paced"]))
    if timing == "tempo":
        count = draw(st.integers(1, min(4, MAX_PHASES) if short else MAX_PHASES))
        parts = draw(st.lists(st.integers(0, secs_high), min_size=count, max_size=count))
        if sum(parts) == 0:
            parts[0] = 1
        lines.append(f'tempo = "{"-".join(map(str, parts))}"')
        if count > 4:
            names = ", ".join(f'"P{i}"' for i in range(count))
            lines.append(f"phases = [{names}]")
    elif timing == "self_paced":
        lines.append("self_paced = true")
    else:
        lines.append(f"{timing} = {draw(durations(1, secs_high))}")
    if draw(st.booleans()):
        reps = draw(st.lists(st.integers(1, reps_high), min_size=1, max_size=sets_high))
        lines.append(f"reps = {reps}")
    else:
        lines.append(f"reps = {draw(st.integers(1, reps_high))}")
        lines.append(f"sets = {draw(st.integers(1, sets_high))}")
    lines.append(f'sides = "{draw(st.sampled_from(["none", "both", "alternate"]))}"')
    for key in ("prepare", "rest", "switch", "rep_rest"):
        if draw(st.booleans()):
            lines.append(f"{key} = {draw(durations(0, secs_high))}")
    return "\n".join(lines) + "\n"


def out_of_range() -> st.SearchStrategy[tuple[str, str]]:
    """(key, TOML value) pairs just or far outside a limit, or not finite."""
    too_long = st.integers(MAX_STEP_SECONDS + 1, 10**18)
    step_keys = st.sampled_from(["hold", "duration", "prepare", "rest", "switch", "rep_rest"])
    return st.one_of(
        st.tuples(st.just("reps"), st.integers(MAX_REPS + 1, 2**64).map(str)),
        st.tuples(st.just("sets"), st.integers(MAX_SETS + 1, 2**64).map(str)),
        st.tuples(step_keys, too_long.map(str)),
        st.tuples(step_keys, too_long.map(lambda s: f'"{s}s"')),
        st.tuples(step_keys, st.integers(MAX_STEP_SECONDS // 3600 + 1, 10**6).map(
            lambda h: f'"{h}h"')),
        st.tuples(step_keys, st.sampled_from(["1e308", "inf", "nan", "-inf", f'"{"9" * 400}"'])),
        st.tuples(st.just("tempo"), st.integers(MAX_PHASES + 1, 200).map(
            lambda n: '"' + "-".join(["1"] * n) + '"')),
    )

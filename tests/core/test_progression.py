"""Progression (issue 16): `[exercise.progress]` and its errors, the dose at each
stage (with hypothesis: never above max, a pyramid keeps its shape, red never
moves up, reset returns the dose written) and the rules that read a session."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.routine_helpers import library, one_exercise, problems
from tui.core.programme.dose import dose_at, top_stage
from tui.core.programme.progression import Evidence, Rule, Stage, apply, judge, reset
from tui.core.programme.stages import exercise_keys, read_started, staged, stages_json, starting
from tui.core.programme.zones import Change
from tui.core.routine.models import Exercise
from tui.core.routine.parse import parse_routine

PYRAMID = """
use = "pyramid-curl"
[exercise.progress]
add = "reps"
by = 1
every = 2
max = [10, 8, 6]
"""


def grown(body: str = PYRAMID, lib=None) -> Exercise:
    return one_exercise(body, lib or library())


# -- the format ------------------------------------------------------------------


def test_a_pyramid_progresses_by_one_rep_a_set_and_keeps_its_shape():
    ex = grown()
    assert ex.progress is not None and ex.progress.cap == (10, 8, 6)
    assert [dose_at(ex, s).reps for s in range(top_stage(ex) + 1)] == [
        (6, 4, 2), (7, 5, 3), (8, 6, 4), (9, 7, 5), (10, 8, 6)
    ]  # fmt: skip
    assert dose_at(ex, 99).reps == (10, 8, 6)
    assert dose_at(ex, -3) is ex


def test_one_max_for_reps_caps_every_set_and_then_switches_exercise():
    ex = grown(
        """
        name = "Squat"
        sets = 2
        reps = 8
        self_paced = true
        [exercise.progress]
        add = "reps"
        by = 2
        every = 1
        max = 11
        then = "pyramid-curl"
        """
    )
    assert top_stage(ex) == 3  # 8, 10, 11 (capped), then the pyramid curl-up
    assert [dose_at(ex, s).reps for s in range(3)] == [(8, 8), (10, 10), (11, 11)]
    then = dose_at(ex, 3)
    assert (then.name, then.reps, then.use) == ("Pyramid curl-up", (6, 4, 2), "pyramid-curl")


def test_sets_and_hold_and_duration_grow():
    sets = grown('name = "Row"\nreps = [8, 6]\nhold = 2\n[exercise.progress]\nadd = "sets"\n'
                 "by = 1\nevery = 2\nmax = 4\n")  # fmt: skip
    assert [dose_at(sets, s).reps for s in range(3)] == [(8, 6), (8, 6, 6), (8, 6, 6, 6)]
    hold = grown('name = "Plank"\nreps = 3\nhold = 10\n[exercise.progress]\nadd = "hold"\n'
                 'by = "5s"\nevery = 2\nmax = 22\n')  # fmt: skip
    assert [dose_at(hold, s).rep_seconds for s in range(4)] == [10, 15, 20, 22]
    assert dose_at(hold, 2).reps == (3,) and dose_at(hold, 2).phases[0].name == "Hold"
    flow = grown('name = "Flow"\nduration = "1m"\n[exercise.progress]\nadd = "duration"\n'
                 "by = 30\nevery = 3\nmax = 120\n")  # fmt: skip
    assert [dose_at(flow, s).rep_seconds for s in range(3)] == [60, 90, 120]


TEXT = """\
name = "R"
[[exercise]]
use = "pyramid-curl"
[exercise.progress]
add = "repz"
by = 0
every = 0
max = "abc"
then = 3
wat = 1
"""


def test_every_key_is_checked_with_its_line_and_column():
    assert problems(TEXT, library()) == [
        'r.toml:5:7: exercise[1].progress.add: expected "reps", "sets", "hold" or "duration", '
        'got "repz"; did you mean "reps"?',
        "r.toml:6:6: exercise[1].progress.by: expected a number greater than 0, got 0",
        "r.toml:7:9: exercise[1].progress.every: expected an integer >= 1, got 0",
        'r.toml:8:7: exercise[1].progress.max: expected a duration such as 30 or "45s", got "abc"',
        "r.toml:9:8: exercise[1].progress.then: expected a string, got 3",
        "r.toml:10:1: exercise[1].progress.wat: unknown key; expected one of add, by, every, "
        "max, then",
    ]


def _one(body: str, at_line: int = 5) -> list[str]:
    text = f'name = "R"\n[[exercise]]\nuse = "pyramid-curl"\n[exercise.progress]\n{body}'
    return problems(text, library())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('add = "reps"\nby = 1\nevery = 2\nmax = [10, 4, 6]\n',
         "r.toml:8:1: exercise[1].progress.max: expected caps in the shape of reps = [6, 4, 2]: "
         "a set with more reps needs a cap at least as high, equal sets equal caps"),
        ('add = "reps"\nby = 1\nevery = 2\nmax = [10, 3, 2]\n',
         "r.toml:8:7: exercise[1].progress.max: max is below the reps written (6-4-2), got "
         "[10, 3, 2]"),
        ('add = "reps"\nby = 1\nevery = 2\nmax = [10, 8]\n',
         "r.toml:8:7: exercise[1].progress.max: expected 3 entries (one per set of reps), got 2"),
        ('add = "reps"\nby = 1\nevery = 2\nmax = [8, 9, 6]\n',
         "r.toml:8:1: exercise[1].progress.max: expected caps in the shape of reps = [6, 4, 2]: "
         "a set with more reps needs a cap at least as high, equal sets equal caps"),
        ('add = "reps"\nby = 1.5\nevery = 2\nmax = 10\n',
         "r.toml:6:6: exercise[1].progress.by: expected a whole number of reps, got 1.5"),
        ('add = "duration"\nby = 1\nevery = 2\nmax = 10\n',
         'r.toml:5:1: exercise[1].progress.add: add = "duration" needs duration written on the '
         "exercise; this one has hold"),
        ('add = "hold"\nby = 1\nevery = 2\nmax = 5\n',
         "r.toml:8:7: exercise[1].progress.max: max is below the hold written (10 s), got 5"),
        ('add = "sets"\nby = 1\nevery = 2\nmax = 2\n',
         "r.toml:8:7: exercise[1].progress.max: max is below the sets written (3), got 2"),
        ('add = "reps"\nby = 1\nevery = 2\nmax = 10\nthen = "dead-bugg"\n',
         'r.toml:9:8: exercise[1].progress.then: no exercise "dead-bugg" in the library; did '
         'you mean "dead-bug"?'),
        ('add = "reps"\nby = 1\nmax = 10\n',
         "r.toml:4:1: exercise[1].progress: missing every; such as add = \"reps\", by = 1, "
         "every = 2, max = 10"),
    ],
)  # fmt: skip
def test_the_checks_against_the_exercise_name_the_key(body, expected):
    assert _one(body) == [expected]


def test_add_reps_needs_reps_written():
    found = problems('name = "R"\n[[exercise]]\nname = "Plank"\nhold = 20\n[exercise.progress]\n'
                     'add = "reps"\nby = 1\nevery = 2\nmax = 5\n')  # fmt: skip
    assert found == [
        'r.toml:6:1: exercise[1].progress.add: add = "reps" needs reps written on the exercise '
        "(or its library entry)"
    ]


def test_a_progression_is_held_to_the_session_limits_at_its_top():
    found = problems('name = "R"\n[[exercise]]\nname = "Long"\nhold = 3000\n[exercise.progress]\n'
                     'add = "hold"\nby = 300\nevery = 2\nmax = 3600\n[[exercise]]\nname = "B"\n'
                     "hold = 3600\nreps = 3\n")  # fmt: skip
    assert found and "at the top of its progression (max)" in found[0]


def test_a_library_entry_has_no_progression():
    from tui.core.routine.exercise_library import parse_exercise_library
    from tui.core.routine.problems import RoutineError

    with pytest.raises(RoutineError, match="progress: unknown key"):
        parse_exercise_library('[x]\nname = "X"\nhold = 5\n[x.progress]\nadd = "reps"\n', "e.toml")


# -- the dose, as properties -------------------------------------------------------


@st.composite
def pyramids(draw) -> tuple[Exercise, int]:
    reps = sorted(draw(st.lists(st.integers(1, 30), min_size=1, max_size=6)), reverse=True)
    extra = draw(st.integers(0, 20))
    caps = []
    for r in reps:  # caps that keep the shape: never below the set, ordered like it
        low = max(r, caps[-1] if caps and r == reps[len(caps) - 1] else r)
        caps.append(max(low, min(caps[-1], r + extra) if caps else r + extra))
    caps = [c if i == 0 or reps[i] != reps[i - 1] else caps[i - 1] for i, c in enumerate(caps)]
    by = draw(st.integers(1, 5))
    body = (f"name = \"P\"\nreps = {reps}\nhold = 2\n[exercise.progress]\nadd = \"reps\"\n"
            f"by = {by}\nevery = 2\nmax = {caps}\n")  # fmt: skip
    return one_exercise(body), draw(st.integers(-5, 40))


@given(pyramids())
def test_never_above_max_and_a_pyramid_keeps_its_shape(case):
    ex, stage = case
    assert ex.progress is not None
    reps = dose_at(ex, stage).reps
    assert len(reps) == ex.sets
    assert all(r <= c for r, c in zip(reps, ex.progress.cap, strict=True))
    assert all(r >= w for r, w in zip(reps, ex.reps, strict=True))
    for i in range(ex.sets):
        for j in range(ex.sets):
            if ex.reps[i] > ex.reps[j]:
                assert reps[i] >= reps[j]
            if ex.reps[i] == ex.reps[j]:
                assert reps[i] == reps[j]
    assert dose_at(ex, top_stage(ex)).reps == tuple(int(c) for c in ex.progress.cap)


RULES = [Rule.SETTLED, Rule.RED, Rule.HURT, Rule.SHARP, Rule.WAIT, Rule.HELD, Rule.PREVIEW]


@given(st.integers(0, 10), st.integers(0, 5), st.integers(1, 5), st.integers(0, 10),
       st.sampled_from(RULES))  # fmt: skip
def test_red_never_moves_up_nothing_passes_the_top_and_reset_returns_the_dose_written(
    stage, settled, every, top, rule
):
    stage = min(stage, top)
    state = Stage(stage, settled)
    from tui.core.programme.progression import Verdict

    decision = apply(state, Verdict(rule, "why"), every=every, top=top)
    assert 0 <= decision.after.stage <= top
    if rule is Rule.RED:
        assert decision.after.stage == max(0, stage - 1) and decision.after.settled == 0
    elif rule is not Rule.SETTLED:
        assert decision.after == state
    else:
        assert decision.after.stage in (stage, stage + 1)
    assert reset(state).after == Stage(0, 0)


# -- the rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("evidence", "rule", "words"),
    [
        (Evidence(done=True, pain_after=2), Rule.SETTLED, "pain after 2"),
        (Evidence(done=True, pain_after=5), Rule.WAIT, "counts if tomorrow is not worse"),
        (Evidence(done=True, pain_after=5, next_day=Change.SAME), Rule.SETTLED, "same the next"),
        (Evidence(done=True, pain_after=2, next_day=Change.WORSE), Rule.RED, "worse the next day"),
        (Evidence(done=True, pain_after=6), Rule.RED, "pain 6 after"),
        (Evidence(done=True, hurt=True, pain_during=7, pain_after=1), Rule.RED, "pain 7 during"),
        (Evidence(done=True, hurt=True, pain_after=1), Rule.HURT, "! was pressed"),
        (Evidence(done=True, sharp=True, pain_after=1), Rule.SHARP, "sharp or radiating"),
        (Evidence(done=False, pain_after=1), Rule.NOT_DONE, "not done"),
        (Evidence(done=True, pain_elsewhere=8, pain_after=1), Rule.RED_ELSEWHERE, "another"),
        (Evidence(done=True, pain_after=1, preview=True), Rule.PREVIEW, "preview"),
        # a preview moves nothing, not even back (issue 15): its dose was not the dose
        (Evidence(done=True, pain_after=8, preview=True), Rule.PREVIEW, "preview"),
        (Evidence(done=True, hurt=True, pain_during=7, preview=True), Rule.PREVIEW, "preview"),
        (Evidence(done=True, next_day=Change.WORSE, preview=True), Rule.PREVIEW, "preview"),
        (Evidence(done=True), Rule.NO_ANSWER, "no pain after"),
        (Evidence(done=True, pain_after=1, held=True), Rule.HELD, "two days this week"),
    ],
)
def test_each_rule_fires_with_a_reason(evidence, rule, words):
    verdict = judge(evidence)
    assert verdict.rule is rule and words in verdict.reason


def test_two_settled_sessions_step_up_and_the_reason_says_so():
    first = apply(Stage(0, 0), judge(Evidence(done=True, pain_after=1)), every=2, top=4)
    assert (first.rule, first.after) == (Rule.SETTLED, Stage(0, 1))
    assert "1 of 2 toward the next step" in first.reason
    second = apply(first.after, judge(Evidence(done=True, pain_after=3)), every=2, top=4)
    assert (second.rule, second.after, second.reason) == (
        Rule.STEP_UP, Stage(1, 0), "two settled sessions"
    )  # fmt: skip
    capped = apply(Stage(4, 1), judge(Evidence(done=True, pain_after=0)), every=2, top=4)
    assert capped.rule is Rule.CAPPED and capped.after.stage == 4


def test_red_at_the_dose_written_stays_there():
    decision = apply(Stage(0, 1), judge(Evidence(done=True, pain_after=8)), every=2, top=4)
    assert decision.after == Stage(0, 0) and "never below" in decision.reason


# -- the stages of a routine ----------------------------------------------------------


ROUTINE = """\
name = "R"
[[exercise]]
use = "pyramid-curl"
[exercise.progress]
add = "reps"
by = 1
every = 2
max = [10, 8, 6]
[[exercise]]
name = "Pyramid curl-up"
hold = 3
[[exercise]]
use = "pyramid-curl"
[exercise.progress]
add = "reps"
by = 2
every = 1
max = 8
"""


def test_the_routine_at_its_stages_and_back_from_the_json_a_session_keeps():
    routine = parse_routine(ROUTINE, "r.toml", library())
    assert exercise_keys(routine) == ["Pyramid curl-up", "Pyramid curl-up#2", "Pyramid curl-up#3"]
    started = starting(routine, {"Pyramid curl-up": Stage(2, 1), "Pyramid curl-up#3": Stage(9)})
    assert [(s.key, s.exercise_index, s.stage, s.top, s.settled) for s in started] == [
        ("Pyramid curl-up", 0, 2, 4, 1), ("Pyramid curl-up#3", 2, 3, 3, 0)
    ]  # fmt: skip
    assert started[0].brief(2) == "8-6-4" and started[1].brief(3) == "3 x 8"
    today = staged(routine, read_started(stages_json(started)))
    assert [ex.reps for ex in today.exercises] == [(8, 6, 4), (1,), (8, 8, 8)]
    assert staged(routine, starting(routine, {})) is routine

"""The complete example of ROUTINE_FORMAT.md parses and plans as the contract says."""

from __future__ import annotations

import pytest

from tests.core.routine_helpers import library
from tui.core.plan import build_plan
from tui.core.routine.models import Phase
from tui.core.routine.parse import parse_routine

EXAMPLE = """\
#:schema ./schema.json          # optional: editors (Taplo, VS Code) use it for completion
format = 1                       # optional; the only version so far
name = "Morning back care"
summary = "Ten quiet minutes: mobilise, then wake up the deep core."
level = "beginner"               # beginner | intermediate | advanced
tags = ["stretch", "core"]
caution = "Stop any exercise that causes sharp or radiating pain."

[defaults]                       # every key optional; values shown are the built-in defaults
prepare = 10                     # get-ready countdown before each exercise
rest = 30                        # rest between sets of one exercise
switch = 5                       # pause between the left and the right side
rep_rest = 0                     # pause between two reps

[[exercise]]
use = "pelvic-tilt"              # take name, tips, setup, caution, phases from the exercise library
reps = 10
tempo = "3-2-3"                  # seconds per phase of one rep

[[exercise]]
name = "Knee to chest"
sides = "both"                   # left pass, switch, right pass
hold = "30s"
reps = 2
rep_rest = 5
setup = "Lie on your back, knees bent, feet flat."
tips = ["Pull the knee gently; no bouncing.", "Keep the other foot on the floor."]

[[exercise]]
name = "Modified curl-up"
reps = [6, 4, 2]                 # a descending pyramid: three sets of 6, 4 and 2 reps
hold = 10
rep_rest = 2
rest = 20

[[exercise]]
name = "Bird dog"
sides = "alternate"              # reps alternate left, right, left, right ...
reps = 6                         # reps per side
tempo = [2, 8, 2]
phases = ["Reach", "Hold", "Return"]

[[exercise]]
name = "Cat-cow flow"
duration = "1m"                  # continuous work for a time, at the person's own pace

[[exercise]]
name = "Squat to a chair"
self_paced = true                # no timer: the set ends when the person says so
reps = 8
sets = 2
"""


@pytest.fixture(scope="module")
def routine():
    return parse_routine(EXAMPLE, "example.toml", library())


def test_the_example_parses(routine) -> None:
    assert routine.name == "Morning back care"
    assert routine.level == "beginner"
    assert routine.tags == ("stretch", "core")
    assert routine.defaults == {"prepare": 10, "rest": 30, "switch": 5, "rep_rest": 0}
    tilt, knee, curl, bird, catcow, squat = routine.exercises
    assert (tilt.name, tilt.use, tilt.reps, tilt.timing) == (
        "Pelvic tilt",
        "pelvic-tilt",
        (10,),
        "tempo",
    )
    assert tilt.phases == (Phase("Lower", 3), Phase("Hold", 2), Phase("Raise", 3))
    assert tilt.setup == "Lie on your back, knees bent."
    assert (knee.sides, knee.reps, knee.rep_rest, knee.phases) == (
        "both",
        (2,),
        5,
        (Phase("Hold", 30),),
    )
    assert len(knee.tips) == 2
    assert (curl.reps, curl.rest, curl.rep_rest) == ((6, 4, 2), 20, 2)
    assert bird.phases == (Phase("Reach", 2), Phase("Hold", 8), Phase("Return", 2))
    assert (bird.sides, bird.reps) == ("alternate", (6,))
    assert (catcow.timing, catcow.phases, catcow.reps) == ("duration", (Phase("Go", 60),), (1,))
    assert (squat.timing, squat.phases, squat.reps) == ("self_paced", (), (8, 8))


def _steps(plan, exercise_index: int) -> list[tuple]:
    return [
        (s.kind, s.set, s.rep, s.side, s.phase, s.seconds)
        for s in plan.steps
        if s.exercise_index == exercise_index
    ]


def test_the_plan_follows_the_contract(routine) -> None:
    plan = build_plan(routine)
    # Pelvic tilt: get ready, then 10 reps of three phases, no rest between reps.
    tilt = _steps(plan, 0)
    assert tilt[0] == ("prepare", None, None, None, None, 10)
    assert tilt[1:4] == [
        ("work", 1, 1, None, "Lower", 3),
        ("work", 1, 1, None, "Hold", 2),
        ("work", 1, 1, None, "Raise", 3),
    ]
    assert len(tilt) == 1 + 10 * 3
    # Knee to chest: every rep on the left, switch, every rep on the right.
    assert _steps(plan, 1) == [
        ("prepare", None, None, None, None, 10),
        ("work", 1, 1, "left", "Hold", 30),
        ("rest", 1, 1, None, None, 5),
        ("work", 1, 2, "left", "Hold", 30),
        ("switch", 1, None, None, None, 5),
        ("work", 1, 1, "right", "Hold", 30),
        ("rest", 1, 1, None, None, 5),
        ("work", 1, 2, "right", "Hold", 30),
    ]
    # Modified curl-up: a pyramid of 6, 4, 2 with rests of 20 between sets.
    curl = _steps(plan, 2)
    works = [s for s in curl if s[0] == "work"]
    assert [sum(1 for s in works if s[1] == n) for n in (1, 2, 3)] == [6, 4, 2]
    assert [s for s in curl if s[0] == "rest" and s[5] == 20] == [
        ("rest", 1, None, None, None, 20),
        ("rest", 2, None, None, None, 20),
    ]
    assert sum(1 for s in curl if s[0] == "rest" and s[5] == 2) == 5 + 3 + 1
    # Bird dog: rep 1 left, rep 1 right, rep 2 left, ... each of three phases.
    bird = [s for s in _steps(plan, 3) if s[0] == "work"]
    assert [(s[2], s[3]) for s in bird[::3]] == [
        (r, side) for r in range(1, 7) for side in ("left", "right")
    ]
    assert [s[4] for s in bird[:3]] == ["Reach", "Hold", "Return"]
    # Cat-cow: one minute of work.
    assert _steps(plan, 4) == [
        ("prepare", None, None, None, None, 10),
        ("work", 1, 1, None, "Go", 60),
    ]
    # Squat: a self-paced step per set, with the rest between.
    assert _steps(plan, 5) == [
        ("prepare", None, None, None, None, 10),
        ("work", 1, None, None, None, None),
        ("rest", 1, None, None, None, 30),
        ("work", 2, None, None, None, None),
    ]
    assert plan.total_seconds == 90 + 145 + 188 + 154 + 70 + 40


def test_a_zero_second_phase_produces_no_step() -> None:
    text = (
        'name = "R"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "A"\ntempo = "2-0-2"\nreps = 2\n'
    )
    plan = build_plan(parse_routine(text, "r.toml"))
    assert [(s.rep, s.phase, s.seconds) for s in plan.steps] == [
        (1, "Lower", 2),
        (1, "Raise", 2),
        (2, "Lower", 2),
        (2, "Raise", 2),
    ]

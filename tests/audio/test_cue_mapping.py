"""The pure mapping from engine events to cues and words."""

from __future__ import annotations

import pytest

from tests.audio.factories import exercise, plan
from tui.audio.cues import (
    Priority,
    cues_for,
    phase_cue,
    select_cues,
    select_speech,
    speech_for,
)
from tui.audio.words import duration_words, number_words
from tui.core.engine.events import (
    CountIn,
    ExerciseDone,
    Extended,
    HurtFlagged,
    Paused,
    PhaseChanged,
    Resumed,
    SessionFinished,
    SetDone,
    StepEnded,
    StepStarted,
)
from tui.core.plan import Step
from tui.core.routine.models import Phase


def step(kind: str = "work", **kw: object) -> Step:
    fields: dict[str, object] = {
        "exercise_index": 0, "exercise": "Bird dog", "set": 1, "rep": 1,
        "side": None, "phase": "Lower", "seconds": 3.0, "reps": 6,
    }
    fields.update(kw)
    return Step(kind=kind, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("phase", "cue"), [
    ("Lower", "lower"), ("down", "lower"), ("Exhale and release", "lower"), ("Return", "lower"),
    ("Raise", "raise"), ("LIFT", "raise"), ("Up", "raise"), ("Inhale", "raise"),
    ("Reach", "raise"), ("Curl up", "raise"),
    ("Hold", "hold"), ("hold it", "hold"),
    ("Go", "go"), ("Breathe", "go"), ("", "go"), (None, "go"),
])
def test_phase_names_map_by_their_words(phase, cue):
    assert phase_cue(phase) == cue


@pytest.mark.parametrize(("event", "cues"), [
    (CountIn(due=1, seconds=3, index=0), ["tick"]),
    (PhaseChanged(due=1, phase="Lower", step=step()), ["lower"]),
    (PhaseChanged(due=1, phase="Raise", step=step(phase="Raise")), ["raise"]),
    (PhaseChanged(due=1, phase="Hold", step=step(phase="Hold")), ["hold"]),
    (PhaseChanged(due=1, phase="Go", step=step(phase=None)), ["go"]),
    (StepStarted(due=1, index=0, step=step("rest", rep=None, phase=None)), ["rest"]),
    (StepStarted(due=1, index=0, step=step("switch", rep=None, phase=None)), ["switch"]),
    (StepStarted(due=1, index=0, step=step("prepare", set=None, rep=None, phase=None)), []),
    (StepStarted(due=1, index=0, step=step(phase="Hold")), ["hold"]),
    (SetDone(due=1, exercise_index=0, set=1), ["set_done"]),
    (ExerciseDone(due=1, exercise_index=0), ["exercise_done"]),
    (SessionFinished(due=1), ["session_done"]),
    (SessionFinished(due=1, ended_early=True), []),
    (HurtFlagged(due=1, exercise_index=0), ["alert"]),
    (StepEnded(due=1, index=0, step=step(), elapsed=3), []),
    (Paused(due=1, index=0), []),
    (Resumed(due=1, index=0), []),
    (Extended(due=1, index=0, seconds=10), []),
])
def test_each_event_alone(event, cues):
    assert cues_for(event) == cues


REST = step("rest", rep=None, phase=None, seconds=30.0)
PREPARE = step("prepare", set=None, rep=None, phase=None, seconds=10.0)
WORK = step(phase="Lower")


@pytest.mark.parametrize(("events", "cue"), [
    # a set ends into its rest: set_done, not set_done + rest
    ([StepEnded(due=5, index=3, step=WORK, elapsed=3), SetDone(due=5, exercise_index=0, set=1),
      StepStarted(due=5, index=4, step=REST)], "set_done"),
    # the last set ends the exercise too, and the next one's get-ready starts
    ([SetDone(due=5, exercise_index=0, set=3), ExerciseDone(due=5, exercise_index=0),
      StepStarted(due=5, index=9, step=PREPARE)], "exercise_done"),
    # the last exercise: the session's end says it all
    ([SetDone(due=5, exercise_index=1, set=1), ExerciseDone(due=5, exercise_index=1),
      SessionFinished(due=5)], "session_done"),
    # a work step starting brings its phase change: one cue
    ([StepStarted(due=5, index=2, step=WORK), PhaseChanged(due=5, phase="Lower", step=WORK)],
     "lower"),
    # a switch after the first side's last rep
    ([StepEnded(due=5, index=3, step=WORK, elapsed=3),
      StepStarted(due=5, index=4, step=step("switch", rep=None, phase=None))], "switch"),
    # a count-in mark that falls on a phase change loses to it
    ([CountIn(due=5, seconds=3, index=2), PhaseChanged(due=5, phase="Hold", step=WORK)], "hold"),
    # "this hurts" pauses too: the alert only
    ([HurtFlagged(due=5, exercise_index=0), Paused(due=5, index=2)], "alert"),
])
def test_one_cue_per_instant_the_most_informative(events, cue):
    assert [c for _, c in select_cues(events)] == [cue]


def test_separate_instants_keep_their_own_cues_in_order():
    events = [
        CountIn(due=7.0, seconds=3, index=0), CountIn(due=8.0, seconds=2, index=0),
        CountIn(due=9.0, seconds=1, index=0),
        StepStarted(due=10.0, index=1, step=WORK),
        PhaseChanged(due=10.0, phase="Lower", step=WORK),
    ]
    chosen = select_cues(events)
    assert [c for _, c in chosen] == ["tick", "tick", "tick", "lower"]
    assert [e.due for e, _ in chosen] == [7.0, 8.0, 9.0, 10.0]


@pytest.mark.parametrize(("n", "words"), [
    (0, "zero"), (1, "one"), (6, "six"), (13, "thirteen"), (20, "twenty"),
    (30, "thirty"), (45, "forty-five"), (99, "ninety-nine"), (150, "150"),
])
def test_number_words(n, words):
    assert number_words(n) == words


@pytest.mark.parametrize(("seconds", "words"), [
    (1, "one second"), (30, "thirty seconds"), (29.6, "thirty seconds"), (60, "one minute"),
    (90, "one minute thirty seconds"), (120, "two minutes"), (61, "one minute one second"),
])
def test_duration_words(seconds, words):
    assert duration_words(seconds) == words


def test_get_ready_names_the_exercise_side_and_reps():
    p = plan(exercise(reps=(6, 6), sides="both"))
    said = speech_for(StepStarted(due=0, index=0, step=p.steps[0]), p)
    assert said == ("Bird dog. Left side. Six reps.", Priority.ANNOUNCE)


@pytest.mark.parametrize(("kw", "text"), [
    ({"reps": (8,)}, "Bird dog. Eight reps."),
    ({"reps": (1,)}, "Bird dog. One rep."),
    ({"reps": (5,), "sides": "alternate"}, "Bird dog. Alternating sides. Five reps."),
    ({"reps": (1,), "timing": "hold", "phases": (Phase("Hold", 30),), "sides": "both"},
     "Bird dog. Left side. Hold thirty seconds."),
    ({"reps": (1,), "timing": "duration", "phases": (Phase("Go", 60),)},
     "Bird dog. One minute."),
    ({"reps": (10,), "timing": "self_paced", "phases": ()},
     "Bird dog. Ten reps, at your own pace."),
])
def test_get_ready_for_each_kind_of_exercise(kw, text):
    p = plan(exercise(**kw))
    assert speech_for(StepStarted(due=0, index=0, step=p.steps[0]), p) == (text, Priority.ANNOUNCE)


def test_get_ready_without_a_plan_still_names_exercise_and_reps():
    said = speech_for(StepStarted(due=0, index=0, step=PREPARE))
    assert said == ("Bird dog. Six reps.", Priority.ANNOUNCE)


def test_rest_switch_phases_and_the_end_in_words():
    p = plan(exercise(sides="alternate", reps=(1,)))
    assert speech_for(StepStarted(due=0, index=0, step=REST)) == (
        "Rest, thirty seconds", Priority.CUE)
    short_rep_rest = step("rest", phase=None, seconds=2.0)
    assert speech_for(StepStarted(due=0, index=0, step=short_rep_rest)) is None
    assert speech_for(StepStarted(due=0, index=0, step=step("switch", seconds=5.0))) == (
        "Switch sides", Priority.CUE)
    assert speech_for(PhaseChanged(due=0, phase="Lower", step=step(seconds=3.0))) == (
        "Lower", Priority.PHASE)
    assert speech_for(PhaseChanged(due=0, phase="Hold", step=step(seconds=1.0))) is None
    left_lower = p.steps[1]
    assert (left_lower.side, left_lower.phase_index) == ("left", 0)
    assert speech_for(PhaseChanged(due=0, phase="Lower", step=left_lower), p) == (
        "Left, lower", Priority.PHASE)
    right_again = p.steps[4]
    assert (right_again.side, right_again.rep) == ("right", 1)
    assert speech_for(PhaseChanged(due=0, phase="Lower", step=right_again), p) == (
        "Right, lower", Priority.PHASE)
    both = plan(exercise(sides="both", reps=(2,)))
    left_rep_2 = next(s for s in both.steps if s.rep == 2 and s.phase == "Lower")
    assert speech_for(PhaseChanged(due=0, phase="Lower", step=left_rep_2), both) == (
        "Lower", Priority.PHASE)
    assert speech_for(PhaseChanged(due=0, phase="Lower", step=both.steps[1]), both) == (
        "Left, lower", Priority.PHASE)
    assert speech_for(SessionFinished(due=0)) == ("Workout complete", Priority.FINAL)
    assert speech_for(SessionFinished(due=0, ended_early=True)) == (
        "Workout ended", Priority.FINAL)
    assert speech_for(HurtFlagged(due=0, exercise_index=0)) == ("Paused", Priority.FINAL)
    assert speech_for(SetDone(due=0, exercise_index=0, set=1)) is None


def test_self_paced_sets_are_spoken():
    p = plan(exercise(reps=(8,), timing="self_paced", phases=(), sides="both", prepare=0))
    assert speech_for(StepStarted(due=0, index=0, step=p.steps[0]), p) == (
        "Eight reps at your own pace, left side", Priority.CUE)


def test_count_ins_are_spoken_in_get_ready_rest_and_switch_only():
    p = plan(exercise(reps=(1, 1), rest=30))
    kinds = [s.kind for s in p.steps]
    prepare, work, rest = 0, 1, kinds.index("rest")
    assert speech_for(CountIn(due=0, seconds=3, index=prepare), p) == ("Three", Priority.COUNT)
    assert speech_for(CountIn(due=0, seconds=1, index=rest), p) == ("One", Priority.COUNT)
    assert speech_for(CountIn(due=0, seconds=2, index=work), p) is None
    assert speech_for(CountIn(due=0, seconds=3, index=prepare)) is None  # no plan, no words


def test_one_utterance_per_batch_the_highest_of_the_latest_instant():
    p = plan(exercise(reps=(1, 1), rest=30))
    rest_index = [s.kind for s in p.steps].index("rest")
    rest = p.steps[rest_index]
    events = [
        CountIn(due=1, seconds=1, index=0),
        SetDone(due=2, exercise_index=0, set=1),
        StepStarted(due=2, index=rest_index, step=rest),
    ]
    _, text, priority = select_speech(events, p)
    assert (text, priority) == ("Rest, thirty seconds", Priority.CUE)
    assert select_speech([SetDone(due=2, exercise_index=0, set=1)], p) is None

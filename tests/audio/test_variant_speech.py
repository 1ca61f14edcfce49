"""A swap for a variant is said ("Easier: Plank from the knees."), and the dispatcher
reads the plan of the workout it follows, which a swap replaces."""

from __future__ import annotations

from types import SimpleNamespace

from tests.core.factories import exercise, plan
from tui.audio.cues import Priority, select_speech, speech_for
from tui.audio.dispatcher import CueDispatcher
from tui.core.engine.events import StepStarted, Swapped


def test_a_swap_is_said_over_the_get_ready_that_starts_with_it():
    p = plan(exercise("Plank from the knees", prepare=5))
    swapped = Swapped(1.0, 0, 0, "easier", "Plank", "Plank from the knees")
    assert speech_for(swapped) == ("Easier: Plank from the knees.", Priority.FINAL)
    batch = [swapped, StepStarted(1.0, 0, p.steps[0])]
    said = select_speech(batch, p)
    assert said is not None and said[1] == "Easier: Plank from the knees."


def test_the_dispatcher_reads_the_plan_of_the_workout_it_follows():
    first, second = plan(exercise("Plank")), plan(exercise("Plank from the knees"))
    workout = SimpleNamespace(plan=first)
    cues = CueDispatcher()
    cues.follow(workout)
    assert cues.plan is first
    workout.plan = second  # a swap gives the workout a new plan
    assert cues.plan is second
    cues.plan = first  # set outright: followed no more
    workout.plan = second
    assert cues.plan is first

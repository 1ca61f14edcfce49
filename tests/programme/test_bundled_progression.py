"""The bundled plans visibly progress from their first weeks, gently (issue 16).

Start low and build gradually (NHS Sherwood Forest Hospitals, Back Pain Unit,
"Introducing exercise"): a person following a bundled plan with easy sessions
should see a dose rise within the first phase, not only weeks later; and the
step a routine's progression earns must be used, so the routine has to come
round again in the plan after it. These walk every bundled plan's sessions in
order, every one settled, with the routines' own `every`.
"""

from __future__ import annotations

import pytest

from tui.core.catalog import sources
from tui.core.catalog.plans import discover_plans, read_plan
from tui.core.programme.schedule import expand
from tui.core.routine.models import Routine

BUNDLED = [ref for ref in discover_plans() if ref.origin == "bundled"]


def routine(rid: str) -> Routine:
    ref = sources.find(rid)
    assert ref is not None, rid
    return sources.load(ref)


def first_step(r: Routine) -> int | None:
    """The fewest settled sessions of `r` before any of its doses rises."""
    return min((ex.progress.every for ex in r.exercises if ex.progress), default=None)


def test_there_is_a_bundled_plan():
    assert [ref.id for ref in BUNDLED] == ["back-care-12-weeks"]


@pytest.mark.parametrize("ref", BUNDLED, ids=lambda ref: ref.id)
def test_a_dose_rises_within_the_first_phase(ref):
    programme, _ = read_plan(ref)
    slots = expand(programme)
    seen: dict[str, int] = {}
    risen = None
    for number, slot in enumerate(slots, start=1):
        step = first_step(routine(slot.routine_id))
        if step is not None and seen.get(slot.routine_id, 0) >= step:
            risen = number
            break
        seen[slot.routine_id] = seen.get(slot.routine_id, 0) + 1
    first_phase = programme.phases[0].sessions
    assert risen is not None and risen <= min(3, first_phase), (ref.id, risen)


@pytest.mark.parametrize("ref", BUNDLED, ids=lambda ref: ref.id)
def test_every_routine_that_progresses_comes_round_again_after_its_first_step(ref):
    programme, _ = read_plan(ref)
    times: dict[str, int] = {}
    for slot in expand(programme):
        times[slot.routine_id] = times.get(slot.routine_id, 0) + 1
    for rid, count in times.items():
        step = first_step(routine(rid))
        assert step is None or count > step, (rid, count, step)
    first = programme.phases[0]
    for rid in first.routines:  # the first phase's routines all progress, and come round
        step = first_step(routine(rid))  # again after a step up, so a step back is met too
        within = sum(1 for n in range(first.sessions) if first.routine_at(n) == rid)
        assert step is not None and within >= step + 2, (rid, step, within)


@pytest.mark.parametrize("ref", BUNDLED, ids=lambda ref: ref.id)
def test_the_first_phase_grows_by_small_steps_to_at_most_double(ref):
    programme, _ = read_plan(ref)
    for rid in programme.phases[0].routines:
        for ex in routine(rid).exercises:
            spec = ex.progress
            if spec is None:
                continue
            if spec.add == "reps":
                written = ex.reps
                assert spec.by <= 1, (rid, ex.name)
            else:
                written = (ex.rep_seconds,) * len(spec.cap)
                assert spec.by <= 5, (rid, ex.name)
            assert all(c <= 2 * w for c, w in zip(spec.cap, written, strict=False)), (rid, ex.name)

"""What counts: when an exercise was done, when a session was a workout, and
what counts towards minutes and the streak. The one place these rules live;
the summary, history's status, the weekly minutes and the streak all ask here.

Why these rules (issue 14): pressing `N` three times through big-three, or
`n` through 11 of its 12 steps, used to read "Done 3 exercises", be stored
as completed and start a streak; a `--speed 10` preview of a 35-second
routine added a minute to the week. A record that praises skipping is one
a person stops trusting, so:

- An exercise is done when at least `DONE_SHARE` (half) of its work was
  done: timed work steps weigh their planned seconds, counted up to the time
  actually spent in them (the best attempt when a step was restarted); a
  self-paced set weighs one second and counts whole when confirmed. Half,
  not all: someone who stops a hold a few seconds early, or drops the last
  of three sets, has still exercised; someone who pressed past it has not.
- A session that ran to its end is "completed" only when at least one of its
  exercises was done; one with nothing done reads "skipped", and is neither a
  completed session nor a streak day.
- A session run at any speed other than 1 is a "preview": kept in history,
  so it can be resumed and seen, but never counted in minutes or streaks.
  Its time is plan time (`Session.active_seconds`: at `--speed 4` a minute of
  routine passes in 15 seconds), so wherever a preview's minutes are shown
  they are the time really spent (`spent_seconds`), never the plan's; and no
  later answer is kept with it (`zones.about`: `spinewise checkin`, the next
  morning's question), nor is its pain drawn on the Pain chart (issue 15: a
  tester found previews mixed into the pain record).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # `today` asks `outcome` and never builds a plan: not imported for it
    from tui.core.engine.session import Session
    from tui.core.plan import Plan

#: An exercise is done when at least this share of its work was done.
DONE_SHARE = 0.5
#: What a self-paced (confirmed) set weighs against timed work, in seconds.
SELF_PACED_WEIGHT = 1.0
#: Float slack, so exactly half counts as half.
_EPSILON = 1e-9

#: The statuses a session is shown with (`outcome`), and which of them count.
COMPLETED, SKIPPED, STOPPED, ABANDONED, PAUSED, PREVIEW = (
    "completed", "skipped", "stopped", "abandoned", "paused", "preview",
)  # fmt: skip


def step_share(seconds: float | None, elapsed: float, *, skipped: bool) -> float:
    """The share (0..1) of one work step done: time spent over time planned; a
    self-paced step (`seconds` None) is all done when confirmed, else not."""
    if seconds is None:
        return 0.0 if skipped else 1.0
    if seconds <= 0:
        return 1.0
    return max(0.0, min(1.0, elapsed / seconds))


def exercises_done(plan: Plan, worked: Mapping[int, float]) -> tuple[tuple[int, str], ...]:
    """The exercises done, as (index from 0, name) pairs in plan order.

    `worked` maps a work step's index in `plan.steps` to its share done
    (`step_share`); steps not in it were not done at all. Each exercise is
    judged under every name its steps had (`Step.exercise`, the name at the
    moment): after a swap for a variant (`engine.variants`) the plan's steps
    before the swap keep the name swapped from and those after it carry the
    variant's, so each name is judged on its own share of the work the plan
    gave it under that name. "Half its work" for a variant means half of the
    work it was given after the swap (the sets left); for the exercise swapped
    from, half of the work done under its name before the swap. Swapping is
    the person's choice, not a skip: the work before it is not lost to the
    variant's credit, nor the variant's to the exercise it replaced.
    """
    planned: dict[tuple[int, str], float] = {}
    done: dict[tuple[int, str], float] = {}
    for index, step in enumerate(plan.steps):
        if step.kind != "work":
            continue
        key = (step.exercise_index, step.exercise)
        weight = SELF_PACED_WEIGHT if step.seconds is None else step.seconds
        planned[key] = planned.get(key, 0.0) + weight
        done[key] = done.get(key, 0.0) + weight * worked.get(index, 0.0)
    return tuple(
        key for key, total in planned.items()
        if total > 0 and done[key] >= DONE_SHARE * total - _EPSILON
    )  # fmt: skip


class Tally(NamedTuple):
    """Exercises done, and those passed (or skipped) without being done, by the name
    each had when it was worked (`exercises_done`), in plan order."""

    done: tuple[str, ...]
    skipped: tuple[str, ...]


def tally(
    plan: Plan, worked: Mapping[int, float], passed: int, skipped: Iterable[int] = ()
) -> Tally:
    """Done and skipped exercises, where the first `passed` exercises were left behind
    and `skipped` ones (indexes) skipped outright; one not reached is neither. A
    left exercise is skipped under the name it has now when that name was not done;
    a name swapped away from is never a skip (the person chose the variant)."""
    done = exercises_done(plan, worked)
    left = set(range(passed)) | set(skipped)
    names = [exercise.name for exercise in plan.routine.exercises]
    missed = [i for i in sorted(left) if i < len(names) and (i, names[i]) not in done]
    return Tally(done=tuple(name for _, name in done), skipped=tuple(names[i] for i in missed))


def session_tally(session: Session) -> Tally:
    """Exercises done and skipped so far in `session`: those before its current
    exercise were left behind (all of them, once it ran to its end)."""
    ran_out = session.finished and not session.ended_early
    passed = len(session.plan.routine.exercises) if ran_out else session.step.exercise_index
    return tally(session.plan, session.worked, passed, session.skipped)


def is_preview(speed: float) -> bool:
    return abs(speed - 1.0) > _EPSILON


def counting_sql(column: str = "speed") -> str:
    """`is_preview` negated, as an SQL condition on the speed `column` (a session
    that counts), so the queries that add minutes or pick the session an answer is
    about agree with it."""
    return f"abs({column} - 1.0) <= {_EPSILON}"


def spent_seconds(active_seconds: float, speed: float) -> float:
    """Real seconds a session took: `active_seconds` are plan seconds
    (`Session.active_seconds`), run at `speed` plan seconds per real second, so
    a `--speed 4` preview of 8 plan minutes took 2. What any row of minutes or
    the summary's "Time" shows (a speed of 0 or less, never stored: as is)."""
    return active_seconds / speed if speed > 0 else active_seconds


def counted_seconds(active_seconds: float, speed: float) -> float:
    """What a session adds to the minutes per day and week, and to the streak's
    active time: its seconds at speed 1 (plan and real time agree), none for a
    preview."""
    return 0.0 if is_preview(speed) else active_seconds


def outcome(status: str, speed: float, done: int | None) -> str:
    """How a stored session reads: `status` as stored ('active', 'completed', 'stopped',
    'abandoned'), run at `speed`, with `done` exercises done (None: recorded before
    that was kept, when a completed session was taken as done)."""
    if is_preview(speed):  # first: a paused preview's minutes must not count either
        return PREVIEW
    if status == "active":
        return PAUSED
    if status == COMPLETED and done == 0:
        return SKIPPED
    return status


def counts(label: str) -> bool:
    """Whether a session with this `outcome` counts towards minutes and streaks.
    Everything exercised at speed 1 does (a stopped session's minutes were still
    worked, the paused session's so far too); a preview never does."""
    return label != PREVIEW


def completes_a_day(label: str) -> bool:
    """Whether a session with this `outcome` makes its day a streak day on its own."""
    return label == COMPLETED

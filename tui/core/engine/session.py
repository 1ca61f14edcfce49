"""The workout session: a state machine over a plan and a clock.

Time is never counted in ticks. While running, the current step's elapsed
time is `banked + (now - segment_start) * speed`; a step ends at the deadline
`segment_start + (seconds - banked) / speed`, and the next step starts at that
very deadline, so crossing any number of boundaries in one `advance()` loses
nothing and every event carries the exact time it was due.

Which action is allowed in which status is written in one table,
`states.ALLOWED`; anything else raises `TransitionError` rather than being ignored.
"""

from __future__ import annotations

from typing import Any, NoReturn

from tui.core.engine.clock import Clock
from tui.core.engine.events import (
    CountIn,
    Event,
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
from tui.core.engine.snapshot import restore_onto, snapshot_of, validate_snapshot
from tui.core.engine.states import ALLOWED, STEP_RULES, Status, TransitionError
from tui.core.plan import Plan, Step

#: `back` within this many seconds of a step's start goes to the previous step.
BACK_RESTART_AFTER = 2.0
#: Only steps at least this long count their last three seconds in.
COUNT_IN_MIN_SECONDS = 5.0


class Session:
    def __init__(self, plan: Plan, clock: Clock, *, speed: float = 1.0) -> None:
        if not plan.steps:
            raise ValueError("a plan with no steps cannot be followed")
        if speed <= 0:
            raise ValueError("speed must be above 0")
        self.plan = plan
        self.clock = clock
        self.speed = float(speed)  # plan seconds per clock second; not 1: a preview
        self.status = Status.READY
        self.index = 0
        self._banked = 0.0  # plan seconds spent in this step before the current run
        self._segment_start = 0.0  # clock time the current run of this step began
        self._seen = 0.0  # step elapsed up to which count-ins were reported
        self._extension = 0.0
        self._active_banked = 0.0
        self._run_start = 0.0
        self.hurt: set[int] = set()
        #: What `!` was pressed on, by the name each exercise had then (a swap for a
        #: variant later renames the exercise, never what hurt), in order, once each.
        self.hurt_names: list[str] = []
        self.skipped: set[int] = set()
        self.ended_early = False
        #: Work step index -> share of it done (`credit.step_share`), best attempt.
        self.worked: dict[int, float] = {}
        #: Events of a catch-up that preceded a refused action; the next call returns them.
        self._undelivered: list[Event] = []

    # -- reading the state -------------------------------------------------

    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    @property
    def running(self) -> bool:
        return self.status is Status.RUNNING

    @property
    def finished(self) -> bool:
        return self.status is Status.FINISHED

    def step_seconds(self) -> float | None:
        """This step's length including any rest added; None when self-paced."""
        seconds = self.step.seconds
        return None if seconds is None else seconds + self._extension

    def elapsed(self) -> float:
        """Plan seconds spent in the current step (not advancing the session)."""
        elapsed = self._elapsed_at(self.clock.now())
        duration = self.step_seconds()
        return elapsed if duration is None else min(elapsed, duration)

    def remaining(self) -> float | None:
        """Plan seconds left in the current step; None for a self-paced step."""
        duration = self.step_seconds()
        if duration is None:
            return None
        if self.finished:
            return 0.0
        return max(0.0, duration - self.elapsed())

    def fraction(self) -> float:
        """How far through the current step, 0..1 (0 for a self-paced step)."""
        duration = self.step_seconds()
        if not duration:
            return 1.0 if self.finished else 0.0
        return min(1.0, self.elapsed() / duration)

    def session_remaining(self) -> float:
        """Planned seconds left in the whole session (self-paced steps count 0)."""
        if self.finished:
            return 0.0
        return (self.remaining() or 0.0) + self.plan.seconds_from(self.index + 1)

    def active_seconds(self) -> float:
        """Plan seconds the session has spent running, all steps together."""
        active = self._active_banked
        if self.running:
            active += (self.clock.now() - self._run_start) * self.speed
        return active

    @property
    def work_begun(self) -> bool:
        """Whether a work step has been entered yet (`leave` keeps nothing before); one
        left is in `worked`, though a swap for a variant put a get-ready in its place."""
        steps = self.plan.steps[: self.index + 1] if self.status is not Status.READY else ()
        return self.finished or bool(self.worked) or any(s.kind == "work" for s in steps)

    def next_due(self) -> float | None:
        """Clock time of the next event while running (a count-in or the step's end).

        The interface schedules its next `advance()` at this moment, so cues
        fire at their deadline rather than at the next screen refresh.
        """
        duration = self.step_seconds()
        if not self.running or duration is None:
            return None
        marks = [duration - n for n in (3, 2, 1) if duration >= COUNT_IN_MIN_SECONDS]
        later = [m for m in marks if m > self._seen] + [duration]
        return self._time_at(min(later))

    def seconds_to_next_due(self) -> float | None:
        """How long until `next_due()`, in the clock's seconds (None when nothing is due)."""
        due = self.next_due()
        return None if due is None else max(0.0, due - self.clock.now())

    def can(self, action: str) -> bool:
        """Whether `action` is allowed now, in this status and on this step."""
        try:
            self._check(action)
        except TransitionError:
            return False
        rule = STEP_RULES.get(action)
        return rule is None or (not self.finished and rule(self.step))

    # -- actions -------------------------------------------------------------

    def start(self) -> list[Event]:
        self._check("start")
        now = self.clock.now()
        self.status = Status.RUNNING
        self._run_start = now
        events: list[Event] = []
        self._enter(0, now, events)
        return events

    def advance(self) -> list[Event]:
        """Catch up to the clock: end every step whose deadline has passed."""
        now = self.clock.now()
        events, self._undelivered = self._undelivered, []
        while self.running:
            duration = self.step_seconds()
            if duration is None:
                self._seen = self._elapsed_at(now)
                break
            end_at = self._time_at(duration)
            upto = min(self._elapsed_at(now), duration)
            self._count_in(upto, duration, events)
            if now < end_at:
                break
            self._leave(end_at, duration, events)
            self._forward(self.index + 1, end_at, events)
        return events

    def pause(self) -> list[Event]:
        self._check("pause")
        events = self.advance()
        if self.running:
            now = self.clock.now()
            self._bank(now)
            self.status = Status.PAUSED
            events.append(Paused(due=now, index=self.index))
        return events

    def resume(self) -> list[Event]:
        self._check("resume")
        now = self.clock.now()
        self.status = Status.RUNNING
        self._segment_start = self._run_start = now
        return [Resumed(due=now, index=self.index)]

    def next(self) -> list[Event]:
        """Leave the current step now and start the next one."""
        self._check("next")
        events = self.advance()
        if not self.finished:
            now = self.clock.now()
            self._leave(now, self.elapsed(), events, skipped=True)
            self._forward(self.index + 1, now, events)
        return events

    def back(self) -> list[Event]:
        """Restart the step when more than 2 s in, else go to the previous step."""
        self._check("back")
        events = self.advance()
        if self.finished:
            return events
        now = self.clock.now()
        elapsed = self.elapsed()
        target = self.index if elapsed > BACK_RESTART_AFTER else max(0, self.index - 1)
        self._leave(now, elapsed, events, skipped=True)
        self._enter(target, now, events)
        return events

    def next_exercise(self) -> list[Event]:
        """Go to the next exercise's first step (or finish after the last)."""
        self._check("next_exercise")
        return self._jump_exercise(skip=False)

    def skip_exercise(self) -> list[Event]:
        """Like `next_exercise`, and the exercise is recorded as skipped."""
        self._check("skip_exercise")
        return self._jump_exercise(skip=True)

    def extend(self, seconds: float = 10.0) -> list[Event]:
        """Add time to the current rest, switch or get-ready step."""
        self._check("extend")
        if seconds <= 0:
            raise TransitionError("extend needs a positive number of seconds")
        events = self.advance()
        if not self.can("extend"):
            self._refuse(events, f"only a rest can be extended, not a {self.step.kind} step")
        self._extension += seconds
        events.append(Extended(due=self.clock.now(), index=self.index, seconds=seconds))
        return events

    def confirm(self) -> list[Event]:
        """End a self-paced set: the person says they have done it."""
        self._check("confirm")
        events = self.advance()
        if not self.can("confirm"):
            self._refuse(events, "only a self-paced set waits to be confirmed")
        now = self.clock.now()
        self._leave(now, self.elapsed(), events)
        self._forward(self.index + 1, now, events)
        return events

    def flag_hurt(self) -> list[Event]:
        """'This hurts': record it against the exercise and pause."""
        self._check("flag_hurt")
        events = self.advance()
        if self.finished:
            return events
        self.hurt.add(self.step.exercise_index)
        if self.step.exercise not in self.hurt_names:
            self.hurt_names.append(self.step.exercise)
        events.append(HurtFlagged(due=self.clock.now(), exercise_index=self.step.exercise_index))
        if self.running:
            events += self.pause()
        return events

    def end(self) -> list[Event]:
        """Stop the session for good before its last step."""
        self._check("end")
        events = self.advance() if self.running else []
        if self.finished:
            return events
        now = self.clock.now()
        if self.status is not Status.READY:
            self._leave(now, self.elapsed(), events, skipped=True)
        self._bank(now)
        self.ended_early = True
        self.status = Status.FINISHED
        events.append(self._finished(now))
        return events

    # -- snapshot ------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The whole position as JSON types; `restore()` takes it back."""
        return snapshot_of(self)

    @classmethod
    def restore(
        cls, plan: Plan, clock: Clock, data: dict[str, Any], *, speed: float = 1.0
    ) -> Session:
        """A session at the snapshot's position; a running one runs on from now."""
        validate_snapshot(plan, data)
        session = cls(plan, clock, speed=speed)
        restore_onto(session, data)
        return session

    # -- inside --------------------------------------------------------------

    def _refuse(self, caught_up: list[Event], message: str) -> NoReturn:
        """Refuse an action that the catch-up made invalid, keeping the catch-up's events."""
        self._undelivered = caught_up
        raise TransitionError(message)

    def _check(self, action: str) -> None:
        if self.status not in ALLOWED[action]:
            raise TransitionError(f"cannot {action.replace('_', ' ')} when {self.status.value}")

    def _elapsed_at(self, now: float) -> float:
        if not self.running:
            return self._banked
        return self._banked + (now - self._segment_start) * self.speed

    def _time_at(self, elapsed: float) -> float:
        """Clock time at which the current step reaches `elapsed` (while running)."""
        return self._segment_start + (elapsed - self._banked) / self.speed

    def _bank(self, now: float) -> None:
        if self.running:
            self._banked = self._elapsed_at(now)
            self._active_banked += (now - self._run_start) * self.speed
            self._segment_start = self._run_start = now

    def _count_in(self, upto: float, duration: float, events: list[Event]) -> None:
        if duration >= COUNT_IN_MIN_SECONDS:
            for n in (3, 2, 1):
                mark = duration - n
                if self._seen < mark <= upto:
                    events.append(CountIn(due=self._time_at(mark), seconds=n, index=self.index))
        self._seen = max(self._seen, upto)

    def _leave(
        self, at: float, elapsed: float, events: list[Event], *, skipped: bool = False
    ) -> None:
        step = self.step
        if step.kind == "work":  # the rule is loaded here, not before the first frame
            from tui.core.engine.credit import step_share

            share = step_share(step.seconds, elapsed, skipped=skipped)
            self.worked[self.index] = max(share, self.worked.get(self.index, 0.0))
        events.append(
            StepEnded(due=at, index=self.index, step=self.step, elapsed=elapsed, skipped=skipped)
        )

    def _forward(self, target: int, at: float, events: list[Event]) -> None:
        """Move forward from the current step to `target`, closing sets and exercises."""
        step = self.step
        if step.ends_set and step.set is not None:
            events.append(SetDone(due=at, exercise_index=step.exercise_index, set=step.set))
        steps = self.plan.steps
        if target >= len(steps) or steps[target].exercise_index != step.exercise_index:
            skipped = step.exercise_index in self.skipped
            events.append(ExerciseDone(due=at, exercise_index=step.exercise_index, skipped=skipped))
        if target >= len(self.plan.steps):
            self._finish(at, events)
        else:
            self._enter(target, at, events)

    def _enter(self, index: int, at: float, events: list[Event]) -> None:
        self.index = index
        self._banked = self._seen = self._extension = 0.0
        self._segment_start = at
        step = self.step
        events.append(StepStarted(due=at, index=index, step=step))
        if step.kind == "work":
            events.append(PhaseChanged(due=at, phase=step.phase or "Go", step=step))

    def _finish(self, at: float, events: list[Event]) -> None:
        self._bank(at)
        self._banked = self.step_seconds() or self._banked
        self.status = Status.FINISHED
        events.append(self._finished(at))

    def _finished(self, at: float) -> SessionFinished:
        from tui.core.engine.credit import session_tally  # not before the first frame

        counted = session_tally(self)
        return SessionFinished(at, self.ended_early, counted.done, counted.skipped)

    def _jump_exercise(self, *, skip: bool) -> list[Event]:
        events = self.advance()
        if self.finished:
            return events
        now = self.clock.now()
        current = self.step.exercise_index
        if skip:
            self.skipped.add(current)
        target = self.plan.first_step_of_exercise(current + 1)
        self._leave(now, self.elapsed(), events, skipped=True)
        self._forward(len(self.plan.steps) if target is None else target, now, events)
        return events

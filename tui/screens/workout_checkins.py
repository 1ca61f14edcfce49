"""The workout screen's check-ins (issue 15): the first get-ready's "Back pain
now?" and the `!` dialogs. Imported when first asked, not before a workout's
first frame.

Every answer is kept the moment it is given, by the workout's writer in order
with its checkpoints (`Workout.tell`), or by the app's check-in thread once the
session has ended (`RecordCheckIn`): a terminal closed while the hurt dialog is
still open must not lose the pain already typed (issue 15, found by a tester).
An answer given in two steps (the pain, then "sharp") names its question, so
the second replaces the first row, never adds one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from tui.core.present.pain import before_words
from tui.core.programme.zones import CheckIn, Kind
from tui.core.workout import Action

from ..messages import RecordCheckIn

if TYPE_CHECKING:
    from .confirm import Hurt
    from .workout import WorkoutScreen


def answer_before(screen: WorkoutScreen, event: events.Key) -> None:
    """The first get-ready's question: a pain key answers, Enter skips it."""
    from tui.core.present.asking import pain_of_key

    pain = pain_of_key(event.key)
    if pain is None and event.key != "enter":
        return
    event.prevent_default()
    event.stop()
    screen.asking = False
    screen.ask.show("")
    if pain is not None:  # acknowledged until the get-ready ends
        screen.ask.show(before_words(pain))
        record(screen, Kind.BEFORE, pain, answer=("before", screen.workout.stored_id))


def record(
    screen: WorkoutScreen,
    kind: Kind,
    pain: int | None,
    *,
    sharp: bool | None = None,
    answer: object,
    exercise: str | None = None,
) -> None:
    """Keep one answer now; a later one to the same question (`answer`) replaces it,
    in the store and in what the workout was told (`Workout.told`)."""
    workout = screen.workout
    checkin = CheckIn(
        kind, workout.wall(), pain=pain, session_id=workout.stored_id,
        exercise=exercise, sharp=sharp,
    )  # fmt: skip
    told, place = workout.told, screen.answered.setdefault(answer, len(workout.told))
    if place == len(told):
        told.append(checkin)
    else:
        told[place] = checkin
    queued = workout.tell(checkin, answer)  # in order with the checkpoints (and the end)
    screen.post_message(RecordCheckIn(checkin, queued=queued, answer=answer))


def flag_hurt(screen: WorkoutScreen) -> None:
    """`!`: pause, ask how bad (with check-ins on), then what to do. "Carry on" (or
    Escape) goes back to how it was: a pause made before `!` stays a pause."""
    running_before = screen.workout.can(Action.PAUSE)
    screen.act(Action.FLAG_HURT)
    exercise = screen.session.step.exercise
    question = object()  # this `!`: its pain, then whether it was sharp, is one answer

    def after_pain(pain: int | None) -> None:
        from .confirm import hurt_dialog

        if pain is not None:  # kept now, before the next question
            record(screen, Kind.DURING, pain, answer=question, exercise=exercise)
        easier = screen.workout.variant("easier")
        dialog = hurt_dialog(exercise, pain, easier=easier and easier.name)
        screen.app.push_screen(dialog, lambda choice: after_hurt(pain, choice))
        screen.refresh_bindings()

    def after_hurt(pain: int | None, choice: Hurt | None) -> None:
        from .confirm import Hurt

        if choice is Hurt.SHARP:
            record(screen, Kind.DURING, pain, sharp=True, answer=question, exercise=exercise)
        _do(screen, choice, running_before)

    if screen.ask_pain:
        from .checkins import PainDialog

        screen.app.push_screen(PainDialog(exercise), after_pain)
        screen.refresh_bindings()
    else:
        after_pain(None)


def _do(screen: WorkoutScreen, choice: Hurt | None, running_before: bool) -> None:
    """What the hurt dialog's answer does to the workout."""
    from .confirm import Hurt

    can_resume = screen.workout.can
    if choice is Hurt.SHARP:
        screen.sharp = True  # the summary says stop and get it checked
        screen.act(Action.END)
    elif choice is Hurt.SKIP:
        screen.act(Action.SKIP_EXERCISE)
        if can_resume(Action.RESUME):
            screen.act(Action.RESUME)
    elif choice is Hurt.EASIER:
        screen.act(Action.EASIER)  # its get-ready, then on as "carry on" goes
        if running_before and can_resume(Action.RESUME):
            screen.act(Action.RESUME)
    elif choice is Hurt.END:
        screen.act(Action.END)
    elif choice is Hurt.QUIT:
        screen.action_quit_workout()
    elif choice is Hurt.CARRY_ON and running_before and can_resume(Action.RESUME):
        screen.act(Action.RESUME)

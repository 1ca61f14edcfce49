"""What screens ask of the app, as small `Message` classes.

A screen posts one and it bubbles up to `SpinewiseApp`, which routes it
(`on_start_routine`, `on_resume_session`). So screens never import the app:
the import graph runs one way, from the app down to the screens, with no
circle hidden behind `TYPE_CHECKING` or an import inside a function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from tui.core.catalog.entries import CatalogEntry

if TYPE_CHECKING:  # built where a question is answered: not before a workout's first frame
    from tui.core.programme.zones import CheckIn


class StartRoutine(Message):
    """Start this routine (the app says why an invalid one cannot start)."""

    def __init__(self, entry: CatalogEntry) -> None:
        super().__init__()
        self.entry = entry


class ResumeSession(Message):
    """Resume the paused session (the one the routine library's banner names)."""


class RecordCheckIn(Message):
    """Keep this check-in now (the app writes it in its check-in thread, in the order
    given, never on the UI loop). `queued`: the workout's writer writes it already
    (`Workout.tell`). `answer` names the question it answers (any hashable value,
    compared by equality): a later check-in with the same `answer` replaces the row
    kept for it. `judge`: decide the session's progression from it now (False for the
    summary's answers, which may still change: judged as the summary is left)."""

    def __init__(
        self,
        checkin: CheckIn,
        *,
        queued: bool = False,
        answer: object | None = None,
        judge: bool = True,
    ) -> None:
        super().__init__()
        self.checkin = checkin
        self.queued = queued
        self.answer = answer
        self.judge = judge

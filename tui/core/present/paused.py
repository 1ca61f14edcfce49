"""How a paused session is named where it is offered again: the library's banner
and the question asked before starting another routine."""

from __future__ import annotations

from tui.core.store.active import ActiveSession
from tui.core.words import count


def where_paused(active: ActiveSession, now: float) -> str:
    """'exercise 2 of 5, paused 3 min ago' (`now` in Unix epoch seconds)."""
    exercise = (active.current_exercise or 0) + 1
    return f"exercise {exercise} of {active.exercises}, paused {ago(now - active.left_at)}"


def ago(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h ago"
    return f"{count(hours // 24, 'day')} ago"


def file_change_note(state: str) -> str | None:
    """What to say on resuming, given `ActiveSession.routine_file_state()`."""
    if state not in ("changed", "missing"):
        return None
    return (f"The routine file has {'changed' if state == 'changed' else 'gone'} since "
            "you started; resuming the version you started.")

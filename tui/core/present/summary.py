"""The end of a session in a person's words: time worked, done, skipped, flagged."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.engine.session import Session
from tui.core.routine.models import format_clock
from tui.core.words import count


@dataclass(frozen=True, slots=True)
class SessionSummary:
    routine: str
    ended_early: bool
    active_seconds: float
    done: tuple[str, ...]
    skipped: tuple[str, ...]
    hurt: tuple[str, ...]

    @classmethod
    def of(cls, session: Session) -> SessionSummary:
        exercises = session.plan.routine.exercises
        reached = session.step.exercise_index
        if session.finished and not session.ended_early:
            reached = len(exercises)
        done = tuple(
            ex.name for i, ex in enumerate(exercises) if i < reached and i not in session.skipped
        )
        return cls(
            routine=session.plan.name,
            ended_early=session.ended_early,
            active_seconds=session.active_seconds(),
            done=done,
            skipped=tuple(exercises[i].name for i in sorted(session.skipped)),
            hurt=tuple(exercises[i].name for i in sorted(session.hurt)),
        )

    @property
    def title(self) -> str:
        return "Session ended" if self.ended_early else "Workout complete"

    @property
    def closing(self) -> str:
        if self.hurt:
            return (
                "Something hurt today. Rest it, try an easier version next time, "
                "and see a professional if the pain persists."
            )
        return "Well done. Little and often is what works: same time tomorrow?"

    def lines(self) -> list[tuple[str, str]]:
        done = count(len(self.done), "exercise")
        rows = [
            ("Time", format_clock(self.active_seconds)),
            ("Done", done + (f": {', '.join(self.done)}" if self.done else "")),
        ]
        if self.skipped:
            rows.append(("Skipped", ", ".join(self.skipped)))
        if self.hurt:
            rows.append(("Hurt", ", ".join(self.hurt)))
        return rows

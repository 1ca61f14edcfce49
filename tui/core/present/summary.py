"""The end of a session in a person's words: time worked, done, skipped, flagged.

What counts as done or skipped is `engine.credit`'s rule, the same one history
and the streak use: an exercise pressed through is skipped, not done.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.engine.credit import is_preview, session_tally
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
    #: The speed it ran at: not 1 is a preview, never counted.
    speed: float = 1.0

    @classmethod
    def of(cls, session: Session) -> SessionSummary:
        exercises = session.plan.routine.exercises
        counted = session_tally(session)
        return cls(
            routine=session.plan.name,
            ended_early=session.ended_early,
            active_seconds=session.active_seconds(),
            done=tuple(exercises[i].name for i in counted.done),
            skipped=tuple(exercises[i].name for i in counted.skipped),
            hurt=tuple(exercises[i].name for i in sorted(session.hurt)),
            speed=session.speed,
        )

    @property
    def preview(self) -> bool:
        return is_preview(self.speed)

    @property
    def title(self) -> str:
        if self.preview:
            return "Preview ended"
        if self.ended_early:
            return "Session ended"
        return "Workout complete" if self.done else "Nothing done"

    @property
    def closing(self) -> str:
        if self.hurt:
            return (
                "Something hurt today. Rest it, try an easier version next time, "
                "and see a professional if the pain persists."
            )
        if self.preview:
            return "A preview to see how it goes: run it at normal speed to count it."
        if not self.done:
            return "Nothing was done this time, so it is not counted. Even one exercise counts."
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
        if self.preview:
            rows.append(("Preview", f"at {self.speed:g}x speed: not counted in minutes or streak"))
        return rows

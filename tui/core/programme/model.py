"""A plan file, validated: a `Programme` of `ProgrammePhase`s over weeks.

Named "programme" in the code so it is never taken for `tui.core.plan.Plan`
(one routine laid out as a running list of steps); people, the command line
and the files say "plan". The ranges a person could mean are written here once:
`plan_file` holds a file to them and `plan_schema` states the same numbers.
"""

from __future__ import annotations

from typing import NamedTuple

#: Weeks of one phase (a year).
MAX_PHASE_WEEKS = 52
#: Sessions a week a phase may ask for (one a day).
MAX_SESSIONS_PER_WEEK = 7
#: Phases of one plan.
MAX_PLAN_PHASES = 20
#: Routine ids of one phase (taken in turn).
MAX_PHASE_ROUTINES = 20
#: Weeks of a whole plan, every phase added up (two years).
MAX_PLAN_WEEKS = 104


class ProgrammePhase(NamedTuple):
    """One `[[phase]]`: `weeks` of `sessions_per_week` sessions, each the next of
    `routines` (ids) in turn."""

    name: str
    weeks: int
    sessions_per_week: int
    routines: tuple[str, ...]
    summary: str = ""

    @property
    def sessions(self) -> int:
        """Sessions the phase holds: its weeks times its sessions a week."""
        return self.weeks * self.sessions_per_week

    def routine_at(self, session: int) -> str:
        """The routine id of the phase's session `session` (from 0): in turn."""
        return self.routines[session % len(self.routines)]


class Programme(NamedTuple):
    """A whole plan file, validated (ROUTINE_FORMAT.md, "Plans")."""

    name: str
    phases: tuple[ProgrammePhase, ...]
    summary: str = ""
    format: int = 1

    @property
    def sessions(self) -> int:
        return sum(phase.sessions for phase in self.phases)

    @property
    def weeks(self) -> int:
        return sum(phase.weeks for phase in self.phases)

    def routine_ids(self) -> tuple[str, ...]:
        """Every routine id the plan names, once each, in order of first use."""
        return tuple(dict.fromkeys(rid for phase in self.phases for rid in phase.routines))

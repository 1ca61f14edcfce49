"""Every routine found, loaded once, for `list` and the routine library."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.catalog import sources
from tui.core.catalog.sources import RoutineRef
from tui.core.plan import Plan, build_plan
from tui.core.routine.models import Routine
from tui.core.routine.problems import RoutineError


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """A routine found on disk: its plan when the file is valid, else its first problem."""

    ref: RoutineRef
    routine: Routine | None
    plan: Plan | None
    #: The first problem of an invalid file, as `check` prints it.
    error: str | None = None

    @property
    def name(self) -> str:
        return self.routine.name if self.routine else self.ref.id

    @property
    def total_seconds(self) -> float | None:
        return self.plan.total_seconds if self.plan else None

    def matches(self, words: str) -> bool:
        """Filtering as a person types: every word in the id, name, level, tags or summary."""
        routine = self.routine
        haystack = " ".join(
            [self.ref.id, self.ref.origin]
            + (
                [routine.name, routine.level or "", routine.summary, *routine.tags]
                if routine
                else []
            )
        ).lower()
        return all(word in haystack for word in words.lower().split())


def load_entry(ref: RoutineRef) -> CatalogEntry:
    try:
        routine = sources.load(ref)
    except RoutineError as error:
        return CatalogEntry(ref, None, None, str(error.problems[0]))
    return CatalogEntry(ref, routine, build_plan(routine))


def load_catalog() -> list[CatalogEntry]:
    return [load_entry(ref) for ref in sources.discover()]

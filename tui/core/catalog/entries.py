"""Every routine found, loaded once, for `list` and the routine library.

An entry is `Valid` (its plan, and the texts that plan was parsed from) or
`Invalid` (its problems): a workout started from a `Valid` entry stores those
texts, so nothing is read from disk between choosing a routine and following it.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

from typing import NamedTuple

from tui.core.catalog import sources
from tui.core.catalog.sources import LibraryTexts, RoutineRef
from tui.core.plan import Plan, build_plan
from tui.core.routine.models import Routine
from tui.core.routine.problems import Problem, RoutineError


# eq=False: an entry is what was read at one moment, equal only to itself (and the
# generated __eq__ cost start-up some 0.5 M instructions per class, measured).
class Valid(NamedTuple):
    """A routine that reads well: its plan, and the texts it was parsed from."""

    ref: RoutineRef
    plan: Plan
    #: The routine file's text, as parsed (a byte order mark dropped).
    text: str
    #: (path, text) of the exercise-library files it was read with; () when it `use`s none.
    library_texts: LibraryTexts = ()

    @property
    def routine(self) -> Routine:
        return self.plan.routine

    @property
    def name(self) -> str:
        return self.plan.routine.name

    @property
    def total_seconds(self) -> float:
        return self.plan.total_seconds

    def matches(self, words: str) -> bool:
        """Filtering as a person types: every word in the id, name, level, tags or summary."""
        routine = self.plan.routine
        return _matches(
            words,
            [self.ref.id, self.ref.origin, routine.name, routine.level or "", routine.summary,
             *routine.tags],
        )  # fmt: skip


class Invalid(NamedTuple):
    """A routine file with mistakes: every problem, the first as `check` prints it."""

    ref: RoutineRef
    problems: tuple[Problem, ...]

    @property
    def name(self) -> str:
        return self.ref.id

    @property
    def error(self) -> str:
        return str(self.problems[0]) if self.problems else "This routine has mistakes."

    @property
    def error_file(self) -> str:
        """The file the first problem is in: the routine's own, or an exercise library
        it is read with that is not TOML (the one to fix and `spinewise check`)."""
        return self.problems[0].path if self.problems else str(self.ref.path)

    def matches(self, words: str) -> bool:
        return _matches(words, [self.ref.id, self.ref.origin])


CatalogEntry = Valid | Invalid


def _matches(words: str, fields: list[str]) -> bool:
    haystack = " ".join(fields).lower()
    return all(word in haystack for word in words.lower().split())


def load_entry(ref: RoutineRef) -> CatalogEntry:
    """The routine at `ref`, read once: `Valid` with its texts, or `Invalid`."""
    try:
        routine, text, library_texts = sources.read_routine(ref)
    except RoutineError as error:
        return Invalid(ref, tuple(error.problems))
    return Valid(ref, build_plan(routine), text, library_texts)


def load_catalog() -> list[CatalogEntry]:
    return [load_entry(ref) for ref in sources.discover()]

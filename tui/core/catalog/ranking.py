"""The order of the routine library: name matches first, then by the name shown.

Filtering "gentle" and pressing Enter started Core basics, whose summary says
"gentle", rather than Gentle start (issue 14): a routine whose shown name (or
id) holds every word typed ranks before one that matches only by level, tag or
summary. Within a rank, routines are sorted by the name a person reads, not by
file name ("Big three" before "Core basics" whatever their files are called).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from tui.core.catalog.sources import RoutineRef


class Rankable(Protocol):
    """A routine as listed or read: `Valid`, `Invalid` or `Listing`."""

    @property
    def ref(self) -> RoutineRef: ...

    def matches(self, words: str) -> bool: ...


R = TypeVar("R", bound=Rankable)


def shown_name(entry: Rankable) -> str:
    """The name a person reads in the list (the id when there is none)."""
    name = getattr(entry, "name", None)
    return name if isinstance(name, str) and name else entry.ref.id


def ranked(entries: Iterable[R], words: str) -> list[R]:
    """The entries that match every word of `words`, name matches first, each
    group sorted by shown name (case aside: `casefold`)."""
    wanted = words.lower().split()

    def key(entry: R) -> tuple[int, str, str]:
        name = shown_name(entry).casefold()
        named = all(word in name or word in entry.ref.id.lower() for word in wanted)
        return (0 if named else 1, name, entry.ref.id)

    return sorted((entry for entry in entries if entry.matches(words)), key=key)

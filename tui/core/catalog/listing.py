"""What `list` and the routine library's rows show of each routine, kept in a cache.

Reading and planning every routine file for its total made `list` and the first
paint of the routine library grow with the number of files (1,000 own routines:
7.3 s). A `Listing` is the little that is shown of one file (name, level, total,
tags, summary, or its first problem); `listings()` reads the file again only when
it, or an exercise library it is read with, changed in path, size or modification
time since the listing was kept.

The cache is `paths.cache_dir()/routines.json`: versioned (`CACHE_VERSION`),
written atomically, and only ever a copy: a missing, damaged or older one is
ignored and written anew, and deleting it is always safe.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.atomic import write_atomic
from tui.core.catalog import sources
from tui.core.catalog.entries import CatalogEntry, Invalid, load_entry
from tui.core.catalog.sources import RoutineRef

#: Raised whenever what a listing holds, how a key is made, or what makes a routine
#: valid changes (2: `error_file`; a library entry's mistakes spoil only routines
#: that use it).
CACHE_VERSION = 2
CACHE_FILE = "routines.json"

#: (path, size, mtime_ns) of the routine file and of each exercise library read with it.
Key = list[list[Any]]


@dataclass(frozen=True, slots=True)
class Listing:
    """One routine as listed: `error` set for a file with mistakes (no name then);
    `total_seconds` None when not known yet (not read yet)."""

    ref: RoutineRef
    name: str | None = None
    level: str | None = None
    total_seconds: float | None = None
    exercises: int = 0
    tags: tuple[str, ...] = ()
    summary: str = ""
    error: str | None = None
    #: The file `error` is in (`Invalid.error_file`): the one to fix and check.
    error_file: str | None = None

    @property
    def known(self) -> bool:
        return self.name is not None or self.error is not None

    @property
    def to_check(self) -> str:
        """The file to fix and `spinewise check` when `error` is set."""
        return self.error_file or str(self.ref.path)

    @classmethod
    def of(cls, entry: CatalogEntry) -> Listing:
        if isinstance(entry, Invalid):
            return cls(entry.ref, error=entry.error, error_file=entry.error_file)
        routine = entry.routine
        return cls(entry.ref, routine.name, routine.level, entry.total_seconds,
                   len(routine.exercises), tuple(routine.tags), routine.summary)  # fmt: skip

    def matches(self, words: str) -> bool:
        """As `Valid.matches`, over what is known."""
        fields = [self.ref.id, self.ref.origin, self.name or "", self.level or "", self.summary,
                  *self.tags]  # fmt: skip
        haystack = " ".join(fields).lower()
        return all(word in haystack for word in words.lower().split())


def cache_file() -> Path:
    return paths.cache_dir() / CACHE_FILE


def _stat(path: Path) -> list[Any]:
    try:
        info = os.stat(path)
    except OSError:
        return [str(path), None, None]
    return [str(path), info.st_size, info.st_mtime_ns]


def file_key(ref: RoutineRef, libraries: dict[Path, list[list[Any]]] | None = None) -> Key:
    """What must be unchanged for a kept listing of `ref` to hold: the routine file and
    the exercise-library files it is read with (`libraries` keeps those per folder)."""
    folder = ref.path.parent
    if libraries is None or folder not in libraries:
        stamps = [_stat(file) for file in sources.exercise_library_files(ref.path)]
        if libraries is None:
            return [_stat(ref.path), *stamps]
        libraries[folder] = stamps
    return [_stat(ref.path), *libraries[folder]]


def read_cache(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """The kept listings by path; {} for a missing, damaged or other-version file."""
    data = paths.read_json_object(path or cache_file())
    if data.get("version") != CACHE_VERSION:
        return {}
    kept = data.get("routines")
    return kept if isinstance(kept, dict) else {}


def _from_cache(ref: RoutineRef, kept: object, key: Key) -> Listing | None:
    if not isinstance(kept, dict) or kept.get("key") != key:
        return None
    try:
        fields = {name: kept[name] for name in
                  ("name", "level", "total_seconds", "exercises", "summary", "error",
                   "error_file")}  # fmt: skip
        listing = Listing(ref, tags=tuple(kept["tags"]), **fields)
    except (KeyError, TypeError):
        return None
    ok = (isinstance(listing.name, str) or isinstance(listing.error, str)) and all(
        isinstance(tag, str) for tag in listing.tags
    ) and isinstance(listing.error_file, str | None)
    return listing if ok else None


def _to_cache(listing: Listing, key: Key) -> dict[str, Any]:
    return {"key": key, "name": listing.name, "level": listing.level,
            "total_seconds": listing.total_seconds, "exercises": listing.exercises,
            "tags": list(listing.tags), "summary": listing.summary,
            "error": listing.error, "error_file": listing.error_file}  # fmt: skip


def write_cache(kept: dict[str, dict[str, Any]], path: Path | None = None) -> None:
    """Keep `kept` (by path); a cache that cannot be written is only not kept."""
    text = json.dumps({"version": CACHE_VERSION, "routines": kept}, separators=(",", ":"))
    with suppress(OSError):
        write_atomic(path or cache_file(), text)


def listings(refs: Iterable[RoutineRef] | None = None, *, read: bool = True) -> list[Listing]:
    """A listing of every routine (`sources.discover()` unless `refs`), kept ones
    where their files are unchanged; the others read now (`load_entry`), or, when
    not `read`, left unknown. The cache is written when anything read changed it."""
    kept = read_cache()
    fresh: dict[str, dict[str, Any]] = {}
    libraries: dict[Path, list[list[Any]]] = {}
    found: list[Listing] = []
    for ref in sources.discover() if refs is None else refs:
        key = file_key(ref, libraries)
        listing = _from_cache(ref, kept.get(str(ref.path)), key)
        if listing is not None:
            fresh[str(ref.path)] = kept[str(ref.path)]
        elif read:
            listing = Listing.of(load_entry(ref))
            fresh[str(ref.path)] = _to_cache(listing, key)
        found.append(listing or Listing(ref))
    if read and fresh != kept:
        write_cache(fresh)
    return found


def keep(entries: Iterable[CatalogEntry]) -> None:
    """Write the listings of entries just read (the routine library's full load)."""
    libraries: dict[Path, list[list[Any]]] = {}
    write_cache({
        str(entry.ref.path): _to_cache(Listing.of(entry), file_key(entry.ref, libraries))
        for entry in entries if entry.ref.origin != "file"
    })  # fmt: skip

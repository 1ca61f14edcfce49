"""The routine library's routines, loaded in a worker, and again only where files changed.

Loading every routine at start and on every change, on the UI loop, let one bad
file keep spinewise from starting and made 1,000 own routines freeze keys for
4 s after any change. Here a load remembers each file's key (`listing.file_key`:
path, size and modification time of the file and its exercise libraries, taken
before the file is read), and `reload_changed` reads again only the files whose
key is no longer the same; the others keep their entries. Each load also keeps
the listings (`listing.keep`) so the next first paint can show them at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.catalog import sources
from tui.core.catalog.entries import CatalogEntry, load_entry
from tui.core.catalog.listing import Key, file_key, keep

#: Each loaded routine file's key, by path.
Keys = dict[Path, Key]


def load_all(load: Callable[[], list[CatalogEntry]]) -> tuple[list[CatalogEntry], Keys]:
    """`load()`'s routines, with the keys their files had before they were read."""
    libraries: dict[Path, list[list[Any]]] = {}
    keys = {ref.path: file_key(ref, libraries) for ref in sources.discover()}
    entries = load()
    for entry in entries:
        keys.setdefault(entry.ref.path, file_key(entry.ref, libraries))
    keep(entries)
    return entries, keys


def reload_changed(catalog: list[CatalogEntry], keys: Keys) -> tuple[list[CatalogEntry], Keys]:
    """Every routine there is now: kept from `catalog` where its key is the same as
    in `keys`, read again where it changed or is new. A routine run from a path
    (`spinewise run FILE`) stays listed, first, while its file is there."""
    libraries: dict[Path, list[list[Any]]] = {}
    before = {entry.ref.path: entry for entry in catalog}
    fresh: Keys = {}
    changed = False

    def current(ref: sources.RoutineRef) -> CatalogEntry:
        nonlocal changed
        key = fresh[ref.path] = file_key(ref, libraries)
        was = before.get(ref.path)
        if was is not None and was.ref == ref and keys.get(ref.path) == key:
            return was
        changed = True
        return load_entry(ref)

    found = [current(ref) for ref in sources.discover()]
    paths = {entry.ref.path for entry in found}
    files = [
        current(entry.ref) if entry.ref.path.is_file() else entry
        for entry in catalog
        if entry.ref.origin == "file" and entry.ref.path not in paths
    ]
    listed = {path for path, entry in before.items() if entry.ref.origin != "file"}
    if changed or listed != paths:
        keep(found)
    return files + found, fresh

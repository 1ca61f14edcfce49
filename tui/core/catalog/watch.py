"""Noticing that routine files changed on disk, cheaply: `stat` calls only.

A `FileWatch` remembers, for each watched path, its modification time, size
and inode (or that it is missing). Watching the folders too notices a file
added, removed or renamed into place (an atomic save is a rename), since
that changes the folder's own modification time. `changed()` compares with
what was remembered and remembers the new state.

A watch made after a reload must remember the files as they were *before*
they were read (`since`), not as they are once the reading is done: a file
saved while the others were read would otherwise be remembered as seen, and
that change never reloaded (the routine library kept showing the old text).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from tui.core import paths

Stamp = tuple[int, int, int] | None

#: What a watch made `since` another remembers for a path the other did not watch:
#: no file has it, so the next look counts the path as changed.
UNSEEN: Stamp = (-1, -1, -1)


def stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


class FileWatch:
    def __init__(self, watched: Iterable[Path], since: FileWatch | None = None) -> None:
        """Watch `watched`, as they are now; or, given `since`, as `since` last saw
        them (UNSEEN where it did not watch them), so anything changed after that
        look counts as changed at the next."""
        self.paths: tuple[Path, ...] = tuple(dict.fromkeys(Path(p) for p in watched))
        self._stamps: dict[Path, Stamp] = (
            self._now() if since is None
            else {path: since._stamps.get(path, UNSEEN) for path in self.paths}
        )

    def _now(self) -> dict[Path, Stamp]:
        return {path: stamp(path) for path in self.paths}

    def changed(self) -> list[Path]:
        """The watched paths that changed since the last look (and remember them now)."""
        now = self._now()
        different = [path for path in self.paths if now[path] != self._stamps.get(path)]
        self._stamps = now
        return different


def routine_watch(routine_files: Iterable[Path], since: FileWatch | None = None) -> FileWatch:
    """A watch over the given routine files, both routine folders and both exercise
    libraries (a changed library changes the routines that use it); `since`: as in
    `FileWatch`."""
    return FileWatch([
        *routine_files,
        paths.user_routines_dir(),
        paths.bundled_routines_dir(),
        paths.user_exercises_file(),
        paths.bundled_exercises_file(),
    ], since)

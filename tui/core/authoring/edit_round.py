"""One round of editing a routine file in another program, without losing anything.

Before the editor opens, the file as it was is kept as `NAME.toml.bak` beside
it (unless a backup from an earlier round is there already: that one is the
older good version, and stays). The backup goes once the file is valid again,
or the change is discarded and the file was valid before. So whenever a
`.bak` file is left, the routine beside it has mistakes and the backup is
the version to go back to.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.atomic import fsync_dir, write_atomic
from tui.core.catalog.checking import check_path
from tui.core.routine.exercise_library import ExerciseLibrary
from tui.core.routine.problems import Problem, RoutineError
from tui.core.routine.source import read_file_bytes


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


class EditRound:
    """The file being edited, its text before, and its backup."""

    def __init__(self, path: Path, library: ExerciseLibrary, *, created: bool = False) -> None:
        self.path = Path(path)
        self.library = library
        #: True when the file was made for this edit (a bundled routine's copy):
        #: discarding then removes it.
        self.created = created
        self.backup = backup_path(self.path)
        # RoutineError for a FIFO, a device or a huge file: never a wait or a copy of it.
        self.original = read_file_bytes(self.path)
        self.original_valid = not self.problems()
        self.had_backup = self.backup.exists()
        if not self.had_backup:
            write_atomic(self.backup, self.original)

    def problems(self) -> list[Problem]:
        """What is wrong with the file now (empty when it is valid)."""
        return check_path(self.path, self.library)

    def changed(self) -> bool:
        try:
            return read_file_bytes(self.path) != self.original
        except RoutineError:
            return True

    def accept(self) -> None:
        """The file is valid: the backup is no longer needed."""
        self._drop_backup()

    def discard(self) -> None:
        """Put the file back as it was before this round (remove a copy made for it)."""
        if self.created:
            self.path.unlink(missing_ok=True)
            self._drop_backup()
            return
        write_atomic(self.path, self.original)
        if self.original_valid:
            self._drop_backup()

    def _drop_backup(self) -> None:
        if self.backup.exists():
            self.backup.unlink()
            fsync_dir(self.backup.parent)

"""Where routines come from: the bundled ones and the person's own.

A routine is named by its id (the file name without `.toml`) or by a path.
The person's own routine with the same id as a bundled one wins.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal, NamedTuple

from tui.core import paths
from tui.core.routine.exercise_library import ExerciseLibrary, validated_library
from tui.core.routine.limits import MAX_LIBRARY_BYTES
from tui.core.routine.models import Routine
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import Problem, RoutineError
from tui.core.routine.source import read_source

Origin = Literal["bundled", "own", "file"]
LIBRARY_FILE = "exercises.toml"


class RoutineRef(NamedTuple):
    """Where a routine lives: its id, file, and whether it is bundled, own or a path given."""

    id: str
    path: Path
    origin: Origin


def _routines_in(folder: Path, origin: Origin) -> dict[str, RoutineRef]:
    """The regular `*.toml` files of `folder` by id, sorted. `scandir` knows a file's
    type without a `stat` (pathlib's glob and is_file cost 0.1 s for 1,000 files)."""
    try:
        with os.scandir(folder) as found:
            names = sorted(
                entry.name for entry in found
                if entry.name.endswith(".toml") and entry.name != LIBRARY_FILE and entry.is_file()
            )  # fmt: skip
    except OSError:
        return {}
    files = [folder / name for name in names]
    return {path.stem: RoutineRef(path.stem, path, origin) for path in files}


#: Where routines are looked up by id, the one that wins first.
_FOLDERS: tuple[tuple[Callable[[], Path], Origin], ...] = (
    (paths.user_routines_dir, "own"),
    (paths.bundled_routines_dir, "bundled"),
)


def discover() -> list[RoutineRef]:
    """Every routine, by id; the person's own win over bundled ones."""
    found = _routines_in(paths.bundled_routines_dir(), "bundled")
    found.update(_routines_in(paths.user_routines_dir(), "own"))
    return sorted(found.values(), key=lambda ref: ref.id)


def find(name: str) -> RoutineRef | None:
    """A routine by id (the person's own first, then the bundled one), or by the
    path of a TOML file.

    An id is looked up as the one file it names rather than by listing both
    folders, as `discover` does: `spinewise run` pays for two `stat` calls, not
    for a walk of every routine before its first frame.
    """
    if name and "/" not in name and f"{name}.toml" != LIBRARY_FILE:
        for folder, origin in _FOLDERS:
            candidate = folder() / f"{name}.toml"
            if candidate.is_file():
                return RoutineRef(name, candidate, origin)
    path = Path(name).expanduser()
    if path.suffix == ".toml" or path.exists() or "/" in name:
        return RoutineRef(path.stem, path, "file")
    return None


def exercise_library_files(routine_path: Path | None = None) -> list[Path]:
    """The exercise-library files a routine is read with, later ones winning:
    the bundled library, the person's own, and an `exercises.toml` beside the routine."""
    files = [paths.bundled_exercises_file(), paths.user_exercises_file()]
    if routine_path is not None:
        files.append(routine_path.parent / LIBRARY_FILE)
    found: dict[Path, Path] = {}
    for file in files:
        if file.is_file():
            found.setdefault(file.resolve(), file)
    return list(found.values())


def exercise_library(routine_path: Path | None = None) -> ExerciseLibrary:
    """The exercise library of `exercise_library_files(routine_path)`, read as routines
    read it: an entry with mistakes is kept with them (`LibraryEntry.problems`), so
    only a routine that uses it is invalid. A file that cannot be read or is not
    TOML raises `RoutineError` naming it.
    """
    return ExerciseLibrary.from_files(exercise_library_files(routine_path), partial=True)


def lenient_exercise_library(
    routine_path: Path | None = None,
) -> tuple[ExerciseLibrary, list[Problem]]:
    """Like `exercise_library`, but a file that cannot be read or is not TOML is left
    out, and the problems of every file returned (those of its entries with mistakes
    too, which are kept, as when a routine runs), so checking and editing can go on
    and say why."""
    layers: list[ExerciseLibrary] = []
    problems: list[Problem] = []
    for file in exercise_library_files(routine_path):
        try:
            layer = ExerciseLibrary.from_files([file], partial=True)
        except RoutineError as error:
            problems.extend(error.problems)
        else:
            layers.append(layer)
            problems.extend(layer.problems())
    return ExerciseLibrary().layered(*(layer.entries for layer in layers)), problems


def load(ref: RoutineRef) -> Routine:
    """The routine, validated against the exercise library beside it (read
    only if the routine `use`s it).

    Raises `tui.core.routine.problems.RoutineError` with every problem of the file.
    """
    return read_routine(ref)[0]


#: (path, text) of each exercise-library file a routine was read with, in order.
LibraryTexts = tuple[tuple[str, str], ...]


def read_routine(ref: RoutineRef) -> tuple[Routine, str, LibraryTexts]:
    """`load`, with the texts the routine was parsed from: its own, and those of the
    exercise-library files it was read with (none when it `use`s none). A workout
    stores exactly these, so resuming rebuilds the plan that ran, whatever the files
    hold by then.
    """
    text = read_source(ref.path)
    used: list[tuple[str, str]] = []

    def read_library() -> ExerciseLibrary:
        layers, problems = [], []
        for file in exercise_library_files(ref.path):
            try:
                library_text = read_source(file, limit=MAX_LIBRARY_BYTES)
                layers.append(validated_library(library_text, file, partial=True))
            except RoutineError as error:
                problems.extend(error.problems)
            else:
                used.append((str(file), library_text))
        if problems:
            raise RoutineError(problems)
        return ExerciseLibrary(*layers)

    routine = parse_routine(text, str(ref.path), read_library)
    return routine, text, tuple(used)


def parse_with_texts(text: str, path: str, library_texts: LibraryTexts) -> Routine:
    """The routine of texts kept by `read_routine` (no file is read)."""
    return parse_routine(text, path, library_of_texts(library_texts))


def library_of_texts(library_texts: LibraryTexts) -> ExerciseLibrary:
    """The exercise library of texts kept by `read_routine` (no file is read; each
    text was validated when the routine was read, and is remembered), read as then:
    leniently, so an entry with mistakes the routine does not use is no error."""
    return ExerciseLibrary(
        *(validated_library(body, file, partial=True) for file, body in library_texts)
    )

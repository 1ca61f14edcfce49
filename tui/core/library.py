"""Where routines come from: the bundled ones and the person's own.

A routine is named by its id (the file name without `.toml`) or by a path.
The person's own routine with the same id as a bundled one wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import paths
from .exercise_library import ExerciseLibrary
from .models import Routine
from .routine import load_routine

Origin = Literal["bundled", "own", "file"]
LIBRARY_FILE = "exercises.toml"


@dataclass(frozen=True, slots=True)
class RoutineRef:
    id: str
    path: Path
    origin: Origin


def _routines_in(folder: Path, origin: Origin) -> dict[str, RoutineRef]:
    if not folder.is_dir():
        return {}
    return {
        p.stem: RoutineRef(p.stem, p, origin)
        for p in sorted(folder.glob("*.toml"))
        if p.name != LIBRARY_FILE and p.is_file()
    }


def discover() -> list[RoutineRef]:
    """Every routine, by id; the person's own win over bundled ones."""
    found = _routines_in(paths.bundled_routines_dir(), "bundled")
    found.update(_routines_in(paths.user_routines_dir(), "own"))
    return sorted(found.values(), key=lambda ref: ref.id)


def find(name: str) -> RoutineRef | None:
    """A routine by id, or by the path of a TOML file."""
    by_id = {ref.id: ref for ref in discover()}
    if name in by_id:
        return by_id[name]
    path = Path(name).expanduser()
    if path.suffix == ".toml" or path.exists() or "/" in name:
        return RoutineRef(path.stem, path, "file")
    return None


def exercise_library(extra: Path | None = None) -> ExerciseLibrary:
    """The bundled exercise library, the person's own on top, and `extra` on top of that.

    A broken library file raises `RoutineError` naming it.
    """
    files = [paths.bundled_exercises_file(), paths.user_exercises_file()]
    if extra is not None and extra not in files:
        files.append(extra)
    return ExerciseLibrary.from_files([f for f in files if f.is_file()])


def load(ref: RoutineRef) -> Routine:
    """The routine, validated against the exercise library beside it.

    Raises `tui.core.problems.RoutineError` with every problem of the file.
    """
    beside = ref.path.parent / LIBRARY_FILE
    return load_routine(ref.path, exercise_library(beside if beside.is_file() else None))


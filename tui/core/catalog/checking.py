"""`spinewise check`: validate routines, plans and exercise libraries, collect problems.

A file named `exercises.toml` is checked as an exercise library; a file in a
folder named `plans`, or holding a `[[phase]]` table and no `[[exercise]]`, as
a plan (`plans.is_plan`), its routine ids held to the routines there are; any
other file as a routine. A routine is checked against the libraries it runs with
(`library.exercise_library_files`: bundled, the person's own, its folder's), so it
checks as it will run: an entry with mistakes only makes a routine that uses it
invalid, and a library that is not TOML is left out (its own check reports both).
Tests may give a base library instead of the first two.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tui.core.catalog.plans import is_exercise_library, is_plan, known_routine_ids
from tui.core.catalog.sources import (
    LIBRARY_FILE,
    exercise_library_files,
    lenient_exercise_library,
)
from tui.core.programme.plan_file import parse_programme
from tui.core.routine.exercise_library import ExerciseLibrary, load_exercise_library
from tui.core.routine.ladders import Layer, ladder_problems
from tui.core.routine.limits import MAX_LIBRARY_BYTES
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import Problem, RoutineError
from tui.core.routine.source import file_problem, read_source


def iter_toml_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The files to check, and a problem for each path that does not exist.

    A folder becomes every `*.toml` inside it at any depth, sorted (hidden
    folders and files left out); a file is taken as it is, whatever its name.
    A folder with no such file is a problem too: `check` on it used to say
    "0 files valid" and exit 0, which reads as a pass when nothing was checked.
    """
    files: list[Path] = []
    missing: list[Problem] = []
    seen: set[Path] = set()
    for path in _distinct(paths):
        path = Path(path)
        if path.is_dir():
            found = (p for p in path.rglob("*.toml") if not _hidden(p.relative_to(path)))
            inside = sorted(p for p in found if p.is_file())
            if not inside:
                missing.append(file_problem(path, "no routine files (*.toml) in this folder"))
            files.extend(p for p in inside if _first(p, seen))
        elif path.exists() or path.is_symlink():
            if _first(path, seen):
                files.append(path)
        else:
            missing.append(file_problem(path, "no such file or folder"))
    return files, missing


def _distinct(paths: Iterable[Path]) -> list[Path]:
    """`paths` as `Path`s, a path given twice (however spelt) kept once."""
    kept: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if _first(path, seen):
            kept.append(path)
    return kept


def _first(path: Path, seen: set[Path]) -> bool:
    """Whether `path` is not yet in `seen` (compared resolved: `a.toml`, `./a.toml`
    and its absolute path are one file); adds it. A tester's `check` of one file
    under two spellings said "2 of 2 files invalid", each problem twice."""
    key = path.resolve()
    if key in seen:
        return False
    seen.add(key)
    return True


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def check_path(path: Path, library: ExerciseLibrary | None = None) -> list[Problem]:
    """The problems of one file (an empty list when it is valid)."""
    path = Path(path)
    try:
        if path.name == LIBRARY_FILE:
            return library_problems(path)
        text = read_source(path)
        if is_exercise_library(path, text):  # a copy under another name (issue 16)
            return library_problems(path)
        if is_plan(path, text):
            parse_programme(text, str(path), known_routine_ids())
        elif library is None:
            parse_routine(text, str(path), lenient_exercise_library(path)[0])
        else:
            parse_routine(text, str(path), library_beside(path, library))
    except RoutineError as error:
        return error.problems
    return []


def library_problems(path: Path) -> list[Problem]:
    """The problems of an exercise library file: its own, then those of its `easier` and
    `harder` links, checked over the layers it is read with (bundled, the person's own,
    this file) and reported in this file only. Raises `RoutineError` for its own."""
    text = read_source(path, limit=MAX_LIBRARY_BYTES)
    entries = load_exercise_library(path)
    here, mine = path.resolve(), Layer(str(path), text, entries)
    layers: list[Layer] = []
    for file in exercise_library_files(path):
        if file.resolve() == here:
            layers.append(mine)
            continue
        try:
            layers.append(Layer(str(file), "", load_exercise_library(file)))
        except RoutineError:
            continue  # its own check says why
    if mine not in layers:
        layers.append(mine)
    return ladder_problems(layers, report=str(path))


def check_paths(paths: Iterable[Path], library: ExerciseLibrary | None = None) -> list[Problem]:
    """The problems of every file of `paths` (folders expanded), missing paths first."""
    files, problems = iter_toml_files(paths)
    for path in files:
        problems.extend(check_path(path, library))
    return problems


def library_beside(path: Path, library: ExerciseLibrary) -> ExerciseLibrary:
    """A given base `library` with the `exercises.toml` of the file's folder on top,
    read as routines read it (an entry with mistakes kept with them).

    One that is not TOML is left out here: checking it reports its problems.
    """
    beside = Path(path).parent / LIBRARY_FILE
    if not beside.is_file():
        return library
    try:
        return library.layered(load_exercise_library(beside, partial=True))
    except RoutineError:
        return library

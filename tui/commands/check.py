"""`spinewise check PATH...`: validate routine files and exercise libraries."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core import library
from ..core.checking import check_path, iter_toml_files
from ..core.problems import RoutineError
from .common import report


def run_check(paths: list[Path]) -> int:
    try:
        base = library.exercise_library()
    except RoutineError as error:  # the person's own exercises.toml is broken
        report(error)
        return 1
    files, missing = iter_toml_files(paths)
    problems = list(missing)
    for path in files:
        problems += check_path(path, base)
    for problem in problems:
        print(problem, file=sys.stderr)
    bad = len({p.path for p in problems})
    checked = len(files) + len({p.path for p in missing})
    noun = "file" if checked == 1 else "files"
    if problems:
        print(f"{bad} of {checked} {noun} invalid, {len(problems)} problems", file=sys.stderr)
        return 1
    print(f"{checked} {noun} valid")
    return 0

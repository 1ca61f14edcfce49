"""`spinewise check PATH...`: validate routine files, plans and exercise libraries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.catalog import sources
from tui.core.catalog.checking import check_path, iter_toml_files
from tui.core.words import count

from . import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    check = sub.add_parser(
        "check",
        help="validate routine and plan files or folders",
        description="Validate routine files, or every *.toml in a folder "
        "(exercises.toml is checked as an exercise library; a file in a folder named plans, "
        "or with a [[phase]] table and no [[exercise]], as a plan). "
        "Exit 0 when all are valid, 1 when any is not or none was found.",
    )
    check.add_argument("paths", metavar="PATH", nargs="+", type=Path)


def run(args: argparse.Namespace) -> int:
    return run_check(args.paths)


def run_check(paths: list[Path]) -> int:
    files, missing = iter_toml_files(paths)
    if not files:  # an empty folder, a wrong path: "1 of 1 file invalid" read as a check done
        for problem in missing:
            print(problem, file=sys.stderr)
        print("spinewise: nothing to check: no routine, plan or exercise library file "
              "(*.toml) was found", file=sys.stderr)
        return 1
    # The person's own exercises.toml is read with every routine: its mistakes count too.
    _, broken = sources.lenient_exercise_library()
    problems = [*missing, *broken]
    for path in files:
        problems += check_path(path)
    problems = list(dict.fromkeys(problems))  # a library named and also read: once
    for problem in problems:
        print(problem, file=sys.stderr)
    bad = len({p.path for p in problems})
    checked = len({str(f) for f in files} | {p.path for p in missing} | {p.path for p in broken})
    noun = "file" if checked == 1 else "files"
    if problems:
        said = count(len(problems), "problem")
        print(f"{bad} of {checked} {noun} invalid, {said}", file=sys.stderr)
        return 1
    print(f"{checked} {noun} valid")
    return 0

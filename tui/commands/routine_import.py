"""`spinewise import FILE|- [--as ID] [--replace]`: add a shared routine file to one's own.

Not `spinewise library import` (Free Exercise DB records into the exercise
library): this takes a whole routine, typically one made by `spinewise
export`. The file is checked as it will run; with any problem every one is
printed as `PATH:LINE:COL: field: message` and nothing is written (exit 1).
An id that exists is refused (exit 1) unless `--as NEW-ID` or `--replace`
(`tui.core.authoring.routine_import`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.routine.problems import RoutineError

from . import Subparsers
from .common import report

STDIN_NAME = "<stdin>"


def _routine_id(text: str) -> str:
    from tui.core.authoring.routine_import import check_id

    try:
        return check_id(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser(
        "import",
        help="add a routine file someone shared (made by spinewise export) to your routines",
        description="Check a routine file (or standard input, with -) and add it to your "
        "routines; nothing is written if it has any mistake. An id you have already, or a "
        "bundled one, is refused unless --as NEW-ID or --replace. To add exercises from the "
        "Free Exercise DB to your exercise library, use spinewise library import instead.",
    )
    imp.add_argument("file", metavar="FILE", help="the routine file, or - for standard input")
    imp.add_argument("--as", dest="as_id", metavar="NEW-ID", type=_routine_id,
                     help="import under this id (its file name) instead of the file's name")
    imp.add_argument("--replace", action="store_true",
                     help="replace your routine of that id; over a bundled id, your copy "
                     "takes its place in the routine library")


def run(args: argparse.Namespace) -> int:
    return run_import(args.file, args.as_id, replace=args.replace)


def read_input(file: str) -> tuple[str, str]:
    """The text to import and the name its problems are given under; RoutineError."""
    from tui.core.routine.limits import MAX_ROUTINE_BYTES, size_text
    from tui.core.routine.source import decode_source, file_problem, read_source

    if file != "-":
        return read_source(Path(file)), file
    data = sys.stdin.buffer.read(MAX_ROUTINE_BYTES + 1)
    if len(data) > MAX_ROUTINE_BYTES:
        message = f"is larger than the size limit of {size_text(MAX_ROUTINE_BYTES)}"
        raise RoutineError([file_problem(STDIN_NAME, message)])
    return decode_source(data, STDIN_NAME), STDIN_NAME


def run_import(file: str, as_id: str | None = None, *, replace: bool = False) -> int:
    from tui.core.authoring.routine_import import ImportRefused, check_routine, choose_id, place

    try:
        text, shown = read_input(file)
        if (other := not_a_routine(file, text)) is not None:
            what, instead = other
            print(f"spinewise: {shown} {what}, not a routine: nothing imported. {instead}",
                  file=sys.stderr)  # fmt: skip
            return 1
        routine = check_routine(text, shown)
    except RoutineError as error:
        report(error)
        print(f"spinewise: {shown_name(file)} has mistakes; nothing imported", file=sys.stderr)
        return 1
    try:
        rid = choose_id(routine, None if file == "-" else file, as_id)
        placed = place(text, rid, replace=replace)
    except ImportRefused as error:
        print(f"spinewise: {error}; nothing imported", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"spinewise: cannot write your routine: {error.strerror or error}; "
              "nothing imported", file=sys.stderr)
        return 1
    print(placed.path)
    if placed.status == "over-bundled":
        print(f"Your copy of {rid!r} now takes the place of the bundled one; remove "
              f"{placed.path} to have the bundled one back.", file=sys.stderr)
    elif placed.status == "replaced":
        print(f"Replaced your routine {rid!r}.", file=sys.stderr)
    print(f"Imported {routine.name!r} as {rid}. Try it with: spinewise run {rid}",
          file=sys.stderr)
    return 0


def not_a_routine(file: str, text: str) -> tuple[str, str] | None:
    """What the file is and what to do with it instead, when it is a plan or an
    exercise library (a tester imported both and got a wall of "unknown key"
    lines, 36 for exercises.toml); None for what may be a routine."""
    from tui.core import paths
    from tui.core.catalog.plans import is_exercise_library, is_plan

    named = Path("input.toml" if file == "-" else file)
    if is_plan(named, text):
        where = "FILE (save it to a file first)" if file == "-" else file
        return "is a plan (it has [[phase]] tables)", f"To follow it: spinewise plan start {where}"
    if is_exercise_library(named, text):
        return ("is an exercise library (a table per exercise)",
                f"To use its exercises, copy the entries you want into "
                f'{paths.user_exercises_file()} and name them in a routine with use = "ID".')
    return None


def shown_name(file: str) -> str:
    return STDIN_NAME if file == "-" else file

"""The command-line words for making routines one's own: `new`, `edit`, `library import`.

Kept apart from `tui/cli.py`, which adds `COMMANDS` to its parser and calls
`dispatch`; like every command but the interface, these never import Textual.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # argparse's class is generic only to type checkers
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


def _add_new(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    new = sub.add_parser(
        "new",
        help="write a new routine into your routine folder",
        description="Write a commented starter routine (or a copy of ROUTINE, comments kept) "
        "into your routine folder, named after NAME; print its path. Never overwrites.",
    )
    new.add_argument("name", metavar="NAME", help='the routine\'s name, such as "Evening stretch"')
    new.add_argument("--from", dest="source", metavar="ROUTINE",
                     help="start from a copy of this routine (an id or a TOML file)")


def _add_edit(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    edit = sub.add_parser(
        "edit",
        help="open a routine in your editor, and check it when you are done",
        description="Open ROUTINE in $VISUAL or $EDITOR; check it when the editor exits, and "
        "offer to edit again, keep it anyway or discard the change while it has mistakes. "
        "A bundled routine is copied into your folder first. The version before is kept "
        "as NAME.toml.bak until the routine is valid.",
    )
    edit.add_argument("routine", metavar="ROUTINE")


def _add_library(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    lib = sub.add_parser("library", help="your exercise library: import exercises")
    lib_sub = lib.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    imp = lib_sub.add_parser(
        "import",
        help="add exercises from a Free Exercise DB JSON file to your exercises.toml",
        description="Add Free Exercise DB records (github.com/yuhonas/free-exercise-db) to "
        "your exercises.toml, for routines to use. Importing again adds nothing twice. "
        "Exit 0 when every chosen record was imported, 1 when any was skipped.",
    )
    imp.add_argument("file", metavar="FILE", type=Path, help="exercises.json, or one record")
    imp.add_argument("--id", dest="ids", action="append", default=[], metavar="ID",
                     help="only this record (its id in the file, such as Cat_Stretch); repeatable")
    imp.add_argument("--category", dest="categories", action="append", default=[], metavar="C",
                     help="only records of this category, such as stretching; repeatable")
    imp.add_argument("--muscle", dest="muscles", action="append", default=[], metavar="M",
                     help='only records working this muscle, such as "lower back"; repeatable')


#: The authoring commands and what adds each to the parser (`tui/cli.py` lists them all).
COMMANDS = {"new": _add_new, "edit": _add_edit, "library": _add_library}


def dispatch(args: argparse.Namespace) -> int:
    if args.command == "new":
        from .new import run_new

        return run_new(args.name, args.source)
    if args.command == "edit":
        from .edit import run_edit

        return run_edit(args.routine)
    from .library_import import run_import

    return run_import(args.file, args.ids, args.categories, args.muscles)

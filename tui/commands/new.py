"""`spinewise new NAME [--from ROUTINE]`: a new routine in the person's folder."""

from __future__ import annotations

import argparse
import sys

from tui.core.routine.problems import RoutineError

from . import Subparsers
from .common import report, resolve_ref


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    new = sub.add_parser(
        "new",
        help="write a new routine into your routine folder",
        description="Write a commented starter routine (or a copy of ROUTINE, comments kept) "
        "into your routine folder, named after NAME; print its path. Never overwrites.",
    )
    new.add_argument("name", metavar="NAME", help='the routine\'s name, such as "Evening stretch"')
    new.add_argument("--from", dest="source", metavar="ROUTINE",
                     help="start from a copy of this routine (an id or a TOML file)")


def run(args: argparse.Namespace) -> int:
    return run_new(args.name, args.source)


def run_new(name: str, source: str | None = None) -> int:
    """Write the starter routine (or a copy of `source`) and print its path."""
    from tui.core.authoring.files import AuthoringError, check_new_name, create_routine, new_text
    from tui.core.catalog.checking import check_path

    try:
        rid, path = check_new_name(name)
    except AuthoringError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    ref = None
    if source is not None:
        ref = resolve_ref(source)
        if ref is None:
            return 1
    try:
        text = new_text(name, rid, ref)
    except RoutineError as error:
        report(error)
        return 1
    try:
        create_routine(path, text)
    except FileExistsError:
        print(f"spinewise: {path} already exists; not overwritten", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"spinewise: cannot write {path}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(path)
    problems = check_path(path)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"The copy has mistakes where it is now; fix them with: spinewise edit {rid}",
              file=sys.stderr)
        return 1
    print(f"Change it with: spinewise edit {rid}    Try it with: spinewise run {rid}",
          file=sys.stderr)
    return 0

"""`spinewise run ROUTINE`: start a routine (an id, or a TOML file)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import PLAIN_HELP, Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    run = sub.add_parser(
        "run",
        parents=[common],
        help="start a routine",
        description="Start a routine: a bundled or own routine's id, or a TOML file.",
    )
    run.add_argument("routine", metavar="ROUTINE")
    run.add_argument(
        "--discard",
        action="store_true",
        help="discard a paused session without asking, and start this routine",
    )
    run.add_argument("--plain", action="store_true", help=PLAIN_HELP)
    run.add_argument(
        "--cue-log",
        type=Path,
        metavar="FILE",
        help="append one JSON line per cue played: {cue, due, at}",
    )


def run(args: argparse.Namespace) -> int:
    from .workout import run_workout  # the interface, Textual with it: only now

    return run_workout(args)

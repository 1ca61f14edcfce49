"""`spinewise resume`: continue the paused or interrupted session."""

from __future__ import annotations

import argparse

from . import PLAIN_HELP, Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    resume = sub.add_parser(
        "resume",
        parents=[common],
        help="carry on with the paused session",
        description="Reopen the paused or interrupted session where it stopped.",
    )
    resume.add_argument("--plain", action="store_true", help=PLAIN_HELP)


def run(args: argparse.Namespace) -> int:
    from .workout import run_workout  # the interface, Textual with it: only now

    return run_workout(args)

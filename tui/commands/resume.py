"""`spinewise resume`: continue the paused or interrupted session."""

from __future__ import annotations

import argparse

from . import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    sub.add_parser(
        "resume",
        parents=[common],
        help="carry on with the paused session",
        description="Reopen the paused or interrupted session where it stopped.",
    )


def run(args: argparse.Namespace) -> int:
    from .workout import run_workout  # the interface, Textual with it: only now

    return run_workout(args)

"""The `spinewise` command line.

Only `run`, `resume` and the bare command start the Textual interface; the
other commands never import Textual, so they start quickly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.core.sound_modes import SOUND_MODES

from . import __version__
from .commands import authoring_cli

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
#: What `add_subparsers` returns (argparse gives it no public name).
Commands = argparse._SubParsersAction


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number such as 2 or 0.5, got {text!r}"
        ) from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"expected a number above 0 and at most 1000, got {text}")
    return value


def _common_options() -> argparse.ArgumentParser:
    """The workout options, accepted before the command and after `run` and `resume`."""
    common = argparse.ArgumentParser(add_help=False)
    play = common.add_argument_group("workout options")
    play.add_argument(
        "--sound",
        choices=list(SOUND_MODES),
        default=None,
        help="how cues are played (default: your saved setting, else auto)",
    )
    play.add_argument(
        "--voice",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="speak exercise names, rests and count-ins",
    )
    play.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        metavar="FACTOR",
        help="run the clock FACTOR times faster, to preview a routine (default 1)",
    )
    return common


def _add_run(sub: Commands, common: argparse.ArgumentParser) -> None:
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
    run.add_argument(
        "--cue-log",
        type=Path,
        metavar="FILE",
        help="append one JSON line per cue played: {cue, due, at}",
    )


def _add_resume(sub: Commands, common: argparse.ArgumentParser) -> None:
    sub.add_parser(
        "resume",
        parents=[common],
        help="carry on with the paused session",
        description="Reopen the paused or interrupted session where it stopped.",
    )


def _add_list(sub: Commands, common: argparse.ArgumentParser) -> None:
    lst = sub.add_parser("list", help="the routines found, with level and total time")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _add_show(sub: Commands, common: argparse.ArgumentParser) -> None:
    show = sub.add_parser("show", help="the plan of a routine: every step and the total time")
    show.add_argument("routine", metavar="ROUTINE")
    show.add_argument("--json", action="store_true", help="print the plan as JSON")


def _add_history(sub: Commands, common: argparse.ArgumentParser) -> None:
    history = sub.add_parser("history", help="past sessions, your streak, minutes per week")
    history.add_argument("--json", action="store_true", help="print the sessions as JSON")


def _add_check(sub: Commands, common: argparse.ArgumentParser) -> None:
    check = sub.add_parser(
        "check",
        help="validate routine files or folders",
        description="Validate routine files, or every *.toml in a folder "
        "(exercises.toml is checked as an exercise library). "
        "Exit 0 when all are valid, 1 when any is not.",
    )
    check.add_argument("paths", metavar="PATH", nargs="+", type=Path)


#: Every command, in the order `spinewise --help` lists them.
COMMANDS: dict[str, Callable[[Commands, argparse.ArgumentParser], None]] = {
    "run": _add_run,
    "resume": _add_resume,
    "list": _add_list,
    "show": _add_show,
    "history": _add_history,
    "check": _add_check,
    **authoring_cli.COMMANDS,
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only`, the top level and that one command.

    `main` parses with the smaller parser when the first word names a command:
    a workout's first frame waited for all ten to be built (about 8 M
    instructions, measured), and only one is used.
    """
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="spinewise",
        description="A guided-workout timer for back care: slow tempo, form tips, sound cues, "
        "and sessions that resume where they stopped.",
        epilog="With no command, opens the routine library. "
        "General exercise guidance, not medical advice: stop anything that hurts.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"spinewise {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in COMMANDS.items():
        if only is None or name == only:
            add(sub, common)
    return parser


def forgiving_output() -> None:
    """Print what the terminal cannot encode as `?` (errors as `\\xe9`), never crash.

    With PYTHONIOENCODING=ascii, or a terminal in Latin-1, a routine named
    "Café" made `list` and `show` raise UnicodeEncodeError (issue 13).
    """
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)


def main(argv: Sequence[str] | None = None) -> int:
    forgiving_output()
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(words)
    try:
        if args.command == "check":
            from .commands.check import run_check

            return run_check(args.paths)
        if args.command in authoring_cli.COMMANDS:
            return authoring_cli.dispatch(args)
        if args.command == "history":
            from .commands.history import run_history

            return run_history(as_json=args.json)
        if args.command in ("list", "show"):
            from .commands import inspect

            if args.command == "list":
                return inspect.run_list(as_json=args.json)
            return inspect.run_show(args.routine, as_json=args.json)
        from .commands.workout import run_workout

        args.discard = getattr(args, "discard", False)
        args.cue_log = getattr(args, "cue_log", None)
        return run_workout(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK

"""The `spinewise` command line: names to command modules.

Each command is a module of `tui/commands/` with `add_parser(sub, common)` and
`run(args)`; `COMMANDS` maps its name to the module. `main` imports only the
module asked for, and builds only its parser: a workout's first frame waited
for all ten parsers to be built (about 8 M instructions, measured), and only
one is used. Only `run`, `resume` and the bare command start the Textual
interface; the other commands never import Textual, so they start quickly.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from tui.core.sound_modes import SOUND_MODES

from . import __version__, collector

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

#: Every command and its module in `tui.commands`, in the order `spinewise --help` lists them.
COMMANDS: dict[str, str] = {
    "run": "run",
    "resume": "resume",
    "list": "list_routines",
    "show": "show",
    "history": "history",
    "checkin": "checkin",
    "today": "today",
    "plan": "plan",
    "progress": "progress",
    "check": "check",
    "new": "new",
    "edit": "edit",
    "export": "routine_export",
    "import": "routine_import",
    "remind": "remind",
    "library": "library_import",
    "serve": "serve",
}


#: The commands that may show the interface (None: no command, the routine library):
#: they start without the garbage collector until their first frame.
INTERFACE = ("run", "resume", None)


def command(name: str) -> ModuleType:
    """The module of the command `name` (imported now, the first time it is asked for)."""
    return importlib.import_module(f"tui.commands.{COMMANDS[name]}")


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


def _common_options(*, after: bool = False) -> argparse.ArgumentParser:
    """The workout options, accepted before the command and after `run`, `resume`
    and `serve`; the later word wins when both are given.

    The copies after a command (`after`) have no default: a sub-command's
    defaults are set over the top level's, so `--sound off run X` was read as
    no --sound at all. Without one, the top level's value (or default) stays.
    """
    unset = argparse.SUPPRESS
    common = argparse.ArgumentParser(add_help=False)
    play = common.add_argument_group("workout options")
    play.add_argument(
        "--sound",
        choices=list(SOUND_MODES),
        default=unset if after else None,
        help="how cues are played (default: your saved setting, else auto)",
    )
    play.add_argument(
        "--voice",
        action=argparse.BooleanOptionalAction,
        default=unset if after else None,
        help="speak exercise names, rests and count-ins",
    )
    play.add_argument(
        "--speed",
        type=_speed,
        default=unset if after else 1.0,
        metavar="FACTOR",
        help="run the clock FACTOR times faster, to preview a routine (default 1)",
    )
    return common


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and version are written as any other
    output: argparse ignores an OSError from that write, so `--help > /dev/full`
    exited 0 having printed nothing (found by a tester). Raised here, it reaches
    `main`, which says so in one line and exits 1. Its sub-commands' parsers are of
    this class too (`add_subparsers` makes them of the parser's own class)."""

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        (file or sys.stdout).write(self.format_help())

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        (file or sys.stdout).write(self.format_usage())

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """As argparse's, but words left over are refused by the command's own parser,
        with its usage (found by a tester: `checkin 3 4` gave the top level's)."""
        found, extra = self.parse_known_args(args, namespace)
        if extra:
            self.chosen(found).error(f"unrecognized arguments: {' '.join(extra)}")
        return found

    def chosen(self, found: argparse.Namespace) -> argparse.ArgumentParser:
        """The deepest (sub-)command parser `found` names (`plan start` in `plan`)."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                name = getattr(found, action.dest, None)
                parser = action.choices.get(name) if isinstance(name, str) else None
                if isinstance(parser, _Parser):
                    return parser.chosen(found)
        return self


class _Version(argparse.Action):
    """`--version`, written as `_Parser.print_help` writes (argparse's own action
    ignores a failed write)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        sys.stdout.write(f"spinewise {__version__}\n")
        parser.exit()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only`, the top level and that one command
    (`main` parses with it when a word names a command)."""
    parser = _Parser(
        prog="spinewise",
        description="A guided-workout timer for back care: slow tempo, form tips, sound cues, "
        "and sessions that resume where they stopped.",
        epilog="With no command, opens the routine library. "
        "General exercise guidance, not medical advice: stop anything that hurts.",
        parents=[_common_options()],
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common_options(after=True)
    for name in COMMANDS:
        if only is None or name == only:
            command(name).add_parser(sub, common)
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
    """Run the command line; the exit status (1 when the output cannot be written).

    Standard output that cannot be written (`> /dev/full`: ENOSPC, or EIO) gives
    one line on stderr and exit 1, never a traceback; a closed pipe (`| head -1`)
    is a quiet success. The output is flushed here, inside the guard, so the
    interpreter's own final flush has nothing left to fail on.
    """
    try:
        try:
            code = _main(argv)
        except SystemExit:  # --help, --version and usage errors print, then exit
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence(sys.stdout, sys.stderr)
        return EXIT_OK
    except OSError as error:
        if not _output_broken(error):
            raise
        _silence(sys.stdout)
        try:
            print(f"spinewise: cannot write the output: {error.strerror or error}",
                  file=sys.stderr, flush=True)
        except OSError:
            _silence(sys.stderr)
        return EXIT_INVALID
    finally:
        collector.give_back()  # when the interface never drew (or a plain line never came)


def _main(argv: Sequence[str] | None) -> int:
    forgiving_output()
    words = sys.argv[1:] if argv is None else list(argv)
    # the command's word: the first that names one (workout options may come before it)
    name = next((word for word in words if word in COMMANDS), None)
    if name in INTERFACE:
        collector.hold()  # until the first frame: `tui/collector.py`
    parser = build_parser(name)
    args = parser.parse_args(words)
    if args.command is None:  # the routine library
        from .commands.workout import run_workout

        return run_workout(args)
    from tui.core.store.schema import StoreError

    try:
        code: int = command(args.command).run(args)
    except StoreError as error:  # a database a command did not expect to fail: a sentence
        print(f"spinewise: {error}", file=sys.stderr)
        return EXIT_INVALID
    return code


#: What a write to a full or failing output gives (`> /dev/full`, a full disk, a
#: dead terminal). A failed write is not always kept in the stream's buffer, so
#: flushing again does not always tell.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG})


def _output_broken(error: OSError) -> bool:
    """Whether `error` (reaching `main` uncaught) is standard output failing:
    an errno of a failed write, or what is still waiting for stdout cannot go."""
    if error.errno in _OUTPUT_ERRNOS:
        return True
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return False


def _silence(*streams: TextIO) -> None:
    """Point `streams` at the null device, so what is still buffered goes nowhere
    at exit instead of failing again (the Python docs' note on SIGPIPE)."""
    for stream in streams:
        try:
            fd = stream.fileno()
        except (OSError, ValueError):  # not a real file (a test's capture): nothing at exit
            continue
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)

"""One module per command: `add_parser(sub, common)` adds its words to the
command line, `run(args)` does it and returns the exit status.

`tui/cli.py` imports only the module of the command asked for. So that the
full command line (`--help`, or options with no command) stays cheap to
build, a module imports at its top only what its parser needs when its work
needs much more (`new`, `edit`, `library`: authoring and importing cost some
8 to 17 ms each, measured); `run`, `resume` and the bare command import the
interface (`workout.py`, Textual) only when run.
"""

from __future__ import annotations

import argparse
from typing import TypeAlias

#: What `add_subparsers` returns (argparse gives it no public name).
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

PLAIN_HELP = (
    "follow the workout as plain lines, one per step, for a screen reader, a braille "
    "display or a pipe (chosen too when output is not a terminal, or TERM=dumb)"
)

"""`spinewise edit ROUTINE`: open it in the person's editor, and keep it valid.

A bundled routine is first copied into the person's folder (the installed
package is never edited). After the editor exits the file is checked; with
mistakes, the person chooses: edit again, keep anyway, or discard the change.
The version before is kept as `NAME.toml.bak` until the file is valid (see
`tui.core.authoring.edit_round`). Answers are read from standard input; at its end
(nothing more to read, as when it is not a terminal) the mistakes are left
with the backup beside them, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.core.routine.problems import RoutineError

from . import Subparsers
from .common import report, resolve_ref

if TYPE_CHECKING:
    from tui.core.authoring.edit_round import EditRound
    from tui.core.routine.exercise_library import ExerciseLibrary

FALLBACK_EDITORS = ("nano", "vi", "notepad")
#: Rounds of "edit again" without a terminal, so a script answering "e" forever ends.
MAX_ROUNDS_WITHOUT_TERMINAL = 5
PROMPT = "[e]dit again, [k]eep anyway, or [d]iscard the change? "
Runner = Callable[[Sequence[str]], int]


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    edit = sub.add_parser(
        "edit",
        help="open a routine in your editor, and check it when you are done",
        description="Open ROUTINE in $VISUAL or $EDITOR; check it when the editor exits, and "
        "offer to edit again, keep it anyway or discard the change while it has mistakes. "
        "A bundled routine is copied into your folder first. The version before is kept "
        "as NAME.toml.bak until the routine is valid.",
    )
    edit.add_argument("routine", metavar="ROUTINE")


def run(args: argparse.Namespace) -> int:
    return run_edit(args.routine)


def find_editor(env: Mapping[str, str]) -> list[str] | None:
    """$VISUAL, else $EDITOR (either may carry arguments), else the first of
    nano, vi and notepad found on the PATH."""
    for var in ("VISUAL", "EDITOR"):
        value = env.get(var, "").strip()
        if value:
            try:
                return shlex.split(value, posix=os.name != "nt")
            except ValueError:
                return [value]
    for name in FALLBACK_EDITORS:
        found = shutil.which(name)
        if found:
            return [found]
    return None


def run_edit(
    name: str,
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    runner: Runner = subprocess.call,
) -> int:
    from tui.core.authoring.edit_round import EditRound
    from tui.core.authoring.files import copy_bundled, own_copy_path

    stdin = stdin or sys.stdin
    out = out or sys.stdout
    env = os.environ if env is None else env
    ref = resolve_ref(name)
    if ref is None:
        return 1
    editor = find_editor(env)
    if editor is None:
        print("spinewise: no editor found; set one, for example: export EDITOR=nano",
              file=sys.stderr)
        return 1
    path, created = ref.path, False
    if ref.origin == "bundled":
        created = not own_copy_path(ref).exists()
        try:
            path = copy_bundled(ref)
        except (OSError, RoutineError) as error:
            print(f"spinewise: cannot copy {ref.id} into your folder: {error}", file=sys.stderr)
            return 1
        print(f"{ref.id} is a bundled routine: editing your own copy, {path}", file=out)
        print("(it takes the bundled one's place in your library; delete it to go back)",
              file=out)
    try:
        editing = EditRound(path, _exercise_library(path), created=created)
        if editing.had_backup:
            print(f"An earlier backup is kept until the routine is valid: {editing.backup}",
                  file=out)
        return _rounds(editing, editor, stdin, out, runner)
    except RoutineError as error:  # not a regular file, or too large to be a routine
        report(error)
        return 1
    except OSError as error:  # the file or its backup cannot be read or written
        where = error.filename or path
        print(f"spinewise: {where}: {error.strerror or error}", file=sys.stderr)
        return 1


def _rounds(editing: EditRound, editor: list[str], stdin: TextIO, out: TextIO,
            runner: Runner) -> int:
    path = editing.path
    rounds = 0
    while True:
        rounds += 1
        try:
            status = runner([*editor, str(path)])
        except OSError as error:
            print(f"spinewise: cannot start the editor {editor[0]!r}: "
                  f"{error.strerror or error}; set $EDITOR", file=sys.stderr)
            editing.discard()
            return 1
        if status:
            print(f"(the editor exited with status {status})", file=out)
        problems = editing.problems()
        if not problems:
            if editing.created and not editing.changed():
                editing.discard()  # a copy nobody changed would only hide the bundled one
                print("No changes: the copy is removed; the bundled routine stays.", file=out)
                return 0
            changed = editing.changed()
            editing.accept()
            print(f"{'Saved' if changed else 'No changes'}: {path} is valid.", file=out)
            return 0
        for problem in problems:
            print(problem, file=sys.stderr)
        noun = "mistake" if len(problems) == 1 else "mistakes"
        print(f"{path} has {len(problems)} {noun}.", file=out)
        limit = not stdin.isatty() and rounds >= MAX_ROUNDS_WITHOUT_TERMINAL
        answer = None if limit else _ask(stdin, out)
        if answer == "e":
            continue
        if answer == "d":
            editing.discard()
            done = "removed the copy" if editing.created else "the file is as it was"
            print(f"Discarded the change: {done}.", file=out)
            return 0
        if answer == "k":
            print(f"Kept with mistakes; the version before is in {editing.backup}", file=out)
        else:
            print(f"No answer: kept with mistakes; the version before is in {editing.backup}",
                  file=out)
        return 1


def _ask(stdin: TextIO, out: TextIO) -> str | None:
    """`e`, `k` or `d`; None at the end of the input."""
    while True:
        out.write(PROMPT)
        out.flush()
        line = stdin.readline()
        if not line:
            out.write("\n")
            return None
        answer = line.strip().lower()[:1]
        if answer in ("e", "k", "d"):
            return answer


def _exercise_library(path: Path) -> ExerciseLibrary:
    """The exercise library the routine at `path` is checked with; a file with
    mistakes is left out, and said so."""
    from tui.core.authoring.files import checking_exercise_library

    found, warning = checking_exercise_library(path)
    if warning:
        print(f"spinewise: {warning}", file=sys.stderr)
    return found

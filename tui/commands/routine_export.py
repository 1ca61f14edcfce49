"""`spinewise export ROUTINE [-o FILE] [--force]`: a routine as one standalone file.

Every exercise-library entry the routine uses is written out in full
(`tui.core.authoring.standalone`), so the file runs the same on a machine
whose exercise library differs. Printed to standard output, or written to
FILE in one rename (`atomic.write_atomic`). FILE follows the rule of every
`-o` (`common.output_path`): an existing FILE is kept unless `--force`, as `new`
never overwrites (a shared file is often the only copy someone has of their
changes); a device or pipe is never replaced; a link is written through.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from tui import __version__
from tui.core.routine.problems import RoutineError

from . import Subparsers
from .common import report, resolve_ref
from .output_file import FORCE_HELP, OUTPUT_HELP, output_path


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser(
        "export",
        help="write a routine as one standalone file to share (see: spinewise import)",
        description="Write ROUTINE (an id or a TOML file) as one standalone routine file: "
        "the exercise-library entries it uses are written out in full, so it runs the same "
        "on any machine. Printed to standard output unless -o FILE is given. "
        "Someone else adds it to their routines with: spinewise import FILE.",
    )
    export.add_argument("routine", metavar="ROUTINE")
    export.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help=OUTPUT_HELP)
    export.add_argument("--force", action="store_true", help=FORCE_HELP)


def run(args: argparse.Namespace) -> int:
    return run_export(args.routine, args.output, force=args.force)


def run_export(name: str, output: Path | None = None, *, force: bool = False,
               now: dt.datetime | None = None) -> int:
    """Export routine `name` to `output` (standard output when None); `now` for the header."""
    from tui.core.atomic import write_atomic
    from tui.core.authoring.standalone import (
        ExportError,
        export_header,
        standalone_text,
        used_entries,
    )
    from tui.core.catalog import sources

    ref = resolve_ref(name)
    if ref is None:
        return 1
    if output is not None and output.is_dir():
        print(f"spinewise: {output} is a folder; give a file name, such as "
              f"{output / (ref.id + '.toml')}", file=sys.stderr)
        return 1
    target = output_path(output, force=force)
    if isinstance(target, int):
        return target
    try:
        routine, text, library_texts = sources.read_routine(ref)
    except RoutineError as error:
        report(error)
        return 1
    when = (now or dt.datetime.now()).astimezone()
    header = export_header(ref.id, ref.origin, __version__, when, used_entries(routine))
    try:
        result = standalone_text(routine, text, library_texts, header)
    except ExportError as error:
        print(f"spinewise: cannot export {ref.id}: {error}", file=sys.stderr)
        return 1
    if target is None:
        sys.stdout.write(result)
        return 0
    try:
        write_atomic(target, result)
    except OSError as error:
        print(f"spinewise: cannot write {output}: {error.strerror or error}; nothing written",
              file=sys.stderr)
        return 1
    print(output)
    if target != output:
        print(f"Written through the link {output} to {target}", file=sys.stderr)
    print(f"Add it to another machine's routines with: spinewise import {target.name}",
          file=sys.stderr)
    return 0

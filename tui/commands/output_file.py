"""The one rule for every `-o FILE` a command writes (`history export`, `export`,
and any new one): what the help says and what is refused before anything is read.

`history export -o /dev/full` (as root) replaced the device with a regular file,
and `-o link.csv` the link: `atomic.output_target` refuses what is not a regular
file, wants the folder to exist, keeps an existing file unless `--force`, and
writes a symbolic link through to its target, as editors do.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: What every `-o FILE` says in its help: the one rule (`atomic.output_target`).
OUTPUT_HELP = ("write to FILE instead of standard output (- for standard output); the "
               "folder must exist; an existing FILE is kept unless --force; a symbolic "
               "link is written through to its target")
FORCE_HELP = "replace FILE if it exists (otherwise it is kept; nothing written)"


def output_path(output: Path | None, *, force: bool) -> Path | int | None:
    """The file a command writes for `-o FILE` (None: standard output), or exit
    code 1 after saying in one sentence why nothing is written (a device, a pipe,
    a folder, a missing folder, an existing file without --force)."""
    from tui.core.atomic import output_target

    if output is None or str(output) == "-":
        return None
    try:
        return output_target(output, force=force)
    except OSError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1

"""`spinewise history export --format csv|jsonl [-o FILE]`: every ended session,
with its check-ins, for a spreadsheet or another program
(`tui.core.present.export` makes the text).

To standard output by default; with `-o FILE` the file is written atomically
(a temporary file beside it, then one rename), so an export that fails
half-way leaves any old file as it was; FILE follows the rule of every `-o`
(`common.output_path`: kept unless --force, never a device or pipe, a link
written through). The CSV reads no steps.

Measured (tests/bench/bench_checkins.py, 1,825 sessions of 58 steps against 10):
`history` 1.3x, the History screen 0.9x, its Calendar 1.05x and Exercises
1.2x; CSV 1.7x (6x while it read the steps). jsonl and `history --json` write
every step, so their output is some 180 times larger (27 and 36 MB): they were
13-14x, `json.dumps` of each step's dict the most of it; written from the step
rows in Python 5-8x; with SQLite writing the steps' text (`store.json_rows`)
4-5x (CPU 0.53 s against 0.12 s), no more than linear in what they write, and
memory flat (a page of sessions).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from tui.core.store.database import Store, StoreError
from tui.core.store.record import SessionRecord


def _without_steps(store: Store, page: int = 500) -> Iterator[SessionRecord]:
    """Every ended session, newest first, without its steps, `page` at a time."""
    offset = 0
    while batch := store.history(page, offset=offset, steps=False):
        yield from batch
        offset += len(batch)


def run_export(fmt: str, output: Path | None, *, force: bool = False) -> int:
    from tui.core.atomic import write_atomic
    from tui.core.present.export import by_session, csv_text, jsonl_text
    from tui.core.present.session_text import IsoDates
    from tui.core.store.json_rows import LINES

    from .output_file import output_path

    target = output_path(output, force=force)
    if isinstance(target, int):
        return target
    try:  # read only, as `history`: a read-only folder or a full disk still exports
        with Store.read_only() as store:
            for warning in store.warnings:
                print(f"spinewise: {warning}", file=sys.stderr)
            if fmt == "csv":  # a row a session: the steps are not read
                pieces = csv_text(_without_steps(store), by_session(store.checkins()),
                                  bom=target is not None)  # a file: `export.BOM`
            else:  # every step: a page of sessions, their text written by SQLite
                dates = IsoDates()
                pieces = jsonl_text(store.each_session_json(LINES, dates),
                                    store.standalone_json(dates), dates)  # fmt: skip
            if target is None:
                for piece in pieces:
                    sys.stdout.write(piece)
                return 0
            write_atomic(target, pieces)  # written as read; the old file until it ends
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        if target is None:
            raise  # standard output closed: as any other command
        print(f"spinewise: cannot write {target}: {error.strerror or error}; nothing written",
              file=sys.stderr)  # fmt: skip
        return 1
    through = f" (through the link {output})" if target != output else ""
    print(f"Exported to {target}{through}", file=sys.stderr)
    return 0

"""`spinewise history export --format csv|jsonl [-o FILE]`: every ended session,
with its check-ins, for a spreadsheet or another program
(`tui.core.present.export` makes the text).

To standard output by default; with `-o FILE` the file is written atomically
(a temporary file beside it, then one rename), so an export that fails
half-way leaves any old file as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.core.store.database import Store, StoreError


def run_export(fmt: str, output: Path | None) -> int:
    from tui.core.atomic import write_atomic
    from tui.core.present.export import by_session, csv_text, jsonl_text

    try:  # read only, as `history`: a read-only folder or a full disk still exports
        with Store.read_only() as store:
            for warning in store.warnings:
                print(f"spinewise: {warning}", file=sys.stderr)
            checkins = by_session(store.checkins())
            make = csv_text if fmt == "csv" else jsonl_text
            pieces = make(store.each_session(), checkins)
            if output is None:
                for piece in pieces:
                    sys.stdout.write(piece)
                return 0
            text = "".join(pieces)
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    try:
        write_atomic(output, text)
    except OSError as error:
        print(f"spinewise: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Exported to {output}", file=sys.stderr)
    return 0

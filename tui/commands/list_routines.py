"""`spinewise list [--json]`: the routines found, with level, total time and origin.

Each routine's line comes from the listing cache (`catalog.listing`): a file is
read and planned again only when it or its exercise libraries changed. More than
`plain.PLAIN_FROM` routines are printed in plain columns (Rich's table took 3.5 s
of 4.2 s for 1,000).
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tui.core.catalog.listing import Listing, listings
from tui.core.plan import json_number
from tui.core.routine.models import format_clock

from . import Subparsers
from .plain import PLAIN_FROM, plain_table

COLUMNS = ("id", "name", "level", "time", "from")


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    lst = sub.add_parser("list", help="the routines found, with level and total time")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run(args: argparse.Namespace) -> int:
    return run_list(as_json=args.json)


def run_list(*, as_json: bool) -> int:
    catalog = listings()
    if as_json:
        print(json.dumps([_entry_json(entry) for entry in catalog], indent=2))
        return 0
    if len(catalog) > PLAIN_FROM:
        rows = [_cells(entry) for entry in catalog]
        sys.stdout.writelines(f"{line}\n" for line in plain_table(COLUMNS, rows, ("time",)))
        return 0
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column == "time" else "left")
    for entry in catalog:
        if entry.name is None:
            table.add_row(
                entry.ref.id,
                f"[red]invalid[/]: spinewise check {escape(entry.to_check)}",
                "",
                "",
                entry.ref.origin,
            )
            continue
        table.add_row(
            entry.ref.id,
            escape(entry.name),
            entry.level or "-",
            format_clock(entry.total_seconds or 0),
            entry.ref.origin,
        )
    Console().print(table)
    return 0


def _cells(entry: Listing) -> tuple[str, str, str, str, str]:
    if entry.name is None:
        return (entry.ref.id, f"invalid: spinewise check {entry.to_check}", "", "",
                entry.ref.origin)  # fmt: skip
    total = format_clock(entry.total_seconds or 0)
    return entry.ref.id, entry.name, entry.level or "-", total, entry.ref.origin


def _entry_json(entry: Listing) -> dict[str, object]:
    row: dict[str, object] = {
        "id": entry.ref.id,
        "origin": entry.ref.origin,
        "path": str(entry.ref.path),
    }
    if entry.name is None:
        row.update(name=None, level=None, total_seconds=None, error=entry.error,
                   error_file=entry.to_check)
        return row
    row.update(
        name=entry.name,
        level=entry.level,
        total_seconds=json_number(entry.total_seconds or 0),
        exercises=entry.exercises,
        tags=list(entry.tags),
        summary=entry.summary,
    )
    return row

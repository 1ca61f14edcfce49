"""`spinewise list [--json]`: the routines found, with level, total time and origin.

Each routine's line comes from the listing cache (`catalog.listing`): a file is
read and planned again only when it or its exercise libraries changed.
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tui.core.catalog.listing import Listing, listings
from tui.core.plan import json_number
from tui.core.routine.models import format_clock

from . import Subparsers


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
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "name", "level", "time", "from"):
        table.add_column(column, justify="right" if column == "time" else "left")
    for entry in catalog:
        if entry.name is None:
            table.add_row(
                entry.ref.id,
                f"[red]invalid[/]: spinewise check {entry.ref.path}",
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


def _entry_json(entry: Listing) -> dict[str, object]:
    row: dict[str, object] = {
        "id": entry.ref.id,
        "origin": entry.ref.origin,
        "path": str(entry.ref.path),
    }
    if entry.name is None:
        row.update(name=None, level=None, total_seconds=None, error=entry.error)
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

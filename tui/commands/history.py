"""`spinewise history`: past sessions, the streak, minutes per week."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.store.database import Store, StoreError

from . import Subparsers

BAR = "█"


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    history = sub.add_parser("history", help="past sessions, your streak, minutes per week")
    history.add_argument("--json", action="store_true", help="print the sessions as JSON")


def run(args: argparse.Namespace) -> int:
    return run_history(as_json=args.json)


def run_history(*, as_json: bool) -> int:
    try:
        store = Store.open()
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    with store:
        for warning in store.warnings:
            print(f"spinewise: {warning}", file=sys.stderr)
        records = store.history()
        if as_json:
            print(json.dumps([record.to_json() for record in records], indent=2))
            return 0
        streak = store.streak()
        weeks = store.minutes_per_week()
    console = Console()
    if not records:
        console.print("No sessions yet. Start one with: spinewise run gentle-start")
        return 0
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("date", "routine", "minutes", "status", "skipped or hurt"):
        table.add_column(column, justify="right" if column == "minutes" else "left")
    for record in records[:30]:
        when, routine, minutes, status, notes = record.row()
        table.add_row(
            when,
            Text(routine),
            minutes,
            Text(status, style=STATUS_STYLE.get(record.status, "")),
            Text(notes, style="red" if record.hurt else ""),
        )
    console.print(table)
    if len(records) > 30:
        console.print(
            f"[dim]… and {len(records) - 30} older sessions (spinewise history --json)[/]"
        )
    days = "day" if streak == 1 else "days"
    console.print(f"\n[bold]Streak:[/] {streak} {days} in a row")
    console.print("[bold]Minutes per week[/] (last 12 weeks)")
    console.print(week_chart(weeks))
    return 0


STATUS_STYLE = {"completed": "green", "stopped": "yellow", "abandoned": "dim", "active": "cyan"}


def week_chart(weeks: Sequence[tuple[date, float]], width: int = 40) -> str:
    """One bar per week: `Mon 03 Nov ████████ 42`."""
    top = max((minutes for _, minutes in weeks), default=0) or 1
    lines = []
    for monday, minutes in weeks:
        bar = BAR * round(minutes / top * width)
        lines.append(f"  {monday.strftime('%d %b')}  [green]{bar}[/] {minutes:.0f}")
    return "\n".join(lines)

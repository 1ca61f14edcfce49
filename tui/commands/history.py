"""`spinewise history`: past sessions, the streak, minutes per week; `--chart`
draws the pain or the minutes (`history_chart`), `export` writes them all.

The table reads the 30 sessions it prints, without their steps, and counts the
rest in SQL; `--json` writes each page of sessions as it is read, its steps' and
check-ins' text written by SQLite (`Store.each_session_json`), so neither time
nor memory grows with the steps of sessions not printed (with 5,000 sessions
these were 4.7 s, and 13.5 s and 961 MB for `--json`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.present.pain import pains_by_session, standalone_line
from tui.core.store.active import running_elsewhere
from tui.core.store.database import Store, StoreError
from tui.core.words import count

from . import Subparsers
from .output_file import FORCE_HELP, OUTPUT_HELP

BAR = "█"
#: A week's bar with any minutes, too few for a whole column.
THIN = "▏"
#: Sessions the table prints; the rest are counted.
SHOWN = 30
#: Check-ins of no session named under the table (the latest); the rest are counted.
ALONE_SHOWN = 3


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    history = sub.add_parser("history", help="past sessions, your streak, minutes per week")
    history.add_argument(
        "action", nargs="?", choices=["export"], metavar="export",
        help="export every session: --format csv (a row a session; to a file with -o, "
        "with a UTF-8 byte order mark for Excel) or jsonl (all of it, with the check-ins "
        "on their own, which the CSV leaves out, as --json does)",
    )  # fmt: skip
    history.add_argument(
        "--json", action="store_true",
        help='the sessions ("type": "session"), then the check-ins on their own '
        '("type": "checkin"), as JSON',
    )  # fmt: skip
    history.add_argument(
        "--chart", choices=["pain", "minutes"],
        help="draw pain before and after each session and on its own (the last 12 weeks, "
        "from the first answer in them), or minutes per week (the last 12 weeks)",
    )  # fmt: skip
    history.add_argument("--format", choices=["csv", "jsonl"], help="the export's format")
    history.add_argument("-o", "--output", type=Path, metavar="FILE", help=OUTPUT_HELP)
    history.add_argument("--force", action="store_true", help=FORCE_HELP)


def run(args: argparse.Namespace) -> int:
    if args.chart and (args.action or args.json or args.format or args.output or args.force):
        print("spinewise history: --chart goes alone: spinewise history --chart pain",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.chart:
        from .history_chart import run_chart

        return run_chart(args.chart)
    if args.action != "export":
        if args.format or args.output or args.force:
            print("spinewise history: --format, -o and --force go with export: "
                  "spinewise history export --format csv", file=sys.stderr)  # fmt: skip
            return 2
        return run_history(as_json=args.json)
    if args.format is None:
        print("spinewise history export: say --format csv or --format jsonl", file=sys.stderr)
        return 2
    from .history_export import run_export

    return run_export(args.format, args.output, force=args.force)


def run_history(*, as_json: bool) -> int:
    try:  # read only: a read-only folder or a full disk still shows the history
        with Store.read_only() as store:
            said = _say(store.warnings, 0)
            if as_json:
                write_items(session_texts(store), sys.stdout.write)
            else:
                # The paused session too, as in the History screen: its minutes are in the chart.
                records = store.history(SHOWN, include_active=True, steps=False)
                total = (
                    store.count_sessions(include_active=True)
                    if len(records) == SHOWN
                    else len(records)
                )
                pains = pains_by_session(store.checkins([record.id for record in records]))
                streak = store.streak()
                weeks = store.minutes_per_week()
                elsewhere = running_elsewhere(store)
                alone = standalone_line(*store.standalone(ALONE_SHOWN), date.today())
            _say(store.warnings, said)  # damage found by the reads themselves
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    if as_json:
        return 0
    console = Console()
    if not records:  # never "yet" when some could not be read (said above)
        console.print("No sessions to show." if store.warnings else
                      "No sessions yet. Start one with: spinewise run gentle-start")  # fmt: skip
        if alone:
            console.print(Text(alone))
        return 0
    table = Table(box=None, header_style="bold", pad_edge=False)
    # The pain column only once there are check-ins: the table fits 80 columns without it.
    columns = ("date", "routine", "minutes", "status", "pain", "notes")
    for column in columns if pains else columns[:4] + columns[5:]:
        table.add_column(column, justify="right" if column == "minutes" else "left")
    for record in records:
        record = record.as_shown(elsewhere)  # in progress in another spinewise
        when, routine, minutes, status, notes = record.row()
        pain = pains.get(record.id, "")
        cells: list[str | Text] = [
            when,
            Text(routine),
            minutes,
            Text(status, style=STATUS_STYLE.get(record.outcome, "")),
            *([Text(pain, style=zone_style(pain))] if pains else []),
            Text(notes, style="red" if record.hurt or record.sharp else ""),
        ]
        table.add_row(*cells)
    console.print(table)
    if total > len(records):
        older = count(total - len(records), "older session")
        console.print(f"[dim]… and {older} (spinewise history --json)[/]")
    if alone:  # they count toward the advice to see a professional: never out of sight
        console.print(Text(alone))
    console.print(f"\n[bold]Streak:[/] {count(streak, 'day')} in a row")
    console.print("[bold]Minutes per week[/] (last 12 weeks)")
    console.print(week_chart(weeks))
    return 0


def write_json_array(items: Iterable[object], write: Callable[[str], object]) -> None:
    """`json.dumps(list(items), indent=2)` and a newline, written an item at a time."""
    write_json_texts((json.dumps(item, indent=2) for item in items), write)


def write_json_texts(texts: Iterable[str], write: Callable[[str], object]) -> None:
    """`write_json_array` of items already written as `json.dumps(item, indent=2)`."""
    write_items(([text.replace("\n", "\n  ")] for text in texts), write)


def write_items(items: Iterable[Iterable[str]], write: Callable[[str], object]) -> None:
    """`write_json_texts` of items whose lines after the first are already 2 deeper,
    each given in pieces (written one by one: a piece may be large)."""
    first = True
    for pieces in items:
        write("[\n  " if first else ",\n  ")
        for piece in pieces:
            write(piece)
        first = False
    write("[]\n" if first else "\n]\n")


def session_texts(store: Store) -> Iterator[list[str]]:
    """Each session (`"type": "session"`) as `to_json` gives it, with its steps and
    check-ins, then each check-in of no session (`"type": "checkin"`, oldest first,
    as the JSON Lines export has them), as an item of
    the indented list in pieces (`session_text.indented_session`), a page of sessions a read,
    their steps' and check-ins' text written by SQLite (`Store.each_session_json`)."""
    from tui.core.present.session_text import IsoDates, indented_session
    from tui.core.store.json_rows import INDENTED

    dates = IsoDates()  # ISO 8601 with the local offset, as the export writes dates
    elsewhere = running_elsewhere(store)  # said "in progress", as the table says it
    for record, steps, told in store.each_session_json(INDENTED, dates, include_active=True):
        yield indented_session(record.as_shown(elsewhere), steps, told, dates)
    for text in store.standalone_json(dates, INDENTED):  # as the JSON Lines export: last
        yield [text]


ZONE_STYLE = {"green": "green", "amber": "yellow", "red": "bold red"}


def zone_style(cell: str) -> str:
    """A pain cell's style (`pain.pain_cell`), from its zone."""
    from tui.core.present.pain import cell_zone

    return ZONE_STYLE.get(cell_zone(cell), "")


STATUS_STYLE = {
    "completed": "green",
    "skipped": "yellow",
    "stopped": "yellow",
    "abandoned": "dim",
    "paused": "cyan",
    "preview": "dim",
}


def _say(warnings: list[str], said: int) -> int:
    """Print the warnings from `said` on; how many there are."""
    for warning in warnings[said:]:
        print(f"spinewise: {warning}", file=sys.stderr)
    return len(warnings)


def week_chart(weeks: Sequence[tuple[date, float]], width: int = 40) -> str:
    """One bar per week: `Mon 03 Nov ████████ 42`, `width` columns standing for the
    most minutes or `calendar.LEAST_TOP`, whichever is more (a week of a few seconds
    was a full bar, found by a tester); a week with any minutes has a bar at least a
    sliver wide (`THIN`), its minutes said as `words.minutes_text` says them."""
    from tui.core.present.calendar import LEAST_TOP
    from tui.core.words import minutes_text

    top = max(LEAST_TOP, max((minutes for _, minutes in weeks), default=0))
    lines = []
    for monday, minutes in weeks:
        bar = BAR * round(minutes / top * width) or (THIN if minutes > 0 else "")
        lines.append(f"  {monday.strftime('%d %b')}  [green]{bar}[/] {minutes_text(minutes)}")
    return "\n".join(lines)

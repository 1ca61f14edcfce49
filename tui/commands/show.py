"""`spinewise show ROUTINE [--json] [--as-written] [--format text|markdown|json]`: the
plan of a routine at today's dose, every step and the total time; or, with `--format
text|markdown`, a printable handout of it (`tui/core/present/handout.py`). `--format
json` is `--json`. Exercises with `[exercise.progress]` are shown at the stage the
session database holds for them (read only); `--as-written` shows the file's dose.

A plan of more than `plain.PLAIN_FROM` steps is printed in plain columns, not a
Rich table: Rich measured about 1 ms a step (3 s for the largest valid routine,
233 s for 10,000 exercises before the limits). tests/bench/bench_cost.py gives
the ratio to `show --json` (1.7x at 128,000 steps, measured).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tui.core.plan import Plan, build_plan
from tui.core.routine.models import Routine, format_clock, format_seconds_short
from tui.core.words import count

from . import Subparsers
from .common import resolve
from .plain import PLAIN_FROM, pad, plain_table

KIND_STYLE = {"prepare": "yellow", "work": "bold", "rest": "cyan", "switch": "magenta"}
COLUMNS = ("#", "step", "exercise", "set", "rep", "side", "phase", "seconds", "at")
RIGHT = frozenset(("#", "set", "rep", "seconds", "at"))


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    show = sub.add_parser("show", help="the plan of a routine: every step and the total time")
    show.add_argument("routine", metavar="ROUTINE")
    show.add_argument("--json", action="store_true", help="print the plan as JSON")
    show.add_argument(
        "--as-written",
        action="store_true",
        help="the dose written in the file, not today's stage of its progression",
    )
    show.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="a printable handout (text, markdown) or the plan as JSON (json, as --json)",
    )


FORMATS = ("text", "markdown", "json")


def run(args: argparse.Namespace) -> int:
    if args.json and args.format not in (None, "json"):
        print(f"spinewise show: --json and --format {args.format} ask for two different "
              "things; give one", file=sys.stderr)
        return 2
    form = "json" if args.json else args.format
    return run_show(args.routine, form=form, as_written=args.as_written)


def run_show(
    name: str, *, form: str | None = None, as_json: bool = False, as_written: bool = True
) -> int:
    """Print the plan of routine `name` (a table), or `form`: text, markdown or json
    (`as_json`: as json); at today's stages unless `as_written`."""
    if as_json:
        form = "json"
    found = resolve(name)
    if found is None:
        return 1
    ref, routine = found
    doses: list[dict[str, object]] = []
    if not as_written:
        from tui.core.programme.stages import progressing

        if progressing(routine):
            routine, doses = todays(ref.id, routine)
    plan = build_plan(routine)
    if form == "json":
        data = plan.to_json()
        if doses:
            data["progress"] = doses
        print(json.dumps(data, indent=2))
        return 0
    if doses and form is None:
        for dose in doses:
            print(dose["line"])
    if form in ("text", "markdown"):
        from tui.core.present.handout import handout_markdown, handout_text

        print(handout_text(plan) if form == "text" else handout_markdown(plan), end="")
        return 0
    if len(plan.steps) > PLAIN_FROM:
        sys.stdout.writelines(f"{line}\n" for line in plain_lines(plan))
        return 0
    console = Console()
    console.print(_plan_table(plan))
    return 0


def todays(routine_id: str, routine: Routine) -> tuple[Routine, list[dict[str, object]]]:
    """`routine` at the stages stored for `routine_id`, and a line about each
    progressing exercise (`show`). A database that cannot be read: as written, said."""
    from tui.core.programme.stages import staged, starting
    from tui.core.store.database import Store, StoreError

    try:
        with Store.read_only() as store:
            found = store.stages(routine_id)
    except StoreError as error:
        print(f"spinewise: showing the dose as written: {error}", file=sys.stderr)
        found = {}
    started = starting(routine, found)
    doses: list[dict[str, object]] = []
    for s in started:
        today, written = s.dose(s.stage), s.dose(0)
        where = f"stage {s.stage} of {s.top}"
        line = f"Today: {s.key}: {today} ({where}"
        line += ")" if s.stage == 0 else f"; as written: {written})"
        doses.append({"exercise": s.key, "stage": s.stage, "top": s.top, "dose": today,
                      "written": written, "line": line})  # fmt: skip
    return staged(routine, started), doses


def _cells(plan: Plan) -> Iterator[tuple[str, ...]]:
    """Each step's cells, as plain text, in `COLUMNS` order."""
    at = 0.0
    for number, step in enumerate(plan.steps, start=1):
        yield (
            str(number),
            step.kind,
            step.exercise,
            "" if step.set is None else f"{step.set}/{step.sets}",
            "" if step.rep is None else f"{step.rep}/{step.reps}",
            step.side or "",
            step.phase or "",
            "confirm" if step.seconds is None else format_seconds_short(step.seconds),
            format_clock(at),
        )
        at += step.seconds or 0


def plain_lines(plan: Plan) -> list[str]:
    """The plan as `show` prints it, in plain columns (`plain.plain_table`): the name,
    the header, a line a step, and the total."""
    self_paced = sum(step.seconds is None for step in plan.steps)
    note = f" + {self_paced} self-paced sets" if self_paced else ""
    total = ("", "total", f"{len(plan.steps)} steps{note}", "", "", "", "", "",
             format_clock(plan.total_seconds))  # fmt: skip
    lines = plain_table(COLUMNS, [*_cells(plan), total], RIGHT)
    return [pad(plan.name, cell_len(lines[0])), *lines]


def _plan_table(plan: Plan) -> Table:
    table = Table(
        title=escape(plan.name), title_justify="left", box=None, header_style="bold", pad_edge=False
    )
    for column in COLUMNS:
        table.add_column(column, justify="right" if column in RIGHT else "left")
    at = 0.0
    for number, step in enumerate(plan.steps, start=1):
        seconds = "confirm" if step.seconds is None else format_seconds_short(step.seconds)
        table.add_row(
            str(number),
            f"[{KIND_STYLE[step.kind]}]{step.kind}",
            escape(step.exercise),
            "" if step.set is None else f"{step.set}/{step.sets}",
            "" if step.rep is None else f"{step.rep}/{step.reps}",
            step.side or "",
            step.phase or "",
            seconds,
            format_clock(at),
        )
        at += step.seconds or 0
    self_paced = sum(step.seconds is None for step in plan.steps)
    note = f" + {count(self_paced, 'self-paced set')}" if self_paced else ""
    table.add_section()
    table.add_row(
        "",
        "[bold]total",
        f"{count(len(plan.steps), 'step')}{note}",
        "",
        "",
        "",
        "",
        "",
        f"[bold]{format_clock(plan.total_seconds)}",
    )
    return table

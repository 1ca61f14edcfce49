"""`spinewise show ROUTINE [--json]`: the plan of a routine, every step and the total time."""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tui.core.plan import Plan, build_plan
from tui.core.routine.models import format_clock, format_seconds_short

from . import Subparsers
from .common import resolve

KIND_STYLE = {"prepare": "yellow", "work": "bold", "rest": "cyan", "switch": "magenta"}



def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    show = sub.add_parser("show", help="the plan of a routine: every step and the total time")
    show.add_argument("routine", metavar="ROUTINE")
    show.add_argument("--json", action="store_true", help="print the plan as JSON")


def run(args: argparse.Namespace) -> int:
    return run_show(args.routine, as_json=args.json)


def run_show(name: str, *, as_json: bool) -> int:
    found = resolve(name)
    if found is None:
        return 1
    _, routine = found
    plan = build_plan(routine)
    if as_json:
        print(json.dumps(plan.to_json(), indent=2))
        return 0
    console = Console()
    console.print(_plan_table(plan))
    return 0


def _plan_table(plan: Plan) -> Table:
    table = Table(
        title=escape(plan.name), title_justify="left", box=None, header_style="bold", pad_edge=False
    )
    for column in ("#", "step", "exercise", "set", "rep", "side", "phase", "seconds", "at"):
        table.add_column(
            column, justify="right" if column in ("#", "set", "rep", "seconds", "at") else "left"
        )
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
    note = f" + {self_paced} self-paced sets" if self_paced else ""
    table.add_section()
    table.add_row(
        "",
        "[bold]total",
        f"{len(plan.steps)} steps{note}",
        "",
        "",
        "",
        "",
        "",
        f"[bold]{format_clock(plan.total_seconds)}",
    )
    return table

"""`spinewise list` and `spinewise show`: what routines there are, and their plans."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tui.core.catalog.entries import CatalogEntry, Invalid, load_catalog
from tui.core.plan import Plan, build_plan, json_number
from tui.core.routine.models import format_clock, format_seconds_short

from .common import resolve

KIND_STYLE = {"prepare": "yellow", "work": "bold", "rest": "cyan", "switch": "magenta"}


def run_list(*, as_json: bool) -> int:
    catalog = load_catalog()
    if as_json:
        print(json.dumps([_entry_json(entry) for entry in catalog], indent=2))
        return 0
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "name", "level", "time", "from"):
        table.add_column(column, justify="right" if column == "time" else "left")
    for entry in catalog:
        if isinstance(entry, Invalid):
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
            escape(entry.routine.name),
            entry.routine.level or "-",
            format_clock(entry.total_seconds),
            entry.ref.origin,
        )
    Console().print(table)
    return 0


def _entry_json(entry: CatalogEntry) -> dict[str, object]:
    row: dict[str, object] = {
        "id": entry.ref.id,
        "origin": entry.ref.origin,
        "path": str(entry.ref.path),
    }
    if isinstance(entry, Invalid):
        row.update(name=None, level=None, total_seconds=None, error=entry.error)
        return row
    routine = entry.routine
    row.update(
        name=routine.name,
        level=routine.level,
        total_seconds=json_number(entry.total_seconds),
        exercises=len(routine.exercises),
        tags=list(routine.tags),
        summary=routine.summary,
    )
    return row


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

"""`spinewise library import FILE [--id ID ...] [--category C] [--muscle M]`.

Adds Free Exercise DB records to the person's `exercises.toml`, one line per
record: what it became (`imported ID  dosage`), that it was there already, or
(on standard error, as `FILE:LINE:COL: field: message`) why it was skipped.
Exit 0 when every chosen record was imported or was there already, 1 when
any was skipped or asked for and not found.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core import paths
from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.limits import MAX_LIBRARY_BYTES
from tui.core.routine.problems import Problem, RoutineError
from tui.core.routine.source import read_source

from . import Subparsers
from .common import report

if TYPE_CHECKING:
    from tui.core.importing.exercise_import import ImportPlan, Outcome


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    lib = sub.add_parser("library", help="your exercise library: import exercises")
    lib_sub = lib.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    imp = lib_sub.add_parser(
        "import",
        help="add exercises from a Free Exercise DB JSON file to your exercises.toml",
        description="Add Free Exercise DB records (github.com/yuhonas/free-exercise-db) to "
        "your exercises.toml, for routines to use. Importing again adds nothing twice. "
        "Exit 0 when every chosen record was imported, 1 when any was skipped. "
        "To add a whole routine file someone shared, use spinewise import instead.",
    )
    imp.add_argument("file", metavar="FILE", type=Path, help="exercises.json, or one record")
    imp.add_argument("--id", dest="ids", action="append", default=[], metavar="ID",
                     help="only this record (its id in the file, such as Cat_Stretch); repeatable")
    imp.add_argument("--category", dest="categories", action="append", default=[], metavar="C",
                     help="only records of this category, such as stretching; repeatable")
    imp.add_argument("--muscle", dest="muscles", action="append", default=[], metavar="M",
                     help='only records working this muscle, such as "lower back"; repeatable')


def run(args: argparse.Namespace) -> int:
    return run_import(args.file, args.ids, args.categories, args.muscles)


def run_import(file: Path, ids: Sequence[str] = (), categories: Sequence[str] = (),
               muscles: Sequence[str] = (), *, target: Path | None = None) -> int:
    from tui.core.importing.exercise_import import plan_import, read_records, select, write_import

    target = target if target is not None else paths.user_exercises_file()
    try:
        records = read_records(file)
        existing_text = read_source(target, limit=MAX_LIBRARY_BYTES) if target.exists() else None
        existing = (parse_exercise_library(existing_text, str(target))
                    if existing_text and existing_text.strip() else {})
        base = ExerciseLibrary.from_files([paths.bundled_exercises_file()])
    except RoutineError as error:
        report(error)
        return 1
    chosen, missing = select(records, ids, categories, muscles)
    for record_id in missing:
        print(Problem(str(file), 1, 1, "id", f"no record with id {record_id!r}"), file=sys.stderr)
    if not chosen:
        if not records:
            print(f"spinewise: {file} holds no records", file=sys.stderr)
        elif not missing:
            print(f"spinewise: no record of {file} matches the filters given", file=sys.stderr)
        return 1
    plan = plan_import(chosen, file, existing, base)
    for outcome in plan.outcomes:
        _show(outcome)
    if plan.entries:
        try:
            write_import(target, existing_text, plan)
        except (OSError, RoutineError) as error:
            print(f"spinewise: cannot write {target}: {error}; nothing imported", file=sys.stderr)
            return 1
    print(_summary(plan, target))
    return 1 if plan.problems or missing else 0


def _show(outcome: Outcome) -> None:
    if outcome.problem is not None:
        print(outcome.problem, file=sys.stderr)
    elif outcome.status == "imported":
        print(f"imported  {outcome.entry_id:<36} {outcome.note}")
    else:
        print(f"already   {outcome.entry_id:<36} {outcome.record} is in your library already")


def _summary(plan: ImportPlan, target: Path) -> str:
    parts = [f"{plan.count('imported')} imported"]
    if plan.count("already"):
        parts.append(f"{plan.count('already')} there already")
    if plan.count("skipped"):
        parts.append(f"{plan.count('skipped')} skipped (see above)")
    where = f" into {target}" if plan.entries else ""
    use = ' Use one in a routine with use = "<id>".' if plan.entries else ""
    return ", ".join(parts) + where + "." + use

"""Importing Free Exercise DB records into the person's `exercises.toml`.

`plan_import` decides, record by record, what happens: imported under a new
id, already there (a re-import adds nothing: an entry whose `source` names
the record is it), or skipped with the problem that stopped it. Each new
entry is checked on its own and inside a routine that `use`s it before it is
accepted, so whatever is imported passes `spinewise check`.

The new entries are written with tomli-w after the existing text of the file,
so the person's own entries and comments stay as they were; the whole new
file is validated, then written atomically.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import tomli_w

from tui.core.atomic import write_atomic
from tui.core.ids import slug
from tui.core.importing.fedb import CATEGORIES, SOURCE_PREFIX, Unusable, entry_fields, source_of
from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.limits import MAX_LIBRARY_BYTES
from tui.core.routine.models import LibraryEntry
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import Problem, RoutineError, toml_repr
from tui.core.routine.schema import LIBRARY_SCHEMA_FILE, write_schemas
from tui.core.routine.source import file_problem, read_source

HEADER = f"""\
#:schema ./{LIBRARY_SCHEMA_FILE}

# Your own exercise library. Routines name an entry with use = "<id>";
# an id here wins over a bundled exercise with the same id.
"""
Status = Literal["imported", "already", "skipped"]


@dataclass(frozen=True, slots=True)
class Record:
    """One record of the JSON file and where it starts (for problems)."""

    data: Any
    line: int
    col: int
    index: int

    @property
    def id(self) -> str:
        value = self.data.get("id") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) and value else f"[{self.index + 1}]"


@dataclass(frozen=True, slots=True)
class Outcome:
    record: str
    status: Status
    entry_id: str | None = None
    #: What was made (the dosage), or why nothing was.
    note: str = ""
    problem: Problem | None = None


@dataclass
class ImportPlan:
    outcomes: list[Outcome] = field(default_factory=list)
    #: The new entries, by id, as they will be written.
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    def count(self, status: Status) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def problems(self) -> list[Problem]:
        return [o.problem for o in self.outcomes if o.problem is not None]


def read_records(path: Path) -> list[Record]:
    """The records of a Free Exercise DB JSON file: an array of them, or one record."""
    text = read_source(path, limit=MAX_LIBRARY_BYTES)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(str(path), error.lineno, error.colno, "json", error.msg)
        raise RoutineError([problem]) from None
    except RecursionError:
        raise RoutineError([Problem(str(path), 1, 1, "json", "nested too deeply")]) from None
    if isinstance(data, dict):
        return [Record(data, 1, 1, 0)]
    if not isinstance(data, list):
        message = f"expected a JSON array of Free Exercise DB records, got {toml_repr(data)}"
        raise RoutineError([file_problem(path, message)])
    return _locate(text, data)


def _locate(text: str, items: list[Any]) -> list[Record]:
    """Each array element with the line and column where it starts."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    records = []
    for index, item in enumerate(items):
        while text[pos] in " \t\r\n,":
            pos += 1
        line = bisect_right(starts, pos)
        records.append(Record(item, line, pos - starts[line - 1] + 1, index))
        _, pos = decoder.raw_decode(text, pos)
    return records


def record_problem(record: Record) -> tuple[str, str] | None:
    """(field, message) when a record is not a Free Exercise DB exercise, else None."""
    data = record.data
    if not isinstance(data, dict):
        return record.id, f"expected an object describing one exercise, got {toml_repr(data)}"
    for key in ("id", "name", "category"):
        value = data.get(key)
        if key not in data:
            return f"{record.id}.{key}", "missing; expected a non-empty string"
        if not isinstance(value, str) or not value.strip():
            return f"{record.id}.{key}", f"expected a non-empty string, got {toml_repr(value)}"
    if data["category"] not in CATEGORIES:
        known, got = ", ".join(CATEGORIES), toml_repr(data["category"])
        return f"{record.id}.category", f"expected one of {known}, got {got}"
    instructions = data.get("instructions", [])
    if not isinstance(instructions, list) or not all(isinstance(i, str) for i in instructions):
        message = f"expected an array of strings, got {toml_repr(instructions)}"
        return f"{record.id}.instructions", message
    return None


def select(records: Sequence[Record], ids: Iterable[str] = (), categories: Iterable[str] = (),
           muscles: Iterable[str] = ()) -> tuple[list[Record], list[str]]:
    """The records every given filter lets through, and the asked-for ids not found."""
    ids, cats = set(ids), {c.strip().lower() for c in categories}
    wanted_muscles = {m.strip().lower() for m in muscles}
    chosen = []
    for record in records:
        data = record.data if isinstance(record.data, dict) else {}
        if ids and record.id not in ids:
            continue
        if cats and str(data.get("category", "")).lower() not in cats:
            continue
        worked = {str(m).lower() for key in ("primaryMuscles", "secondaryMuscles")
                  for m in data.get(key) or []}
        if wanted_muscles and not wanted_muscles & worked:
            continue
        chosen.append(record)
    missing = sorted(ids - {r.id for r in records})
    return chosen, missing


def plan_import(records: Iterable[Record], path: Path, existing: Mapping[str, LibraryEntry],
                base: ExerciseLibrary) -> ImportPlan:
    """What importing `records` from `path` into a library holding `existing` does."""
    plan = ImportPlan()
    by_source = {e.source: e.id for e in existing.values() if e.source}
    taken = set(existing) | set(base.ids())
    for record in records:
        outcome = _one(record, path, plan, by_source, taken, base)
        plan.outcomes.append(outcome)
    return plan


def _one(record: Record, path: Path, plan: ImportPlan, by_source: dict[str, str],
         taken: set[str], base: ExerciseLibrary) -> Outcome:
    def skipped(field_name: str, message: str) -> Outcome:
        problem = Problem(str(path), record.line, record.col, field_name, message)
        return Outcome(record.id, "skipped", note=message, problem=problem)

    shape = record_problem(record)
    if shape is not None:
        return skipped(*shape)
    source = source_of(record.data["id"])
    if source in by_source:
        return Outcome(record.id, "already", by_source[source], "already imported")
    try:
        fields = entry_fields(record.data)
    except Unusable as error:
        return skipped(f"{record.id}.instructions", str(error))
    entry_id, note = _free_id(fields["name"], taken)
    if not entry_id:
        return skipped(f"{record.id}.name", f"cannot make an id from {toml_repr(fields['name'])}")
    try:
        dosage = usable(entry_id, fields, base)
    except RoutineError as error:  # a safety net: the mapping should never produce these
        return skipped(record.id, "; ".join(f"{p.field}: {p.message}" for p in error.problems))
    taken.add(entry_id)
    by_source[source] = entry_id
    plan.entries[entry_id] = fields
    return Outcome(record.id, "imported", entry_id, dosage + note)


def _free_id(name: str, taken: set[str]) -> tuple[str, str]:
    base = slug(name)
    if not base or base not in taken:
        return base, ""
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}", f" ({base} was taken)"


def usable(entry_id: str, fields: Mapping[str, Any], base: ExerciseLibrary) -> str:
    """The dosage of a routine that uses the entry; RoutineError if either is invalid."""
    text = tomli_w.dumps({entry_id: dict(fields)})
    entry = parse_exercise_library(text, f"<{entry_id}>")
    routine = parse_routine(f'name = "check"\n[[exercise]]\nuse = "{entry_id}"\n',
                            f"<use {entry_id}>", base.layered(entry))
    return routine.exercises[0].dosage()


def merged_text(existing_text: str | None, entries: Mapping[str, Mapping[str, Any]]) -> str:
    """The library file with `entries` added after what is there."""
    added = tomli_w.dumps({key: dict(value) for key, value in entries.items()})
    if existing_text is None or not existing_text.strip():
        return f"{HEADER}\n{added}"
    return existing_text.rstrip("\n") + "\n\n" + added


def write_import(target: Path, existing_text: str | None, plan: ImportPlan) -> Path:
    """Write the new entries into `target` (validated as a whole first, then atomically)."""
    text = merged_text(existing_text, plan.entries)
    parse_exercise_library(text, str(target))
    write_schemas(target.parent, (LIBRARY_SCHEMA_FILE,))
    return write_atomic(target, text)


__all__ = ["SOURCE_PREFIX", "ImportPlan", "Outcome", "Record", "plan_import", "read_records"]

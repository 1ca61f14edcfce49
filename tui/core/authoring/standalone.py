"""A routine as one standalone file that runs the same on any machine (`spinewise export`).

A routine that `use`s the exercise library runs differently, or not at all,
where the library differs (issue 18: physiotherapists share routines with
patients). The format already lets an `[[exercise]]` be written out in full, so
the standalone form is the routine with each `use = "ID"` line replaced by the
keys that entry gave it, exactly as `fields.merge_with_library` merges them:
the exercise's own keys stay where they were (comments and order kept) and
win; the entry's timing is left out where the exercise writes its own; the
entry's `sets` is left out beside a reps array; keys that only describe an
entry (`kind`, `muscles`, `source`, ...) are dropped. The entry's transition
keys become the exercise's own, which keeps the format's precedence (own,
then the entry's, then `[defaults]`).

A table this line-by-line rewrite does not recognise (an inline table, a
`use` over several lines) makes the whole file written anew from its values
(its comments lost). Either way the result is checked: parsed with an empty
exercise library it must give the same routine (the same plan, tips and
cautions), or `ExportError` is raised rather than a file that runs differently.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any

import tomli_w

from tui.core.routine.exercise_library import ExerciseLibrary
from tui.core.routine.fields import EXERCISE_VALIDATORS, written_timing
from tui.core.routine.models import TIMING_KEYS, Routine
from tui.core.routine.parse import parse_routine
from tui.core.routine.positions import KeyPositions
from tui.core.routine.problems import RoutineError

#: The library keys an `[[exercise]]` may hold (all but `use`).
INLINED_KEYS: tuple[str, ...] = tuple(key for key in EXERCISE_VALIDATORS if key != "use")
#: Arrays are written on one line up to this width (the project's line length).
LINE_WIDTH = 100

_USE_LINE = re.compile(r"""^\s*use\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*(#.*)?$""")


class ExportError(Exception):
    """The routine could not be made standalone (one sentence for a person)."""


def inlined_fields(entry: Mapping[str, Any], table: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of library `entry` (its raw TOML values) to write into the
    `[[exercise]]` `table` that uses it, in the entry's order: those it would
    take from the entry (`fields.merge_with_library`), none it writes itself."""
    dropped = set(table)
    if written_timing(table):
        dropped |= {*TIMING_KEYS, "phases"}
    if isinstance(table.get("reps"), list) and "sets" not in table:
        dropped.add("sets")
    return {
        key: value
        for key, value in entry.items()
        if key in INLINED_KEYS and key not in dropped and not (key == "self_paced" and not value)
    }


def raw_library(library_texts: Sequence[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """The entries of the exercise-library texts as written (later files win), by id."""
    entries: dict[str, dict[str, Any]] = {}
    for _, text in library_texts:
        for entry_id, value in tomllib.loads(text).items():
            if isinstance(value, dict):
                entries[entry_id] = value
    return entries


def standalone_text(
    routine: Routine,
    text: str,
    library_texts: Sequence[tuple[str, str]],
    header: str,
) -> str:
    """The routine `text` with every library entry it uses written out in full, after
    `header` (comment lines) and without a `#:schema` first line (its schema is not
    beside the file where it goes). ExportError if the result would not give `routine`.
    """
    body = _without_schema_line(text)
    _refuse_then(tomllib.loads(body))
    if routine.uses_library:
        entries = raw_library(library_texts)
        table = tomllib.loads(body)
        body = _inline_lines(body, table, entries) or _rewritten(table, entries)
    result = header + body
    _check_same(routine, result)
    return result


def export_header(routine_id: str, origin: str, version: str, when: dt.datetime,
                  inlined: Sequence[str]) -> str:
    """The comment lines that open an exported file: where it came from, and when."""
    whence = {"bundled": "bundled", "own": "your own"}.get(origin, "a file")
    lines = [
        f'Exported from the spinewise routine "{routine_id}" ({whence}) by spinewise {version}',
        f"on {when:%Y-%m-%d %H:%M}{_zone(when)}.",
    ]
    if inlined:
        names = ", ".join(inlined)
        lines.append(f"Standalone: the exercise-library entries it uses ({names}) are")
        lines.append("written out in full, so it runs the same on any machine.")
    lines.append("Add it to your routines with: spinewise import THIS-FILE")
    return "".join(f"# {line}\n" for line in lines) + "\n"


def used_entries(routine: Routine) -> list[str]:
    """The exercise-library ids the routine uses, first use first."""
    return list(dict.fromkeys(e.use for e in routine.exercises if e.use is not None))


def _zone(when: dt.datetime) -> str:
    name = when.tzname()
    return f" {name}" if name else ""


def _without_schema_line(text: str) -> str:
    text = text.lstrip("\ufeff")
    first, _, rest = text.partition("\n")
    if first.startswith("#:schema"):
        return rest.lstrip("\n")
    return text


def _inline_lines(
    body: str, table: Mapping[str, Any], entries: Mapping[str, Mapping[str, Any]]
) -> str | None:
    """`body` with each `use = "ID"` line replaced by the entry's keys; None when a
    `use` is not written as one line of its own."""
    positions = KeyPositions(body)
    lines = body.split("\n")
    exercises = table.get("exercise", [])
    for index in reversed(range(len(exercises))):
        item = exercises[index]
        if "use" not in item:
            continue
        at = positions.get(("exercise", index, "use"))
        if at is None or not _USE_LINE.match(lines[at[0] - 1]):
            return None
        keys = inlined_fields(entries.get(item["use"], {}), item)
        written = [f'# written out from the exercise library entry "{item["use"]}":']
        written += [f"{key} = {toml_value(value, len(key) + 3)}" for key, value in keys.items()]
        lines[at[0] - 1: at[0]] = written
    return "\n".join(lines)


def _rewritten(table: Mapping[str, Any], entries: Mapping[str, Mapping[str, Any]]) -> str:
    """The routine written anew from its values, each entry it uses inlined."""
    values = dict(table)
    exercises = []
    for item in values.pop("exercise", []):
        merged = dict(item)
        use = merged.pop("use", None)
        if use is not None:
            merged = {**inlined_fields(entries.get(use, {}), item), **merged}
        exercises.append(merged)
    return tomli_w.dumps({**values, "exercise": exercises})


def toml_value(value: Any, indent: int = 0) -> str:
    """A TOML value: arrays on one line when they fit in `LINE_WIDTH` after
    `indent` characters, else one item a line (tomli_w splits every array)."""
    if isinstance(value, list):
        items = [toml_value(item) for item in value]
        inline = "[" + ", ".join(items) + "]"
        if indent + len(inline) <= LINE_WIDTH and "\n" not in inline:
            return inline
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    return tomli_w.dumps({"v": value})[len("v = "):].rstrip("\n")


def _refuse_then(table: Mapping[str, Any]) -> None:
    """ExportError when a progression moves on to a library entry (`then`): the format
    has no way to carry that entry in the routine's own file."""
    for index, item in enumerate(table.get("exercise", [])):
        progress = item.get("progress") if isinstance(item, dict) else None
        if isinstance(progress, dict) and "then" in progress:
            raise ExportError(
                f"exercise {index + 1}'s progression moves on to the exercise-library entry "
                f"{progress['then']!r} (then = ...), which a standalone file cannot carry; "
                "take the `then` line out of a copy (spinewise new --from) and export that"
            )


def _check_same(routine: Routine, text: str) -> None:
    """ExportError unless `text`, read with no exercise library, gives `routine`."""
    try:
        again = parse_routine(text, "export", ExerciseLibrary())
    except RoutineError as error:
        raise ExportError(f"the standalone copy would not be valid: {error}") from None
    wanted = routine._replace(exercises=tuple(e._replace(use=None) for e in routine.exercises))
    if again != wanted:
        raise ExportError("the standalone copy would not run the same; nothing written")

"""A routine as one standalone file that runs the same on any machine (`spinewise export`).

A routine that `use`s the exercise library runs differently, or not at all,
where the library differs (issue 18: physiotherapists share routines with
patients). A routine file may carry exercise-library entries of its own
(`[library.ID]` tables, as exercises.toml holds them; ROUTINE_FORMAT.md), which
its `use`, `then` and `e`/`h` variants look up before any library of the
machine. So the standalone form is the routine exactly as written (comments,
order and `use` lines kept) with, at its end, every entry it names and, from
each, the easier and harder variants it links to, transitively, with the links
(`carried_ids`): after `spinewise import` elsewhere, `e` and `h` still swap.

It inlined each entry's keys into the exercise before, with no `use` line: the
plan was the same, but the exercise no longer knew its entry, so no variant
was offered after the round trip.

The result is checked: parsed with an empty exercise library it must give the
same routine (the same plan, tips, cautions and `use` ids), or `ExportError` is
raised rather than a file that runs differently.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any

import tomli_w

from tui.core.routine.exercise_library import CARRIED, ExerciseLibrary
from tui.core.routine.models import Routine
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import RoutineError

#: Arrays are written on one line up to this width (the project's line length).
LINE_WIDTH = 100
#: The links followed from an entry to the entries carried with it.
LINKS = ("easier", "harder")


class ExportError(Exception):
    """The routine could not be made standalone (one sentence for a person)."""


def raw_library(library_texts: Sequence[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """The entries of the exercise-library texts as written (later files win), by id."""
    entries: dict[str, dict[str, Any]] = {}
    for _, text in library_texts:
        for entry_id, value in tomllib.loads(text).items():
            if isinstance(value, dict):
                entries[entry_id] = value
    return entries


def named_entries(routine: Routine) -> list[str]:
    """The library ids the routine's exercises name (`use`, then a progression's
    `then`), first named first."""
    named: list[str] = []
    for ex in routine.exercises:
        named += [ex.use] if ex.use is not None else []
        if ex.progress is not None and ex.progress.then is not None:
            named.append(ex.progress.then)
    return list(dict.fromkeys(named))


def carried_ids(named: Sequence[str], entries: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """`named`, then every entry their `easier` and `harder` links reach, transitively
    (breadth first), of those `entries` holds: the entries a standalone copy carries."""
    found = [entry_id for entry_id in dict.fromkeys(named) if entry_id in entries]
    for entry_id in found:  # grows as it goes
        for way in LINKS:
            target = entries[entry_id].get(way)
            if isinstance(target, str) and target in entries and target not in found:
                found.append(target)
    return found


def standalone_text(
    routine: Routine,
    text: str,
    library_texts: Sequence[tuple[str, str]],
    header: str,
) -> str:
    """The routine `text` after `header` (comment lines), without a `#:schema` first
    line (its schema is not beside the file where it goes), carrying at its end, as
    `[library.ID]` tables, each library entry it names and their variants
    (`carried_ids`); entries it carries already stay as they are. ExportError if
    the result would not give `routine`."""
    body = _without_schema_line(text)
    table = tomllib.loads(body)
    own = table.get(CARRIED, {})
    entries = {**raw_library(library_texts), **(own if isinstance(own, dict) else {})}
    ids = [i for i in carried_ids(named_entries(routine), entries) if i not in own]
    if ids:
        carried = {i: entries[i] for i in ids}
        known = set(carried) | set(own)
        body = body.rstrip("\n") + "\n\n" + library_tables(carried, known)
    result = header + body
    _check_same(routine, result)
    return result


def library_tables(carried: Mapping[str, Mapping[str, Any]], known: set[str]) -> str:
    """`[library.ID]` tables of the `carried` entries (raw TOML values), in order; a
    link to an id not in `known` (one the person's library lacked: no variant then
    either) is left out, so the copy is valid where that id is missing too."""
    parts = [
        "# The exercise-library entries this routine uses, and their easier and harder\n"
        "# variants (e and h in a workout), carried so it runs the same on any machine.\n"
    ]
    for entry_id, entry in carried.items():
        lines = [f"[{CARRIED}.{entry_id}]"]
        for key, value in entry.items():
            if key in LINKS and value not in known:
                continue
            lines.append(f"{key} = {toml_value(value, len(key) + 3)}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def export_header(routine_id: str, origin: str, version: str, when: dt.datetime,
                  carried: Sequence[str]) -> str:
    """The comment lines that open an exported file: where it came from, and when."""
    whence = {"bundled": "bundled", "own": "your own"}.get(origin, "a file")
    lines = [
        f'Exported from the spinewise routine "{routine_id}" ({whence}) by spinewise {version}',
        f"on {when:%Y-%m-%d %H:%M}{_zone(when)}.",
    ]
    if carried:
        lines.append(f"Standalone: the exercise-library entries it uses ({', '.join(carried)})")
        lines.append("and their easier and harder variants are carried at its end, under")
        lines.append("[library.ID], so it runs the same on any machine, variants included.")
    lines.append("Add it to your routines with: spinewise import THIS-FILE")
    return "".join(f"# {line}\n" for line in lines) + "\n"


def used_entries(routine: Routine) -> list[str]:
    """The exercise-library ids the routine names (`named_entries`), for the header."""
    return named_entries(routine)


def _zone(when: dt.datetime) -> str:
    name = when.tzname()
    return f" {name}" if name else ""


def _without_schema_line(text: str) -> str:
    text = text.lstrip("\ufeff")
    first, _, rest = text.partition("\n")
    if first.startswith("#:schema"):
        return rest.lstrip("\n")
    return text


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


def _check_same(routine: Routine, text: str) -> None:
    """ExportError unless `text`, read with no exercise library, gives `routine`."""
    try:
        again = parse_routine(text, "export", ExerciseLibrary())
    except RoutineError as error:
        raise ExportError(f"the standalone copy would not be valid: {error}") from None
    if again._replace(library=routine.library) != routine:
        raise ExportError("the standalone copy would not run the same; nothing written")

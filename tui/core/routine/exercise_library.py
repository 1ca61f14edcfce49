"""The exercise library: `exercises.toml` files of exercises that routines `use`.

One table per exercise, keyed by its id (lowercase letters, digits and
hyphens). An entry may give any `[[exercise]]` key but `use` as a starting
value for the routines that use it, plus `kind`, `level`, `muscles`,
`source`, and `easier` / `harder`: the ids of its variants (a ladder; the
links across entries are checked by `ladders.py`, since an id may live in
another layer). Its values are validated by the same validators as a routine's
exercise, and kept normalised in `LibraryEntry.fields` (durations in seconds,
reps an int or a tuple, tips and phases tuples; `self_paced = false` is left
out, as it counts as not given).

Routines read a library leniently (`partial=True`): an entry with mistakes is
kept with its `problems`, and only a routine that uses it is invalid, told
where the mistake is. Read strictly, one mistake in the person's file made
every routine that uses any entry invalid, the bundled ones too, each shown
as a mistake of the routine's own file (found by a tester). `spinewise check`
on the library reads it strictly and reports every mistake. A file that is
not TOML at all has no entries to keep: it is an error either way.

`ExerciseLibrary` combines several files in order; a later file's id wins
(the bundled library first, then the person's own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tui.core.routine.fields import (
    EXERCISE_VALIDATORS,
    check_one_timing,
    resolve_reps,
    resolve_timing,
)
from tui.core.routine.limits import MAX_LIBRARY_BYTES
from tui.core.routine.models import KINDS, LEVELS, LibraryEntry
from tui.core.routine.problems import Problem, RoutineError, toml_repr
from tui.core.routine.source import parse_toml, read_source
from tui.core.routine.validators import (
    Invalid,
    Problems,
    Validator,
    check_table,
    choice,
    misspelt_keys,
    nonempty_string_array,
    string,
)

LIBRARY_WHAT = "an exercise library: one [exercise-id] table per exercise"
#: An exercise's id. Patterns are compiled (and cached by `re`) when first used,
#: not at import: a workout's way to its first frame uses none of them.
ID_PATTERN = r"[a-z0-9-]+\Z"


def entry_id(value: Any) -> str:
    """The id of another library entry, such as "plank-knees"."""
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise Invalid(
            "expected the id of another exercise of the library (lowercase letters, digits "
            f'and hyphens), such as "plank-knees", got {toml_repr(value)}'
        )
    return value


#: Keys that describe the entry rather than give an exercise's starting value.
ENTRY_VALIDATORS: dict[str, Validator] = {
    "kind": choice(KINDS),
    "level": choice(LEVELS),
    "muscles": nonempty_string_array,
    "source": string,
    "easier": entry_id,
    "harder": entry_id,
}
LIBRARY_VALIDATORS: dict[str, Validator] = {
    **{key: v for key, v in EXERCISE_VALIDATORS.items() if key != "use"},
    **ENTRY_VALIDATORS,
}
LIBRARY_HINTS = {"use": "use is for routines; a library entry cannot use another entry"}


#: Libraries already validated, by path and text: an imported library of hundreds
#: of entries is read for every routine of the catalog.
_VALIDATED: dict[tuple[str, str, bool], dict[str, LibraryEntry]] = {}
_VALIDATED_MAX = 8


def load_exercise_library(path: Path, *, partial: bool = False) -> dict[str, LibraryEntry]:
    """Read and validate one `exercises.toml`; RoutineError with every problem if invalid
    (with `partial`, only if it cannot be read or is not TOML: see `parse_exercise_library`)."""
    path = Path(path)
    return validated_library(read_source(path, limit=MAX_LIBRARY_BYTES), path, partial=partial)


def validated_library(
    text: str, path: str | Path, *, partial: bool = False
) -> dict[str, LibraryEntry]:
    """`parse_exercise_library`, remembered by path, text and `partial` (see `_VALIDATED`)."""
    key = (str(path), text, partial)
    entries = _VALIDATED.get(key)
    if entries is None:
        entries = parse_exercise_library(text, str(path), partial=partial)
        if len(_VALIDATED) >= _VALIDATED_MAX:
            _VALIDATED.pop(next(iter(_VALIDATED)))
        _VALIDATED[key] = entries
    return dict(entries)


def parse_exercise_library(
    text: str, path: str | Path, *, partial: bool = False
) -> dict[str, LibraryEntry]:
    """Validate the text of an exercise library file (`path` is only for the problems):
    its entries by id. RoutineError with every problem of the file; with `partial`,
    only when the text is not TOML, and an entry with mistakes is kept, with them in
    its `problems` (sorted by line and column) and its `unusable()` saying why."""
    table = parse_toml(text, path, what=LIBRARY_WHAT)
    problems = Problems(str(path), text)
    entries: dict[str, LibraryEntry] = {}
    for entry_id, value in table.items():
        before = len(problems.items)
        entry = _entry(entry_id, value, problems)
        if partial and len(problems.items) > before:
            own = tuple(sorted(problems.items[before:], key=lambda p: (p.line, p.col)))
            kept = entry or LibraryEntry(id=entry_id, name="", fields={})
            entry = kept._replace(problems=own)
        if entry is not None:
            entries[entry_id] = entry
    if not partial:
        problems.raise_if_any()
    return entries


def _entry(entry_id: str, value: Any, problems: Problems) -> LibraryEntry | None:
    at = (entry_id,)
    if not re.match(ID_PATTERN, entry_id):
        problems.add(at, _id_message(entry_id))
    if not isinstance(value, dict):
        problems.add_at_value(
            at, f"expected a table [{entry_id}] describing an exercise, got {toml_repr(value)}"
        )
        return None
    values = check_table(value, LIBRARY_VALIDATORS, problems, at, LIBRARY_HINTS)
    bad = {key for key in value if key in LIBRARY_VALIDATORS and key not in values}
    bad |= misspelt_keys(value, LIBRARY_VALIDATORS)
    check_one_timing(value, problems, at)
    if "name" not in value and "name" not in bad:
        problems.add((*at, "name"), 'missing; expected a string such as name = "Bird dog"')
    resolve_reps(values, bad, problems, at)
    resolve_timing(values, bad, problems, at, required=False)
    fields = {
        key: v
        for key, v in values.items()
        if key not in ENTRY_VALIDATORS and not (key == "self_paced" and v is False)
    }
    return LibraryEntry(
        id=entry_id,
        name=values.get("name", ""),
        fields=fields,
        kind=values.get("kind"),
        level=values.get("level"),
        muscles=values.get("muscles", ()),
        source=values.get("source"),
        easier=values.get("easier"),
        harder=values.get("harder"),
    )


def _id_message(entry_id: str) -> str:
    message = (
        "expected an id of lowercase letters, digits and hyphens, such as [bird-dog], "
        f"got {toml_repr(entry_id)}"
    )
    fixed = re.sub(r"[^a-z0-9]+", "-", entry_id.lower()).strip("-")
    if fixed:
        message += f'; did you mean "{fixed}"?'
    return message


class ExerciseLibrary:
    """Exercises by id, from one or more libraries; a later layer's id wins."""

    def __init__(self, *layers: Mapping[str, LibraryEntry]) -> None:
        self._entries: dict[str, LibraryEntry] = {}
        for layer in layers:
            self._entries.update(layer)

    @classmethod
    def from_files(
        cls, paths: Iterable[Path], *, missing_ok: bool = True, partial: bool = False
    ) -> ExerciseLibrary:
        """The libraries of `paths` in order; files that do not exist are skipped
        when `missing_ok`. RoutineError with the problems of every invalid file
        (with `partial`, of every file that cannot be read or is not TOML)."""
        layers, problems = [], []
        for path in paths:
            path = Path(path)
            if missing_ok and not path.exists():
                continue
            try:
                layers.append(load_exercise_library(path, partial=partial))
            except RoutineError as error:
                problems.extend(error.problems)
        if problems:
            raise RoutineError(problems)
        return cls(*layers)

    def layered(self, *layers: Mapping[str, LibraryEntry]) -> ExerciseLibrary:
        """A new library with `layers` on top of this one."""
        return ExerciseLibrary(self._entries, *layers)

    @property
    def entries(self) -> Mapping[str, LibraryEntry]:
        return MappingProxyType(self._entries)

    def get(self, entry_id: str) -> LibraryEntry | None:
        """The entry of that id, or None; one read leniently may have `problems`."""
        return self._entries.get(entry_id)

    def usable(self, entry_id: str) -> LibraryEntry | None:
        """The entry of that id if it has no mistakes, else None."""
        entry = self._entries.get(entry_id)
        return None if entry is None or entry.problems else entry

    def variant(self, entry_id: str | None, way: str) -> LibraryEntry | None:
        """The entry that `entry_id`'s `way` ("easier" or "harder") names, or None: no
        such entry or link, a link to itself, to an id this library lacks, or to an
        entry with mistakes."""
        entry = None if entry_id is None else self._entries.get(entry_id)
        target = None if entry is None else getattr(entry, way)
        return None if target in (None, entry_id) else self.usable(target)

    def problems(self) -> list[Problem]:
        """The mistakes of every entry kept with some (read leniently), in order."""
        return [problem for entry in self._entries.values() for problem in entry.problems]

    def ids(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"ExerciseLibrary({len(self)} exercises)"


__all__ = [
    "ExerciseLibrary",
    "LibraryEntry",
    "load_exercise_library",
    "parse_exercise_library",
]

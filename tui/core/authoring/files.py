"""Making routines a person's own: new ones, copies, and where they are written.

A person's routines live in `user_routines_dir()`, each file named by its id.
Every routine written there starts with `#:schema ./schema.json`, and the
schema files are kept beside them (written when missing or out of date), so
the line means the same in the bundled folder and in the person's own, and a
copied routine never needs its line rewritten. (An absolute path into the
installed package would break on every upgrade and differ between machines.)
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tui.core import paths
from tui.core.atomic import write_atomic, write_new
from tui.core.authoring.starter import SCHEMA_LINE, name_line, starter_text
from tui.core.catalog import sources
from tui.core.catalog.sources import RoutineRef
from tui.core.ids import slug
from tui.core.routine.exercise_library import ExerciseLibrary
from tui.core.routine.positions import KeyPositions
from tui.core.routine.schema import SCHEMA_FILE, write_schemas
from tui.core.routine.source import read_source

#: A one-line basic or literal string value, and what follows it on the line.
_NAME_VALUE = re.compile(r"""^(\s*name\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*')(.*)$""")


class AuthoringError(Exception):
    """Why a routine cannot be created or copied (one sentence for a person)."""


def routine_path(rid: str) -> Path:
    return paths.user_routines_dir() / f"{rid}.toml"


def check_new_name(name: str) -> tuple[str, Path]:
    """The id and path of a new routine called `name`, or AuthoringError saying why not."""
    if not name.strip():
        raise AuthoringError("give the routine a name, such as \"Evening stretch\"")
    rid = slug(name)  # "Evening stretch!" -> evening-stretch
    if not rid:
        raise AuthoringError(
            f"cannot make a file name from {name!r}: use some letters or digits"
        )
    path = routine_path(rid)
    if path.exists():
        raise AuthoringError(f"{path} already exists; choose another name, or edit it: "
                             f"spinewise edit {rid}")
    found = sources.find(rid)
    if found is not None and found.origin == "bundled":
        raise AuthoringError(f"{rid!r} is a bundled routine, and yours would take its place; "
                             f"choose another name, or change it with: spinewise edit {rid}")
    return rid, path


def with_schema_line(text: str) -> str:
    """`text` starting with the `#:schema` line (kept as it is when there is one)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if first.startswith("#:schema"):
        return text
    return f"{SCHEMA_LINE}\n\n{text}"


def renamed(text: str, name: str) -> str:
    """The routine `text` with its top-level `name` set to `name`, all else (comments
    too) unchanged. A name written in a way this does not recognise (over several
    lines, say) is left as it is."""
    position = KeyPositions(text).get(("name",))
    if position is None:
        return text
    lines = text.split("\n")
    index = position[0] - 1
    match = _NAME_VALUE.match(lines[index])
    if match is None or match.group(2) in ('""', "''"):  # empty, or a multi-line string
        return text
    lines[index] = match.group(1) + name_line(name).split("=", 1)[1].strip() + match.group(3)
    result = "\n".join(lines)
    try:
        same = tomllib.loads(result).get("name") == name
    except tomllib.TOMLDecodeError:
        same = False
    return result if same else text


def copy_text(ref: RoutineRef, name: str | None = None) -> str:
    """The text of an existing routine, comments kept, renamed to `name` if given,
    with the schema line. RoutineError when it cannot be read."""
    text = with_schema_line(read_source(ref.path))
    return renamed(text, name) if name else text


def new_text(name: str, rid: str, source: RoutineRef | None = None) -> str:
    """The text of a new routine: the starter, or a renamed copy of `source`."""
    return copy_text(source, name) if source is not None else starter_text(name, rid)


def prepare_folder(folder: Path | None = None) -> Path:
    """The person's routine folder, created, with the schema files beside the routines."""
    folder = folder if folder is not None else paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write_schemas(folder, (SCHEMA_FILE,))
    return folder


def create_routine(path: Path, text: str) -> Path:
    """Write a new routine file; FileExistsError rather than overwrite one."""
    prepare_folder(path.parent)
    return write_new(path, text)


def save_routine(path: Path, text: str) -> Path:
    """Write a routine over its old version, atomically."""
    if path.parent == paths.user_routines_dir():
        prepare_folder(path.parent)
    return write_atomic(path, text)


def own_copy_path(ref: RoutineRef) -> Path:
    """Where the person's own copy of a routine goes (same id, their folder)."""
    return routine_path(ref.id)


def copy_bundled(ref: RoutineRef) -> Path:
    """Copy a bundled routine into the person's folder for editing; its path.

    The copy keeps the id, so it takes the bundled one's place in the routine library.
    An own copy that exists already is kept and returned.
    """
    path = own_copy_path(ref)
    if path.exists():
        return path
    try:
        return create_routine(path, copy_text(ref))
    except FileExistsError:
        return path


def checking_exercise_library(
    routine_path: Path | None = None,
) -> tuple[ExerciseLibrary, str | None]:
    """The exercise library a routine at `routine_path` is checked against while
    it is edited, and a warning when one of its files has mistakes: a file that is not
    TOML is left out; an entry with mistakes is kept, and an exercise that uses it is
    told where they are."""
    found, broken = sources.lenient_exercise_library(routine_path)
    if not broken:
        return found, None
    first = broken[0]
    return found, f"{first.path} has mistakes; an exercise that uses them cannot run: {first}"

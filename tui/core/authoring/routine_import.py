"""Taking in a routine file someone shared (`spinewise import FILE|-`).

The file is checked exactly as it will run from the person's routine folder
(against the exercise libraries a routine there is read with), and every
problem is reported before anything is written. Its id (the file name it will
have) comes from `--as`, else the file's name, else the routine's name; an id
that exists already, bundled or the person's own, is refused unless the
person asks to replace it: a routine of theirs is then overwritten in one
rename (`atomic.write_atomic`), and a bundled one is left where it is, with
their copy taking its place in the routine library (sources.py: "the person's
own routine with the same id as a bundled one wins").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from tui.core import paths
from tui.core.atomic import write_atomic
from tui.core.authoring.files import create_routine, prepare_folder, with_schema_line
from tui.core.catalog import sources
from tui.core.catalog.sources import LIBRARY_FILE
from tui.core.ids import slug
from tui.core.routine.exercise_library import ID_PATTERN
from tui.core.routine.models import Routine
from tui.core.routine.parse import parse_routine


class ImportRefused(Exception):
    """The routine is valid but cannot go where asked (one sentence for a person)."""


class Placed(NamedTuple):
    """Where an imported routine was written, and what it took the place of."""

    id: str
    path: Path
    #: "new", "replaced" (the person's own), or "over-bundled" (theirs now wins).
    status: str


def check_id(text: str) -> str:
    """`text` as a routine id, or ValueError saying what an id may be."""
    if not re.match(ID_PATTERN, text) or f"{text}.toml" == LIBRARY_FILE:
        fixed = slug(text)
        hint = f"; did you mean {fixed!r}?" if fixed and fixed != text else ""
        raise ValueError(
            f"expected an id of lowercase letters, digits and hyphens, such as "
            f"evening-stretch, got {text!r}{hint}"
        )
    return text


def choose_id(routine: Routine, file_name: str | None, wanted: str | None) -> str:
    """The id to import as: `wanted`, else the file's name (`Evening Stretch.toml` ->
    `evening-stretch`), else the routine's name; ImportRefused if none gives one."""
    if wanted is not None:
        return wanted
    for candidate in (Path(file_name).stem if file_name else "", routine.name):
        rid = slug(candidate)
        if rid and f"{rid}.toml" != LIBRARY_FILE:
            return rid
    raise ImportRefused("cannot make an id from the file's name or the routine's name; "
                        "give one with --as ID")


def check_routine(text: str, shown_path: str) -> Routine:
    """The routine of `text` as it would run from the person's routine folder;
    RoutineError with every problem (placed in `shown_path`) if it is not valid."""
    target = paths.user_routines_dir() / "imported.toml"
    return parse_routine(text, shown_path, lambda: sources.exercise_library(target))


def place(text: str, rid: str, *, replace: bool) -> Placed:
    """Write routine `text` (already checked) into the person's folder as `rid`.

    ImportRefused when `rid` is taken and `replace` is false; OSError when it
    cannot be written (nothing is then changed).
    """
    path = paths.user_routines_dir() / f"{rid}.toml"
    bundled = (paths.bundled_routines_dir() / f"{rid}.toml").is_file()
    own = path.exists()
    if (own or bundled) and not replace:
        whose = "one of your routines" if own else "a bundled routine"
        raise ImportRefused(
            f"{rid!r} is {whose} already; import under another id with --as NEW-ID, "
            f"or replace {'it' if own else 'it with your copy'} with --replace"
        )
    text = with_schema_line(text)
    if own:
        prepare_folder(path.parent)
        write_atomic(path, text)
        return Placed(rid, path, "replaced")
    try:
        create_routine(path, text)
    except FileExistsError:
        raise ImportRefused(f"{path} appeared while importing; nothing written") from None
    return Placed(rid, path, "over-bundled" if bundled else "new")

"""Where plans are: the bundled ones (`routines/plans/`) and the person's own
(`$XDG_CONFIG_HOME/spinewise/plans/`), and how a plan file is told apart from a
routine.

A plan is named by its id (the file name without `.toml`; the person's own
wins over a bundled one of the same id) or by the path of a TOML file. A plan
is read against the routines there are (`known_routine_ids`), so a routine id
it names that no routine has is a problem with a did-you-mean.

`spinewise check` takes a file for a plan by where it is (a folder named
`plans`) or, anywhere else, by what it holds (a `[[phase]]` table and no
`[[exercise]]`): `is_plan`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from tui.core import paths
from tui.core.catalog.sources import Origin, discover, find, read_routine
from tui.core.programme.model import Programme
from tui.core.programme.plan_file import parse_programme
from tui.core.routine.source import read_source

#: The folder name that makes a TOML file a plan for `check`.
PLANS_FOLDER = "plans"
_PHASE = re.compile(r"^[ \t]*\[\[[ \t]*phase[ \t]*\]\]", re.M)
_EXERCISE = re.compile(r"^[ \t]*\[\[[ \t]*exercise[ \t]*\]\]", re.M)


class PlanRef(NamedTuple):
    """Where a plan lives: its id, file, and whether it is bundled, own or a path given."""

    id: str
    path: Path
    origin: Origin


def _plans_in(folder: Path, origin: Origin) -> dict[str, PlanRef]:
    try:
        with os.scandir(folder) as found:
            names = sorted(e.name for e in found if e.name.endswith(".toml") and e.is_file())
    except OSError:
        return {}
    return {name[:-5]: PlanRef(name[:-5], folder / name, origin) for name in names}


def discover_plans() -> list[PlanRef]:
    """Every plan, by id; the person's own win over bundled ones."""
    found = _plans_in(paths.bundled_plans_dir(), "bundled")
    found.update(_plans_in(paths.user_plans_dir(), "own"))
    return sorted(found.values(), key=lambda ref: ref.id)


#: Where plans are looked up by id, the one that wins first.
_FOLDERS: tuple[tuple[Callable[[], Path], Origin], ...] = (
    (paths.user_plans_dir, "own"),
    (paths.bundled_plans_dir, "bundled"),
)


def find_plan(name: str) -> PlanRef | None:
    """A plan by id (the person's own first), or by the path of a TOML file; None
    when the name is neither."""
    if name and "/" not in name:
        for folder, origin in _FOLDERS:
            candidate = folder() / f"{name}.toml"
            if candidate.is_file():
                return PlanRef(name, candidate, origin)
    path = Path(name).expanduser()
    if path.suffix == ".toml" or "/" in name or path.exists():
        return PlanRef(path.stem, path, "file")
    return None


def known_routine_ids() -> list[str]:
    """The ids of every routine, bundled and own: what a plan may name."""
    return [ref.id for ref in discover()]


def read_plan(ref: PlanRef) -> tuple[Programme, str]:
    """The plan at `ref`, validated against the routines there are, and its text
    (kept whole when it is started). Raises RoutineError with every problem."""
    text = read_source(ref.path)
    return parse_programme(text, str(ref.path), known_routine_ids()), text


def is_plan(path: Path, text: str | None = None) -> bool:
    """Whether `check` takes the file for a plan: it is in a folder named `plans`,
    or its `text` has a `[[phase]]` table and no `[[exercise]]`."""
    if Path(path).parent.name == PLANS_FOLDER:
        return True
    return text is not None and bool(_PHASE.search(text)) and not _EXERCISE.search(text)


_TABLE = re.compile(r"^[ \t]*\[[ \t]*[^\[\s]", re.M)
_TOP_NAME = re.compile(r"^[ \t]*name[ \t]*=", re.M)


def is_exercise_library(path: Path, text: str | None = None) -> bool:
    """Whether the file is an exercise library: it is named `exercises.toml`, or its
    `text` has `[id]` tables of exercises and none of what a routine or a plan has
    (a top-level `name`, `[[exercise]]` or `[[phase]]` tables). A copy under another
    name is still one: `check` checks it as a library and `import` says what it is."""
    if Path(path).name == "exercises.toml":
        return True
    if text is None or _EXERCISE.search(text) or _PHASE.search(text):
        return False
    first = _TABLE.search(text)
    return first is not None and not _TOP_NAME.search(text, 0, first.start())


def routine_names(ids: Iterable[str]) -> dict[str, tuple[str, float | None]]:
    """id -> (name, total seconds) of each routine of `ids` that exists and reads
    (unknown or invalid ones are left out).

    Read as `check` reads a routine, its total counted by `limits.exercise_size`
    without laying out its steps: `today` starts in about the time of `check`
    on one file (the listing cache would import more than it saves here).
    """
    from tui.core.routine.limits import exercise_size
    from tui.core.routine.problems import RoutineError

    found: dict[str, tuple[str, float | None]] = {}
    for rid in dict.fromkeys(ids):
        ref = find(rid)
        if ref is None or ref.origin == "file":
            continue
        try:
            routine = read_routine(ref)[0]
        except RoutineError:
            continue
        found[rid] = (routine.name, sum(exercise_size(ex)[1] for ex in routine.exercises))
    return found

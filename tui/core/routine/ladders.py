"""Ladders of variants in the exercise library: the `easier` and `harder` links.

An entry's `easier = "id"` and `harder = "id"` name other entries, in its own
file or in a layer below it (the person's `exercises.toml` may point at a
bundled entry). One file's validation cannot see the other layers, so these
checks run over the layered library, and each problem is placed at the link
in the file that wrote it:

- the id exists (with a did-you-mean), and is not the entry's own;
- no loop: read every link as "harder than" (A.harder = B: B is harder than A;
  A.easier = B: A is harder than B); following them must never come back to
  where it started (A.easier = B with B.easier = A, or A.easier = B with
  A.harder = B, are loops).

The links need not be mutual: A.harder = B without B.easier = A is a one-way
link, and `e` on B then does nothing. (Several entries may share a harder
variant, whose one `easier` can name only one of them, so a missing or a
different way back is no mistake.) A link that breaks a rule is harmless when
a workout runs: an id that does not exist offers no swap, and a loop only
means pressing the key again goes round; `spinewise check` is where they are
reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from tui.core.routine.models import LibraryEntry
from tui.core.routine.problems import Problem, toml_repr
from tui.core.routine.validators import Problems, suggest

#: The two links, and the way each reads along "harder than".
VARIANT_WAYS = ("easier", "harder")


class Layer(NamedTuple):
    """One exercise-library file: where, its text (for line:col), its valid entries."""

    path: str
    text: str
    entries: Mapping[str, LibraryEntry]


def ladder_problems(layers: Sequence[Layer], *, report: str | None = None) -> list[Problem]:
    """The problems of the `easier`/`harder` links of `layers` (lowest first; a later
    layer's id wins, and an entry that lost to a later one is not checked); only those
    in the file at `report`, if given."""
    winners: dict[str, tuple[Layer, LibraryEntry]] = {}
    for layer in layers:
        for entry_id, entry in layer.entries.items():
            winners[entry_id] = (layer, entry)
    up = _harder_than(entry for _, entry in winners.values())
    found: dict[str, Problems] = {}
    for entry_id, (layer, entry) in winners.items():
        for way in VARIANT_WAYS:
            target = getattr(entry, way)
            if target is None or (report is not None and layer.path != report):
                continue
            if target == entry_id:
                message: str | None = f"an exercise cannot be its own {way} variant"
            else:
                message = _link_problem(entry_id, way, target, winners, up)
            if message:
                problems = found.setdefault(layer.path, Problems(layer.path, layer.text))
                problems.add_at_value((entry_id, way), message)
    return sorted(
        (p for problems in found.values() for p in problems.items),
        key=lambda p: (p.path, p.line, p.col),
    )


def _harder_than(entries: Iterable[LibraryEntry]) -> dict[str, set[str]]:
    """id -> the ids its links say are harder than it."""
    up: dict[str, set[str]] = {}
    for entry in entries:
        if entry.harder is not None:
            up.setdefault(entry.id, set()).add(entry.harder)
        if entry.easier is not None:
            up.setdefault(entry.easier, set()).add(entry.id)
    return up


def _link_problem(
    entry_id: str,
    way: str,
    target: str,
    winners: Mapping[str, object],
    up: Mapping[str, set[str]],
) -> str | None:
    if target not in winners:
        message = f"no exercise {toml_repr(target)} in the library"
        close = suggest(target, sorted(set(winners) - {entry_id}))  # never the entry itself
        return message + (f"; did you mean {toml_repr(close)}?" if close else "")
    low, high = (entry_id, target) if way == "harder" else (target, entry_id)
    back = _path(up, high, low)
    if back is None:
        return None
    chain = " -> ".join([low, *back])
    return (
        f"{way} = {toml_repr(target)} makes a loop: going harder, {chain} comes back to "
        f"{low} (no exercise can be harder than itself)"
    )


def _path(up: Mapping[str, set[str]], start: str, goal: str) -> list[str] | None:
    """The ids from `start` to `goal` along `up` (breadth first), or None."""
    previous: dict[str, str | None] = {start: None}
    queue = [start]
    for node in queue:
        if node == goal:
            chain = [node]
            while (before := previous[chain[-1]]) is not None:
                chain.append(before)
            return chain[::-1]
        for nxt in sorted(up.get(node, ())):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return None

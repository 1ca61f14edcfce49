"""Pain answers as keys and as table cells (issue 15), over `programme.zones`."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.programme.zones import Change, CheckIn, Effort, Kind, session_zone, worst_pain

EFFORT_KEYS = {"e": Effort.EASY, "r": Effort.RIGHT, "h": Effort.HARD}
CHANGE_KEYS = {"b": Change.BETTER, "s": Change.SAME, "w": Change.WORSE}


def pain_cell(checkins: Iterable[CheckIn]) -> str:
    """A session's pain in a table cell: "2 → 5 amber" (before → worst during or
    after, and its zone), "– → 3 green", or "" when nothing was given."""
    given = list(checkins)
    before = [c.pain for c in given if c.kind is Kind.BEFORE and c.pain is not None]
    worst, found = worst_pain(given), session_zone(given)
    if not before and worst is None:
        return ""
    first = str(before[-1]) if before else "–"
    if worst is None or found is None:
        return f"{first} → –"
    return f"{first} → {worst} {found.value}"


def pains_by_session(checkins: Iterable[CheckIn]) -> dict[int | None, str]:
    """`pain_cell` of each session that has check-ins, by session id (keyed as
    `SessionRecord.id`, whose None, a session not stored, has none)."""
    grouped: dict[int | None, list[CheckIn]] = {}
    for c in checkins:
        if c.session_id is not None:
            grouped.setdefault(c.session_id, []).append(c)
    return {sid: pain_cell(given) for sid, given in grouped.items()}

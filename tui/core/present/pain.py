"""Pain answers as keys and as table cells (issue 15), over `programme.zones`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tui.core.programme.zones import (
    BEFORE_RED,
    Change,
    CheckIn,
    Effort,
    Kind,
    Zone,
    next_day_change,
    worst_pain,
    zone,
)
from tui.core.store.record import when_text

EFFORT_KEYS = {"e": Effort.EASY, "r": Effort.RIGHT, "h": Effort.HARD}
CHANGE_KEYS = {"b": Change.BETTER, "s": Change.SAME, "w": Change.WORSE}


def before_words(pain: int) -> str:
    """The first get-ready's acknowledgement of pain before (NRS 0-10): "Pain before:
    3 (green), noted"; at 6 or more (red) with one conservative sentence
    (`zones.BEFORE_RED`)."""
    said = f"Pain before: {pain} ({zone(pain).value}), noted"
    return f"{said}. {BEFORE_RED}" if zone(pain) is Zone.RED else said


@dataclass(frozen=True, slots=True)
class SessionPain:
    """What a session's check-ins say, read once for every table and export (the
    Sessions tab, `spinewise history`, the CSV): the last pain before and after
    (NRS 0-10), the worst of all (during, from `!`, included), the zone of the
    worst (`zones.session_zone`), the effort and the next-day change."""

    before: int | None = None
    after: int | None = None
    worst: int | None = None
    effort: Effort | None = None
    change: Change | None = None

    @property
    def zone(self) -> Zone | None:
        """The zone of `worst` (as `zones.session_zone`), None when no pain was given."""
        return None if self.worst is None else zone(self.worst)


def _last(checkins: list[CheckIn], kind: Kind) -> CheckIn | None:
    given = [c for c in checkins if c.kind is kind]
    return given[-1] if given else None


def session_pain(checkins: Iterable[CheckIn]) -> SessionPain:
    """The `SessionPain` of one session's check-ins (in the order they were given)."""
    given = list(checkins)
    before, after = _last(given, Kind.BEFORE), _last(given, Kind.AFTER)
    return SessionPain(
        before=None if before is None else before.pain,
        after=None if after is None else after.pain,
        worst=worst_pain(given),
        effort=None if after is None else after.effort,
        change=next_day_change(given),
    )


def pain_cell(checkins: Iterable[CheckIn]) -> str:
    """A session's pain in a table cell: before → after, then "·" and the zone of the
    worst pain during or after, with that pain when it was during the session and
    above the pain after: "3 → 5 · red (7 during)" when `!` was answered 7,
    "– → 3 · green", "4 → –", or "" when nothing was given. The zone stands apart
    from the after value, so "– → 2 · amber (5 during)" never reads as "2 is
    amber" (found by a tester). The same numbers as the CSV's pain_before,
    pain_after and zone (`session_pain`)."""
    pain = session_pain(checkins)
    if pain.before is None and pain.worst is None:
        return ""
    first = "–" if pain.before is None else str(pain.before)
    last = "–" if pain.after is None else str(pain.after)
    if pain.zone is None or pain.worst is None:
        return f"{first} → {last}"
    above = pain.after is None or pain.worst > pain.after
    during = f" ({pain.worst} during)" if above else ""
    return f"{first} → {last} · {pain.zone.value}{during}"


def cell_zone(cell: str) -> str:
    """The zone word of a `pain_cell` ("green", "amber", "red"), or "" when it has none."""
    return cell.partition(" · ")[2].partition(" ")[0]


def pains_by_session(checkins: Iterable[CheckIn]) -> dict[int | None, str]:
    """`pain_cell` of each session that has check-ins, by session id (keyed as
    `SessionRecord.id`, whose None, a session not stored, has none)."""
    grouped: dict[int | None, list[CheckIn]] = {}
    for c in checkins:
        if c.session_id is not None:
            grouped.setdefault(c.session_id, []).append(c)
    return {sid: pain_cell(given) for sid, given in grouped.items()}


def standalone_line(total: int, latest: Sequence[CheckIn], today: date) -> str:
    """The line under `spinewise history`'s table for the check-ins of no session,
    which count toward the advice to see a professional (`zones.red_days`) and so
    are never out of sight (found by a tester): "Check-ins on their own: Tue 01 Dec
    10:00 pain 9 (red), ...", the `latest` (oldest first), and how many there are
    in all when that is more, with where to see them. "" when there are none."""
    if not total:
        return ""
    said = []
    for c in latest:
        pain = "no pain given" if c.pain is None else f"pain {c.pain} ({zone(c.pain).value})"
        note = f' "{c.note}"' if c.note else ""
        said.append(f"{when_text(c.at, today)} {pain}{note}")
    more = f"; {total} in all: spinewise history --json" if total > len(latest) else ""
    return "Check-ins on their own: " + ", ".join(said) + more

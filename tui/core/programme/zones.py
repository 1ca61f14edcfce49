"""The traffic light of pain during back exercise, written once.

The rule is the pain-monitoring model (Silbernagel K.G., Thomeé R., Eriksson
B.I., Karlsson J., "Continued sports activity, using a pain-monitoring model,
during rehabilitation in patients with Achilles tendinopathy", Am J Sports Med
2007;35(6):897-906), as physiotherapists use it for exercise in general: pain
on a 0-10 scale during and after exercise of 0-3 is fine (green), 4-5 is
acceptable if it settles by the next morning (amber), 6 or more is too much
(red); the next morning decides the next dose (back to usual: carry on;
worse: ease off).

Two red days within 7 days lead to the plain advice to see a health
professional: spinewise gives general guidance, never a diagnosis, and claims
to cure nothing. Pure functions over plain values; dates are computed from
epoch seconds in the time zone given (the local one by default), so tests
pass fixed times and zones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

#: Pain is asked for on this scale (0 none, 10 the worst imaginable).
PAIN_MIN, PAIN_MAX = 0, 10
#: Highest pain of each zone below red (Silbernagel 2007).
GREEN_MAX, AMBER_MAX = 3, 5
#: A `checkin` is about the latest session when that ended at most this long ago.
ATTACH_WITHIN = 24 * 3600.0
#: The next-day question waits this long after a session (and for a later day).
NEXT_DAY_AFTER = 8 * 3600.0
#: Red days this close together lead to the advice to see a professional.
RED_DAYS, RED_WINDOW_DAYS = 2, 7

SEE_PROFESSIONAL = (
    "Pain of 6 or more twice this week: consider asking a physiotherapist or doctor "
    "about these exercises before going on. Ease off until then."
)


class Zone(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Kind(StrEnum):
    """When a check-in was given."""

    BEFORE = "before"
    DURING = "during"  # the `!` dialog
    AFTER = "after"
    NEXT_DAY = "next-day"
    STANDALONE = "standalone"


class Change(StrEnum):
    """The back the next morning, compared with before the session."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


class Effort(StrEnum):
    EASY = "easy"
    RIGHT = "right"
    HARD = "hard"


class Verdict(StrEnum):
    """What the check-ins of one session say about the next dose."""

    UNKNOWN = "unknown"  # no pain during or after was given
    CARRY_ON = "carry on"
    WAIT = "see tomorrow"  # amber: fine if it settles by the next morning
    EASE_OFF = "ease off"  # red, or worse the next morning


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One answer: `at` in epoch seconds; `pain` 0-10 or None; the rest optional."""

    kind: Kind
    at: float
    pain: int | None = None
    change: Change | None = None
    effort: Effort | None = None
    exercise: str | None = None
    note: str | None = None
    session_id: int | None = None
    id: int | None = None


def check_pain(pain: int) -> int:
    """`pain` if on the 0-10 scale; ValueError naming the scale otherwise."""
    if isinstance(pain, bool) or not isinstance(pain, int) or not PAIN_MIN <= pain <= PAIN_MAX:
        raise ValueError(f"pain is a whole number from {PAIN_MIN} to {PAIN_MAX}, not {pain!r}")
    return pain


def zone(pain: int) -> Zone:
    """0-3 green, 4-5 amber, 6-10 red (Silbernagel 2007); ValueError off the scale."""
    check_pain(pain)
    if pain <= GREEN_MAX:
        return Zone.GREEN
    return Zone.AMBER if pain <= AMBER_MAX else Zone.RED


def worst_pain(checkins: Iterable[CheckIn]) -> int | None:
    """The highest pain given during or after the session, or None."""
    pains = [c.pain for c in checkins if c.pain is not None and c.kind in _EXERCISE_KINDS]
    return max(pains, default=None)


_EXERCISE_KINDS = frozenset({Kind.DURING, Kind.AFTER})


def session_zone(checkins: Iterable[CheckIn]) -> Zone | None:
    """The zone of the worst pain during or after a session, None when none was given."""
    worst = worst_pain(checkins)
    return None if worst is None else zone(worst)


def next_day_change(checkins: Iterable[CheckIn]) -> Change | None:
    """The next-morning answer among a session's check-ins (the latest), if any."""
    answers = [c for c in checkins if c.kind is Kind.NEXT_DAY and c.change is not None]
    return max(answers, key=lambda c: c.at).change if answers else None


def verdict(checkins: Sequence[CheckIn]) -> Verdict:
    """The day's verdict from a session's check-ins and the next-morning answer.

    Red during or after, or worse the next morning: ease off. Amber: carry on
    once the next morning is back to usual (better or same), wait until then.
    Green: carry on. No pain given and no answer: unknown.
    """
    found, change = session_zone(checkins), next_day_change(checkins)
    if found is Zone.RED or change is Change.WORSE:
        return Verdict.EASE_OFF
    if found is Zone.AMBER:
        return Verdict.WAIT if change is None else Verdict.CARRY_ON
    if found is None and change is None:
        return Verdict.UNKNOWN
    return Verdict.CARRY_ON


def local_day(at: float, tz: tzinfo | None = None) -> date:
    """The calendar day of epoch `at` in `tz` (the machine's local zone by default)."""
    return datetime.fromtimestamp(at, tz).date()


def red_days(checkins: Iterable[CheckIn], tz: tzinfo | None = None) -> set[date]:
    """The days on which any pain of 6 or more was given (before, during, after or alone)."""
    return {local_day(c.at, tz) for c in checkins if c.pain is not None and c.pain > AMBER_MAX}


def see_professional(checkins: Iterable[CheckIn], today: date, tz: tzinfo | None = None) -> bool:
    """Whether red came twice (on two days) within the 7 days ending `today`."""
    first = today - timedelta(days=RED_WINDOW_DAYS - 1)
    recent = [day for day in red_days(checkins, tz) if first <= day <= today]
    return len(recent) >= RED_DAYS


@dataclass(frozen=True, slots=True)
class LastSession:
    """What attaching needs of the most recent session."""

    id: int
    ended_at: float | None
    has_after: bool
    has_next_day: bool


def attach(
    now: float, last: LastSession | None, *, pain: int | None, vs: Change | None
) -> tuple[Kind, int | None]:
    """Where `spinewise checkin` puts an answer given at epoch `now`: (kind, session id).

    The most recent session, if it ended within 24 hours (`ATTACH_WITHIN`,
    real seconds, so a clock change in between moves nothing): the next-day
    answer when `vs` is given, else its pain after when it has none yet.
    Anything else stands alone.
    """
    recent = (
        last is not None and last.ended_at is not None and 0 <= now - last.ended_at <= ATTACH_WITHIN
    )
    if recent and last is not None:
        if vs is not None:
            return Kind.NEXT_DAY, last.id
        if pain is not None and not last.has_after:
            return Kind.AFTER, last.id
    return Kind.STANDALONE, None


def next_day_due(now: float, last: LastSession | None, tz: tzinfo | None = None) -> bool:
    """Whether to ask about yesterday's session: it ended 8 hours or more ago, on the
    calendar day before today, and its next-day question was not answered or dismissed."""
    if last is None or last.ended_at is None or last.has_next_day:
        return False
    if now - last.ended_at < NEXT_DAY_AFTER:
        return False
    return local_day(now, tz) - local_day(last.ended_at, tz) == timedelta(days=1)

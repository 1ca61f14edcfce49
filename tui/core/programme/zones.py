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
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

# The records, written without dataclasses (why: `answers`), are this module's words.
from .answers import CheckIn as CheckIn
from .answers import LastSession as LastSession

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
#: After a red pain (6 or more): too much, so ease off (Silbernagel 2007: red means
#: the load was too high; the next dose is lower). Advice, never a diagnosis.
EASE_OFF_RED = (
    "Pain of 6 or more is more than these exercises should cause: ease off. Rest "
    "today, and next time do less (fewer reps, a smaller range, an easier routine)."
)
#: After `!` answered green (0-3) and nothing worse: noted, and fine to go on gently
#: (Silbernagel 2007: pain of 0-3 during exercise is acceptable). What the `!` dialog said.
HURT_GREEN = (
    "Something hurt a little today (3 or less out of 10): noted. That is fine: "
    "carry on gently next time."
)
#: After pain of 4-5 (amber) during or after: acceptable if it has settled by the next
#: morning, else ease off (Silbernagel 2007: the next morning decides the next dose).
HURT_AMBER = (
    "Some pain today (4 or 5 out of 10): that is fine if it has settled by tomorrow "
    "morning. If it has not, ease off next time."
)
#: After `!` with no pain given: its zone is not known, so the conservative words
#: (DESIGN.md's health rule: rest it, and see a professional if it persists).
HURT_UNKNOWN = (
    "Something hurt today. Rest it, try an easier version next time, "
    "and see a professional if the pain persists."
)
#: Pain of 6 or more before a session: the body is already in the red, so there is no
#: room for exercise to add pain (Silbernagel 2007: exercise should keep pain out of
#: the red). Our own words, conservative: go gently, stop what makes it worse.
BEFORE_RED = "Go gently today; stop any exercise that makes it worse."
#: The next morning worse than before the session: ease off (Silbernagel 2007: the
#: next morning decides the next dose; worse means a lower one).
EASE_OFF_WORSE = (
    "Worse than before yesterday's session: ease off today (fewer reps, a smaller "
    "range), and ask a physiotherapist or doctor if it keeps getting worse."
)


class Zone(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


#: Each zone's colour on charts (red, green, blue 0-255): the traffic light's, in
#: shades that read on dark and light backgrounds alike.
ZONE_COLOUR: dict[Zone, tuple[int, int, int]] = {
    Zone.GREEN: (46, 160, 67),
    Zone.AMBER: (212, 150, 20),
    Zone.RED: (218, 54, 51),
}
#: The pain each zone spans on the 0-10 scale, for shading a chart's bands.
ZONE_SPAN: dict[Zone, tuple[int, int]] = {
    Zone.GREEN: (PAIN_MIN, GREEN_MAX),
    Zone.AMBER: (GREEN_MAX + 1, AMBER_MAX),
    Zone.RED: (AMBER_MAX + 1, PAIN_MAX),
}


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


def about(last: LastSession | None, counting: LastSession | None) -> LastSession | None:
    """The session a later answer (`spinewise checkin`, the library's next-morning
    question) is about: `last`, the most recent session that ended, unless it was
    a preview; then `counting`, the most recent that ended and counts (None: none).

    Never a preview (issue 15, found by a tester): a preview's dose was not the
    dose (at `--speed 4` a 40-second hold lasts 10), so an answer kept with it
    would read as the pain of a session that did not happen, in the chart, the
    verdict and the progression. The answers asked during a preview itself
    (before, `!`, after) stay with it, and a red one still counts for safety
    (`red_days` reads every check-in). A session run at speed 1 with nothing
    done ("skipped") is not passed over: its time was real, and pain felt after
    it belongs to no earlier session; its exercises were not done, so the
    progression counts none of them (`progression.judge`).
    """
    if last is None or not last.preview:
        return last
    return None if counting is None or counting.preview else counting


class NothingToCompare(ValueError):
    """A next-morning answer (`checkin --vs`) with no session it is about; the
    message says why, in a sentence."""


def compares_with(now: float, last: LastSession | None, tz: tzinfo | None = None) -> bool:
    """Whether a next-morning answer given at epoch `now` is about `last`: it ended
    8 hours or more before (`NEXT_DAY_AFTER`, real seconds) and on the calendar day
    before `now`'s (in `tz`, the local zone by default). The rule of the library's
    question (`next_day_due`), so the command and the screen agree; the morning
    after is the one the pain-monitoring model reads (Silbernagel 2007)."""
    if last is None or last.ended_at is None or now - last.ended_at < NEXT_DAY_AFTER:
        return False
    return local_day(now, tz) - local_day(last.ended_at, tz) == timedelta(days=1)


def attach(
    now: float,
    last: LastSession | None,
    *,
    pain: int | None,
    vs: Change | None,
    tz: tzinfo | None = None,
    counting: LastSession | None = None,
    effort: bool = False,
) -> tuple[Kind, int | None]:
    """Where `spinewise checkin` puts an answer given at epoch `now`: (kind, session id).

    `last` is the most recent session that ended; when it was a preview the
    answer is about `counting`, the most recent that counts (`about`), never the
    preview. With `vs`: that session's next-morning answer when it is the one of
    yesterday that `compares_with` says; else `NothingToCompare` (a session that
    ended minutes ago, today, has no morning after yet). Without: its pain after,
    when it ended within 24 hours (`ATTACH_WITHIN`, real seconds, so a clock
    change in between moves nothing) and has none yet; an `effort` alone too (how
    hard that session was). Anything else stands alone.
    """
    session = about(last, counting)
    if vs is not None:
        if session is not None and compares_with(now, session, tz):
            return Kind.NEXT_DAY, session.id
        raise NothingToCompare(no_comparison(now, last, tz, counting=counting))
    rates = pain is not None or effort
    if rates and session is not None and recent(now, session) and not session.has_after:
        return Kind.AFTER, session.id
    return Kind.STANDALONE, None


def recent(now: float, session: LastSession) -> bool:
    """Whether `session` ended within `ATTACH_WITHIN` (real seconds) before `now`."""
    return session.ended_at is not None and 0 <= now - session.ended_at <= ATTACH_WITHIN


def no_comparison(
    now: float,
    last: LastSession | None,
    tz: tzinfo | None = None,
    *,
    counting: LastSession | None = None,
) -> str:
    """Why a next-morning answer given at `now` has no session to compare with
    (`compares_with` is False for `about(last, counting)`), and from when it has:
    one sentence, which says first when `last` was a preview (the command adds
    what was kept, nothing, and the command that keeps the rest)."""
    if last is not None and last.preview:
        passed = (
            f"your last session was a preview (--speed {last.speed:g}), and --vs is "
            "never about a preview"
        )
        return f"{passed}; {_no_comparison(now, about(last, counting), tz, ' at normal speed')}"
    return _no_comparison(now, last, tz, "")


def _no_comparison(now: float, last: LastSession | None, tz: tzinfo | None, which: str) -> str:
    if last is None or last.ended_at is None:
        return (
            f"there is no session{which} to compare with: --vs says how your back is the "
            "morning after a session, compared with before it"
        )
    ended = datetime.fromtimestamp(last.ended_at, tz)
    days = (local_day(now, tz) - ended.date()).days
    if days not in (0, 1):
        return (
            f"there is no session{which} to compare with: your last one{which} was on "
            f"{ended:%a %d %b}, and --vs is about the morning after a session (the next day)"
        )
    midnight = datetime.combine(ended.date() + timedelta(days=1), datetime.min.time(), tz)
    earliest = datetime.fromtimestamp(max(last.ended_at + NEXT_DAY_AFTER, midnight.timestamp()), tz)
    day = "today" if earliest.date() == local_day(now, tz) else "tomorrow"
    return (
        f"your last session{which} ended {'today' if days == 0 else 'yesterday'} at "
        f"{ended:%H:%M}: --vs is about the morning after it, from {earliest:%H:%M} {day}"
    )


def next_day_due(now: float, last: LastSession | None, tz: tzinfo | None = None) -> bool:
    """Whether to ask about yesterday's session (`compares_with`), when its next-day
    question was not answered or dismissed yet. `last`: the session it would be
    about (`about`; `Store.last_session(counting=True)`); never a preview."""
    return (
        last is not None
        and not last.preview
        and not last.has_next_day
        and compares_with(now, last, tz)
    )

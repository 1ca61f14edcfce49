"""Where a person is in a plan, and whether a session is due on a given day.

Pure functions over plain values: the plan, the day it was started, the
weekdays chosen, the sessions done since (each its local day and routine id)
and today's date, all given. `due_today` is the one rule `spinewise today`,
`plan status`, the routine library's "Today" row and the reminders share.

The rules, and why:

- A plan advances by sessions done, never by the calendar (issue 16): a missed
  week skips nothing, the next session is the one that was due. Its sessions
  are laid out in order (`expand`): each phase's routines taken in turn, one per
  session, for its weeks times its sessions a week.
- A session done counts for the plan when it is of the routine due next and it
  completed (`engine.credit`: run to its end at speed 1 with at least one
  exercise done; a preview or a skipped run never counts), on a day that has
  not counted one already: one plan session a day, however many are run. Start
  slowly and do less than you think (NHS Sherwood Forest Hospitals Back Pain
  Unit, "Introducing exercise"): a second session the same day is a person's
  own choice, not the plan's.
- A session is due on the plan's days (`--days`, else each phase's own
  rhythm, `DEFAULT_DAYS`), and on the day the plan starts, so it can begin at
  once. A day whose session was done is done; any other day is a rest day.
- Where those days leave a rest day between sessions (no two of them are
  neighbours, Sunday beside Monday: two or three a week, or days chosen so),
  a session is never due the day after one was done (`spaced`, `next_day_after`).
  The days alone did not hold that across a change of rhythm: the bundled plan's
  first phase (Monday and Thursday) ends on a Thursday, and the next phase's
  days (Monday, Wednesday, Friday) put its first session on the Friday; a plan
  started on a Sunday put the second session on the Monday, and a session done a
  day late was followed by one the next day. Rest between sessions is the
  plan's own rhythm: build up gradually (NHS Sherwood Forest Hospitals, above).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from tui.core.programme.model import Programme, ProgrammePhase

#: Weekday names as `--days` takes them (Monday is 0, as `date.weekday()`).
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: The days of each number of sessions a week when none are chosen: spread with a
#: rest day between sessions where the week has room (two a week: Monday and
#: Thursday; three: Monday, Wednesday and Friday).
DEFAULT_DAYS: dict[int, tuple[int, ...]] = {
    1: (2,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}


class DoneSession(NamedTuple):
    """A session that completed (`engine.credit`): the local day it started, and
    the id of the routine it ran."""

    day: date
    routine_id: str


class Slot(NamedTuple):
    """One session of a plan: its phase (index from 0), its number in that phase
    (from 0), and its routine id."""

    phase: int
    in_phase: int
    routine_id: str


class Place(NamedTuple):
    """Where a person is: `done` sessions of the plan counted, the last on
    `last_day`; `next` is the slot of the session due next (None: finished)."""

    done: int
    next: Slot | None
    last_day: date | None


class Due(StrEnum):
    """What today holds."""

    DUE = "due"  # a session is due today
    DONE = "done"  # today's session is done
    REST = "rest"  # no session today
    FINISHED = "finished"  # every session of the plan is done


class Today(NamedTuple):
    """`due_today`'s answer: the state, where the person is, and the day of the
    next session (today when due; None once the plan is finished)."""

    state: Due
    place: Place
    next_day: date | None


def expand(programme: Programme) -> tuple[Slot, ...]:
    """Every session of the plan in order: each phase's `weeks * sessions_per_week`
    sessions, its routines taken in turn."""
    return tuple(
        Slot(index, number, phase.routine_at(number))
        for index, phase in enumerate(programme.phases)
        for number in range(phase.sessions)
    )


def place_of(programme: Programme, sessions: Iterable[DoneSession]) -> Place:
    """Walk the completed `sessions` (oldest first, those since the plan started):
    each of the routine due next, on a day that counted none yet, advances the plan."""
    slots = expand(programme)
    done, last = 0, None
    for session in sessions:
        if done >= len(slots):
            break
        if session.routine_id == slots[done].routine_id and session.day != last:
            done += 1
            last = session.day
    return Place(done, slots[done] if done < len(slots) else None, last)


def weekdays_of(phase: ProgrammePhase, days: Sequence[int] | None) -> tuple[int, ...]:
    """The weekdays (0 Monday) sessions of `phase` are due on: `days` when chosen,
    else `DEFAULT_DAYS` for the phase's sessions a week."""
    return tuple(sorted(set(days))) if days else DEFAULT_DAYS[phase.sessions_per_week]


def session_weekdays(programme: Programme, days: Sequence[int] | None,
                     from_phase: int = 0) -> tuple[int, ...]:
    """Every weekday (0 Monday) a session of the phases from `from_phase` on may
    fall on: `days` when chosen, else each of those phases' `DEFAULT_DAYS`
    (the day a plan starts, a session day whatever its weekday, aside)."""
    found = {d for phase in programme.phases[from_phase:] for d in weekdays_of(phase, days)}
    return tuple(sorted(found))


def next_day_on(after: date, weekdays: Sequence[int]) -> date:
    """The first day after `after` that falls on one of `weekdays` (0 Monday)."""
    for ahead in range(1, 8):
        day = after + timedelta(days=ahead)
        if day.weekday() in weekdays:
            return day
    raise ValueError("no weekdays given")


def spaced(weekdays: Sequence[int]) -> bool:
    """True when no two of `weekdays` (0 Monday) are neighbours, Sunday beside
    Monday: the days leave a rest day between sessions (`DEFAULT_DAYS` for one to
    three a week; four or more a week have neighbours)."""
    chosen = set(weekdays)
    return not any((d + 1) % 7 in chosen for d in chosen)


def may_fall_on(day: date, weekdays: Sequence[int], last_day: date | None) -> bool:
    """Whether a session may be due on `day`: one of `weekdays`, and not the day
    after the last session done (`last_day`) when the days are `spaced`."""
    if day.weekday() not in weekdays:
        return False
    return last_day is None or not spaced(weekdays) or (day - last_day).days != 1


def next_day_after(after: date, weekdays: Sequence[int], last_day: date | None) -> date:
    """The first day after `after` a session may fall on (`may_fall_on`), the last
    session done on `last_day` (None: none yet)."""
    day = next_day_on(after, weekdays)
    while not may_fall_on(day, weekdays, last_day):
        day = next_day_on(day, weekdays)
    return day


def due_today(
    programme: Programme,
    *,
    started: date,
    days: Sequence[int] | None,
    sessions: Iterable[DoneSession],
    today: date,
) -> Today:
    """Whether a session of `programme` is due on `today`, and which.

    `started`: the local day the plan was started (a session is due that day);
    `days`: the weekdays chosen (0 Monday), or None for each phase's own
    (`DEFAULT_DAYS`); `sessions`: the completed sessions started since the plan
    was, oldest first (`DoneSession`); `today`: the local date to judge (given,
    never read from a clock here). The session due is `place.next`.
    """
    place = place_of(programme, sessions)
    if place.next is None:
        return Today(Due.FINISHED, place, None)
    weekdays = weekdays_of(programme.phases[place.next.phase], days)
    last = place.last_day
    if last is not None and last >= today:
        return Today(Due.DONE, place, next_day_after(today, weekdays, last))
    if today < started:
        return Today(Due.REST, place, started)
    if (today == started and place.done == 0) or may_fall_on(today, weekdays, last):
        return Today(Due.DUE, place, today)
    return Today(Due.REST, place, next_day_after(today, weekdays, last))


def week_of(programme: Programme, slot: Slot) -> tuple[int, int]:
    """(week of its phase, week of the whole plan) of a session, both from 1."""
    phase = programme.phases[slot.phase]
    week = min(slot.in_phase // phase.sessions_per_week + 1, phase.weeks)
    return week, sum(p.weeks for p in programme.phases[: slot.phase]) + week


def parse_days(text: str) -> tuple[int, ...]:
    """`mon,wed,fri` (any case; `monday`, `Wed`; commas or spaces) -> (0, 2, 4).

    ValueError with a sentence naming the word not understood.
    """
    found: set[int] = set()
    for word in text.replace(",", " ").split():
        wanted = word.lower()
        match = [i for i, full in enumerate(_FULL) if len(wanted) >= 3 and full.startswith(wanted)]
        if not match:
            raise ValueError(
                f"expected days such as mon,wed,fri (mon tue wed thu fri sat sun), got {word!r}"
            )
        found.add(match[0])
    if not found:
        raise ValueError("expected at least one day, such as mon,wed,fri")
    return tuple(sorted(found))


_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def days_text(days: Sequence[int]) -> str:
    """(0, 2, 4) -> `mon,wed,fri`, as `--days` takes them and the database keeps them."""
    return ",".join(WEEKDAYS[d] for d in sorted(set(days)))

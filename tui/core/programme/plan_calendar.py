"""A plan's coming sessions as an iCalendar file (`spinewise plan export --ics`).

So a phone's calendar reminds a person with no service of ours (issue 18).
The days are laid out by the plan's own rule (`schedule.due_today` for the
next one, then `schedule.weekdays_of` and `schedule.next_day_after` for each
after it, the phase's days as they change, never the day after a session when
those days leave a rest day between sessions): the calendar shows what `today`
will say on each day, if each session is done on its day.

Each event's UID is made of the plan, the day it was started and the
session's number in it, so exporting again (after a missed day moved the rest
along) updates the same events rather than adding new ones. SEQUENCE is the
export's DTSTAMP in minutes since 2020-01-01 UTC (`sequence_of`): it grows
with every later export, for every event, so a calendar program takes each
moved event as the newer revision (RFC 5545, 3.8.7.4: the sequence "MUST be
incremented" on each significant revision; an unchanged event with a higher
one is merely re-read). It was the days since the plan started: 0 for every
export on the start day, so a session moved that day never updated.
Times are floating local times (RFC 5545, 3.3.5, "form #1"): 07:30 is 07:30
wherever the phone is, as the plan's days are.

`-o FILE` replaces, without `--force`, only the calendar an earlier export of
the same plan wrote (`calendar_kind` says `SAME`): re-exporting in place is
how a calendar subscribed to that file gets the moved sessions, and such a file
holds nothing a person made, since every event in it is remade with the same
UID. Anything else (another plan's calendar, our calendar with an event added,
any other file) is kept by the rule every `-o` follows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import NamedTuple

from tui.core.programme.model import Programme
from tui.core.programme.schedule import Slot, Today, expand, next_day_after, weekdays_of

PRODID = "-//spinewise//plan export//EN"
#: An event lasts the routine's time, at least this long (minutes), rounded up.
MIN_EVENT_MINUTES = 5
NOTICE = "General exercise guidance, not medical advice: stop anything that hurts."


class Coming(NamedTuple):
    """One session to come: its number in the plan (from 1), its slot, its day."""

    number: int
    slot: Slot
    day: dt.date


def coming_sessions(programme: Programme, judged: Today, days: Sequence[int] | None
                    ) -> list[Coming]:
    """Every session not done yet, each on the day it falls if the ones before it
    are done on theirs. `judged` is `due_today`'s answer for today; `days` the
    weekdays chosen (None: each phase's own)."""
    if judged.place.next is None or judged.next_day is None:
        return []
    slots = expand(programme)
    coming: list[Coming] = []
    day = judged.next_day
    for index in range(judged.place.done, len(slots)):
        slot = slots[index]
        if coming:
            weekdays = weekdays_of(programme.phases[slot.phase], days)
            day = next_day_after(day, weekdays, last_day=day)
        coming.append(Coming(index + 1, slot, day))
    return coming


def event_uid(plan_id: str, started_on: dt.date, number: int) -> str:
    """`back-care-12-weeks-20261129-session-3@spinewise`: the same for the same session."""
    return f"{plan_id}-{started_on:%Y%m%d}-session-{number}@spinewise"


_UID = re.compile(r"(?P<plan>.+)-(?P<day>\d{8})-session-\d+@spinewise\Z")
#: A calendar of ours is a few kilobytes a session; a file larger than this is not one.
MAX_OWN_BYTES = 4 * 1024 * 1024


class CalendarKind(StrEnum):
    """What an existing file is, for `-o` (`calendar_kind`)."""

    SAME = "same"  # this plan's calendar, as an export of it wrote it: replaceable
    OTHER_PLAN = "other plan"  # our calendar, of another plan or another start of this one
    NOT_OURS = "not ours"  # anything else, an edited calendar of ours included


def calendar_kind(data: bytes, plan_id: str, started_on: dt.date) -> CalendarKind:
    """What `data` (a file's bytes) is: `SAME` when it parses as one iCalendar
    whose PRODID is ours and which holds only events (each with at most alarms
    inside) whose UIDs are `event_uid`'s for `plan_id` started on `started_on`;
    `OTHER_PLAN` when the same holds for another plan or start day; else
    `NOT_OURS` (larger than `MAX_OWN_BYTES`, unreadable, anything added)."""
    from icalendar import Calendar

    if len(data) > MAX_OWN_BYTES:
        return CalendarKind.NOT_OURS
    try:
        calendars = Calendar.from_ical(data, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError):
        return CalendarKind.NOT_OURS
    if len(calendars) != 1 or str(calendars[0].get("PRODID", "")) != PRODID:
        return CalendarKind.NOT_OURS
    owners = set()
    for event in calendars[0].subcomponents:
        match = _UID.match(str(event.get("UID", "")))
        if event.name != "VEVENT" or match is None or any(
                inner.name != "VALARM" for inner in event.subcomponents):
            return CalendarKind.NOT_OURS
        owners.add((match["plan"], match["day"]))
    if owners <= {(plan_id, f"{started_on:%Y%m%d}")}:
        return CalendarKind.SAME
    return CalendarKind.OTHER_PLAN


def event_minutes(seconds: float | None) -> int:
    """Minutes an event lasts: the routine's time rounded up, at least `MIN_EVENT_MINUTES`."""
    return max(MIN_EVENT_MINUTES, -(-int(seconds or 0) // 60))


#: SEQUENCE counts minutes from here (an RFC 5545 INTEGER, 3.3.8, holds 2**31 - 1 of
#: them: some 4,000 years).
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def sequence_of(stamp: dt.datetime) -> int:
    """SEQUENCE for an export stamped `stamp` (aware): whole minutes since
    `SEQUENCE_EPOCH`, 0 before it. Monotonic with the clock, whatever the plan's
    start day, so each later export (a minute or more after) outranks the one before."""
    return max(0, int((stamp - SEQUENCE_EPOCH).total_seconds() // 60))


def plan_ics(
    programme: Programme,
    plan_id: str,
    started_on: dt.date,
    coming: Sequence[Coming],
    names: Mapping[str, tuple[str, float | None]],
    at: dt.time,
    now: dt.datetime,
) -> bytes:
    """The calendar: one event with a display alarm at its start per session of
    `coming`, at `at` on its day. `names` maps a routine id to (name, total seconds
    or None) as `catalog.plans.routine_names` gives it; `now` (aware) stamps it."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"spinewise: {programme.name}")
    stamp = now.astimezone(dt.UTC)
    sequence = sequence_of(stamp)
    for session in coming:
        rid = session.slot.routine_id
        name, seconds = names.get(rid, (rid, None))
        start = dt.datetime.combine(session.day, at)
        phase = programme.phases[session.slot.phase]
        event = Event()
        event.add("uid", event_uid(plan_id, started_on, session.number))
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", f"Back care: {name}")
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=event_minutes(seconds)))
        event.add("description", (
            f"Session {session.number} of {programme.sessions} of {programme.name} "
            f"(phase {session.slot.phase + 1}, {phase.name}). "
            f"Start it with: spinewise run {rid}\n{NOTICE}"
        ))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Back care: {name}")
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data

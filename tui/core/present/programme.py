"""What `spinewise today`, `plan status` and the routine library's "Today" row say
of a plan followed: plain text from plain values (no I/O, no clock: `today` is
given)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from tui.core.programme.model import Programme
from tui.core.programme.schedule import (
    DEFAULT_DAYS,
    WEEKDAYS,
    Due,
    Slot,
    Today,
    days_text,
    session_weekdays,
    week_of,
)
from tui.core.words import count

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_text(day: date, today: date) -> str:
    """`today`, `tomorrow`, `Wed 02 Dec` (with its year when not this year's)."""
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return f"tomorrow ({day:%a %d %b})"
    return f"{day:%a %d %b}" if day.year == today.year else f"{day:%a %d %b %Y}"


def short_day(day: date, today: date) -> str:
    """`tomorrow`, `Wed`, or `Wed 09 Dec` beyond a week: for a narrow row."""
    if day == today + timedelta(days=1):
        return "tomorrow"
    if day - today < timedelta(days=7):
        return _DAY_NAMES[day.weekday()]
    return f"{day:%a %d %b}"


def days_words(days: Sequence[int]) -> str:
    """(0, 2, 4) -> `Mon, Wed and Fri`."""
    names = [_DAY_NAMES[d] for d in sorted(set(days))]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def where_text(programme: Programme, slot: Slot) -> str:
    """`phase 1 of 4, Get moving · session 3 of 6 in this phase · 3 of 33 in all`.

    Sessions, not weeks: a plan moves on by sessions done, so a "week 2 of 2" on
    the Friday of the first calendar week (two sessions in) read as a mistake.
    `week_text` says the weeks, with how they are counted."""
    phase = programme.phases[slot.phase]
    number = sum(p.sessions for p in programme.phases[: slot.phase]) + slot.in_phase + 1
    return (f"phase {slot.phase + 1} of {len(programme.phases)}, {phase.name} · "
            f"session {slot.in_phase + 1} of {phase.sessions} in this phase · "
            f"{number} of {programme.sessions} in all")  # fmt: skip


def week_text(programme: Programme, slot: Slot) -> str:
    """`Weeks count sessions done (2 a week), not the calendar: this is its week 2
    of 3, week 2 of 12 of the plan.`"""
    phase = programme.phases[slot.phase]
    week, plan_week = week_of(programme, slot)
    return (f"Weeks count sessions done ({phase.sessions_per_week} a week), not the calendar: "
            f"this is its week {week} of {phase.weeks}, week {plan_week} of "
            f"{programme.weeks} of the plan.")  # fmt: skip


def routine_text(rid: str, names: dict[str, tuple[str, float | None]]) -> str:
    """`Gentle start (gentle-start), 4:58`; the id alone when the routine is unknown.
    `names` maps an id to (name, total seconds or None)."""
    from tui.core.routine.models import format_clock

    if rid not in names:
        return f"{rid} (it cannot be read now: see spinewise list)"
    name, seconds = names[rid]
    return f"{name} ({rid})" + ("" if seconds is None else f", {format_clock(seconds)}")


def today_lines(
    programme: Programme,
    judged: Today,
    today: date,
    names: dict[str, tuple[str, float | None]],
    advice: str = "",
    *,
    paused: bool = False,
) -> list[str]:
    """What `spinewise today` prints: what is due (or why nothing is) first, then
    where in the plan. `advice` (`Following.advice`: see a professional, ease off)
    leads, once; a session due then is offered as the person's choice, at the
    dose held, not urged (DESIGN.md, safety: red, repeated, means see a
    professional). `paused`: a session of the routine due waits to be resumed
    (then `spinewise resume`, not `run`, which would ask to discard it)."""
    slot = judged.place.next
    lead = [advice] if advice else []
    if judged.state is Due.FINISHED or slot is None:
        return [
            *lead,
            f"{programme.name} is finished: all {count(programme.sessions, 'session')} done.",
            "Keep going with any routine you like; `spinewise plan stop` ends the plan.",
        ]
    where = f"{programme.name}: {where_text(programme, slot)}"
    due = routine_text(slot.routine_id, names)
    if judged.state is Due.DUE and advice:
        return [*lead, f"Today, only if it feels right: {due}; its dose is held", where,
                f"If you do it, keep it easy: spinewise run {slot.routine_id}"]
    if judged.state is Due.DUE and paused:
        return [f"Today: {due}", where, "It is paused: carry on with spinewise resume"]
    if judged.state is Due.DUE:
        return [f"Today: {due}", where, f"Start it: spinewise run {slot.routine_id}"]
    when = day_text(judged.next_day, today) if judged.next_day else "later"
    first = "Done for today." if judged.state is Due.DONE else "Rest day."
    return [*lead, f"{first} Next: {due}, {when}.", where]


#: The Today row's words while the advice to see a professional applies: short, as
#: the row is narrow; the advice itself is in the panel beside it.
HELD_ROW = "Ease off: pain 6+ twice this week"


def row_text(
    programme: Programme, judged: Today, today: date, name: str | None, advice: str = ""
) -> str:
    """The routine library's "Today" row: `Today: Gentle start`, `Rest day, next: Wed`,
    `Done for today, next: Thu`, `Plan finished`; `HELD_ROW` when a session is due
    while `advice` applies."""
    slot = judged.place.next
    if judged.state is Due.FINISHED or slot is None:
        return f"{programme.name}: finished"
    shown = name or slot.routine_id
    if judged.state is Due.DUE and advice:
        return HELD_ROW
    if judged.state is Due.DUE:
        return f"Today: {shown}"
    when = short_day(judged.next_day, today) if judged.next_day else "later"
    first = "Done for today" if judged.state is Due.DONE else "Rest day"
    return f"{first}, next: {when}"


def rhythm_text(programme: Programme, days: Sequence[int] | None) -> list[str]:
    """The days of each phase, in words: the chosen days for all, or each phase's
    own rhythm; a note where chosen days are fewer than a phase asks for."""
    if days:
        lines = [f"Days: {days_words(days)}."]
        short = [str(number) for number, phase in enumerate(programme.phases, start=1)
                 if phase.sessions_per_week > len(days)]  # fmt: skip
        if short:
            asks = max(phase.sessions_per_week for phase in programme.phases)
            which = f"Phase {short[0]} asks" if len(short) == 1 else (
                f"Phases {', '.join(short[:-1])} and {short[-1]} ask")
            lines.append(f"{which} for up to {asks} sessions a week: on "
                         f"{count(len(days), 'day')} a week it takes longer, and skips nothing.")
        return lines
    seen: list[str] = []
    for phase in programme.phases:
        text = (f"{days_words(DEFAULT_DAYS[phase.sessions_per_week])} "
                f"({phase.sessions_per_week} a week)")  # fmt: skip
        if text not in seen:
            seen.append(text)
    return ["Days: the plan's own rhythm: " + ", then ".join(seen)
            + ". Choose yours with --days, such as --days " + ",".join(WEEKDAYS[:5:2]) + "."]


def reminder_skips(programme: Programme, plan_days: Sequence[int] | None, today: Today,
                   reminder_days: Sequence[int], clock: str) -> str:
    """One sentence when a reminder on `reminder_days` (0 Monday; empty: every day)
    at `clock` (`07:30`) skips weekdays the plan still has sessions on (its days,
    `plan_days`, or its phases' own from the one `today` is in), else "". When it
    skips them all, the sentence says so and suggests the plan's days alone.

    Extra reminder days need no word: `remind fire` stays silent on a rest day.
    The reminder stays as set: it is the person's choice (a session can be
    remembered without one)."""
    if not reminder_days or today.place.next is None:
        return ""
    plan = session_weekdays(programme, plan_days, today.place.next.phase)
    missed = sorted(set(plan) - set(reminder_days))
    if not missed:
        return ""
    if len(missed) == len(plan):  # none of the plan's days: "also" would be wrong
        return (f"Your plan has sessions on {days_words(missed)}, and this reminder is on "
                f"none of them; to be reminded on your plan's days: spinewise remind set "
                f"{clock} --days {days_text(missed)}")
    return (f"Your plan also has sessions on {days_words(missed)}, which this reminder skips; "
            f"to be reminded then too: spinewise remind set {clock} --days "
            f"{days_text(sorted(set(reminder_days) | set(missed)))}")

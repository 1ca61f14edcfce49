"""The plan a person follows, as of a given day: the running enrolment read from
the store, its kept text parsed again, the completed sessions since it started
walked by `schedule.due_today`.

One function for `spinewise today`, `plan status`, `plan stop` and the routine
library's "Today" row, so they can never disagree, on the session due and on
the advice that leads it: after pain of 6 or more on two days of the last 7
(`zones.see_professional`) progression is held, and all of them say
`zones.SEE_PROFESSIONAL` before offering a session. The day is given (the
commands read it from their date source; tests give fixed ones).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

from tui.core.programme.model import Programme
from tui.core.programme.plan_file import parse_programme
from tui.core.programme.schedule import DoneSession, Today, due_today
from tui.core.programme.zones import (
    RED_WINDOW_DAYS,
    SEE_PROFESSIONAL,
    Change,
    Kind,
    local_day,
    red_days,
    see_professional,
)

if TYPE_CHECKING:  # a Protocol class costs start-up; `today` needs none at run time
    from typing import Protocol

    from tui.core.programme.zones import CheckIn
    from tui.core.store.enrolment import Enrolment

    class PlanSource(Protocol):
        """Where the plan followed is read: `Store`, or `enrolment.PlanReader`."""

        def running_plan(self) -> Enrolment | None: ...

        def completed_since(self, since: float) -> list[tuple[float, str]]: ...

        def checkins(self, *, since: float | None = None) -> list[CheckIn]: ...


class Following(NamedTuple):
    """The plan followed: as kept (`enrolment`), as read (`programme`), and `today`;
    `advice`: `zones.SEE_PROFESSIONAL` while red came on two days of the 7 ending
    today (progression is held then), else ""; `ease_off`: that advice, or red
    pain today, or a "worse" next morning told today (Silbernagel 2007: red is
    too much; the next morning decides the next dose), when nothing is to urge
    more exercise."""

    enrolment: Enrolment
    programme: Programme
    today: Today
    advice: str = ""
    ease_off: bool = False


def following(store: PlanSource, today: date) -> Following | None:
    """The plan `store` says is followed, judged on `today`; None when none runs.

    Raises RoutineError if the kept text no longer reads (a later spinewise
    changed the format), StoreError when the database cannot be read.
    """
    enrolment = store.running_plan()
    if enrolment is None:
        return None
    where = enrolment.plan_path or f"{enrolment.plan_id}.toml"
    programme = parse_programme(enrolment.plan_text, where)
    done = [
        DoneSession(datetime.fromtimestamp(at).date(), rid)
        for at, rid in store.completed_since(enrolment.started_at)
    ]
    judged = due_today(
        programme, started=enrolment.started_on, days=enrolment.days, sessions=done, today=today
    )
    first = datetime.combine(today - timedelta(days=RED_WINDOW_DAYS - 1), time()).timestamp()
    recent = store.checkins(since=first)
    held = see_professional(recent, today)
    worse = any(c.kind is Kind.NEXT_DAY and c.change is Change.WORSE
                and local_day(c.at) == today for c in recent)  # fmt: skip
    ease_off = held or worse or today in red_days(recent)
    return Following(enrolment, programme, judged, SEE_PROFESSIONAL if held else "", ease_off)

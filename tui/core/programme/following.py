"""The plan a person follows, as of a given day: the running enrolment read from
the store, its kept text parsed again, the completed sessions since it started
walked by `schedule.due_today`.

One function for `spinewise today`, `plan status`, `plan stop` and the routine
library's "Today" row, so they can never disagree. The day is given (the
commands read it from their date source; tests give fixed ones).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from tui.core.programme.model import Programme
from tui.core.programme.plan_file import parse_programme
from tui.core.programme.schedule import DoneSession, Today, due_today

if TYPE_CHECKING:  # a Protocol class costs start-up; `today` needs none at run time
    from typing import Protocol

    from tui.core.store.enrolment import Enrolment

    class PlanSource(Protocol):
        """Where the plan followed is read: `Store`, or `enrolment.PlanReader`."""

        def running_plan(self) -> Enrolment | None: ...

        def completed_since(self, since: float) -> list[tuple[float, str]]: ...


class Following(NamedTuple):
    """The plan followed: as kept (`enrolment`), as read (`programme`), and `today`."""

    enrolment: Enrolment
    programme: Programme
    today: Today


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
    return Following(enrolment, programme, judged)

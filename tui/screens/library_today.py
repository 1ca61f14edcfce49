"""The routine library's "Today" row: what the plan followed has for today,
first in the list while a plan runs (issue 16). Enter on it starts the session
due; on a rest day, or once today's session is done, it says when the next is.

The plan is read in the screen's worker (`plan_state`: the app's store, the
day from the app's wall clock), and the row made on the UI loop from what the
catalog already holds (the routine's name, time and exercises), so no file is
read for it. The rule is `programme.schedule.due_today`, as for `spinewise today`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from tui.core.catalog.entries import CatalogEntry, Valid
from tui.core.catalog.listing import Listing
from tui.core.catalog.sources import RoutineRef
from tui.core.present.preview import DosePreview, exercise_lines
from tui.core.present.programme import row_text, today_lines, where_text
from tui.core.programme.following import Following
from tui.core.programme.schedule import Due
from tui.core.store.active import NullStore
from tui.core.store.database import Store

#: A routine as the library lists it (`library_rows.Shown` but the Today row).
Listed = CatalogEntry | Listing

#: What the worker reads: the plan followed (None: none), and the day it was judged on.
PlanState = tuple[Following | None, date]


def plan_state(store: Store | NullStore, wall: Callable[[], float]) -> Callable[[], PlanState]:
    """A reader of the plan followed, for a worker: never raises (a plan that
    cannot be read shows no row; `spinewise today` says why)."""

    def read() -> PlanState:
        from tui.core.programme.following import following
        from tui.core.routine.problems import RoutineError
        from tui.core.store.schema import StoreError

        today = datetime.fromtimestamp(wall()).date()
        if isinstance(store, NullStore):
            return None, today
        try:
            return following(store, today), today
        except (StoreError, RoutineError):
            return None, today

    return read


class TodayRow(NamedTuple):
    """The row: the plan followed as judged `today`, and the catalog's entry of the
    routine due next (None when no routine of that id is listed)."""

    plan: Following
    today: date
    entry: Listed | None
    routine_id: str
    #: The routine's timed seconds at today's dose, once read (`library_dose`);
    #: None: its time as written holds, or it is not read yet.
    dose_seconds: float | None = None

    @property
    def due(self) -> bool:
        return self.plan.today.state is Due.DUE

    @property
    def name(self) -> str:
        return row_text(self.plan.programme, self.plan.today, self.today, self.routine_name,
                        self.plan.advice)  # fmt: skip

    @property
    def routine_name(self) -> str | None:
        return getattr(self.entry, "name", None) if self.entry is not None else None

    @property
    def ref(self) -> RoutineRef:
        """The routine's (edit and duplicate act on it)."""
        if self.entry is not None:
            return self.entry.ref
        return RoutineRef(self.routine_id, Path(f"{self.routine_id}.toml"), "file")

    @property
    def seconds(self) -> float | None:
        if self.dose_seconds is not None:
            return self.dose_seconds
        return getattr(self.entry, "total_seconds", None)

    @property
    def where(self) -> str:
        slot = self.plan.today.place.next
        programme = self.plan.programme
        return programme.name if slot is None else (
            f"{programme.name}: {where_text(programme, slot)}")

    def matches(self, words: str) -> bool:
        return not words.strip()


def today_row(state: PlanState, catalog: Sequence[object]) -> TodayRow | None:
    """The row for `state`, or None when no plan runs or it is finished."""
    found, today = state
    if found is None or found.today.place.next is None:
        return None
    rid = found.today.place.next.routine_id
    entry = next((e for e in catalog if isinstance(e, Valid | Listing) and e.ref.id == rid
                  and e.ref.origin != "file"), None)  # fmt: skip
    return TodayRow(found, today, entry, rid)


def today_preview(row: TodayRow, dose: DosePreview | None = None
                  ) -> tuple[str, str, str, str]:
    """(name, meta, summary, exercises) shown beside the row; the routine due at
    today's `dose` when given (its time and exercises), else as written."""
    names: dict[str, tuple[str, float | None]] = {}
    if row.routine_name is not None:
        seconds = row.seconds if dose is None else dose.total_seconds
        names[row.routine_id] = (row.routine_name, seconds)
    advice = row.plan.advice
    lines = today_lines(row.plan.programme, row.plan.today, row.today, names, advice)
    slot = row.plan.today.place.next
    phase = row.plan.programme.phases[slot.phase] if slot is not None else None
    first = "Press Enter to start it." if row.due else lines[0]
    if advice:  # the advice leads, once; a session due is the person's choice
        first = advice + ("\nEnter starts it, only if it feels right." if row.due else "")
    summary = "\n".join([first] + ([phase.summary] if phase and phase.summary else []))
    exercises = ""
    if isinstance(row.entry, Valid):
        exercises = exercise_lines(row.entry.routine) if dose is None else dose.exercises
    elif isinstance(row.entry, Listing):
        exercises = row.entry.summary
    return row.name, row.where, summary, exercises


def not_due_note(row: TodayRow) -> str:
    """What Enter on the row says when no session is due today: any routine is the
    person's to do, except while `Following.ease_off` (red today, a worse morning,
    or the advice to see a professional)."""
    judged = row.plan.today
    name = row.routine_name or row.routine_id
    when = "later" if judged.next_day is None else f"{judged.next_day:%a %d %b}"
    first = "Today's session is done" if judged.state is Due.DONE else "A rest day"
    if row.plan.ease_off:  # never more exercise urged under advice to ease off
        return f"{first}: the next, {name}, is on {when}. Ease off today: rest is part of it."
    return (f"{first}: the next, {name}, is on {when}. Any routine below is yours to "
            "do all the same.")

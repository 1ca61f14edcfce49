"""What happened in a session: one record, whether it is shown by the summary
the moment the session ends (`SessionRecord.of` a live session) or read back
later by history, `history --json` and the export (`session_record` of a row).

One shape, so the summary and history cannot tell two stories: both say done,
skipped and the outcome by `engine.credit`'s rule, and the summary's names are
the ones the step log stores. Rows are read by column name (`by_name`), never
splatted by position into the fields.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from tui.core.engine import credit
from tui.core.engine.credit import counts, is_preview, outcome, session_tally, spent_seconds
from tui.core.words import minutes_text

if TYPE_CHECKING:
    from tui.core.engine.session import Session


@dataclass(frozen=True, slots=True)
class StepRecord:
    """One step row of the step log (`step_log.record_events`); times in epoch seconds."""

    index: int
    kind: str
    exercise_index: int
    exercise: str
    set: int | None
    rep: int | None
    side: str | None
    phase: str | None
    planned_seconds: float | None
    started_at: float
    ended_at: float | None
    elapsed: float | None
    skipped: bool
    extended_seconds: float
    hurt: bool

    def to_json(self) -> dict[str, object]:
        return {
            "index": self.index,
            "kind": self.kind,
            "exercise": self.exercise,
            "set": self.set,
            "rep": self.rep,
            "side": self.side,
            "phase": self.phase,
            "planned_seconds": self.planned_seconds,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "skipped": self.skipped,
            "hurt": self.hurt,
        }


#: Between exercise names in a note ("skipped Bird dog, arm only; Plank"), in the
#: history table, the History screen and the CSV's skipped and hurt cells, as the
#: summary joins them: a name may hold a comma, so ", " between names was ambiguous
#: (found by a tester).
NAMES_SEP = "; "
#: Between the notes of one session ("skipped ... · hurt: ... · Plank -> ..."): not
#: "; ", which now joins names within a note.
NOTES_SEP = " · "
#: How the session open in another spinewise that still runs reads (`SessionRecord.
#: as_shown`), in the history table, the History screen and `history --json` alike
#: (not "paused": found by a tester, it was being followed at that moment).
IN_PROGRESS = "in progress"


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session: times in epoch seconds, `status` as stored ('active',
    'completed', 'stopped', 'abandoned'; `outcome` is how it reads)."""

    #: Its row in the database (None: a session that was not stored).
    id: int | None
    routine_id: str
    routine_name: str
    status: str
    started_at: float
    ended_at: float | None
    active_seconds: float
    #: Names of the exercises done (None: ended before that was kept, or not
    #: ended yet), skipped, and flagged as hurting.
    done: tuple[str, ...] | None
    skipped: tuple[str, ...]
    hurt: tuple[str, ...]
    #: The speed it ran at (not 1: a preview).
    speed: float = 1.0
    #: Its step log; empty when read without it (a table of sessions needs none).
    steps: tuple[StepRecord, ...] = ()
    #: Each swap for a variant, in order: (name swapped from, variant's name, way).
    swaps: tuple[tuple[str, str, str], ...] = ()
    #: The exercise of each `!` answered "sharp, shooting or radiating" (`!`, a pain,
    #: then `r`: it ended the session), in order ("" for none named): the summary's
    #: "get it checked" (`present.summary.SHARP_STOP`), kept in every export.
    sharp: tuple[str, ...] = ()
    #: Open in another spinewise that still runs (`as_shown`): it reads as `IN_PROGRESS`.
    held_elsewhere: bool = False

    @classmethod
    def of(
        cls,
        session: Session,
        *,
        id: int | None,
        routine_id: str,
        started_at: float,
        ended_at: float | None,
    ) -> SessionRecord:
        """The record of a live `session` as it stands, as the store will keep it:
        'completed' or 'stopped' once finished ('active' before), done and skipped
        by `engine.credit.session_tally`, each by the name it had when worked (a
        swapped exercise's work splits between its two names); hurt by the name the
        exercise had when `!` was pressed (`Session.hurt_names`), as the step log keeps it. Its
        steps are not copied (the summary shows none)."""
        tally = session_tally(session)
        if not session.finished:
            status = "active"
        else:
            status = "stopped" if session.ended_early else "completed"
        return cls(
            id=id,
            routine_id=routine_id,
            routine_name=session.plan.name,
            status=status,
            started_at=started_at,
            ended_at=ended_at,
            active_seconds=session.active_seconds(),
            done=tally.done,
            skipped=tally.skipped,
            hurt=tuple(session.hurt_names),
            speed=session.speed,
            swaps=tuple((s.was_name, s.to_name, s.way) for s in session.plan.swaps),
        )

    @property
    def minutes(self) -> float:
        """Minutes really spent (`engine.credit.spent_seconds`): what a row shows. A
        preview's are real too, not the plan's, and like it count for nothing."""
        return spent_seconds(self.active_seconds, self.speed) / 60

    @property
    def outcome(self) -> str:
        """How it reads everywhere: 'completed', 'skipped', 'stopped', 'abandoned',
        'paused' or 'preview' (`engine.credit.outcome`); 'in progress' (`IN_PROGRESS`)
        for a paused one `held_elsewhere`."""
        said = outcome(self.status, self.speed, None if self.done is None else len(self.done))
        return IN_PROGRESS if said == credit.PAUSED and self.held_elsewhere else said

    def as_shown(self, elsewhere: int | None) -> SessionRecord:
        """This record, marked `held_elsewhere` when it is session `elsewhere` (the id
        `store.active.running_elsewhere` gives, None: none), else itself."""
        if self.id is None or self.id != elsewhere:
            return self
        return replace(self, held_elsewhere=True)

    @property
    def preview(self) -> bool:
        """Run at a speed other than 1: kept, never counted (`engine.credit`)."""
        return is_preview(self.speed)

    @property
    def counted(self) -> bool:
        """Whether its minutes count towards the week and the streak."""
        return counts(self.outcome)

    @property
    def day(self) -> date:
        """The local date the session started."""
        return local_date(self.started_at)

    def row(self, today: date | None = None) -> tuple[str, str, str, str, str]:
        """As a person reads it in a table: when, routine, minutes, status, notes (what
        was skipped, hurt, or swapped for a variant). Plain text: it holds routine and
        exercise names as written. The date has its year when that is not the year of
        `today` (default: now)."""
        notes = [f"skipped {NAMES_SEP.join(self.skipped)}"] if self.skipped else []
        notes += [f"hurt: {NAMES_SEP.join(self.hurt)}"] if self.hurt else []
        sharp = NAMES_SEP.join(name or "?" for name in self.sharp)
        notes += [f"sharp pain: {sharp}"] if sharp else []
        notes += swap_notes(self.swaps)
        return (
            when_text(self.started_at, today or date.today()),
            self.routine_name,
            minutes_text(self.minutes),
            self.outcome,
            NOTES_SEP.join(notes),
        )

    def to_json(self) -> dict[str, object]:
        """One session as `spinewise history --json` prints it."""
        return {
            "id": self.id,
            "routine": self.routine_id,
            "routine_name": self.routine_name,
            "status": self.outcome,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "active_seconds": self.active_seconds,
            "speed": self.speed,
            "counted": self.counted,
            "done": None if self.done is None else list(self.done),
            "skipped": list(self.skipped),
            "hurt": list(self.hurt),
            "sharp_pain": list(self.sharp),
            "swaps": [{"exercise": was, "variant": to, "way": way} for was, to, way in self.swaps],
            "steps": [step.to_json() for step in self.steps],
        }


# -- read back, by column name ------------------------------------------------

#: The columns `session_record` and `step_record` read (of `FROM sessions`, not
#: aliased: `sharp` is read from its check-ins, by the index on their session).
SESSION_COLUMNS = (
    "id, routine_id, routine_name, status, started_at, ended_at, active_seconds,"
    " skipped, hurt, speed, done, swaps,"
    " (SELECT json_group_array(coalesce(exercise, '')) FROM (SELECT exercise FROM checkins"
    " WHERE session_id = sessions.id AND kind = 'during' AND sharp = 1 ORDER BY at, id))"
    " AS sharp"
)
#: A step's `index` is its place in its session's log, from 0: unique and increasing.
#: The stored `step_index` is the step's place in the plan of that moment, which
#: repeats: a swap for a variant renumbers the plan from the swap on, and `b` (back)
#: starts a step again (issue 16: a tester saw 12 and 26 twice in one session).
STEP_SEQUENCE = "row_number() OVER (PARTITION BY session_id ORDER BY id) - 1"
STEP_COLUMNS = (
    f"session_id, {STEP_SEQUENCE} AS step_index, kind, exercise_index, exercise, set_no,"
    " rep, side, phase,"
    " planned_seconds, started_at, ended_at, elapsed, skipped, extended_seconds, hurt"
)


def session_record(row: sqlite3.Row, steps: tuple[StepRecord, ...] = ()) -> SessionRecord:
    """A sessions row of `SESSION_COLUMNS`, read by name, with its steps."""
    return SessionRecord(
        id=row["id"],
        routine_id=row["routine_id"],
        routine_name=row["routine_name"],
        status=row["status"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        active_seconds=row["active_seconds"],
        done=None if row["done"] is None else _names(row["done"]),
        skipped=_names(row["skipped"]),
        hurt=_names(row["hurt"]),
        speed=row["speed"],
        steps=steps,
        swaps=_swaps(row["swaps"]),
        sharp=_names(row["sharp"]),
    )


def step_record(row: sqlite3.Row) -> StepRecord:
    """A steps row of `STEP_COLUMNS`, read by name."""
    return StepRecord(
        index=row["step_index"],
        kind=row["kind"],
        exercise_index=row["exercise_index"],
        exercise=row["exercise"],
        set=row["set_no"],
        rep=row["rep"],
        side=row["side"],
        phase=row["phase"],
        planned_seconds=row["planned_seconds"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        elapsed=row["elapsed"],
        skipped=bool(row["skipped"]),
        extended_seconds=row["extended_seconds"],
        hurt=bool(row["hurt"]),
    )


def _names(text: str) -> tuple[str, ...]:
    """A JSON list of exercise names; none when a damaged byte left it unreadable."""
    try:
        names = json.loads(text)
    except ValueError:
        return ()
    return tuple(str(name) for name in names) if isinstance(names, list) else ()


def _swaps(text: str) -> tuple[tuple[str, str, str], ...]:
    """The `swaps` column; none when a damaged byte left it unreadable."""
    try:
        found = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(found, list):
        return ()
    keys = ("exercise", "variant", "way")
    return tuple(
        (str(s["exercise"]), str(s["variant"]), str(s["way"]))
        for s in found
        if isinstance(s, dict) and all(key in s for key in keys)
    )


def swap_notes(swaps: Iterable[tuple[str, str, str]]) -> list[str]:
    """Swaps as a person reads them, one per exercise as written, however many steps
    it took: 'Plank -> Plank from the knees (easier)'; one swapped there and back
    is left out (`history --json` lists every swap)."""
    origin: dict[str, str] = {}  # name now -> the name as written
    net: dict[str, int] = {}
    last: dict[str, str] = {}
    for was, to, way in swaps:
        first = origin.pop(was, was)
        origin[to] = first
        net[first] = net.get(first, 0) + (1 if way == "easier" else -1)
        last[first] = to
    return [
        f"{first} -> {to} ({'easier' if net[first] > 0 else 'harder'})"
        for first, to in last.items()
        if to != first and net[first] != 0
    ]


def when_text(epoch: float, today: date) -> str:
    """`Mon 03 Nov 07:30` in `today`'s year, `Mon 03 Nov 2025 07:30` in another."""
    moment = datetime.fromtimestamp(epoch)
    if moment.year == today.year:
        return moment.strftime("%a %d %b %H:%M")
    return moment.strftime("%a %d %b %Y %H:%M")


def local_date(epoch: float) -> date:
    return datetime.fromtimestamp(epoch).date()

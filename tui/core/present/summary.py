"""The end of a session in a person's words: time worked, done, skipped, flagged.

It reads the session's `store.record.SessionRecord`, the shape history reads
back, so what the summary says and what history later says are one story:
what counts as done or skipped is `engine.credit`'s rule, the same one
history and the streak use (an exercise pressed through is skipped, not done).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tui.core.engine.credit import COMPLETED, PAUSED, PREVIEW, SKIPPED, spent_seconds
from tui.core.programme.zones import (
    EASE_OFF_RED,
    HURT_AMBER,
    HURT_GREEN,
    HURT_UNKNOWN,
    CheckIn,
    Kind,
    Zone,
    zone,
)
from tui.core.routine.models import format_clock
from tui.core.store.record import SessionRecord, swap_notes
from tui.core.words import count

#: The heading, by the record's `outcome`; any other ('stopped', 'abandoned'): "Session ended".
_TITLES = {
    PREVIEW: "Preview ended",
    COMPLETED: "Workout complete",
    SKIPPED: "Nothing done",
    PAUSED: "Session paused",
}


def title(record: SessionRecord) -> str:
    return _TITLES.get(record.outcome, "Session ended")


#: After `!` with sharp, shooting or radiating pain. Such pain during exercise is
#: a reason to stop and be assessed, not to rest and retry: NHS "Back pain" (when
#: to get help) and NICE NG59 (low back pain and sciatica, 2016, updated 2020:
#: assess radiating and neurological symptoms) - our words, conservative.
SHARP_STOP = (
    "Sharp, shooting or radiating pain today. Stop these exercises and get it checked "
    "by a health professional (your GP or a physiotherapist) before doing them again."
)


def closing(
    record: SessionRecord,
    pain: int | None = None,
    *,
    sharp: bool = False,
    told: Sequence[CheckIn] = (),
) -> str:
    """The last word: after `sharp` pain (`!` then `r`) stop and get checked
    (`SHARP_STOP`), before anything else; then by the zone of the worst pain given
    (NRS 0-10: `pain` after, and the `!` answers among `told`; Silbernagel 2007, as
    the `!` dialog says it): red, ease off (`zones.EASE_OFF_RED`); a `!` with no pain
    given, the conservative words (`zones.HURT_UNKNOWN`); amber, fine if it settles by
    the next morning (`zones.HURT_AMBER`); green after a `!`, noted, carry on gently
    (`zones.HURT_GREEN`); else whether it counted."""
    if sharp:
        return SHARP_STOP
    during = [c for c in told if c.kind is Kind.DURING and c.pain is not None]
    pains = [c.pain for c in during if c.pain is not None] + ([] if pain is None else [pain])
    worst = None if not pains else zone(max(pains))
    if worst is Zone.RED:
        return EASE_OFF_RED
    answered = {c.exercise for c in during}
    if any(name not in answered for name in record.hurt):  # a `!` with no pain given
        return HURT_UNKNOWN
    if worst is Zone.AMBER:
        return HURT_AMBER
    if record.hurt:
        return HURT_GREEN
    if record.preview:
        return "A preview to see how it goes: run it at normal speed to count it."
    if not record.done:
        return "Nothing was done this time, so it is not counted. Even one exercise counts."
    return WELL_DONE


#: Between exercise names: a name may hold a comma ("Bird dog, arm only").
NAMES = "; "


def lines(record: SessionRecord) -> list[tuple[str, str]]:
    """(label, value) rows: time worked (really spent, a preview's too:
    `engine.credit.spent_seconds`), done, then skipped, hurt, swapped for a variant
    and preview when any."""
    done = record.done or ()
    rows = [
        ("Time", format_clock(spent_seconds(record.active_seconds, record.speed))),
        ("Done", count(len(done), "exercise") + (f": {NAMES.join(done)}" if done else "")),
    ]
    if record.skipped:
        rows.append(("Skipped", NAMES.join(record.skipped)))
    if record.hurt:
        rows.append(("Hurt", NAMES.join(record.hurt)))
    if swapped := swap_notes(record.swaps):
        rows.append(("Swapped", "; ".join(swapped)))
    if record.preview:
        rows.append(("Preview", f"at {record.speed:g}x speed: not counted in minutes or streak"))
    return rows


#: The last word of a session that counted, while no plan runs.
WELL_DONE = "Well done. Little and often is what works: same time tomorrow?"


def plan_closing(next_name: str | None, next_day: date | None, today: date) -> str:
    """The last word of a session that counted while a plan runs: its next session
    and day (`programme.schedule.due_today`), not "same time tomorrow?", which a
    plan of two or three sessions a week does not ask (`next_day` None: the plan
    is finished). `next_name`: the routine's name or id."""
    from tui.core.present.programme import day_text

    if next_day is None or next_name is None:
        return "Well done: that was the plan's last session."
    return f"Well done. Next in your plan: {next_name}, {day_text(next_day, today)}."

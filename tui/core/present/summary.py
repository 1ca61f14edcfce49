"""The end of a session in a person's words: time worked, done, skipped, flagged.

It reads the session's `store.record.SessionRecord`, the shape history reads
back, so what the summary says and what history later says are one story:
what counts as done or skipped is `engine.credit`'s rule, the same one
history and the streak use (an exercise pressed through is skipped, not done).
"""

from __future__ import annotations

from datetime import date

from tui.core.engine.credit import COMPLETED, PAUSED, PREVIEW, SKIPPED, spent_seconds
from tui.core.programme.zones import EASE_OFF_RED, Zone, zone
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


def closing(record: SessionRecord, pain: int | None = None, *, sharp: bool = False) -> str:
    """The last word: after `sharp` pain (`!` then `r`) stop and get checked
    (`SHARP_STOP`), before anything else; ease off after a red pain after (`pain`,
    NRS 0-10, 6 or more: `zones.EASE_OFF_RED`, Silbernagel 2007), rest and see a
    professional after a hurt (the health rule in DESIGN.md), else whether it counted."""
    if sharp:
        return SHARP_STOP
    if pain is not None and zone(pain) is Zone.RED:
        return EASE_OFF_RED
    if record.hurt:
        return (
            "Something hurt today. Rest it, try an easier version next time, "
            "and see a professional if the pain persists."
        )
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

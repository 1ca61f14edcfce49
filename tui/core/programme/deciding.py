"""One session's progression, decided once from what the store keeps of it.

The store (`store.stage_rows`) reads what it knows of an ended session into
`Facts` (the stages it began with and those now, the decisions already
logged for it, resets made by hand since it began, what was done and
flagged, every check-in) and `outlook` applies the rules of `progression`
to them. The store logs what is final; the summary shows the same outlook,
with the pain after being typed, so the summary says what the store decides
and nothing else (they used to be worked out apart: a reset made while the
session was paused was undone, and `!` answers given before a pause were lost
after resume).

A reset by hand (`spinewise progress ROUTINE --reset`) is the person's
explicit wish: a session begun before it never counts toward the next step
of an exercise reset since (`Rule.RESET_SINCE`), so it cannot move the stage
above the reset; a red session still steps back (never below as written).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from tui.core.programme.progression import (
    PENDING,
    Decision,
    Evidence,
    Rule,
    apply,
    judge,
)
from tui.core.programme.stages import Stage, StartedStage
from tui.core.programme.zones import CheckIn, Kind, next_day_change


class Facts(NamedTuple):
    """What the store knows of one ended session (`store.stage_rows.session_facts`)."""

    routine_id: str
    #: Each progressing exercise as the session began it.
    started: tuple[StartedStage, ...]
    #: Each exercise's stage now, by key (missing: as written).
    current: Mapping[str, Stage]
    #: Decisions already logged for this session, by key, oldest first.
    logged: Mapping[str, tuple[Decision, ...]]
    #: Keys reset by hand since the session began.
    reset: frozenset[str]
    #: Names of the exercises done and flagged with `!` (as named then).
    done: frozenset[str]
    hurt: frozenset[str]
    #: The session's check-ins, oldest first.
    checkins: tuple[CheckIn, ...]
    preview: bool
    #: Two red days within 7 days (`zones.see_professional`): everything is held.
    held: bool


class Outcome(NamedTuple):
    """What the session does to one exercise."""

    started: StartedStage
    decision: Decision
    #: Not final: a later answer (pain after, the next morning) decides.
    pending: bool
    #: Final and not logged yet: the store logs it now.
    new: bool


def current_stage(current: Mapping[str, Stage], s: StartedStage) -> Stage:
    """The stage of `s` now, clamped to what its routine allows."""
    found = current.get(s.key, Stage())
    return Stage(max(0, min(found.stage, s.top)), found.settled)


def evidence(facts: Facts, s: StartedStage, pain_after: int | None = None) -> Evidence:
    """What `facts` say about `s` (by the name the session ran it under); `pain_after`,
    NRS 0-10, is an answer being typed, taken as the last one."""
    given = facts.checkins
    during = [c for c in given if c.kind is Kind.DURING and c.pain is not None]
    mine = [c.pain for c in during if c.exercise == s.name and c.pain is not None]
    others = [c.pain for c in during if c.exercise != s.name and c.pain is not None]
    afters = [c.pain for c in given if c.kind is Kind.AFTER and c.pain is not None]
    if pain_after is not None:
        afters.append(pain_after)
    return Evidence(
        done=s.name in facts.done, hurt=s.name in facts.hurt,
        sharp=any(c.kind is Kind.DURING and c.sharp for c in given),
        pain_during=max(mine, default=None), pain_elsewhere=max(others, default=None),
        pain_after=afters[-1] if afters else None, next_day=next_day_change(list(given)),
        preview=facts.preview, held=facts.held, reset=s.key in facts.reset,
    )  # fmt: skip


def outlook(facts: Facts, pain_after: int | None = None) -> list[Outcome]:
    """Each progressing exercise's outcome. Once logged, a decision stands; only a
    later red (a worse next morning) changes it, once."""
    found = []
    for s in facts.started:
        before = facts.logged.get(s.key, ())
        verdict = judge(evidence(facts, s, pain_after))
        if before and (Rule.RED in {d.rule for d in before} or verdict.rule is not Rule.RED):
            found.append(Outcome(s, before[-1], pending=False, new=False))
            continue
        decision = apply(current_stage(facts.current, s), verdict, every=s.every, top=s.top)
        pending = verdict.rule in PENDING
        found.append(Outcome(s, decision, pending=pending, new=not pending))
    return found

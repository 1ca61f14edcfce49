"""A session's position as JSON types, and checking a stored one before a
session is rebuilt from it. (Kept here so `session.py` stays one state machine.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.core.engine.states import Status
from tui.core.plan import Plan

if TYPE_CHECKING:
    from tui.core.engine.session import Session

SNAPSHOT_VERSION = 1


def validate_snapshot(plan: Plan, data: dict[str, Any]) -> None:
    def need(key: str, test: Callable[[Any], bool]) -> None:
        if key not in data or not test(data[key]):
            raise ValueError(f"session snapshot: bad or missing {key!r}")

    def number(v: Any) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool) and v >= 0

    need("version", lambda v: v == SNAPSHOT_VERSION)
    need("steps", lambda v: v == len(plan.steps))
    need("status", lambda v: v in {s.value for s in Status})
    need("index", lambda v: isinstance(v, int) and 0 <= v < len(plan.steps))
    for key in ("elapsed", "extension", "active_seconds"):
        need(key, number)
    for key in ("hurt", "skipped"):
        need(key, lambda v: isinstance(v, list) and all(isinstance(i, int) for i in v))
    need("ended_early", lambda v: isinstance(v, bool))
    names = data.get("hurt_names", [])  # absent from snapshots written before it was kept
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError("session snapshot: bad 'hurt_names'")
    swaps = data.get("swaps", [])  # absent before variants; `Plan.swaps` made them again
    if not isinstance(swaps, list) or len(swaps) != len(plan.swaps):
        raise ValueError("session snapshot: bad 'swaps'")
    worked = data.get("worked", {})  # absent from snapshots written before it was kept
    if not isinstance(worked, dict) or not all(
        isinstance(k, str) and k.isdigit() and int(k) < len(plan.steps) and number(v)
        for k, v in worked.items()
    ):
        raise ValueError("session snapshot: bad 'worked'")


def snapshot_of(session: Session) -> dict[str, Any]:
    """The whole position of `session` (`Session.snapshot`)."""
    return {
        "version": SNAPSHOT_VERSION,
        "steps": len(session.plan.steps),
        "status": session.status.value,
        "index": session.index,
        "elapsed": session.elapsed(),
        "extension": session._extension,
        "active_seconds": session.active_seconds(),
        "hurt": sorted(session.hurt),
        "hurt_names": list(session.hurt_names),
        "skipped": sorted(session.skipped),
        "ended_early": session.ended_early,
        "worked": {str(i): share for i, share in sorted(session.worked.items())},
        "swaps": [swap.to_json() for swap in session.plan.swaps],
    }


def restore_onto(session: Session, data: dict[str, Any]) -> None:
    """Put a new `session` at the (validated) snapshot's position, running on from now."""
    session.status = Status(data["status"])
    session.index = data["index"]
    session._banked = session._seen = float(data["elapsed"])
    session._extension = float(data["extension"])
    session._active_banked = float(data["active_seconds"])
    session.hurt = set(data["hurt"])
    # Snapshots from before the names were kept: named as the plan names them now.
    exercises = session.plan.routine.exercises
    older = [exercises[i].name for i in sorted(session.hurt) if i < len(exercises)]
    session.hurt_names = list(data.get("hurt_names", older))
    session.skipped = set(data["skipped"])
    session.ended_early = bool(data["ended_early"])
    # Snapshots from before `worked` was kept lose the work done until then.
    session.worked = {int(i): float(v) for i, v in data.get("worked", {}).items()}
    session._segment_start = session._run_start = session.clock.now()

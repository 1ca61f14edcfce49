"""Checking a stored session snapshot before a session is rebuilt from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.core.engine.states import Status
from tui.core.plan import Plan

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

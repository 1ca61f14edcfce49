"""The workout session's states, and which action is allowed in which state.

Written as tables (after h11's `_state.py`), so the rules can be read at a
glance: the status table, then the few actions that also depend on the step.
`Session` refuses anything they do not allow.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from tui.core.plan import Step


class Status(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


R, P = Status.RUNNING, Status.PAUSED

#: action -> the statuses in which it is allowed.
ALLOWED: dict[str, frozenset[Status]] = {
    "start": frozenset({Status.READY}),
    "pause": frozenset({R}),
    "resume": frozenset({P}),
    "next": frozenset({R, P}),
    "back": frozenset({R, P}),
    "next_exercise": frozenset({R, P}),
    "skip_exercise": frozenset({R, P}),
    "extend": frozenset({R, P}),
    "confirm": frozenset({R}),
    "flag_hurt": frozenset({R, P}),
    "end": frozenset({Status.READY, R, P}),
}


EXTENDABLE = frozenset({"rest", "switch", "prepare"})

#: Actions that also depend on the current step, beyond the status table.
STEP_RULES: dict[str, Callable[[Step], bool]] = {
    "extend": lambda step: step.kind in EXTENDABLE,
    "confirm": lambda step: step.self_paced,
}


class TransitionError(RuntimeError):
    """An action that makes no sense now (resume while running, extend a work step...)."""

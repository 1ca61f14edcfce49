"""The reminder remembered: `remind.json` in the state folder.

It holds the reminder `remind set` made (scheduler, time, days, the files it
wrote, so `remind off` removes exactly those), the notifier `remind fire`
found missing (said once, not every day), and the day it last notified (one
notification a day, however often the scheduler runs it). Kept apart from the
scheduler's files so `remind fire`, run by the scheduler, imports only this.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from tui.core import paths

STATE_FILE = "remind.json"
_TIME = re.compile(r"(\d{1,2}):(\d{2})\Z")


class ReminderTime(NamedTuple):
    """When to remind: hour and minute (local time) on `days` (0 Monday; empty: every day)."""

    hour: int
    minute: int
    days: tuple[int, ...] = ()

    @property
    def clock(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


def parse_clock(text: str) -> tuple[int, int]:
    """`07:30` or `7:30` -> (7, 30); ValueError with a sentence saying what is expected."""
    match = _TIME.match(text.strip())
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"expected a time of day such as 07:30 or 18:05 (24-hour), got {text!r}")
    return int(match.group(1)), int(match.group(2))


def state_path() -> Path:
    return paths.state_dir() / STATE_FILE


def load_state() -> dict[str, Any]:
    """What `remind.json` holds ({} when there is none or it cannot be read)."""
    return paths.read_json_object(state_path())


def save_state(state: Mapping[str, Any]) -> None:
    """Write `state` (atomically, not fsynced: losing the last write to a power cut
    costs at most a second notification); an empty state removes the file."""
    from tui.core.atomic import write_atomic

    if not state:
        state_path().unlink(missing_ok=True)
        return
    text = json.dumps(dict(state), indent=2, sort_keys=True) + "\n"
    write_atomic(state_path(), text, durable=False)


def reminder_of(state: Mapping[str, Any]) -> ReminderTime | None:
    """The reminder `state` records, or None when none is set."""
    try:
        hour, minute = parse_clock(str(state["time"]))
        days = tuple(int(d) for d in state.get("days", ()))
    except (KeyError, ValueError, TypeError):
        return None
    return ReminderTime(hour, minute, days)

"""Whole sessions as JSON text, fast enough for five years of them: `history
--json` (indented, as `json.dumps(indent=2)` writes it) and the JSON Lines
export (one compact line a session); both write dates in ISO 8601 with the local
offset (`IsoDates`, the one date formatter of every export and `--json`).

These outputs hold every step (at 1,825 sessions, 105,850 of them: 36 MB of
`--json`), so the cost per step is the cost: SQLite writes the steps' and the
check-ins' text (`store.json_rows`); here a session's own fields (a dozen,
through `json`) go around them. The text is the same, byte for byte, as
`json.dumps` of `SessionRecord.to_json` with `IsoDates` dates (tests compare
them), for every finite number: an infinite time, which spinewise never
writes, would read `inf` where json.dumps writes `Infinity` (not JSON either).
"""

from __future__ import annotations

import json
import math
from datetime import datetime, tzinfo
from typing import Any

from tui.core.store.record import SessionRecord

#: Minutes `IsoDates` keeps worked out (a few days of sessions; memory stays flat).
MINUTES_KEPT = 2048


def _head(record: SessionRecord, iso: IsoDates) -> dict[str, Any]:
    """`record.to_json()` without its steps, `"type": "session"` first (as every item
    of `history --json` and every line of the JSON Lines export is typed: a session
    or a check-in of its own), dates as `iso` writes them."""
    head: dict[str, Any] = {"type": "session", **record.to_json()}
    head["started_at"], head["ended_at"] = iso.text(record.started_at), iso.text(record.ended_at)
    del head["steps"]
    return head


def _indented(head: dict[str, Any]) -> str:
    """`json.dumps(head, indent=2)` without its closing line ("}"), each line after
    the first 2 deeper: through json's C encoder (`indent` takes the Python one, a third
    of the time of a session's head), its separators doing the indenting. For a
    head whose lists come last (`SessionRecord.to_json`'s), each a list of strings;
    any other value goes through `indent`."""
    keys = list(head)
    lists = [i for i, key in enumerate(keys) if isinstance(head[key], list | dict)]
    first = lists[0] if lists else len(keys)
    if first == 0 or lists != list(range(first, len(keys))):  # a list first, or midway
        return json.dumps(head, indent=2)[:-2].replace("\n", "\n  ")
    flat = {key: head[key] for key in keys[:first]}
    text = "{\n    " + json.dumps(flat, separators=(",\n    ", ": "))[1:-1]
    for key in keys[first:]:
        value = head[key]
        if not value:
            shown = json.dumps(value)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            inner = json.dumps(value, separators=(",\n      ", ": "))[1:-1]
            shown = f"[\n      {inner}\n    ]"
        else:
            shown = json.dumps(value, indent=2).replace("\n", "\n    ")
        text += f',\n    "{key}": {shown}'
    return text


def indented_session(
    record: SessionRecord, steps: str | None, checkins: str | None, iso: IsoDates
) -> list[str]:
    """The session as an item of `history --json`'s list, in pieces to write one after
    another: `json.dumps({"type": "session", **record.to_json(), "steps": ...,
    "checkins": ...}, indent=2)`
    with each line after the first 2 deeper (`write_items`), `steps` and `checkins`
    the text of their items as `json_rows.INDENTED` writes them (None: none), every
    date as `iso` writes it. In pieces: the steps' text (some 20 KB) is not copied."""
    text = _indented(_head(record, iso))
    listed = ["[]"] if steps is None else ["[\n", steps, "\n    ]"]
    told = ["[]"] if checkins is None else ["[\n", checkins, "\n    ]"]
    return [f'{text},\n    "steps": ', *listed, ',\n    "checkins": ', *told, "\n  }"]


class IsoDates:
    """Epoch seconds as ISO 8601 text with the offset of `tz` (the local zone by
    default): `datetime.fromtimestamp(epoch).astimezone().isoformat(timespec=
    "seconds")`, a quoted JSON string (or "null" for None).

    Each minute is worked out once (steps are seconds apart: 215,350 dates in
    17,000 minutes at 1,825 sessions), the last `MINUTES_KEPT` kept; the seconds
    are added to it. Zones change
    offset on a whole minute; one whose offset has seconds (local mean time,
    before 1900) is worked out date by date.
    """

    def __init__(self, tz: tzinfo | None = None) -> None:
        self._tz = tz
        #: minute (epoch // 60) -> ('"2026-03-02T07:30:', '+01:00"'), or None: slow.
        self._minutes: dict[int, tuple[str, str] | None] = {}

    def text(self, epoch: float | None) -> str | None:
        """The date as ISO 8601, unquoted (None stays None)."""
        return None if epoch is None else self(epoch)[1:-1]

    def __call__(self, epoch: float | None) -> str:
        """The date as a quoted JSON string, or "null"."""
        if epoch is None:
            return "null"
        whole = math.floor(epoch)
        if epoch - whole >= 0.9999995:  # datetime rounds to the microsecond first
            whole += 1
        minute, second = divmod(whole, 60)
        try:
            found = self._minutes[minute]
        except KeyError:
            if len(self._minutes) >= MINUTES_KEPT:  # sessions come in order: start anew
                self._minutes.clear()
            found = self._minutes[minute] = self._minute(minute)
        if found is None:
            return f'"{self._moment(epoch).isoformat(timespec="seconds")}"'
        return f"{found[0]}{second:02d}{found[1]}"

    def _minute(self, minute: int) -> tuple[str, str] | None:
        moment = self._moment(minute * 60.0)
        offset = moment.utcoffset()
        if offset is None or offset.total_seconds() % 60:
            return None
        text = moment.isoformat(timespec="seconds")  # 2026-03-02T07:30:00+01:00
        return f'"{text[:17]}', f'{text[19:]}"'

    def _moment(self, epoch: float) -> datetime:
        if self._tz is not None:
            return datetime.fromtimestamp(epoch, self._tz)
        return datetime.fromtimestamp(epoch).astimezone()



def jsonl_session(
    record: SessionRecord, steps: str | None, checkins: str | None, iso: IsoDates
) -> str:
    """One session's JSON Lines line (`"type": "session"`, then as `json.dumps(...,
    ensure_ascii=False)` writes it), `steps` and `checkins` the text of their items
    as `json_rows.LINES` writes them (None: none), ending in a newline."""
    text = json.dumps(_head(record, iso), ensure_ascii=False)[:-1]
    return f'{text}, "steps": [{steps or ""}], "checkins": [{checkins or ""}]}}\n'

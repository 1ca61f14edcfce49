"""Whole sessions as JSON text, fast enough for five years of them: `history
--json` (indented, as `json.dumps(indent=2)` writes it) and the JSON Lines
export (one compact line a session); both write dates in ISO 8601 with the local
offset (`IsoDates`, the one date formatter of every export and `--json`).

These outputs hold every step (at 1,825 sessions, 105,850 of them: 36 MB of
`--json`), so the cost per step is the cost: `json.dumps(indent=2)` runs
Python's own encoder (the C one does no indenting), 4.9 s of a 6.2 s profile;
a function call per value was still 0.9 s. Here a step row
(`store.rows.STEP_FIELDS`, its numbers ready as JSON) goes into a template,
its text through `json`'s C string encoders, its dates through a cache of
minutes (`IsoDates`). The text is the same, byte for byte, as `json.dumps` of
the same values (tests compare them), for every finite number: an infinite
time, which spinewise never writes, would read `inf` where json.dumps writes
`Infinity` (which is not JSON either).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

from tui.core.programme.zones import CheckIn
from tui.core.store.checkins import to_json
from tui.core.store.record import SessionRecord
from tui.core.store.rows import STEP_FIELDS, StepRow

_INDENTED_STEP = (
    "    {\n" + ",\n".join(f'      "{key}": %s' for key in STEP_FIELDS) + "\n    }"
)
_COMPACT_STEP = "{" + ", ".join(f'"{key}": %s' for key in STEP_FIELDS) + "}"
_BOOL = ("false", "true")
#: Minutes `IsoDates` keeps worked out (a few days of sessions; memory stays flat).
MINUTES_KEPT = 2048


def indented_session(
    record: SessionRecord, steps: Sequence[StepRow], checkins: object, iso: IsoDates
) -> str:
    """`json.dumps({**record.to_json(), "steps": ..., "checkins": checkins}, indent=2)`,
    the steps from their rows, every date as `iso` writes it (ISO 8601 with the
    offset, as the JSON Lines export: `checkins` give theirs so, `checkin_json`)."""
    head = record.to_json()
    head["started_at"], head["ended_at"] = iso.text(record.started_at), iso.text(record.ended_at)
    del head["steps"]
    text = json.dumps(head, indent=2)[:-2]  # up to the closing "\n}"
    q = encode_basestring_ascii
    if steps:
        body = ",\n".join([
            _INDENTED_STEP % (
                r[0], q(r[1]), q(r[2]), r[3], r[4], "null" if r[5] is None else q(r[5]),
                "null" if r[6] is None else q(r[6]), r[7], iso(r[8]), iso(r[9]),
                _BOOL[r[10]], _BOOL[r[11]],
            )
            for r in steps
        ])  # fmt: skip
        listed = f"[\n{body}\n  ]"
    else:
        listed = "[]"
    told = json.dumps(checkins, indent=2).replace("\n", "\n  ")
    return f'{text},\n  "steps": {listed},\n  "checkins": {told}\n}}'


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



def checkin_json(c: CheckIn, iso: IsoDates) -> dict[str, object]:
    """One check-in as `history --json` and the JSON Lines export write it, its
    time as `iso` writes dates."""
    return {**to_json(c), "at": iso.text(c.at)}


def jsonl_session(
    record: SessionRecord,
    steps: Sequence[StepRow],
    checkins: Iterable[dict[str, object]],
    iso: IsoDates,
) -> str:
    """One session's JSON Lines line (`"type": "session"`, its steps and `checkins`,
    dates as `iso` writes them), ending in a newline: the text of `json.dumps(...,
    ensure_ascii=False)`."""
    data: dict[str, Any] = {"type": "session", **record.to_json()}
    data["started_at"], data["ended_at"] = iso.text(record.started_at), iso.text(record.ended_at)
    del data["steps"]
    text = json.dumps(data, ensure_ascii=False)[:-1]
    q = encode_basestring
    body = ", ".join([
        _COMPACT_STEP % (
            r[0], q(r[1]), q(r[2]), r[3], r[4], "null" if r[5] is None else q(r[5]),
            "null" if r[6] is None else q(r[6]), r[7], iso(r[8]), iso(r[9]),
            _BOOL[r[10]], _BOOL[r[11]],
        )
        for r in steps
    ])  # fmt: skip
    told = json.dumps(list(checkins), ensure_ascii=False)
    return f'{text}, "steps": [{body}], "checkins": {told}}}\n'

"""`IsoDates`, the one date formatter of `--json` and the exports, reads as datetime
does: across both clock changes and at fractions of a second. (Whole sessions:
tests/core/test_json_rows.py.)"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tui.core.present import session_text
from tui.core.present.session_text import IsoDates

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def berlin() -> Iterator[None]:
    """The machine's zone set to Europe/Berlin (its clocks change) for the test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _epochs() -> list[float]:
    """Around both of Berlin's changes in 2026, and fractions that round up."""
    changes = [datetime(2026, 3, 29, 1, 0, tzinfo=ZoneInfo("UTC")).timestamp(),
               datetime(2026, 10, 25, 1, 0, tzinfo=ZoneInfo("UTC")).timestamp()]  # fmt: skip
    found = [c + d for c in changes for d in range(-7300, 7300, 37)]
    found += [1_700_000_000 + f for f in (0.0, 0.4999999, 0.5, 0.9999994, 0.9999996, 59.9999999)]
    return found


@pytest.mark.parametrize("kept", [session_text.MINUTES_KEPT, 3])
@pytest.mark.parametrize("tz", [None, BERLIN])
def test_iso_dates_read_as_datetime_does(berlin, tz, kept, monkeypatch):
    monkeypatch.setattr(session_text, "MINUTES_KEPT", kept)  # 3: worked out anew, often
    dates = IsoDates(tz)
    for epoch in _epochs():
        if tz is None:
            expected = datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds")
        else:
            expected = datetime.fromtimestamp(epoch, tz).isoformat(timespec="seconds")
        assert dates(epoch) == f'"{expected}"', epoch
        assert dates.text(epoch) == expected
        assert len(dates._minutes) <= kept
    assert dates(None) == "null" and dates.text(None) is None


@pytest.mark.parametrize("head", [
    {"id": 1}, {"id": 1, "done": None, "skipped": ["x", 'é "q"'], "swaps": [{"k": "v"}]},
    {"a": [], "b": 1}, {"a": 1.5, "b": {}, "c": [1, "x"]}, {"a": None, "b": {"x": [1]}},
])  # fmt: skip
def test_a_head_indents_as_json_dumps(head):
    """`_indented` (json's C encoder) reads as `json.dumps(indent=2)` one level deeper."""
    assert session_text._indented(head) == json.dumps(head, indent=2)[:-2].replace("\n", "\n  ")

"""Whole sessions written from their step rows (`present.session_text`) read the
same, byte for byte, as `json.dumps` of `SessionRecord.to_json` (the way they were
written before, kept here as the reference): odd names, missing values, a step
gone back to, check-ins; ISO dates across both clock changes and at fractions of
a second."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.core.store_writes import fill_history
from tui.core.present import session_text
from tui.core.present.export import by_session, iso, jsonl_text
from tui.core.present.session_text import IsoDates, indented_session
from tui.core.programme.zones import CheckIn, Effort, Kind
from tui.core.store.checkins import to_json as checkin_json
from tui.core.store.database import Store

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        fill_history(s, 3, steps_each=4)
        began = 1_700_100_000.25
        sid = s.begin("odd", None, 'Odd "name" é ☃', "x", 60.0, 2, {}, began)
        with s._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'stopped', ended_at = ?, done = ?, skipped = ?"
                " WHERE id = ?", (began + 99.5, '["Bird dog", "Côté"]', '["Plank \\\\ x"]', sid),
            )  # fmt: skip
            rows = [  # index, exercise, set, rep, side, phase, planned, ended, skipped, hurt
                (0, "Bird dog", 1, 1, "left", "Up", 2.5, began + 2.5, 0, 0),
                (1, "Côté\n\"tab\t\"", None, None, None, None, None, None, 1, 1),
                (0, "Bird dog", 1, 1, "right", "ⓤp", 0.1 + 0.2, began + 1e-7, 0, 0),  # back
            ]
            for n, (index, name, set_no, rep, side, phase, planned, ended, skip, hurt) in (
                enumerate(rows)
            ):
                conn.execute(
                    "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise,"
                    " set_no, rep, side, phase, planned_seconds, started_at, ended_at,"
                    " skipped, hurt) VALUES (?, ?, 'work', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (sid, index, name, set_no, rep, side, phase, planned,
                     began + n + 0.9999999, ended, skip, hurt),
                )  # fmt: skip
        s.add_checkin(CheckIn(Kind.BEFORE, began - 1, pain=2, session_id=sid, note="ça ☃"))
        s.add_checkin(CheckIn(Kind.AFTER, began + 200, pain=6, effort=Effort.HARD,
                              session_id=sid))  # fmt: skip
        s.add_checkin(CheckIn(Kind.STANDALONE, began + 900, pain=1, note="alone"))
        yield s


def test_indented_sessions_read_as_json_dumps_with_iso_dates(store: Store):
    """`history --json` writes dates as the export does: ISO 8601 with the offset
    (found by a tester: `"started_at": 1795680016.94`)."""
    told: dict[int | None, list[dict[str, object]]] = {}
    for c in store.checkins():
        told.setdefault(c.session_id, []).append({**checkin_json(c), "at": iso(c.at)})
    records = store.history(include_active=True)
    pages = list(store.each_session_rows(page=2, include_active=True))
    assert [r.id for r, _ in pages] == [r.id for r in records]
    for record, (same, rows) in zip(records, pages, strict=True):
        data = record.to_json()
        data["started_at"], data["ended_at"] = iso(record.started_at), iso(record.ended_at)
        data["steps"] = [
            {**step.to_json(), "started_at": iso(step.started_at), "ended_at": iso(step.ended_at)}
            for step in record.steps
        ]
        expected = json.dumps({**data, "checkins": told.get(record.id, [])}, indent=2)
        assert indented_session(same, rows, told.get(record.id, []), IsoDates()) == expected
        assert data["started_at"][-6] in "+-" and "T" in data["started_at"]
    odd = pages[0][1]
    assert [row[2] for row in odd] == ["Bird dog", 'Côté\n"tab\t"', "Bird dog"]  # as entered


def _old_jsonl(store: Store) -> str:
    """The JSON Lines export as it was written before the step rows (the reference)."""
    checkins = by_session(store.checkins())
    lines = []
    for record in store.history():
        data = record.to_json()
        data["started_at"], data["ended_at"] = iso(record.started_at), iso(record.ended_at)
        data["steps"] = [
            {**step.to_json(), "started_at": iso(step.started_at), "ended_at": iso(step.ended_at)}
            for step in record.steps
        ]
        told = checkins.get(record.id, ())
        data["checkins"] = [{**checkin_json(c), "at": iso(c.at)} for c in told]
        lines.append(json.dumps({"type": "session", **data}, ensure_ascii=False) + "\n")
    for c in checkins.get(None, ()):
        lines.append(json.dumps({"type": "checkin", **checkin_json(c), "at": iso(c.at)},
                                ensure_ascii=False) + "\n")  # fmt: skip
    return "".join(lines)


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


@pytest.mark.parametrize("zone", ["machine", "berlin"])
def test_jsonl_reads_as_before(store: Store, zone: str, request):
    if zone == "berlin":
        request.getfixturevalue("berlin")
    text = "".join(jsonl_text(store.each_session_rows(page=2), by_session(store.checkins())))
    assert text == _old_jsonl(store)


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

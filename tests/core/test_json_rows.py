"""`history --json` and the JSON Lines export, whose steps and check-ins SQLite
writes (`store.json_rows`), read the same, byte for byte, as `json.dumps` of
`SessionRecord.to_json` with `IsoDates` dates: the way they were written before
(kept here as the oracle). The database is made to be awkward: missing values,
text with quotes, backslashes, control characters, accents, snowmen and emoji,
floats whose repr has 17 digits, REALs where integers belong, a step gone back
to, swaps, check-ins of every kind, a paused session, sessions over midnight,
across a clock change and resumed days later, dates before 1971 and after 2037,
fractions of a second SQLite would round otherwise; in five zones (fixed TZ)."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tui.cli import main
from tui.commands import history as history_command
from tui.core.present.export import by_session, jsonl_text
from tui.core.present.session_text import IsoDates, indented_session
from tui.core.programme.zones import CheckIn, Effort, Kind
from tui.core.store import json_rows
from tui.core.store.checkins import to_json
from tui.core.store.database import Store
from tui.core.store.json_rows import INDENTED, LINES, as_ascii

ODD = 'Côté "quoted" \\ back\tslash\n☃ 😀 \x01\x1f\x7f end,'
ZONES = ["UTC", "Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kolkata"]


@pytest.fixture(params=ZONES)
def zone(request) -> Iterator[str]:
    """The machine's zone set to `request.param` for the test (TZ, tzset)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _epoch(zone: str, *when: int) -> float:
    return datetime(*when, tzinfo=ZoneInfo(zone)).timestamp()  # type: ignore[misc]


def _session(store: Store, name: str, began: float, status: str, steps: list[tuple], **cols):
    """A session with `steps` (index, kind, exercise, set, rep, side, phase, planned,
    started, ended, skipped, hurt), written straight into the tables."""
    sid = store.begin("r-" + name, None, name, "x", 60.0, 2, {}, began)
    with store._write() as conn:
        if status != "active":
            conn.execute("UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                         (status, began + 3000, sid))  # fmt: skip
        for column, value in cols.items():
            conn.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, sid))
        for step in steps:
            conn.execute(
                "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise,"
                " set_no, rep, side, phase, planned_seconds, started_at, ended_at, skipped,"
                " hurt) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sid, *step),
            )
    return sid


def _steps(began: float, count: int, gap: float = 37.3) -> list[tuple]:
    kinds = ("work", "rest", "prepare")
    return [
        (n, kinds[n % 3], ["Bird dog", "Plank"][n % 2], n % 3 or None, n % 4 or None,
         ["left", None, "right"][n % 3], [None, "Hold", "Up"][n % 3],
         [10.0, None, 2.5, 0.25, 45.0][n % 5], began + n * gap, began + n * gap + gap - 1,
         n % 5 == 3, n % 7 == 4)
        for n in range(count)
    ]  # fmt: skip


def fill(store: Store, zone: str) -> None:
    """The awkward history (see the module's docstring), in `zone`'s local time."""
    for n in range(4):  # plain daily sessions
        began = _epoch(zone, 2026, 2, 10 + n, 7, 30) + 0.123
        _session(store, f"Daily {n}", began, ("completed", "stopped", "abandoned")[n % 3],
                 _steps(began, 6 + n), done='["Plank"]' if n else None,
                 skipped='["Bird dog"]' if n == 2 else "[]")  # fmt: skip
    for change in ((2026, 3, 29, 1, 40), (2026, 10, 25, 1, 40), (2026, 4, 5, 1, 40)):
        began = _epoch(zone, *change)  # across a change in Berlin, and in Lord Howe
        _session(store, "Over a change", began, "completed",
                 _steps(began, 40, gap=300.0))  # fmt: skip
    began = _epoch(zone, 2026, 5, 1, 23, 50)  # over midnight, one a hair before it
    midnight = _epoch(zone, 2026, 5, 2, 0, 0)
    hair = (7, "work", "Plank", 1, 1, None, None, 5.0, midnight - 3e-7, midnight + 2, 0, 0)
    _session(store, "Late", began, "completed", [*_steps(began, 12, gap=90.0), hair])
    began = _epoch(zone, 2026, 3, 20, 18, 0)  # resumed three days later, over a change
    steps = _steps(began, 3) + _steps(began + 3 * 86_400 + 7, 3) + _steps(began + 9 * 86_400, 2)
    _session(store, "Resumed", began, "completed", steps)
    began = _epoch(zone, 2026, 6, 1, 8, 0) + 0.9999996  # fractions datetime rounds up...
    odd = [
        (0, "work", ODD, 1, 1, ODD, ODD, 0.1 + 0.2, began, began + 0.9996, 0, 1),  # ...and not
        (1, "work", "Plank", 2.5, 1e20, None, None, 1e-7, began + 5.5, None, 1, 0),
        (0, "work", "Bird dog", 1, 1, "ⓤp", "Hold", 123456789.123, began + 9, began + 10, 0, 0),
        (2, "rest", "Rest", None, None, None, None, 1e15, began + 11, began + 12, 0, 0),
        (3, "work", "Plank", None, None, None, None, -2.75, began + 13, began + 14.5, 0, 0),
    ]
    sid = _session(store, ODD, began, "stopped", odd, active_seconds=0.1 + 0.7,
                   speed=1.5, hurt=json.dumps([ODD, "Plank"]), done="[]",
                   swaps=json.dumps([{"exercise": "Plank", "variant": ODD, "way": "easier"}]))
    for kind, pain, extra in (
        (Kind.BEFORE, 2, {"note": ODD}), (Kind.DURING, 7, {"exercise": ODD, "sharp": True}),
        (Kind.DURING, 3, {"exercise": "Plank", "sharp": False}),
        (Kind.DURING, 8, {"sharp": True}),  # sharp, no exercise named
        (Kind.AFTER, 4, {"effort": Effort.HARD}), (Kind.NEXT_DAY, None, {}),  # dismissed
    ):  # fmt: skip
        store.add_checkin(CheckIn(kind, began + 30, pain=pain, session_id=sid, **extra))
    with store._write() as conn:  # a pain the app never writes, and an answer
        conn.execute("INSERT INTO checkins (session_id, kind, at, pain, change) VALUES"
                     " (?, 'next-day', ?, 2.5, 'better')", (sid, began + 86_400.25))  # fmt: skip
    early = 1000.5  # before 1971 and after 2037: SQLite cannot say their offsets
    _session(store, "Long ago", early, "completed", _steps(early, 3))
    late = _epoch(zone, 2040, 7, 1, 12, 0)
    _session(store, "Far ahead", late, "completed", _steps(late, 3))
    store.add_checkin(CheckIn(Kind.STANDALONE, began + 500, pain=1, note="alone ☃"))
    store.add_checkin(CheckIn(Kind.STANDALONE, early, pain=0))
    store.add_checkin(CheckIn(Kind.STANDALONE, late + 7, pain=9, note=ODD))
    began = _epoch(zone, 2026, 7, 1, 9, 0)  # paused: --json lists it, the export not
    open_step = (3, "work", "Plank", 1, 1, None, None, 30.0, began + 200, None, 0, 0)
    sid = _session(store, "Paused", began, "active", [*_steps(began, 4)[:3], open_step])
    store.add_checkin(CheckIn(Kind.BEFORE, began - 5, pain=3, session_id=sid))


@pytest.fixture
def store(zone: str) -> Iterator[Store]:
    with Store.open(":memory:") as s:
        fill(s, zone)
        yield s


# -- the oracle: json.dumps of to_json, as these were written before ---------------


def checkin_json(c: CheckIn, iso: IsoDates) -> dict[str, object]:
    return {**to_json(c), "at": iso.text(c.at)}


def _dated(store: Store, *, include_active: bool) -> Iterator[dict[str, object]]:
    iso = IsoDates()
    told = by_session(store.checkins())
    for record in store.history(include_active=include_active):
        data = record.to_json()
        data["started_at"] = iso.text(record.started_at)
        data["ended_at"] = iso.text(record.ended_at)
        data["steps"] = [
            {**step.to_json(), "started_at": iso.text(step.started_at),
             "ended_at": iso.text(step.ended_at)}
            for step in record.steps
        ]  # fmt: skip
        data["checkins"] = [checkin_json(c, iso) for c in told.get(record.id, ())]
        data["sharp_pain"] = [c.exercise or "" for c in told.get(record.id, ())
                              if c.kind is Kind.DURING and c.sharp]  # fmt: skip
        yield {"type": "session", **data}


def standalone(store: Store) -> Iterator[dict[str, object]]:
    iso = IsoDates()
    for c in by_session(store.checkins()).get(None, ()):
        yield {"type": "checkin", **checkin_json(c, iso)}


def old_json(store: Store) -> str:
    items = [*_dated(store, include_active=True), *standalone(store)]
    return json.dumps(items, indent=2) + "\n"


def old_jsonl(store: Store) -> str:
    items = [*_dated(store, include_active=False), *standalone(store)]
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def new_json(store: Store, page: int) -> str:
    out: list[str] = []
    dates = IsoDates()
    items = [indented_session(r, s, c, dates)
             for r, s, c in store.each_session_json(INDENTED, dates, page, include_active=True)]
    items += [[text] for text in store.standalone_json(dates, INDENTED)]
    history_command.write_items(items, out.append)
    return "".join(out)


def new_jsonl(store: Store, page: int) -> str:
    dates = IsoDates()
    sessions = store.each_session_json(LINES, dates, page)
    return "".join(jsonl_text(sessions, store.standalone_json(dates), dates))


@pytest.mark.parametrize("page", [1, 3, 100])
def test_history_json_reads_as_json_dumps(store: Store, page: int, zone: str):
    expected = old_json(store)
    assert new_json(store, page) == expected
    assert '"Paused"' in expected and "\\u2603" in expected and "\\ud83d\\ude00" in expected
    assert "0.30000000000000004" in expected
    # typed as the JSON Lines export: sessions, then the check-ins of none (found by a tester)
    items = json.loads(expected)
    types = [i["type"] for i in items]
    assert types == ["session"] * (len(items) - 3) + ["checkin"] * 3
    odd = next(i for i in items if i.get("routine_name") == ODD)
    assert odd["sharp_pain"] == [ODD, ""]  # each `!` answered sharp, in order
    assert [c["sharp"] for c in odd["checkins"] if c["kind"] == "during"] == [True, False, True]
    offsets = {"UTC": ["+00:00"], "Europe/Berlin": ["+01:00", "+02:00"],
               "America/St_Johns": ["-03:30", "-02:30"], "Asia/Kolkata": ["+05:30"],
               "Australia/Lord_Howe": ["+10:30", "+11:00"]}[zone]  # fmt: skip
    assert all(f'{offset}"' in expected for offset in offsets)


@pytest.mark.parametrize("page", [1, 100])
def test_the_export_reads_as_json_dumps(store: Store, page: int):
    expected = old_jsonl(store)
    assert new_jsonl(store, page) == expected
    assert "Paused" not in expected and "☃ 😀" in expected and '"type": "checkin"' in expected


def test_the_odd_values_took_their_ways(store: Store, zone: str):
    """Each kind of value went the way the module's docstring says (so the test above
    tests those ways): marks for Python, SQLite's dates on and off the session's."""
    with store._guard() as conn:
        sql = json_rows.page_sql(LINES, 1)
        texts = {sid: t for sid, t, _ in (conn.execute(sql, [sid]).fetchone()
                                          for (sid,) in conn.execute("SELECT id FROM sessions"))}
    marks = {letter for text in texts.values() if text for letter, _ in
             re.findall(json_rows.MARK, text)}  # fmt: skip
    assert {"p", "a", "b", "r"} <= marks  # floats, dates out of range, a REAL rep
    assert not {"i", "s"} & marks  # an INTEGER as it is, and a set of 2.5 (a quarter)
    with store._guard() as conn:
        filled = json_rows.fill_in(conn, "".join(t for t in texts.values() if t), IsoDates())
    assert "\x01" not in filled and "1e+20" in filled and "0.30000000000000004" in filled


def test_group_concat_keeps_the_order_entered(store: Store):
    """A step gone back to is a new row (plan step 0 again): written after the later
    one, and its `index` (the place in the log, issue 16) still unique and increasing."""
    text = new_jsonl(store, 100)
    lines = [json.loads(t) for t in text.splitlines()]
    line = next(x for x in lines if x.get("routine_name") == ODD)
    assert [s["exercise"] for s in line["steps"]] == [ODD, "Plank", "Bird dog", "Rest", "Plank"]
    assert [s["index"] for s in line["steps"]] == [0, 1, 2, 3, 4]


def test_as_ascii_escapes_as_json_dumps():
    for text in ["plain", "é", "☃ and 😀", "\x7f", "a\x7fé\U0010ffff"]:
        assert as_ascii(json.dumps(text, ensure_ascii=False)) == json.dumps(text)


def test_undecodable_text_reads_as_before(tmp_path, zone: str):
    """A flipped byte in a name reads, as elsewhere, as a replacement character."""
    with Store.open(tmp_path / "s.db") as s:
        fill(s, zone)
        with s._write() as conn:
            conn.execute("UPDATE steps SET exercise = CAST(x'506cff616e6b' AS TEXT)"
                         " WHERE id = 2")  # fmt: skip
        expected = old_json(s)
        assert "Pl\\ufffdank" in expected
        assert new_json(s, 3) == expected
        assert new_jsonl(s, 3) == old_jsonl(s)


def test_the_commands_write_it(store: Store, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(Store, "read_only", classmethod(lambda cls, path=None: store))
    monkeypatch.setattr(Store, "close", lambda self: None)
    assert main(["history", "--json"]) == 0
    assert capsys.readouterr().out == old_json(store)
    assert main(["history", "export", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == old_jsonl(store)
    target = tmp_path / "all.jsonl"
    assert main(["history", "export", "--format", "jsonl", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == old_jsonl(store)


def test_an_empty_history(tmp_path):
    with Store.open(":memory:") as s:
        assert new_json(s, 100) == "[]\n" == old_json(s)
        assert new_jsonl(s, 100) == "" == old_jsonl(s)

"""History's cost does not grow with what is not shown (issue 13, kind 5): a table
of sessions reads no step rows, `--json` is written a page at a time and reads the
same as the whole list would, and the History screen fills a page at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App

from tests.core.store_writes import fill_history
from tui.cli import main
from tui.commands import history as history_command
from tui.core.present.session_text import IsoDates
from tui.core.store.database import Store
from tui.core.store.json_rows import LINES
from tui.core.store.record import SessionRecord
from tui.screens.history import NEAR_END, PAGE, HistoryScreen, history_screen


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "spinewise.db") as s:
        yield s


def statements(store: Store) -> list[str]:
    """Every SQL statement the store runs from now on."""
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    return seen


def test_a_table_of_sessions_reads_no_step_rows(store: Store):
    fill_history(store, 40, steps_each=5)
    seen = statements(store)
    records = store.history(30, steps=False)
    assert [r.routine_name for r in records] == [f"Daily {n}" for n in range(30)]
    assert all(r.steps == () for r in records)
    assert records[0].skipped == ("Plank",) and records[0].hurt == ("Bridge",)
    assert not any("steps" in sql for sql in seen)
    assert store.count_sessions() == 40


def test_pages_follow_one_another_without_gaps(store: Store):
    fill_history(store, 23, steps_each=2)
    whole = store.history()
    paged = [r for offset in range(0, 30, 5) for r in store.history(5, offset=offset)]
    assert paged == whole
    rows = list(store.each_session_json(LINES, IsoDates(), page=4))
    assert [record.id for record, _, _ in rows] == [record.id for record in whole]
    assert [steps.count('"index"') for _, steps, _ in rows] == [len(r.steps) for r in whole]
    assert all(len(r.steps) == 2 for r in whole)


def test_history_cli_prints_30_and_counts_the_rest_without_reading_steps(
    store: Store, monkeypatch, capsys
):
    fill_history(store, 45, steps_each=3)
    seen = statements(store)
    monkeypatch.setattr(Store, "read_only", classmethod(lambda cls, path=None: store))
    monkeypatch.setattr(Store, "close", lambda self: None)
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "Daily 29" in out and "Daily 30" not in out
    assert "… and 15 older sessions" in out
    assert not any("FROM steps" in sql for sql in seen)


@pytest.mark.parametrize("count", [0, 1, 7])
def test_history_json_streamed_reads_as_the_whole_list(store: Store, monkeypatch, capsys, count):
    fill_history(store, count, steps_each=3)
    records = store.history(include_active=True)
    iso = IsoDates()  # history --json writes dates as the export: ISO 8601, offset

    def dated(r: SessionRecord) -> dict[str, object]:
        steps = [{**s.to_json(), "started_at": iso.text(s.started_at),
                  "ended_at": iso.text(s.ended_at)} for s in r.steps]  # fmt: skip
        return {"type": "session", **r.to_json(), "started_at": iso.text(r.started_at),
                "ended_at": iso.text(r.ended_at), "steps": steps, "checkins": []}  # fmt: skip

    expected = json.dumps([dated(r) for r in records], indent=2) + "\n"
    real = Store.each_session_json
    monkeypatch.setattr(Store, "each_session_json",
                        lambda self, style, dates, **kw: real(self, style, dates, 2, **kw))
    monkeypatch.setattr(Store, "read_only", classmethod(lambda cls, path=None: store))
    monkeypatch.setattr(Store, "close", lambda self: None)
    assert main(["history", "--json"]) == 0
    assert capsys.readouterr().out == expected


def test_write_json_array_matches_json_dumps():
    for items in ([], [1], [{"a": [1, {"b": "x\ny"}], "c": None}, {"d": "é"}], [[], {}]):
        out: list[str] = []
        history_command.write_json_array(iter(items), out.append)
        assert "".join(out) == json.dumps(items, indent=2) + "\n"


class HistoryApp(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(history_screen(self.store))


async def test_the_history_screen_fills_a_page_at_a_time(store: Store):
    total = 2 * PAGE + 17
    fill_history(store, total, steps_each=1)
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#history-table")
        assert (table.row_count, screen.count) == (PAGE, total)
        for expected in (2 * PAGE, total, total):
            table.move_cursor(row=table.row_count - NEAR_END + 1)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert table.row_count == expected
        names = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert names == [f"Daily {n}" for n in range(total)]


async def test_an_empty_history_says_how_to_start(store: Store):
    app = HistoryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        assert table.row_count == 1
        assert "No sessions yet" in str(table.get_row_at(0)[1])

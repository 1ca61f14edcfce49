"""The History screen's Sessions table fits its terminal: at 80x24 the notes were
cut at the last column ("hurt: Si"); now every column is whole or wraps, and the
routine library keeps its Level column whole beside a long routine name."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tests.ui.test_checkins import history_app, open_tab
from tui.screens.history_columns import COLUMNS, NOTES_MIN, SCROLLBAR, fit
from tui.screens.library_rows import set_columns

LONG_NOTES = "skipped Plank; hurt: Plank; Plank -> Plank from the knees (easier)"


def rows(*notes: str, routine: str = "Test care", pain: str = "2 → 7 · red") -> list[list[Text]]:
    return [[Text(cell) for cell in ("Wed 04 Mar 08:00", routine, "20", "completed",
                                     pain, note)] for note in notes]  # fmt: skip


def used(widths: tuple[int, ...]) -> int:
    return sum(widths) + 2 * len(widths) + SCROLLBAR


def test_at_120_columns_every_column_is_whole_and_only_long_notes_wrap():
    fitted = fit(rows("skipped Plank; hurt: Plank"), 120)
    assert fitted.labels == COLUMNS
    assert fitted.widths == (16, 9, 7, 9, 11, len("skipped Plank; hurt: Plank"))
    fitted = fit(rows(LONG_NOTES), 120)
    assert fitted.widths == (16, 9, 7, 9, 11, 120 - SCROLLBAR - 12 - 52)
    assert used(fitted.widths) == 120


def test_at_80_columns_the_notes_wrap_and_the_date_puts_its_time_below():
    fitted = fit(rows(LONG_NOTES, routine="Strength and mobility"), 80)
    date, routine, minutes, status, pain, notes = fitted.widths
    assert used(fitted.widths) <= 80
    assert (date, minutes, status, pain) == (len("Wed 04 Mar"), 3, 9, 11)
    assert fitted.labels[2] == "Min"
    assert routine == 12  # "Strength and" / "mobility"
    assert notes == 80 - SCROLLBAR - 12 - (10 + 12 + 3 + 9 + 11) >= NOTES_MIN - 3


def test_the_pain_during_goes_below_where_room_is_short():
    """`3 → 5 · red (7 during)` (issue 16) whole at 120 columns; at 80 its pain
    during wraps below rather than take the notes' room."""
    during = "3 → 5 · red (7 during)"
    assert fit(rows(LONG_NOTES, pain=during), 120).widths[4] == len(during)
    fitted = fit(rows(LONG_NOTES, routine="Strength and mobility", pain=during), 80)
    assert fitted.widths[4] == len("3 → 5 · red") and used(fitted.widths) <= 80


def test_short_notes_keep_the_whole_date_at_80_columns():
    fitted = fit(rows("skipped Plank"), 80)
    assert fitted.labels == COLUMNS and fitted.widths[0] == 16
    assert used(fitted.widths) <= 80


@pytest.mark.parametrize("size", [(80, 24), (120, 35)])
async def test_the_sessions_table_fits_its_terminal(size):
    app = history_app()
    async with app.run_test(size=size) as pilot:
        await open_tab(pilot, "1")
        table = app.screen.query_one("#history-table", DataTable)
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        assert sum(widths) <= table.size.width
        notes = [str(table.get_row_at(r)[5]) for r in range(table.row_count)]
        assert any("Plank -> Plank from the knees (easier)" in n for n in notes)
        # Each note wraps whole: its row is as tall as its wrapped lines.
        column = table.ordered_columns[5].width
        for r, note in enumerate(notes):
            lines = Text(note).wrap(app.console, column)
            assert table.ordered_rows[r].height >= len(lines)


async def test_the_library_keeps_the_level_whole_beside_a_long_name():
    """Reported cut at 80 columns: a long routine name pushed Level off the edge."""
    from tests.ui.helpers import entry_for

    name = "My long morning routine for a stiff lower back, version two"
    long = entry_for(f'name = "{name}"\nlevel = "intermediate"\n'
                     '[[exercise]]\nname = "Plank"\nhold = 10\n')  # fmt: skip

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

    app = One()
    async with app.run_test(size=(80, 24)):
        table = app.query_one(DataTable)
        set_columns(table, [long], 80)
        level = table.ordered_columns[2]
        assert level.width >= len("intermediate")
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        assert sum(widths) + 2 <= 80

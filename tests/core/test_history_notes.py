"""The notes of a session in `history`, the History screen and the CSV.

Found by a tester: names were joined with ", " inside a note, and an exercise's
name may hold a comma ("Bird dog, arm only"), so "skipped Bird dog, arm only,
Plank" could be read as three exercises. Names are joined with "; " (as the
summary joins them, and the CSV's cells), the notes of a session with " · ".
"""

from __future__ import annotations

import csv
import io
from datetime import date

from tui.core.present.export import CSV_COLUMNS, csv_text
from tui.core.store.record import SessionRecord

COMMA = "Bird dog, arm only"


def record() -> SessionRecord:
    return SessionRecord(
        id=1, routine_id="r", routine_name="Core, gently", status="stopped",
        started_at=1_800_000_000.0, ended_at=1_800_000_600.0, active_seconds=600.0,
        done=("Dead bug",), skipped=(COMMA, "Plank"), hurt=("Curl-up, slow", "Plank"),
        swaps=(("Plank", "Plank from the knees", "easier"),),
    )  # fmt: skip


def test_the_notes_of_the_table_and_the_history_screen() -> None:
    notes = record().row(date(2027, 1, 15))[4]
    assert notes == (
        "skipped Bird dog, arm only; Plank · hurt: Curl-up, slow; Plank"
        " · Plank -> Plank from the knees (easier)"
    )
    groups = notes.split(" · ")
    assert [g.split("; ") for g in groups[:2]] == [
        [f"skipped {COMMA}", "Plank"], ["hurt: Curl-up, slow", "Plank"]
    ]


def test_the_csv_keeps_the_names_of_a_note_in_one_cell_joined_alike() -> None:
    rows = list(csv.reader(io.StringIO("".join(csv_text([record()], {})))))
    assert rows[0] == list(CSV_COLUMNS)
    cells = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert cells["skipped"] == f"{COMMA}; Plank"
    assert cells["hurt"] == "Curl-up, slow; Plank"


ROUTINE = """
name = "Core"
[[exercise]]
name = "Bird dog, arm only"
hold = 5
[[exercise]]
name = "Plank"
hold = 5
[[exercise]]
name = "Dead bug"
hold = 5
"""


def test_history_prints_them_so(capsys) -> None:
    from tests.core.store_writes import played_and_stored
    from tui.cli import main

    def play(session, clock):
        events = session.start() + session.skip_exercise() + session.skip_exercise()
        clock.advance(60)
        return events + session.advance()

    played_and_stored("core", "core.toml", ROUTINE, 3, play)
    assert main(["history"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the table may wrap the notes
    assert "skipped Bird dog, arm only; Plank" in out

"""What a tester found missing from `history` and its exports (issue 15): check-ins
given on their own (which count toward the advice to see a professional) and a
sharp `!` pain (which ends the session) are in every view; the CSV keeps the notes,
lists names unambiguously, has a date and a time a spreadsheet sorts by, and a byte
order mark in a file only."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.test_export_cli import history  # noqa: F401 (a fixture)
from tui.cli import main
from tui.core.present.export import cell_list
from tui.core.programme.zones import CheckIn, Kind
from tui.core.store.database import Store


@pytest.fixture
def more(history) -> None:  # noqa: F811
    """The history fixture, with a sharp `!` pain in session 1, notes, a name holding
    the list separator, and four more check-ins of their own."""
    with Store.open() as store:
        store.add_checkin(CheckIn(Kind.DURING, 1762000040.0, pain=8, session_id=1,
                                  exercise="Pelvic tilt", sharp=True))  # fmt: skip
        store.add_checkin(CheckIn(Kind.AFTER, 1762000210.0, pain=3, session_id=1,
                                  note='stiff; "tight"'))  # fmt: skip
        for n, pain in enumerate((9, 7, 6, 2)):
            store.add_checkin(CheckIn(Kind.STANDALONE, 1762400000.0 + n * 86_400, pain=pain))
        with store._write() as conn:
            conn.execute("""UPDATE sessions SET skipped = '["Side plank; knees", "Plank"]'
                            WHERE id = 2""")


def test_history_json_is_typed_as_the_export_with_the_check_ins_of_none(more, capsys):
    assert main(["history", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    sessions = len(items) - 5  # the paused one too
    assert [i["type"] for i in items] == ["session"] * sessions + ["checkin"] * 5
    assert [i["pain"] for i in items[sessions:]] == [1, 9, 7, 6, 2]  # oldest first, as JSONL
    assert main(["history", "export", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [i for i in items if i["type"] == "checkin"] == lines[2:]


def test_a_sharp_pain_is_in_every_export(more, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the table's notes on one line
    assert main(["history", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    first = next(i for i in items if i.get("id") == 1)
    assert first["sharp_pain"] == ["Pelvic tilt"]
    during = [c for c in first["checkins"] if c["kind"] == "during"]
    assert [(c["exercise"], c["sharp"]) for c in during] == [("Belly breathing", None),
                                                             ("Pelvic tilt", True)]
    assert main(["history", "export", "--format", "jsonl"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[1])
    assert line["id"] == 1 and line["sharp_pain"] == ["Pelvic tilt"]
    assert main(["history", "export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["sharp_pain"] for r in rows] == ["", "Pelvic tilt"]
    assert main(["history"]) == 0
    assert "sharp pain: Pelvic tilt" in capsys.readouterr().out


def test_the_table_names_the_check_ins_of_none(more, capsys):
    assert main(["history"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the console wraps at 80
    assert "Check-ins on their own:" in out
    assert "pain 9 (red)" not in out  # the latest three, and how many in all
    assert "pain 7 (red)" in out and "pain 2 (green)" in out
    assert "5 in all: spinewise history --json" in out


def test_the_csv_keeps_notes_and_lists_names_unambiguously(more, capsys):
    assert main(["history", "export", "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert not text.startswith("\ufeff")  # standard output: no byte order mark
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["skipped"] == '"Side plank; knees"; Plank'
    assert rows[1]["notes"] == '"after: stiff; ""tight"""'
    assert rows[1]["date"] == rows[1]["started_at"][:10]


@pytest.mark.parametrize(
    ("names", "cell"),
    [([], ""), (["Plank"], "Plank"), (["Bird dog, arm only", "Plank"], "Bird dog, arm only; Plank"),
     (["a;b", 'say "hi"', " x"], '"a;b"; "say ""hi"""; " x"')],
)  # fmt: skip
def test_cell_list(names, cell):
    assert cell_list(names) == cell


def test_a_csv_file_starts_with_a_byte_order_mark(more, tmp_path: Path, capsys):
    target = tmp_path / "back.csv"
    assert main(["history", "export", "--format", "csv", "-o", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfstarted_at,date,time,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2

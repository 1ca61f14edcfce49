"""`spinewise history export`: CSV a row a session with its check-ins, JSONL with
steps and check-ins, ISO 8601 dates with the offset, written atomically."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.core.test_checkins_store import FIXTURE
from tui.cli import main
from tui.core import paths
from tui.core.programme.zones import Change, CheckIn, Effort, Kind
from tui.core.store.database import Store


@pytest.fixture
def history() -> None:
    """The committed old database (two ended sessions), migrated, with check-ins."""
    target = paths.database_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(FIXTURE.read_bytes())
    with Store.open() as store:
        store.add_checkin(CheckIn(Kind.BEFORE, 1762000000.0, pain=2, session_id=1))
        store.add_checkin(CheckIn(Kind.DURING, 1762000030.0, pain=7, session_id=1,
                                  exercise="Belly breathing"))  # fmt: skip
        store.add_checkin(CheckIn(Kind.AFTER, 1762000200.0, pain=3, effort=Effort.HARD,
                                  session_id=1))  # fmt: skip
        store.add_checkin(CheckIn(Kind.NEXT_DAY, 1762060000.0, change=Change.SAME,
                                  session_id=1))  # fmt: skip
        store.add_checkin(CheckIn(Kind.STANDALONE, 1762300000.0, pain=1, note="a walk"))


def test_csv_has_a_row_a_session(history, capsys):
    assert main(["history", "export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["status"] for r in rows] == ["stopped", "completed"]
    done = rows[1]
    assert (done["pain_before"], done["pain_after"], done["zone"]) == ("2", "3", "red")
    assert (done["effort"], done["next_day_change"], done["hurt"]) == ("hard", "same",
                                                                      "Belly breathing")
    assert rows[0]["skipped"] == "Belly breathing" and rows[0]["zone"] == ""
    assert done["started_at"].startswith("2025-11-01T") and done["started_at"][-6] in "+-"
    assert done["date"] == done["started_at"][:10] and done["time"] == done["started_at"][11:16]


def test_jsonl_to_a_file_has_steps_and_check_ins(history, tmp_path: Path, capsys):
    out = tmp_path / "all.jsonl"
    out.write_text("old")
    assert main(["history", "export", "--format", "jsonl", "-o", str(out), "--force"]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["type"] for line in lines] == ["session", "session", "checkin"]
    completed = lines[1]
    assert len(completed["steps"]) > 10 and completed["steps"][0]["started_at"][-6] in "+-"
    assert [c["kind"] for c in completed["checkins"]] == ["before", "during", "after", "next-day"]
    assert lines[2]["note"] == "a walk"
    assert [p.name for p in tmp_path.iterdir()] == ["all.jsonl"]  # no temporary file left


@pytest.mark.parametrize(
    "words", [["history", "export"], ["history", "--format", "csv"],
              ["history", "export", "--format", "xml"]],
)  # fmt: skip
def test_export_misused_is_exit_2(words, capsys):
    with pytest.raises(SystemExit) as exit_:
        raise SystemExit(main(words))
    assert exit_.value.code == 2
    assert "Traceback" not in capsys.readouterr().err

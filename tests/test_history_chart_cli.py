"""`spinewise history --chart pain|minutes`: plotext in the terminal, 80 columns
and no colours off a terminal, the terminal's width and colours on one (none
with NO_COLOR), a sentence when there is nothing to draw, and never Textual."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime

import pytest

from tui.cli import main
from tui.commands import history_chart
from tui.core.programme.zones import CheckIn, Kind
from tui.core.store.database import Store

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
NOW = datetime(2026, 3, 5, 9, 0)


def three_sessions() -> None:
    """Sessions on 2, 3 and 4 March 2026 at 08:00 with pain before (2) and after (2, 5, 7)."""
    with Store.open() as store:
        for day, after in ((2, 2), (3, 5), (4, 7)):
            started = datetime(2026, 3, day, 8, 0).timestamp()
            sid = store.begin("care", None, "Care", "x", 600.0, 2, {}, started)
            with store._write() as conn:
                conn.execute(
                    "UPDATE sessions SET status = 'completed', ended_at = ?, active_seconds = ?"
                    " WHERE id = ?", (started + 900, 600.0, sid),
                )  # fmt: skip
            store.add_checkin(CheckIn(Kind.BEFORE, started - 60, pain=2, session_id=sid))
            store.add_checkin(CheckIn(Kind.AFTER, started + 960, pain=after, session_id=sid))


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(history_chart, "wall", NOW.timestamp)


def chart(capsys, *words: str) -> str:
    assert main(["history", "--chart", *words]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return out.out


def test_off_a_terminal_80_columns_and_no_colours(capsys):
    three_sessions()
    out = chart(capsys, "pain")
    lines = out.splitlines()
    assert "\x1b" not in out
    assert max(len(line) for line in lines) <= 80 and len(lines[1]) == 80  # the frame
    assert "Pain (0-10) before and after each session" in lines[0]  # fitted: no "12 weeks"
    assert "○" in out and "●" in out and "05 Mar" in out
    assert lines[-2:] == ["6 answers, 27 Feb 2026 - 05 Mar: from the first in the last 12 weeks",
                          "Zones: green 0-3, amber 4-5, red 6-10"]


def as_terminal(monkeypatch) -> None:
    """Standard output (as captured now) is a terminal of 100 x 40."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "fileno", lambda: 1, raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((100, 40)))


def test_on_a_terminal_its_width_and_colours(capsys, monkeypatch):
    as_terminal(monkeypatch)
    three_sessions()
    out = chart(capsys, "pain")
    assert ESCAPE.search(out)
    plain = ESCAPE.sub("", out).splitlines()
    assert len(plain[1]) == 100 and len(plain) == 20 + 2  # 20 rows and the note
    assert "░" in out  # the zones shaded


def test_no_color_on_a_terminal(capsys, monkeypatch):
    as_terminal(monkeypatch)
    monkeypatch.setenv("NO_COLOR", "1")
    three_sessions()
    out = chart(capsys, "pain")
    assert "\x1b" not in out and "░" not in out
    assert len(out.splitlines()[1]) == 100


def test_minutes_per_week(capsys):
    three_sessions()
    out = chart(capsys, "minutes")
    assert "Active minutes per week" in out and "█" in out
    assert out.splitlines()[-1] == (
        "30 minutes in the last 12 weeks, this week's last (week of 02 Mar)"
    )


def test_nothing_to_draw_is_a_sentence(capsys):
    assert chart(capsys, "pain").startswith("No pain given in the 12")
    assert chart(capsys, "minutes").startswith("No minutes exercised in the last 12 weeks")


@pytest.mark.parametrize(
    "words", [["--chart", "pain", "--json"], ["export", "--chart", "pain", "--format", "csv"]]
)
def test_chart_goes_alone(words, capsys):
    assert main(["history", *words]) == 2
    assert "--chart goes alone" in capsys.readouterr().err


def test_an_unknown_chart_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["history", "--chart", "steps"])
    assert exited.value.code == 2
    assert "invalid choice: 'steps'" in capsys.readouterr().err


CHART_ALONE = """
import sys
from datetime import datetime
import tui.commands.history_chart as chart
chart.wall = lambda: datetime(2026, 3, 5, 9, 0).timestamp()
from tui.cli import main
code = main(["history", "--chart", "pain"])
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
sys.exit(code)
"""


def test_the_chart_is_drawn_without_textual():
    three_sessions()
    out = subprocess.run([sys.executable, "-c", CHART_ALONE], capture_output=True, text=True,
                         check=True, timeout=60)  # fmt: skip
    loaded = set(out.stderr.splitlines()[-1].split())
    assert "plotext" in loaded and "textual" not in loaded and "textual_plotext" not in loaded
    assert "●" in out.stdout

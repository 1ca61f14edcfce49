"""Words a person reads: counted nouns, a mistyped routine, dates (issue 14, item 10)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.core.factories import record_of
from tests.doubles import FakeClock
from tests.ui.helpers import entry_for
from tui.cli import main
from tui.core.engine.session import Session
from tui.core.present import summary
from tui.core.store.record import when_text
from tui.core.words import count

ONE_EXERCISE = """
name = "Just one"
[[exercise]]
name = "Plank"
hold = 5
"""


def test_a_count_of_one_is_singular_and_any_other_is_plural():
    assert count(1, "exercise") == "1 exercise"
    assert count(0, "problem") == "0 problems"
    assert count(2, "step") == "2 steps"
    assert count(3, "body", "bodies") == "3 bodies"


def test_the_summary_says_1_exercise():
    clock = FakeClock()
    session = Session(entry_for(ONE_EXERCISE, "just-one").plan, clock)
    session.start()
    clock.advance(60)
    session.advance()
    done = dict(summary.lines(record_of(session)))["Done"]
    assert done.startswith("1 exercise:"), done


@pytest.mark.parametrize("name", ["gentle", "gentle_start", "Gentle Start"])
def test_a_mistyped_routine_suggests_the_one_meant(name, capsys):
    assert main(["show", name]) != 0
    err = capsys.readouterr().err
    assert "did you mean gentle-start?" in err
    assert "known routines" not in err


def test_a_folder_is_said_to_be_a_folder(tmp_path, capsys):
    assert main(["show", f"{tmp_path}/"]) != 0
    err = capsys.readouterr().err
    assert "is a folder" in err and "Traceback" not in err


def test_history_dates_show_the_year_only_when_it_is_not_this_year():
    at = datetime(2025, 11, 3, 7, 30).timestamp()
    assert when_text(at, date(2025, 12, 1)) == "Mon 03 Nov 07:30"
    assert when_text(at, date(2026, 1, 2)) == "Mon 03 Nov 2025 07:30"

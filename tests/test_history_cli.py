"""`spinewise history`: names are printed as written, whatever brackets they hold."""

from __future__ import annotations

from tests.core.store_writes import played_and_stored
from tui.cli import main

ROUTINE = """
name = "Core [a/b]"
[[exercise]]
name = "Dead bug [/easy]"
hold = 5
[[exercise]]
name = "Plank"
hold = 5
"""


def test_history_prints_names_as_written(capsys):
    def play(session, clock):
        events = session.start() + session.skip_exercise()
        clock.advance(60)
        return events + session.advance()

    played_and_stored("core", "core.toml", ROUTINE, 2, play)
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "Core [a/b]" in out and "skipped Dead bug [/easy]" in out

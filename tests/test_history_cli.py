"""`spinewise history`: names are printed as written, whatever brackets they hold."""

from __future__ import annotations

from tests.doubles import FakeClock
from tui.cli import main
from tui.core.engine.session import Session
from tui.core.plan import build_plan
from tui.core.routine.parse import parse_routine
from tui.core.store.database import Store, epoch_converter

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
    plan = build_plan(parse_routine(ROUTINE, "core.toml"))
    clock = FakeClock()
    session = Session(plan, clock)
    to_epoch = epoch_converter(clock, wall=lambda: 1_800_000_000.0)
    with Store.open() as store:
        sid = store.begin(
            "core",
            "core.toml",
            plan.name,
            ROUTINE,
            plan.total_seconds,
            2,
            session.snapshot(),
            1_800_000_000.0,
        )
        events = session.start() + session.skip_exercise()
        clock.advance(60)
        events += session.advance()
        store.checkpoint(sid, session.snapshot(), events, 1_800_000_060.0, to_epoch)
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "Core [a/b]" in out and "skipped Dead bug [/easy]" in out

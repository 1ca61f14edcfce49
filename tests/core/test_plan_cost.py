"""Sizes that must not cost per refresh or per step (issue 13, kind 5): the plan's
running totals, and `show`'s own layout of a large plan."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

import pytest
from rich.console import Console

from tests.core.factories import exercise, plan
from tests.doubles import FakeClock
from tui.commands import show
from tui.core.catalog.entries import Valid, load_catalog
from tui.core.engine.session import Session
from tui.core.plan import build_plan
from tui.core.routine.models import Phase, Routine


def mixed():
    return plan(
        exercise("Bird dog", reps=(3, 2), sides="both", rep_rest=1.5),
        exercise("Curl-up", timing="self_paced", reps=(8,), sides="both", switch=2.5),
        exercise("Hold", phases=(Phase("Hold", 0.1),), reps=(7,), prepare=0.3, rest=0.7),
    )


def test_seconds_from_every_step_is_the_sum_of_the_steps_left():
    p = mixed()
    for index in range(len(p.steps) + 2):
        expected = sum(step.seconds or 0 for step in p.steps[index:])
        assert p.seconds_from(index) == pytest.approx(expected, abs=1e-9)
    assert p.total_seconds == sum(step.seconds or 0 for step in p.steps)


def test_a_running_session_does_not_sum_the_plan_on_every_look():
    p = mixed()
    session = Session(p, FakeClock())
    session.start()
    session.session_remaining()
    kept = p.seconds_left  # summed as the plan was made
    for _ in range(5):
        session.clock.advance(0.5)  # type: ignore[attr-defined]
        session.advance()
        session.session_remaining()
        _ = p.total_seconds
    assert p.seconds_left is kept  # summed once, looked up since


def test_an_empty_plan_has_no_seconds():
    empty = build_plan(Routine(name="Empty", exercises=()))
    assert (empty.total_seconds, empty.seconds_from(0), empty.seconds_from(5)) == (0, 0, 0)


def rich_text(p) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(show._plan_table(p))
    return console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("entry", [e for e in load_catalog() if isinstance(e, Valid)],
                         ids=lambda e: e.ref.id)  # fmt: skip
def test_the_plain_layout_reads_as_the_rich_table(entry: Valid):
    plain = "".join(f"{line}\n" for line in show.plain_lines(entry.plan))
    assert plain == rich_text(entry.plan)


def test_wide_characters_keep_the_columns_straight():
    p = plan(exercise("鳥犬 stretch", reps=(1,)), exercise("Plank", reps=(1,)))
    assert "".join(f"{line}\n" for line in show.plain_lines(p)) == rich_text(p)


def test_a_large_plan_is_shown_in_plain_columns(monkeypatch):
    big = plan(*(exercise(f"Move {n}", reps=(20,), sides="both") for n in range(5)))
    assert len(big.steps) > show.PLAIN_FROM
    monkeypatch.setattr(show, "resolve", lambda name: (None, big.routine))
    out = io.StringIO()
    with redirect_stdout(out):
        assert show.run_show("big", as_json=False) == 0
    lines = out.getvalue().splitlines()
    assert lines == show.plain_lines(big)
    assert len(lines) == len(big.steps) + 3  # the name, the header, the total
    assert lines[-1].split()[:3] == ["total", f"{len(big.steps)}", "steps"]

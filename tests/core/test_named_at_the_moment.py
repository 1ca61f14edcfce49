"""Every per-exercise fact names the exercise as it was when the fact happened:
`!` on the plank, then `e` for the easier version, is a hurt plank, never a
hurt "Plank from the knees" (the summary said so, history did not). The summary,
history, `--json`, the CSV and JSONL exports and the Exercises tab tell one
story, and resuming after the swap keeps it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.core.test_variants import LIBRARY, ROUTINE
from tests.doubles import FakeClock
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import RoutineRef
from tui.core.present.export import by_session, csv_text, jsonl_text
from tui.core.present.session_text import IsoDates
from tui.core.present.summary import lines
from tui.core.store.database import Store
from tui.core.store.json_rows import LINES
from tui.core.workout import Action, Storage, Workout

PLANK, KNEES = "Plank", "Plank from the knees"


@pytest.fixture
def entry(tmp_path: Path) -> Valid:
    (tmp_path / "exercises.toml").write_text(LIBRARY, encoding="utf-8")
    path = tmp_path / "core.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    found = load_entry(RoutineRef("core", path, "own"))
    assert isinstance(found, Valid)
    return found


def hurt_then_easier(store: Store, entry: Valid, into: float) -> Workout:
    """A workout `into` seconds in: `!` there, then `e` (the dialog's easier version)."""
    clock = FakeClock()
    workout = Workout.begin(Storage(store), entry, clock)
    workout.start()
    clock.advance(into)
    workout.advance()
    assert workout.session.step.exercise == PLANK
    workout.act(Action.FLAG_HURT)
    workout.act(Action.EASIER)
    workout.act(Action.RESUME)
    assert workout.session.step.exercise == KNEES
    clock.advance(6)
    workout.advance()
    return workout


def told_everywhere(store: Store, summary_hurt: tuple[str, ...]) -> None:
    assert summary_hurt == (PLANK,)
    [record] = store.history(include_active=True)
    assert record.hurt == (PLANK,)
    assert record.to_json()["hurt"] == [PLANK]  # `history --json`
    checkins = by_session(store.checkins())
    [row] = csv.DictReader(io.StringIO("".join(csv_text([record], checkins))))
    assert row["hurt"] == PLANK
    dates = IsoDates()
    sessions = store.each_session_json(LINES, dates, include_active=True)
    [line] = jsonl_text(sessions, store.standalone_json(dates), dates)
    assert json.loads(line)["hurt"] == [PLANK]
    stats = {s.exercise: s for s in store.exercise_stats()}
    assert stats[PLANK].hurt == 1
    assert KNEES not in stats or stats[KNEES].hurt == 0


@pytest.mark.parametrize("into", [8, 2], ids=["in its first hold", "on its get-ready"])
def test_hurt_then_easier_names_what_hurt_in_the_summary_and_history(tmp_path, entry, into):
    store = Store.open(tmp_path / "state.db")
    workout = hurt_then_easier(store, entry, into)
    workout.act(Action.END)
    record = workout.record()
    assert ("Hurt", PLANK) in lines(record)
    workout.saved()
    told_everywhere(store, record.hurt)


def test_resuming_after_the_swap_keeps_the_name_of_what_hurt(tmp_path, entry):
    store = Store.open(tmp_path / "state.db")
    storage = Storage(store)
    workout = hurt_then_easier(store, entry, 8)
    workout.leave()
    active = storage.paused()
    assert active is not None
    resumed = Workout.resume(storage, active, FakeClock())
    assert resumed.record().hurt == (PLANK,)
    resumed.act(Action.RESUME)
    resumed.act(Action.FLAG_HURT)  # the variant hurts too: both are named
    assert resumed.record().hurt == (PLANK, KNEES)
    resumed.act(Action.END)
    resumed.saved()
    [record] = store.history()
    assert record.hurt == (PLANK, KNEES) == resumed.record().hurt


def test_the_exercises_tab_counts_done_and_skipped_by_the_credit_rule(tmp_path, entry):
    """A swap leaves the plank's step early: that is no skip. Skipped and done are
    the summary's (`engine.credit`), by the names the session kept."""
    store = Store.open(tmp_path / "state.db")
    workout = hurt_then_easier(store, entry, 8)
    workout.act(Action.SKIP_EXERCISE)  # the knees plank, skipped by N
    workout.act(Action.END)
    record = workout.record()
    workout.saved()
    assert record.skipped == (KNEES,)
    stats = {s.exercise: (s.sessions, s.skipped, s.hurt) for s in store.exercise_stats()}
    assert stats[PLANK] == (0, 0, 1)
    assert stats[KNEES] == (0, 1, 0)

"""The Exercises tab's "Sessions" counts the sessions in which an exercise was done
(`engine.credit`'s rule: the session's own `done` list), not those that held it: a
tester saw Sessions = 3 for an exercise skipped in one of three (fixed by 83a5987;
this is its test in the store, the snapshot aside)."""

from __future__ import annotations

import json

from tui.core.store.database import Store


def _session(store: Store, began: float, done: list[str], skipped: list[str]) -> None:
    sid = store.begin("daily", None, "Daily", "x", 600.0, 2, {}, began)
    with store._write() as conn:
        conn.execute(
            "UPDATE sessions SET status = 'completed', ended_at = ?, done = ?, skipped = ?"
            " WHERE id = ?", (began + 600, json.dumps(done), json.dumps(skipped), sid),
        )  # fmt: skip
        for index, name in enumerate(["Bird dog", "Plank"]):  # both began: steps of each
            conn.execute(
                "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise,"
                " started_at, skipped, hurt) VALUES (?, ?, 'work', ?, ?, ?, ?, 0)",
                (sid, index, index, name, began + index, int(name in skipped)),
            )  # fmt: skip


def test_sessions_counts_those_in_which_it_was_done():
    with Store.open(":memory:") as store:
        _session(store, 1_800_000_000.0, ["Bird dog", "Plank"], [])
        _session(store, 1_800_086_400.0, ["Bird dog"], ["Plank"])  # Plank skipped (N)
        _session(store, 1_800_172_800.0, ["Bird dog", "Plank"], [])
        stats = {s.exercise: (s.sessions, s.skipped) for s in store.exercise_stats()}
    assert stats == {"Bird dog": (3, 0), "Plank": (2, 1)}

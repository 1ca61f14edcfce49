"""Progression in the interface (issue 16): the summary says what changes next time
as the pain after is typed, the next workout runs at the new dose, and `r` in the
`!` dialog (sharp, shooting or radiating pain) ends the session and holds it all."""

from __future__ import annotations

from tests.doubles import FakeClock
from tests.ui.helpers import ROUTINE, app_options, entry_for
from tests.ui.test_checkins import settle
from tests.ui.test_workout import step_to
from tui.app import SpinewiseApp
from tui.core.programme.stages import Stage
from tui.core.programme.zones import Kind
from tui.core.store.database import Store
from tui.screens.confirm import ChoiceDialog
from tui.screens.summary import SummaryScreen

PROGRESSING = ROUTINE.replace(
    'caution = "Keep it small if it pinches."\n',
    'caution = "Keep it small if it pinches."\n[exercise.progress]\nadd = "reps"\nby = 1\n'
    "every = 1\nmax = 4\n",
)

#: The routine's name: the summary says "next time you do" it, not a bare "next
#: time" (a plan's next session may be another routine).
NAME = "Test care"


def make(store: Store):
    clock = FakeClock()
    entry = entry_for(PROGRESSING)
    app = SpinewiseApp([entry], options=app_options(clock, store, checkins="after"), start=entry)
    return app, clock


async def finish(pilot, clock) -> SummaryScreen:
    await step_to(pilot, clock, 10_000)
    await pilot.press("enter")  # the self-paced squats
    await pilot.pause()
    summary = pilot.app.screen
    assert isinstance(summary, SummaryScreen)
    return summary


async def test_the_summary_says_what_changes_and_the_next_workout_runs_at_it():
    store = Store.open(":memory:")
    app, clock = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.workout is not None and app.workout.plan.routine.exercises[0].reps == (2,)
        summary = await finish(pilot, clock)
        said = summary.query_one("#next-time").content
        assert str(said) == "Bird dog: 2 for now: your pain now (below) decides if it counts"
        await pilot.press("1")
        assert str(summary.query_one("#next-time").content) == (
            f"Bird dog: 2 becomes 3 next time you do {NAME}: one settled session"
        )
        await pilot.press("l")
        await settle(app, pilot)
    assert store.stages("test-care") == {"Bird dog": Stage(1, 0)}
    again, clock = make(store)
    async with again.run_test(size=(100, 30)) as pilot:
        assert again.workout is not None
        assert again.workout.plan.routine.exercises[0].reps == (3,)
        summary = await finish(pilot, clock)
        await pilot.press("7")
        assert str(summary.query_one("#next-time").content) == (
            f"Bird dog: 3 becomes 2 next time you do {NAME}: red (pain 7 after): one stage back"
        )
        await pilot.press("q")
        await settle(again, pilot)
    assert store.stages("test-care") == {"Bird dog": Stage(0, 0)}
    log = [entry.line() for entry in store.stage_log("test-care")]
    assert log == [
        "Bird dog: 2 becomes 3: one settled session (step up)",
        "Bird dog: 3 becomes 2: red (pain 7 after): one stage back",
    ]


async def test_r_in_the_hurt_dialog_is_sharp_pain_ends_the_session_and_holds_progress():
    store = Store.open(":memory:")
    app, clock = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark", "3")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "r: it is sharp, shooting or radiating: end the session" in [
            str(s.content) for s in dialog.query(".dialog-keys")
        ]
        await pilot.press("r")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        stop = "Stop these exercises and get it checked by a health professional"
        assert stop in str(summary.query_one("#summary-closing").content)
        await pilot.press("0")  # a green pain after does not soften it
        assert stop in str(summary.query_one("#summary-closing").content)
        assert "sharp or radiating pain was flagged with !" in str(
            summary.query_one("#next-time").content
        )
        await pilot.press("l")
        await settle(app, pilot)
    during = [c for c in store.checkins() if c.kind is Kind.DURING]
    assert [(c.pain, c.sharp, c.exercise) for c in during] == [(3, True, "Bird dog")]
    assert [e.rule for e in store.stage_log("test-care")] == ["sharp pain"]
    assert store.stages("test-care") == {"Bird dog": Stage(0, 0)}

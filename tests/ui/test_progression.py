"""Progression in the interface (issue 16): the summary says what changes next time
as the pain after is typed, the next workout runs at the new dose, and `r` in the
`!` dialog (sharp, shooting or radiating pain) ends the session and holds it all."""

from __future__ import annotations

import time

from tests.doubles import FakeClock
from tests.ui.helpers import ROUTINE, app_options, entry_for, settle_until
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
        wait = "Bird dog: 2 for now: your pain now (below) decides if it counts"
        assert await next_time_said(app, summary, pilot, wait) == wait
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
        red = f"Bird dog: 3 becomes 2 next time you do {NAME}: red (pain 7 after): one stage back"
        assert await next_time_said(again, summary, pilot, red) == red
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
        await next_time_said(app, summary, pilot, "sharp or radiating pain was flagged with !")
        await pilot.press("l")
        await settle(app, pilot)
    during = [c for c in store.checkins() if c.kind is Kind.DURING]
    assert [(c.pain, c.sharp, c.exercise) for c in during] == [(3, True, "Bird dog")]
    assert [e.rule for e in store.stage_log("test-care")] == ["sharp pain"]
    assert store.stages("test-care") == {"Bird dog": Stage(0, 0)}


def resume_app(store: Store):
    """The app resuming the session `store` keeps paused (as `spinewise resume`)."""
    active = store.active()
    assert active is not None
    clock = FakeClock(start=50_000)
    entry = entry_for(PROGRESSING)
    app = SpinewiseApp([entry], options=app_options(clock, store, checkins="after"),
                       resume=active)  # fmt: skip
    return app, clock


async def next_time_said(app, summary: SummaryScreen, pilot, text: str) -> str:
    """The next-time line, once the store's decision is read (in a thread)."""
    await settle_until(app, pilot, lambda: text in str(summary.query_one("#next-time").content),
                       what=f"next time: {text!r}")  # fmt: skip
    return str(summary.query_one("#next-time").content)


async def test_a_red_answer_given_before_quitting_decides_after_resume(tmp_path):
    """The `!` answers are the store's: resuming in another run loses none of them."""
    store = Store.open(tmp_path / "state.db")
    app, clock = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await step_to(pilot, clock, 7)  # 2 s into the bird dog
        await pilot.press("exclamation_mark", "7")
        await pilot.pause()
        await pilot.press("q")  # in the dialog: leave, keeping the session
        await settle(app, pilot)
    again, clock = resume_app(store)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        summary = await finish(pilot, clock)
        red = (f"Bird dog: stays at 2 next time you do {NAME}: red (pain 7 during it): "
               "stays at the dose written")  # as every next-time line says it (issue 16)
        assert (await next_time_said(again, summary, pilot, red)).startswith(red)
        await pilot.press("1")  # a green pain after does not undo it
        assert str(summary.query_one("#next-time").content).startswith(red)
        await pilot.press("l")
        await settle(again, pilot)
    assert [e.rule for e in store.stage_log("test-care")] == ["red"]


async def test_a_reset_made_while_the_session_was_paused_stands(tmp_path):
    """`spinewise progress test-care --reset` while a session begun at stage 1 waits:
    the summary says the reset holds, and the store keeps it (it used to step back up)."""
    from tui.core.programme.stages import read_started

    store = Store.open(tmp_path / "state.db")
    with store._write() as conn:
        conn.execute("INSERT INTO stages (routine_id, exercise, stage, settled, updated_at)"
                     " VALUES ('test-care', 'Bird dog', 1, 0, 0)")  # fmt: skip
    app, clock = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.workout is not None and app.workout.plan.routine.exercises[0].reps == (3,)
        await step_to(pilot, clock, 7)
        await pilot.press("q")
        await settle(app, pilot)
    active = store.active()
    assert active is not None
    store.reset_stages("test-care", read_started(active.stages), time.time())
    again, clock = resume_app(store)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        summary = await finish(pilot, clock)
        await pilot.press("1")
        reset = (f"Bird dog: stays at 2 next time you do {NAME}: reset by hand to the dose "
                 "written after this session began: not counted")  # fmt: skip
        assert await next_time_said(again, summary, pilot, reset) == reset
        await pilot.press("l")
        await settle(again, pilot)
    assert store.stages("test-care") == {"Bird dog": Stage(0, 0)}


async def test_the_closing_words_after_resume_follow_the_answers_given_before(tmp_path):
    """A red `!` answer given before quitting still says ease off when the resumed
    session ends (the answers of the first run came from its memory only)."""
    from tui.core.programme.zones import EASE_OFF_RED

    store = Store.open(tmp_path / "state.db")
    app, clock = make(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark", "7")
        await pilot.pause()
        await pilot.press("q")
        await settle(app, pilot)
    again, clock = resume_app(store)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        summary = await finish(pilot, clock)
        assert str(summary.query_one("#summary-closing").content) == EASE_OFF_RED
        await pilot.press("l")
        await settle(again, pilot)

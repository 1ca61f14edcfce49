"""The workout screen, driven by the pilot with a fake clock."""

from __future__ import annotations

import asyncio

import pytest
from rich.text import Text
from textual.widgets import Digits, Static

from tests.ui.helpers import ROUTINE, make_app
from tui.messages import StartRoutine
from tui.screens.breakpoints import breakpoint_classes
from tui.screens.confirm import ChoiceDialog
from tui.screens.help import HELP
from tui.screens.summary import SummaryScreen
from tui.screens.workout import WorkoutScreen
from tui.widgets.big_label import BigLabel
from tui.widgets.fill_bar import FillBar
from tui.widgets.line import Line


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Line).content)


async def step_to(pilot, clock, seconds: float) -> None:
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


async def test_get_ready_shows_setup_and_caution_then_counts_down():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WorkoutScreen)
        assert text(app, "#exercise-name") == "Bird dog"
        assert app.screen.query_one("#phase", BigLabel).text == "GET READY"
        assert text(app, "#setup") == "On hands and knees."
        assert text(app, "#caution") == "Caution: Stop if it hurts. Keep it small if it pinches."
        assert app.screen.query_one("#countdown", Digits).value == "5"
        await step_to(pilot, clock, 1.5)
        assert app.screen.query_one("#countdown", Digits).value == "4"
        assert app.screen.has_class("-prepare")


async def test_phases_counters_and_the_bar_follow_the_engine():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 5 + 1.5)  # 1.5 s into "Reach", rep 1 left
        screen = app.screen
        assert screen.query_one("#phase", BigLabel).text == "REACH"
        assert text(app, "#counters") == "Rep 1/2 · LEFT"
        assert abs(screen.query_one("#phase-bar", FillBar).fraction - 0.5) < 1e-9
        assert screen.query_one("#countdown", Digits).value == "2"
        assert text(app, "#next") == "Next: Hold 2 s"
        await step_to(pilot, clock, 1.5 + 2 + 3)  # rep 1 right, "Reach"
        assert text(app, "#counters") == "Rep 1/2 · RIGHT"
        assert screen.has_class("-work")


async def test_rest_looks_different_and_tells_what_comes_next():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 5 + 4 * 8 + 5 + 10 + 1)  # into the plank's rest
        screen = app.screen
        assert screen.has_class("-rest")
        assert screen.query_one("#phase", BigLabel).text == "REST"
        assert text(app, "#next") == "Next: Hold 10 s · Set 2/2"
        await pilot.press("plus")
        assert screen.query_one("#countdown", Digits).value == "19"


async def test_pause_freezes_everything_and_space_carries_on():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 2)
        await pilot.press("space")
        await step_to(pilot, clock, 60)
        assert app.screen.query_one("#countdown", Digits).value == "3"
        assert app.screen.top_bar.parts[1] == "PAUSED"
        assert app.screen.has_class("-paused")
        await pilot.press("space")
        await step_to(pilot, clock, 1)
        assert app.screen.query_one("#countdown", Digits).value == "2"


async def test_next_back_and_next_exercise_keys():
    app, _clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert app.screen.query_one("#phase", BigLabel).text == "REACH"
        await pilot.press("p")  # within 2 s: back to get ready
        assert app.screen.query_one("#phase", BigLabel).text == "GET READY"
        await pilot.press("N")
        assert text(app, "#exercise-name") == "Plank"


async def test_self_paced_set_counts_up_and_waits_for_enter():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("N", "N")
        await step_to(pilot, clock, 5 + 75)
        screen = app.screen
        assert text(app, "#exercise-name") == "Squat to a chair"
        assert screen.query_one("#phase", BigLabel).text == "8 REPS"
        assert screen.query_one("#countdown", Digits).value == "1:15"
        assert text(app, "#tip").startswith("Press Enter when the set is done.")
        await step_to(pilot, clock, 600)
        assert isinstance(app.screen, WorkoutScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_this_hurts_pauses_and_skipping_is_recorded_in_the_summary():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("s")
        await pilot.pause()
        assert text(app, "#exercise-name") == "Plank"
        await pilot.press("exclamation_mark")
        await pilot.press("x")  # End session (e is the easier version)
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.record.skipped == ("Bird dog",)
        assert summary.record.hurt == ("Bird dog", "Plank")
        assert summary.record.status == "stopped"


async def test_carrying_on_after_this_hurts_keeps_a_pause_made_before_it():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("space")
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.workout.session.status == "paused"


async def test_a_whole_routine_to_the_summary_and_back_to_the_library():
    app, clock, recorder = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        workout = app.screen
        assert app.screen_stack == [workout]  # the first screen: no empty one under it
        await step_to(pilot, clock, 10_000)
        await pilot.press("enter")  # the self-paced squats
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.record.done == ("Bird dog", "Plank", "Squat to a chair")
        assert summary.record.status == "completed"
        await pilot.press("l")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoutineLibraryScreen"
        # The finished workout stays under it (Textual keeps the first screen), stopped.
        assert app.screen_stack == [workout, app.screen]
        redraws: list[int] = []
        workout.refresh_view = lambda: redraws.append(1)  # what each tick does
        await asyncio.sleep(0.35)
        assert redraws == []
    kinds = {type(e).__name__ for e in recorder.events}
    assert {
        "StepStarted",
        "PhaseChanged",
        "CountIn",
        "SetDone",
        "ExerciseDone",
        "SessionFinished",
    } <= kinds


async def test_quit_pauses_and_leaves():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 2)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == "quit"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])  # 120x40: the tall font's widgets
async def test_nothing_on_the_workout_screen_takes_focus(size):
    """`WorkoutScreen.AUTO_FOCUS` is empty, so Textual looks for nothing to focus:
    true while nothing on it can take focus, and every key is the screen's."""
    app, clock, _ = make_app()
    async with app.run_test(size=size) as pilot:
        await step_to(pilot, clock, 2)
        app.screen.show_notice("A notice")
        await pilot.press("space")  # paused: its footer keys change
        await pilot.pause()
        assert [w for w in app.screen.query("*") if w.can_focus] == []
        assert app.screen.focused is None


async def test_tiny_terminal_does_not_crash():
    app, clock, _ = make_app()
    async with app.run_test(size=(20, 6)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("space")
        await pilot.pause()


async def test_first_run_shows_the_health_notice_once():
    seen = []
    app, _, _ = make_app()
    app.options.notice_seen = lambda: seen.append(True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "ChoiceDialog"
        words = " ".join(str(s.content) for s in app.screen.query("Static"))
        assert "not medical advice" in words and "Stop any exercise that hurts" in words
        assert not any(isinstance(s, WorkoutScreen) for s in app.screen_stack)  # nothing runs yet
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
    assert seen == [True]


async def test_the_command_palette_starts_any_routine():
    app, _, _ = make_app(start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Start: Test")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert str(app.screen.exercise_name.content) == "Bird dog"


async def test_the_palette_asks_the_app_as_the_routine_library_does():
    """Screens post `StartRoutine`; nothing below the app calls into it."""
    messages: list[object] = []
    app, _, _ = make_app(start=False)
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Start: Test")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
    # one message, seen by the hook at the routine library and again at the app
    [started] = {id(m): m for m in messages if isinstance(m, StartRoutine)}.values()
    assert started.entry.name.startswith("Test")


async def test_no_color_is_respected(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app, clock, _ = make_app()
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 5 + 4 * 8 + 5 + 10 + 1)
        assert app.screen.phase.text == "REST"  # a rest still says so, in words


async def test_the_palette_cannot_start_a_second_workout_during_one():
    app, _, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Start: Test")
        await pilot.pause(0.5)
        await pilot.press("enter", "escape")
        await pilot.pause()
        workouts = [s for s in app.screen_stack if isinstance(s, WorkoutScreen)]
        assert len(workouts) == 1


@pytest.mark.parametrize("size", [(120, 35), (80, 24), (50, 15), (69, 19), (70, 20), (20, 6)])
async def test_the_screen_starts_with_the_size_classes_textual_gives_it(size):
    """Taken while composing (so the first frame is styled once), and the same
    as Textual's own, after mounting and after a resize."""
    app, _, _ = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        names = set(breakpoint_classes(app))
        given = {name for name, on in breakpoint_classes(app).items() if on}
        assert names & app.screen.classes == given and len(given) == 2
        await pilot.resize_terminal(size[1] * 3, size[0] // 3)
        await pilot.pause()
        assert names & app.screen.classes == {n for n, on in breakpoint_classes(app).items() if on}


async def test_a_session_ending_under_the_help_screen_still_shows_its_summary():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 10_000)  # waiting on the self-paced squats
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        workout = app.screen_stack[0]
        workout._run("end")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.screen.record.status == "stopped"


async def test_a_long_routine_name_gives_way_to_the_state_and_the_time_left():
    app, _, _ = make_app(ROUTINE.replace('"Test care"', '"A very long name for a morning routine"'))
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.press("space")
        await pilot.pause()
        line = app.screen.top_bar.render().plain
        assert len(line) == 48  # the bar's width inside its padding
        _, state, where = app.screen.top_bar.parts
        assert line.startswith("A very lon…") and line.endswith(f"  {state}  {where}")
        assert state == "PAUSED" and where.startswith("Exercise 1 of 3")


def styles_of(screen) -> dict[str, str]:
    return {repr(node): node.styles.css for node in screen.walk_children(with_self=True)}


async def styled_as_a_full_restyle_would(pilot) -> None:
    """The screen skips Textual's restyle on its first resume: nothing may differ."""
    await pilot.pause()
    screen = pilot.app.screen
    before = styles_of(screen)
    screen.update_node_styles(animate=False)
    assert styles_of(screen) == before


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_the_first_frame_is_styled_without_a_second_pass(size):
    app, clock, _ = make_app()
    async with app.run_test(size=size) as pilot:  # the app's first screen
        await styled_as_a_full_restyle_would(pilot)
        await step_to(pilot, clock, 5 + 4 * 8 + 5 + 10 + 1)  # a rest: other classes
        await styled_as_a_full_restyle_would(pilot)
        await pilot.press("question_mark")  # over it, then back: Textual's restyle again
        await pilot.pause()
        await pilot.press("escape", "space")
        await styled_as_a_full_restyle_would(pilot)
        assert app.screen.has_class("-paused")


async def test_a_workout_opened_from_the_library_is_styled_without_a_second_pass():
    app, _, _ = make_app(start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        await styled_as_a_full_restyle_would(pilot)


async def test_classes_changed_before_the_screen_mounts_are_styled():
    """A tick between composing and mounting (as a snapshot's `run_before` may)."""
    app, clock, _ = make_app()
    changed: list[bool] = []

    def tick_early(screen: WorkoutScreen) -> None:
        clock.advance(5 + 4 * 8 + 5 + 10 + 1)
        screen.tick()
        changed.append(screen.has_class("-rest") and not screen.is_mounted)

    original = WorkoutScreen.compose

    def compose(self):
        yield from original(self)
        self.call_next(tick_early, self)

    WorkoutScreen.compose = compose
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await styled_as_a_full_restyle_would(pilot)
    finally:
        WorkoutScreen.compose = original
    assert changed == [True]


async def test_every_key_of_the_help_fits_on_one_line_of_its_box():
    app, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = app.screen.query_one(Static)
        keys = [line for line in HELP.splitlines() if line.startswith("  [b]")]
        assert keys and all(len(Text.from_markup(k)) <= text.content_region.width for k in keys)

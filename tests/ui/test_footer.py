"""The footer tells the truth (issue 14, item 8): every key it lists works, none is
cut at 80 columns, and help pauses the workout and says so."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Footer
from textual.widgets._footer import FooterKey

from tests.ui.helpers import make_app
from tui.core.engine.states import Status
from tui.screens.confirm import ChoiceDialog, waiting_dialog
from tui.screens.help import HELP, HelpScreen
from tui.screens.workout import WorkoutScreen


def listed(screen: WorkoutScreen) -> dict[str, FooterKey]:
    """The keys the workout's footer shows, by key."""
    footer = screen.query_one(Footer)
    return {k.key: k for k in footer.query(FooterKey) if k.display}


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)])
async def test_every_workout_key_is_listed_and_none_is_cut(size):
    app, _, _ = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        keys = listed(screen)
        assert {"space", "n", "p", "exclamation_mark", "m", "q", "question_mark"} <= set(keys)
        for key in keys.values():
            assert key.region.width > 0 and key.region.right <= size[0], key.key
        assert keys["question_mark"].region.width >= len("? Help")
        assert "[b]N[/b]  next exercise" in HELP  # the one key only in help


async def test_help_pauses_lists_no_dead_keys_and_carries_on_when_closed():
    app, clock, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        workout = app.screen
        assert isinstance(workout, WorkoutScreen)
        clock.advance(2)
        workout.tick()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert workout.session.status is Status.PAUSED
        assert "Paused" in str(help_screen.query_one("#help-paused").content)
        clock.advance(30)
        workout.tick()
        assert workout.session.status is Status.PAUSED
        assert set(listed(workout)) <= {"ctrl+p"}  # nothing that the help would swallow
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is workout
        assert workout.session.status is Status.RUNNING
        assert "n" in listed(workout)


async def test_help_over_a_paused_workout_leaves_it_paused():
    app, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        workout = app.screen
        await pilot.press("space", "question_mark")
        await pilot.pause()
        assert not app.screen.query("#help-paused")
        await pilot.press("escape")
        await pilot.pause()
        assert workout.session.status is Status.PAUSED


async def test_the_hurts_dialog_leaves_no_dead_keys_in_the_footer():
    app, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        workout = app.screen
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert set(listed(workout)) <= {"ctrl+p"}
        await pilot.press("c")
        await pilot.pause()
        assert "space" in listed(workout)


async def test_m_still_mutes_from_the_workout():
    app, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert app.is_muted()


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 24)])
async def test_the_waiting_dialog_buttons_are_not_cut(size):
    app, _, _ = make_app()
    async with app.run_test(size=size) as pilot:
        app.push_screen(waiting_dialog("Gentle start", "exercise 2 of 6", "Core basics"))
        await pilot.pause()
        box = app.screen.query_one(".dialog").content_region
        for button in app.screen.query(Button):
            label = str(button.label)
            assert button.region.right <= box.right, label
            assert button.content_region.width >= len(label), label


async def test_escape_on_the_health_notice_is_not_i_understand():
    seen: list[bool] = []
    app, _, _ = make_app()
    app.options.notice_seen = lambda: seen.append(True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert seen == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
    assert seen == [True]

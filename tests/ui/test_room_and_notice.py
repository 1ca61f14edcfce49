"""Bigger when there is room, and a sound notice that covers nothing (issue 14, items 6
and 7), through the pilot and the settings file."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.ui.helpers import make_app
from tui.audio.dispatcher import CueDispatcher
from tui.audio.setup import SoundSetup
from tui.core.paths import config_file, state_dir
from tui.core.settings import Settings, last_notice, load_settings
from tui.screens.workout import WorkoutScreen
from tui.widgets.big_label import BigLabel
from tui.widgets.fill_bar import FillBar


@pytest.mark.parametrize(("size", "rows"), [((200, 50), 7), ((120, 40), 7), ((100, 30), 3)])
async def test_the_countdown_and_phase_are_taller_where_there_is_room(size, rows):
    app, clock, _ = make_app()
    async with app.run_test(size=size) as pilot:
        clock.advance(5 + 1)
        app.screen.tick()
        await pilot.pause()
        screen = app.screen
        countdown = screen.query_one("#countdown")
        phase = screen.query_one("#phase", BigLabel)
        assert countdown.region.height == rows
        assert phase.region.height == rows
        assert phase.text == "REACH"


async def test_the_step_bar_is_as_wide_as_the_content_at_200_columns():
    app, _, _ = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        main = app.screen.query_one("#main").content_region
        bar = app.screen.query_one("#phase-bar", FillBar).region
        assert (bar.x, bar.width) == (main.x, main.width)


async def test_a_resize_changes_the_font():
    app, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#countdown").region.height == 3
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert app.screen.query_one("#countdown").region.height == 7
        assert app.screen.query_one("#phase", BigLabel).region.height == 7
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one("#countdown").region.height == 3


class Player:
    def __init__(self, notice: str | None) -> None:
        self.notice = notice
        self.on_problem = None

    def close(self) -> None:
        pass


def test_the_no_player_notice_is_said_once_per_situation(monkeypatch):
    said: list[str] = []
    a, b = "No working sound player (a): the bell", "No working sound player (b): the bell"
    notices = iter([a, a, None, b])
    monkeypatch.setattr("tui.audio.players.choose_player", lambda mode, bell: Player(next(notices)))
    for _ in range(4):  # four launches, each with the settings as saved
        setup = SoundSetup(CueDispatcher(), load_settings(), voice=False)
        setup.apply(lambda: None, said.append)
    assert said == [a, b]
    assert last_notice(load_settings()) == b
    assert Settings().sound_notice == ""


def test_the_notice_is_kept_apart_from_the_persons_config(monkeypatch):
    """Found by a tester: remembering the notice rewrote config.toml (comments lost,
    and over a file with an error, every setting). It is kept in the state folder."""
    a = "No working sound player (a): the bell"
    monkeypatch.setattr("tui.audio.players.choose_player", lambda mode, bell: Player(a))
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    mine = '# my settings\nvoice = false   # quiet mornings\nsound = "auto"\n'
    path.write_text(mine)
    said: list[str] = []
    for _ in range(2):
        SoundSetup(CueDispatcher(), load_settings(), voice=False).apply(lambda: None, said.append)
    assert said == [a]
    assert path.read_text() == mine  # byte for byte, comments and all
    assert a in (state_dir() / "said.json").read_text()


async def test_the_notice_over_a_workout_covers_nothing():
    app, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        app._say_beside("No working sound player (not found: aplay): using the terminal bell")
        await pilot.pause()
        notice = screen.query_one(".notice", Static)
        assert "No working sound player" in str(notice.content)
        assert not app._notifications  # no toast over the workout
        taken = [w.region for w in screen.query("#main > *") if w is not notice and w.display]
        assert all(not notice.region.overlaps(region) for region in taken)
        assert notice.region.height >= 1

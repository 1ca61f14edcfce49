"""Dialogs return typed values: a member of the question's Enum, or a bool."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Button

from tui.screens.confirm import Hurt, health_notice, hurt_dialog


async def test_a_choice_dialog_returns_the_answer_chosen_by_key_button_or_escape():
    got: list[object] = []
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(hurt_dialog("Bird dog"), got.append)
        await pilot.pause()
        await pilot.press("s")
        app.push_screen(hurt_dialog("Bird dog"), got.append)
        await pilot.pause()
        await pilot.click(app.screen.query(Button)[1])  # End session
        app.push_screen(hurt_dialog("Bird dog"), got.append)
        await pilot.pause()
        await pilot.press("escape")
        app.push_screen(health_notice(), got.append)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert got == [Hurt.SKIP, Hurt.END, Hurt.CARRY_ON, True]

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
    assert got == [Hurt.SKIP, Hurt.END, Hurt.STAY_PAUSED, True]


def test_the_hurt_dialog_says_what_to_do_by_zone():
    """Found by a tester: at pain 3 it said "Stop Knee to chest." while offering
    Carry on; "Stop Lying twist." read as a fragment."""
    green = hurt_dialog("Knee to chest", 3).text
    assert "Fine to carry on gently with Knee to chest; stop if it gets sharp" in green
    assert "Stop" not in green
    amber = hurt_dialog("Knee to chest", 5).text
    assert "Carry on with Knee to chest only if it settles" in amber
    red = hurt_dialog("Lying twist", 7).text
    assert "skip this exercise and ease off" in red and "Stop this exercise (Lying twist)." in red
    assert "Stop this exercise (Lying twist)." in hurt_dialog("Lying twist").text


async def test_at_red_carry_on_is_no_button_only_a_key_listed_under_them():
    """Found by a tester: at pain 6+ "Carry on" sat among the buttons as an equal
    choice. It stays possible (the person's call), as `c`, listed below."""
    red = hurt_dialog("Lying twist", 6)
    assert [a.value for a in red.answers] == [Hurt.SKIP, Hurt.END]
    assert (red.keys[0].key, red.keys[0].label) == (
        "c", "carry on anyway (not advised at this pain)"
    )
    assert Hurt.CARRY_ON in [a.value for a in hurt_dialog("Lying twist", 5).answers]
    app: App[None] = App()
    got: list[object] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(hurt_dialog("Lying twist", 8), got.append)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
    assert got == [Hurt.CARRY_ON]

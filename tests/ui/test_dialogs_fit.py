"""Every dialog fits whole at 80x24 (found by a tester: the red "this hurts" box, with
an easier version offered, cut its third button to "End sessi"). Each dialog is
mounted at 80x24 in an app with spinewise's breakpoints; every button must lie
inside the screen and inside its box, with its whole label shown, and the box
must show all it holds (nothing scrolled out of sight)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Button

from tui.app import SpinewiseApp
from tui.screens.checkins import NextDayDialog, PainDialog
from tui.screens.confirm import (
    Answer,
    ChoiceDialog,
    Unsaved,
    health_notice,
    hurt_dialog,
    waiting_dialog,
)
from tui.screens.help import HelpScreen
from tui.screens.name_dialog import NameDialog

EASIER = "Side plank from the knees"
LONG = "Side plank from the knees, top arm reaching"


def unsaved() -> ChoiceDialog[Unsaved]:
    """The editor's question on leaving with changes not saved (screens/editor.py)."""
    return ChoiceDialog(
        "Unsaved changes", "Save your changes to My evening stretch before leaving?",
        [Answer(Unsaved.SAVE, "Save", "s"), Answer(Unsaved.DISCARD, "Discard changes", "d"),
         Answer(Unsaved.CANCEL, "Keep editing", "c")],
        escape=Unsaved.CANCEL, danger=Unsaved.DISCARD,
    )  # fmt: skip


def mistakes() -> ChoiceDialog[bool]:
    """The editor's question on saving a routine with mistakes (screens/editor.py)."""
    return ChoiceDialog(
        "This routine has mistakes",
        "3 mistakes, the first on line 12: reps: expected a whole number from 1 to 100, "
        "got 0. A routine with mistakes cannot be run until they are fixed. Save it anyway?",
        [Answer(False, "Keep editing", "c"), Answer(True, "Save anyway", "s")],
        escape=False, danger=True,
    )  # fmt: skip


DIALOGS: dict[str, Callable[[], Screen[object]]] = {
    "hurt, no pain said": lambda: hurt_dialog("Side plank"),
    "hurt at 3": lambda: hurt_dialog("Side plank", 3),
    "hurt at 3, easier": lambda: hurt_dialog(LONG, 3, easier=EASIER),
    "hurt at 7": lambda: hurt_dialog("Side plank", 7),
    "hurt at 7, easier": lambda: hurt_dialog("Side plank", 7, easier=EASIER),
    "hurt at 10, long names, easier": lambda: hurt_dialog(LONG, 10, easier=EASIER),
    "how bad": lambda: PainDialog(LONG),
    "help": lambda: HelpScreen(),
    "help, paused": lambda: HelpScreen(paused=True),
    "next morning": lambda: NextDayDialog(),
    "next morning, advice": lambda: NextDayDialog(
        "Pain of 6 or more twice this week: consider asking a physiotherapist or doctor "
        "about these exercises before going on. Ease off until then."),
    "a session is waiting": lambda: waiting_dialog(
        "Core basics", "3 of 12, Bird dog", "Morning mobility and breathing"),
    "unsaved changes": unsaved,
    "saved with mistakes": mistakes,
    "health notice": health_notice,
    "name a routine": lambda: NameDialog("New routine", "A name for your own routine:"),
}  # fmt: skip


class Host(App[None]):
    """An app with spinewise's breakpoints (`-narrow`, `-short`...), as dialogs meet them."""

    HORIZONTAL_BREAKPOINTS = SpinewiseApp.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = SpinewiseApp.VERTICAL_BREAKPOINTS


@pytest.mark.parametrize("name", DIALOGS)
async def test_every_dialog_fits_whole_at_80x24(name):
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DIALOGS[name]())
        for _ in range(4):
            await pilot.pause()
        screen = Region(0, 0, 80, 24)
        box = app.screen.query_one(".dialog")
        assert screen.contains_region(box.region), name
        # All it holds is shown: nothing below the edge to scroll to.
        assert box.virtual_size.height <= box.scrollable_content_region.height, name
        for button in app.screen.query(Button):
            label = str(button.label)
            assert box.content_region.contains_region(button.region), (name, label)
            assert button.content_region.width >= cell_len(label), (name, label)


def test_snapshot_of_the_red_dialog_with_the_easier_version_80x24(snap_compare):
    async def hurt(pilot) -> None:
        pilot.app.push_screen(hurt_dialog("Side plank", 7, easier=EASIER))
        for _ in range(4):
            await pilot.pause()

    assert snap_compare(Host(), terminal_size=(80, 24), run_before=hurt)


def test_snapshot_of_the_red_dialog_80x24(snap_compare):
    async def hurt(pilot) -> None:
        pilot.app.push_screen(hurt_dialog("Side plank", 8))
        for _ in range(4):
            await pilot.pause()

    assert snap_compare(Host(), terminal_size=(80, 24), run_before=hurt)

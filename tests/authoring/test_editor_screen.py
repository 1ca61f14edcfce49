"""The routine editor inside the app, driven by the pilot."""

from __future__ import annotations

import importlib.util

import pytest
from textual.widgets import DataTable

from tests.authoring.helpers import VALID, own_routine, routine_library_app
from tests.ui.helpers import settle_until
from tui.core import paths
from tui.core.authoring.draft import check_draft
from tui.core.authoring.files import checking_exercise_library
from tui.screens import editor
from tui.screens.confirm import ChoiceDialog
from tui.screens.editor import EditorScreen
from tui.screens.name_dialog import NameDialog
from tui.screens.routine_library import RoutineLibraryScreen
from tui.widgets.draft_preview import DraftPreview
from tui.widgets.problem_list import ProblemList

DEBOUNCE = 0.05
SIZE = (120, 35)


async def settle(pilot, screen: EditorScreen) -> None:
    """Wait until the check that follows typing has run (the debounce timer fired)."""
    for _ in range(40):
        await pilot.pause(DEBOUNCE)
        if not screen.check_pending:
            break
    await pilot.pause()


async def open_editor(app, pilot, path, **kwargs) -> EditorScreen:
    library, _ = checking_exercise_library()
    screen = EditorScreen(path, path.read_text(), library=library, debounce=DEBOUNCE, **kwargs)
    app.push_screen(screen)
    await pilot.pause()
    return screen


async def type_at(pilot, screen: EditorScreen, row: int, col: int, text: str) -> None:
    screen.editor.move_cursor((row, col))
    await pilot.press(*text)
    await settle(pilot, screen)


def names(app) -> list[str]:
    """The routine library's routines by name (none while another screen is shown)."""
    screen = app.screen
    return [e.name for e in screen.catalog] if isinstance(screen, RoutineLibraryScreen) else []


def preview_text(screen: EditorScreen) -> str:
    return screen.query_one("#editor-preview", DraftPreview).text


async def test_a_mistake_typed_is_listed_at_its_line_and_the_line_is_marked():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        assert screen.check.valid
        await type_at(pilot, screen, 8, 4, "d")  # line 9: hold = 5  ->  holdd = 5
        problems = screen.query_one("#editor-problems", ProblemList).problems
        assert [(p.line, p.field) for p in problems] == [(9, "exercise[1].holdd")]
        assert 'did you mean "hold"?' in problems[0].message
        assert screen.editor.problem_lines == {9}
        assert screen.has_class("-invalid")
        assert "Showing the last valid version" in preview_text(screen)
        assert screen.dirty


async def test_checking_waits_until_typing_pauses(monkeypatch):
    checked: list[str] = []

    def counting(text, *args, **kwargs):
        checked.append(text)
        return check_draft(text, *args, **kwargs)

    monkeypatch.setattr(editor, "check_draft", counting)
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        library, _ = checking_exercise_library()
        screen = EditorScreen(path, VALID, library=library, debounce=30)
        app.push_screen(screen)
        await pilot.pause()
        checks = len(checked)
        screen.editor.move_cursor((8, 4))
        await pilot.press("d", "d", "d")
        assert screen.check_pending and len(checked) == checks
        assert screen.check.valid  # not checked yet
        screen.validate_now()
        assert not screen.check_pending and len(checked) == checks + 1
        assert not screen.check.valid


async def test_fixing_the_mistake_updates_the_preview():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        assert "1. Dead bug: 4 reps, hold 5 s" in preview_text(screen)
        await type_at(pilot, screen, 7, 7, "0")  # reps = 04: TOML allows no leading zero
        assert not screen.check.valid
        screen.editor.move_cursor((7, 8))
        await pilot.press("delete")
        await pilot.press("backspace")
        await pilot.press("6")  # reps = 6
        await settle(pilot, screen)
        assert screen.check.valid
        assert screen.editor.problem_lines == frozenset()
        text = preview_text(screen)
        assert "1. Dead bug: 6 reps, hold 5 s" in text
        assert "Quiet core · 1:54 · 2 exercises" in text
        assert "Showing the last valid version" not in text


async def test_f8_goes_to_the_next_mistake():
    path = own_routine(text=VALID.replace("hold = 5", "hold = -5").replace("reps = 4", "reps = 0"))
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        assert [p.line for p in screen.check.problems] == [8, 9]
        await pilot.press("f8")
        assert screen.editor.cursor_location[0] == 7
        await pilot.press("f8")
        assert screen.editor.cursor_location[0] == 8


async def test_ctrl_s_saves_the_file_and_the_library_shows_it():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        await type_at(pilot, screen, 2, 18, " at noon")  # name = "Quiet core at noon"
        assert screen.check.valid
        await pilot.press("ctrl+s")
        await settle_until(app, pilot, lambda: not screen.dirty, what="saved")
        assert 'name = "Quiet core at noon"' in path.read_text()
        assert sorted(p.name for p in path.parent.iterdir()) == ["quiet-core.toml", "schema.json"]
        assert not screen.dirty
        await pilot.press("escape")  # the routine library looks at the files as it shows
        await settle_until(app, pilot, lambda: "Quiet core at noon" in names(app))
        library = app.screen
        assert isinstance(library, RoutineLibraryScreen)
        assert "Quiet core at noon" in [entry.name for entry in library.catalog]


async def test_saving_with_mistakes_asks_first():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        await type_at(pilot, screen, 8, 4, "d")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.title_text == "This routine has mistakes"
        await pilot.press("c")
        await app.workers.wait_for_complete()
        assert path.read_text() == VALID
        await pilot.press("ctrl+s")
        await pilot.press("s")
        await settle_until(app, pilot, lambda: not screen.dirty, what="saved")
        assert "holdd = 5" in path.read_text()


async def test_leaving_with_unsaved_changes_asks():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        await type_at(pilot, screen, 3, 0, "# a note\n")
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.title_text == "Unsaved changes"
        await pilot.press("c")  # keep editing
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.press("d")  # discard
        assert isinstance(app.screen, RoutineLibraryScreen)
        assert path.read_text() == VALID


async def test_leaving_with_unsaved_changes_can_save_first():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        await type_at(pilot, screen, 3, 0, "# a note\n")
        await pilot.press("escape")
        await pilot.press("s")
        await settle_until(app, pilot, lambda: isinstance(app.screen, RoutineLibraryScreen))
        assert "# a note" in path.read_text()


async def test_leaving_without_changes_does_not_ask():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(app, pilot, path)
        await pilot.press("escape")
        assert isinstance(app.screen, RoutineLibraryScreen)


async def test_ctrl_q_with_unsaved_changes_asks_before_quitting():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        await type_at(pilot, screen, 3, 0, "# a note\n")
        await pilot.press("ctrl+q")
        await settle_until(app, pilot, lambda: isinstance(app.screen, ChoiceDialog),
                           what="the unsaved-changes question")
        assert "before quitting" in app.screen.text
        await pilot.press("c")
        await settle_until(app, pilot, lambda: app.screen is screen, what="back in the editor")
        assert app.is_running


async def choose(pilot, words: str) -> None:
    """Filter the library down to one routine."""
    await pilot.press(*words)
    await pilot.pause()


async def test_ctrl_e_on_a_bundled_routine_edits_a_copy_for_the_persons_folder():
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "gentle-start")
        await pilot.press("ctrl+e")
        await settle_until(app, pilot, lambda: isinstance(app.screen, EditorScreen))
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        copy = paths.user_routines_dir() / "gentle-start.toml"
        assert screen.path == copy
        assert "bundled routine: saving writes your own copy" in str(
            screen.query_one("#editor-note").content)
        assert not copy.exists()  # nothing is written until it is saved
        assert screen.text.startswith("#:schema ./schema.json")
        await type_at(pilot, screen, 1, 0, "# mine now\n")
        await pilot.press("ctrl+s")
        await settle_until(app, pilot, lambda: not screen.dirty, what="saved")
        assert "# mine now" in copy.read_text()
        assert (copy.parent / "schema.json").is_file()
        await pilot.press("escape")

        def origins() -> dict[str, str]:
            library = app.screen
            if not isinstance(library, RoutineLibraryScreen):
                return {}
            return {entry.ref.id: entry.ref.origin for entry in library.catalog}

        await settle_until(app, pilot, lambda: origins().get("gentle-start") == "own")


async def test_ctrl_n_names_a_new_routine_and_opens_the_starter():
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        await pilot.press(*"Big three", "enter")  # a bundled id: refused, with the reason
        assert isinstance(app.screen, NameDialog)
        assert "bundled routine" in str(app.screen.query_one("#name-error").content)
        app.screen.query_one("#name-input").value = ""
        await pilot.press(*"Lunch break", "enter")
        await settle_until(app, pilot, lambda: isinstance(app.screen, EditorScreen))
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.dirty and screen.check.valid
        assert 'name = "Lunch break"' in screen.text
        await pilot.press("ctrl+s")
        await settle_until(app, pilot, lambda: not screen.dirty, what="saved")
        path = paths.user_routines_dir() / "lunch-break.toml"
        assert path.read_text() == screen.text
        await pilot.press("escape")
        await settle_until(app, pilot, lambda: "Lunch break" in names(app))
        assert "lunch-break" in [entry.ref.id for entry in app.screen.catalog]


async def test_ctrl_d_duplicates_the_selected_routine():
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "big-three")
        await pilot.press("ctrl+d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NameDialog)
        assert dialog.value == "Big three copy"
        await pilot.press("enter")
        await settle_until(app, pilot, lambda: isinstance(app.screen, EditorScreen))
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.path == paths.user_routines_dir() / "big-three-copy.toml"
        assert 'name = "Big three copy"' in screen.text
        assert "# written here too" in screen.text  # comments come along
        assert screen.check.valid


async def test_the_footer_offers_the_editing_keys_without_taking_letters():
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        keys = {b.binding.key: b.binding.description for b in app.active_bindings.values()}
        assert keys["ctrl+e"] == "Edit" and keys["ctrl+n"] == "New"
        assert keys["ctrl+d"] == "Duplicate"
        await pilot.press(*"ed")  # letters still filter
        assert app.screen.query_one("#filter").value == "ed"
        assert isinstance(app.screen, RoutineLibraryScreen)


@pytest.mark.skipif(importlib.util.find_spec("tree_sitter_toml") is None,
                    reason="tree-sitter-toml is not installed")
async def test_the_text_is_highlighted_as_toml():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, path)
        assert screen.editor.highlighted


async def test_the_library_notices_a_routine_changed_on_disk():
    path = own_routine()
    app = routine_library_app()
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        assert isinstance(library, RoutineLibraryScreen)
        await settle_until(app, pilot, lambda: not library._looking)  # the look as first shown
        await choose(pilot, "quiet")
        assert library.selected is not None and library.selected.name == "Quiet core"
        path.write_text(VALID.replace("Quiet core", "Quiet core, longer"))
        library.look_at_files()  # what the 2-second interval does
        await settle_until(app, pilot, lambda: "Quiet core, longer" in names(app))
        assert library.selected is not None and library.selected.name == "Quiet core, longer"
        table = library.query_one("#routines", DataTable)
        assert str(table.get_row_at(0)[0]) == "Quiet core, longer"
        (path.parent / "second.toml").write_text(VALID.replace("Quiet core", "Quiet second"))
        library.look_at_files()
        await settle_until(app, pilot, lambda: "Quiet second" in names(app))
        assert "Quiet second" in [entry.name for entry in library.shown]


async def test_a_routine_saved_while_the_library_reads_the_others_is_read_again(monkeypatch):
    """The watch made after a reload remembers the files as they were before the reading:
    a save landing in between (a busy machine makes that window long) is not lost."""
    from tui.screens import routine_library

    path = own_routine()
    app = routine_library_app()
    real = routine_library.reload_changed
    saved: list[bool] = []

    def then_saved(catalog, keys):
        result = real(catalog, keys)
        if not saved:  # the editor saves just after this routine was read
            path.write_text(VALID.replace("Quiet core", "Quiet core, saved"))
            saved.append(True)
        return result

    monkeypatch.setattr(routine_library, "reload_changed", then_saved)
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        assert isinstance(library, RoutineLibraryScreen)
        await settle_until(app, pilot, lambda: not library._looking)
        path.write_text(VALID.replace("Quiet core", "Quiet core, first"))
        library.look_at_files()
        await settle_until(app, pilot, lambda: "Quiet core, first" in names(app))
        library.look_at_files()  # the next look (the 2-second interval)
        await settle_until(app, pilot, lambda: "Quiet core, saved" in names(app))

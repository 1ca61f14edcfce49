"""The app's part in making routines: from the library to the editor and back.

`RoutineEditing` is mixed into `SpinewiseApp`. It opens the editor screen on
the library's selected routine (ctrl+e), on a new routine (ctrl+n) or on a
copy of the selected one (ctrl+d); reloads the catalog after a save or when
the library screen sees files change; and keeps ctrl+q from quitting past
unsaved changes (the editor asks first).

A bundled routine opens as a copy bound for the person's folder, written on
the first save: leaving without saving leaves no stray copy behind to hide
the bundled one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.catalog.entries import CatalogEntry, load_catalog, load_entry
from tui.core.routine.problems import RoutineError
from tui.core.routine.source import read_source

if TYPE_CHECKING:
    from textual.app import App

    from .screens.routine_library import RoutineLibraryScreen

    _Base = App[str | None]
else:
    _Base = object


def name_problem(name: str) -> str | None:
    """What is wrong with a new routine's name (None when it will do)."""
    from tui.core.authoring.files import AuthoringError, check_new_name

    try:
        check_new_name(name)
    except AuthoringError as error:
        return str(error)
    return None


class RoutineEditing(_Base):
    """(Each action imports what it needs from authoring: a workout starts without it.)"""

    catalog: list[CatalogEntry]
    library_screen: RoutineLibraryScreen | None

    # -- the catalog -----------------------------------------------------------------

    def refresh_catalog(self) -> None:
        """Load every routine again, and show them in the library screen."""
        fresh = load_catalog()
        found = {entry.ref.path for entry in fresh}
        files = [
            load_entry(entry.ref) if entry.ref.path.is_file() else entry
            for entry in self.catalog
            if entry.ref.origin == "file" and entry.ref.path not in found
        ]
        self.catalog = files + fresh
        if self.library_screen is not None:
            self.library_screen.set_catalog(self.catalog)

    def on_routine_library_screen_files_changed(self) -> None:
        self.refresh_catalog()

    def on_editor_screen_saved(self) -> None:
        self.refresh_catalog()

    # -- opening the editor ------------------------------------------------------------

    def _open_editor(self, path, text: str, *, on_disk: bool, note: str = "") -> None:
        from tui.core.authoring.files import checking_library

        from .screens.editor import EditorScreen  # the editor (and tree-sitter) only when used

        library, warning = checking_library(path)
        if warning:
            self.notify(warning, severity="warning", timeout=8, markup=False)
        self.push_screen(EditorScreen(path, text, library=library, on_disk=on_disk, note=note))

    def on_routine_library_screen_edit(self, message: RoutineLibraryScreen.Edit) -> None:
        self.edit_routine(message.entry)

    def edit_routine(self, entry: CatalogEntry) -> None:
        from tui.core.authoring.files import copy_text, own_copy_path

        ref = entry.ref
        try:
            if ref.origin == "bundled":
                path = own_copy_path(ref)
                note = (f"{ref.id} is a bundled routine: saving writes your own copy, {path}, "
                        "which takes its place in your library.")
                self._open_editor(path, copy_text(ref), on_disk=False, note=note)
            else:
                self._open_editor(ref.path, read_source(ref.path), on_disk=True)
        except RoutineError as error:
            self.notify(str(error.problems[0]), severity="error", timeout=8, markup=False)

    def on_routine_library_screen_new_routine(self) -> None:
        self.new_routine()

    def new_routine(self) -> None:
        from tui.core.authoring.files import check_new_name, starter_text

        from .screens.name_dialog import NameDialog

        def named(name: str | None) -> None:
            if not name:
                return
            rid, path = check_new_name(name)
            note = f"A new routine: it is written to {path} when you save (ctrl+s)."
            self._open_editor(path, starter_text(name, rid), on_disk=False, note=note)

        self.push_screen(NameDialog(
            "New routine", "What is it called? (Its file name is made from the name.)",
            check=name_problem,
        ), named)

    def on_routine_library_screen_duplicate(self, message: RoutineLibraryScreen.Duplicate) -> None:
        self.duplicate_routine(message.entry)

    def duplicate_routine(self, entry: CatalogEntry) -> None:
        from tui.core.authoring.files import check_new_name, copy_text

        from .screens.name_dialog import NameDialog

        def named(name: str | None) -> None:
            if not name:
                return
            _, path = check_new_name(name)
            try:
                text = copy_text(entry.ref, name)
            except RoutineError as error:
                self.notify(str(error.problems[0]), severity="error", timeout=8, markup=False)
                return
            note = f"A copy of {entry.name}: it is written to {path} when you save (ctrl+s)."
            self._open_editor(path, text, on_disk=False, note=note)

        self.push_screen(NameDialog(
            "Duplicate routine", f"A copy of {entry.name}, called:",
            value=f"{entry.name} copy", check=name_problem,
        ), named)

    # -- quitting ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+q on an editor with unsaved changes goes to the editor, which asks."""
        if action == "quit" and getattr(self.screen, "has_unsaved_changes", False):
            return False
        return super().check_action(action, parameters)

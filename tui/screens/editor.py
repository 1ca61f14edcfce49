"""Editing a routine inside the app: mistakes as you type, a live preview, safe saves.

The text is checked a moment after typing stops (a Textual timer, restarted
by every change); the mistakes are listed by line and their lines marked in
the text, and the preview beside it shows what the routine will do. Saving
(ctrl+s) writes the file atomically; a text with mistakes is only saved when
the person confirms it. Leaving with unsaved changes asks first.

Returns the path when the routine was saved at least once, else None.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, TextArea

from tui.core.authoring.draft import DraftCheck, check_draft, preview
from tui.core.authoring.files import create_routine, save_routine
from tui.core.routine.exercise_library import ExerciseLibrary

from ..widgets.draft_preview import DraftPreview
from ..widgets.line import Line
from ..widgets.problem_list import ProblemList
from ..widgets.toml_editor import TomlEditor
from .confirm import Answer, ChoiceDialog, Unsaved

#: Seconds of quiet after typing before the text is checked.
DEBOUNCE = 0.3


class EditorScreen(Screen[Path | None]):
    CSS_PATH = ["split.tcss", "editor.tcss"]

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("f8", "next_problem", "Next mistake", id="next-mistake"),
        Binding("escape", "leave", "Back", id="leave", priority=True),
        Binding("ctrl+q", "quit_app", "Quit", id="quit", show=False, priority=True),
    ]

    #: The text differs from the file on disk (or there is no file yet).
    dirty: reactive[bool] = reactive(False, bindings=True)
    has_problems: reactive[bool] = reactive(False, bindings=True)

    class Saved(Message):
        """The routine was written to `path` (the library should reload)."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, path: Path, text: str, *, library: ExerciseLibrary | None,
                 on_disk: bool = True, note: str = "", debounce: float = DEBOUNCE) -> None:
        super().__init__()
        self.path = Path(path)
        self.initial_text = text
        self.library = library
        self.note = note
        self.debounce = max(debounce, 0.01)  # a timer of 0 s is not a timer
        #: What the file on disk holds (None: not written yet).
        self.saved_text: str | None = text if on_disk else None
        self.saved_once = False
        self.check = DraftCheck()
        self._last_valid: DraftCheck | None = None
        self._timer: Timer | None = None
        self._problem_index = -1

    def compose(self) -> ComposeResult:
        yield Line(id="editor-title", classes="title-bar")
        yield Line(self.note, id="editor-note")
        with Horizontal(id="editor-body", classes="split"):
            yield TomlEditor(self.initial_text, id="editor-text")
            with Vertical(id="editor-side", classes="side"):
                yield Line(id="editor-status")
                yield ProblemList(id="editor-problems")
                yield DraftPreview(id="editor-preview")
        yield Footer()

    @property
    def editor(self) -> TomlEditor:
        return self.query_one("#editor-text", TomlEditor)

    @property
    def text(self) -> str:
        return self.editor.text

    @property
    def has_unsaved_changes(self) -> bool:
        """Read by the app: ctrl+q asks first while this is true."""
        return self.dirty

    def on_mount(self) -> None:
        self.query_one("#editor-note", Line).show(self.note)
        self.dirty = self.saved_text is None
        self._title()
        self.validate_now()
        self.editor.focus()

    # -- checking as you type ------------------------------------------------------

    @on(TextArea.Changed, "#editor-text")
    def _changed(self) -> None:
        self.dirty = self.text != self.saved_text
        self._title()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.debounce, self.validate_now, name="check-draft")

    @property
    def check_pending(self) -> bool:
        """True between a change and the check that follows it."""
        return self._timer is not None

    def validate_now(self) -> DraftCheck:
        """Check the text now (the timer calls this once typing pauses)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.check = check_draft(self.text, self.path.name, self.library)
        if self.check.valid:
            self._last_valid = self.check
        self.has_problems = bool(self.check.problems)
        self._problem_index = -1
        self.editor.mark_lines(self.check.problem_lines)
        self.query_one("#editor-problems", ProblemList).show(self.check.problems)
        self._status()
        shown = self.check if self.check.valid else self._last_valid
        self.query_one("#editor-preview", DraftPreview).show(
            preview(shown.plan) if shown is not None and shown.plan is not None else None,
            stale=not self.check.valid and shown is not None,
        )
        return self.check

    def _status(self) -> None:
        count = len(self.check.problems)
        status = self.query_one("#editor-status", Line)
        if count:
            status.show(f"✗ {count} mistake{'s' if count != 1 else ''}: F8 goes to the next")
        else:
            status.show("✓ valid")
        self.set_class(bool(count), "-invalid")

    def _title(self) -> None:
        mark = " ● unsaved" if self.dirty else ""
        self.query_one("#editor-title", Line).show(f"Editing {self.path}{mark}")

    @on(ProblemList.Chosen)
    def _go_to_problem(self, message: ProblemList.Chosen) -> None:
        self.editor.go_to(message.line, message.col)

    def action_next_problem(self) -> None:
        problems = self.check.problems
        if problems:
            self._problem_index = (self._problem_index + 1) % len(problems)
            problem = problems[self._problem_index]
            self.editor.go_to(problem.line, problem.col)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_problem":
            return True if self.has_problems else None
        if action == "save":
            return True if self.dirty else None
        return True

    # -- saving ----------------------------------------------------------------------

    def action_save(self) -> None:
        self.save()

    def save(self, after: str | None = None) -> None:
        """Save (asking first when the text has mistakes); then `after`: "leave" or "quit"."""
        check = self.validate_now()
        if not check.problems:
            self._write(self.text, after)
            return
        count = len(check.problems)

        def answered(save: bool | None) -> None:
            if save:
                self._write(self.text, after)

        self.app.push_screen(ChoiceDialog(
            "This routine has mistakes",
            f"{count} mistake{'s' if count != 1 else ''}, the first on line "
            f"{check.problems[0].line}: {check.problems[0].message}. A routine with mistakes "
            "cannot be run until they are fixed. Save it anyway?",
            [Answer(False, "Keep editing", "c"), Answer(True, "Save anyway", "s")],
            escape=False,
            danger=True,
        ), answered)

    @work(thread=True, exclusive=True, group="save-routine")
    def _write(self, text: str, after: str | None = None) -> None:
        """Write in a thread: the file is fsynced, which may take a moment."""
        try:
            if self.saved_text is None:  # a new file: never write over one that appeared
                create_routine(self.path, text)
            else:
                save_routine(self.path, text)
        except FileExistsError:
            self.app.call_from_thread(self.notify, f"Not saved: {self.path} exists already",
                                      severity="error", timeout=8, markup=False)
            return
        except OSError as error:
            reason = error.strerror or str(error)
            self.app.call_from_thread(self.notify, f"Not saved: {self.path}: {reason}",
                                      severity="error", timeout=8, markup=False)
            return
        self.app.call_from_thread(self._saved, text, after)

    def _saved(self, text: str, after: str | None) -> None:
        self.saved_text = text
        self.saved_once = True
        self.dirty = self.text != text
        self._title()
        self.notify(f"Saved {self.path}", timeout=3, markup=False)
        self.post_message(self.Saved(self.path))
        if after == "leave":
            self.dismiss(self.path)
        elif after == "quit":
            self.app.exit()

    # -- leaving ---------------------------------------------------------------------

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(self.path if self.saved_once else None)
            return
        self._ask_unsaved(quit_app=False)

    def action_quit_app(self) -> None:
        if not self.dirty:
            self.app.exit()
            return
        self._ask_unsaved(quit_app=True)

    def _ask_unsaved(self, *, quit_app: bool) -> None:
        def answered(choice: Unsaved | None) -> None:
            if choice is Unsaved.SAVE:
                self.save("quit" if quit_app else "leave")
            elif choice is Unsaved.DISCARD:
                if quit_app:
                    self.app.exit()
                else:
                    self.dismiss(self.path if self.saved_once else None)

        where = "quitting" if quit_app else "leaving"
        self.app.push_screen(ChoiceDialog(
            "Unsaved changes",
            f"{self.path.name} has changes that are not saved. Save them before {where}?",
            [Answer(Unsaved.SAVE, "Save", "s"), Answer(Unsaved.DISCARD, "Discard changes", "d"),
             Answer(Unsaved.CANCEL, "Keep editing", "c")],
            escape=Unsaved.CANCEL,
            danger=Unsaved.DISCARD,
        ), answered)

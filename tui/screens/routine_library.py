"""The routine library: choose what to do today, and make routines one's own.

Starting and resuming are the app's to do: the screen posts `StartRoutine`
or `ResumeSession` (`tui/messages.py`), and so does its palette provider
("Start: <routine>"). Making routines is the screen's own: ctrl+e opens the
editor on the selected routine, ctrl+n on a new one, ctrl+d on a copy. A
bundled routine opens as a copy bound for the person's folder, written on the
first save: leaving without saving leaves no stray copy behind to hide the
bundled one.

Nothing here reads a file on the UI loop: routine files are read, copied and
looked at (`stat`, every WATCH_SECONDS and whenever the screen is shown
again, so a routine saved in the editor is there on return) in thread
workers, which hand their result back with `call_from_thread`.

Given a loader, it paints at once and loads in a worker: the kept listings
first (`library_rows`), then every routine; after a change, only the files that
changed (`catalog.loading`). A routine started before it is read is read first.
Workers have a `description`, or Textual would `repr` their arguments on the UI
loop (2.2 s for 1,000 routines).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from tui.core.catalog.entries import CatalogEntry, load_entry
from tui.core.catalog.listing import Listing, listings
from tui.core.catalog.loading import Keys, load_all, reload_changed
from tui.core.catalog.ranking import ranked
from tui.core.catalog.watch import FileWatch, routine_watch
from tui.core.routine.problems import RoutineError
from tui.core.routine.source import read_source

from ..messages import ResumeSession, StartRoutine
from ..widgets.line import Line
from .library_dose import StageReader, TodaysDose
from .library_palette import StartRoutineCommands
from .library_rows import TITLE, TODAY_KEY, BatchedRows, Catalog, Shown, preview_texts, row_key
from .library_today import PlanState, TodayRow, not_due_note, today_row

#: Seconds between two looks at the routine files on disk.
WATCH_SECONDS = 2.0


class RoutineLibraryScreen(TodaysDose, Screen[None]):
    CSS_PATH = ["split.tcss", "routine_library.tcss"]
    #: "Start: <routine>" only here: during a workout it would start a second one.
    COMMANDS = {StartRoutineCommands}
    BINDINGS = [
        Binding("enter", "start", "Start", id="start", priority=True),
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("up", "move(-1)", "Up", show=False, priority=True),
        Binding("ctrl+r", "resume", "Resume", id="resume"),
        Binding("ctrl+y", "app.history", "History", id="history"),
        # ctrl+ keys, with priority: the filter Input has the focus and takes letters.
        Binding("ctrl+e", "edit", "Edit", id="edit", priority=True),
        Binding("ctrl+n", "new", "New", id="new", priority=True),
        Binding("ctrl+d", "duplicate", "Duplicate", id="duplicate", priority=True),
        Binding("escape", "clear", "Clear filter", id="clear", show=False),
        # With priority, as the app's own (hidden) ctrl+q has: else that one hides it.
        Binding("ctrl+q", "app.quit", "Quit", id="quit", priority=True),
    ]

    def __init__(
        self, catalog: Catalog, banner: str = "", plan: Callable[[], PlanState] | None = None,
        stages: StageReader | None = None,
    ) -> None:
        super().__init__()
        self.init_doses(stages)  # today's dose in the preview (`library_dose`)
        #: Reads the plan followed (in a worker); its Today row leads the list.
        self._read_plan = plan
        self._plan: PlanState | None = None
        #: Reads every routine (in a worker), when the screen was given a loader.
        self._load = catalog if callable(catalog) else None
        self.catalog: list[Shown] = [] if callable(catalog) else list(catalog)
        self.banner = banner
        #: Health advice shown while it applies (`set_advice`); "" hides the line.
        self.advice = ""
        self.shown: list[Shown] = list(self.catalog)
        #: Each routine file's key when read (`catalog.loading`); None: not loaded by it.
        self._keys: Keys | None = None
        self._looking = self._again = False
        self._painted = threading.Event()
        #: The files when last looked at (`stat`s made here: a change made as it opens shows).
        self._watch = routine_watch(entry.ref.path for entry in self.catalog)

    def compose(self) -> ComposeResult:
        yield Static(TITLE, id="library-title", classes="title-bar")
        yield Line(self.banner, id="banner")
        yield Line(self.advice, id="advice")
        yield Input(placeholder="Type to filter: level, tag, name…", id="filter")
        with Horizontal(id="library-body", classes="split"):
            yield DataTable(id="routines", cursor_type="row", zebra_stripes=False)
            with VerticalScroll(id="preview", classes="side"):
                yield Line(id="preview-name")
                yield Line(id="preview-meta")
                yield Line(id="preview-summary")
                yield Line(id="preview-caution")
                yield Static(id="preview-exercises", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._rows = BatchedRows(self.query_one("#routines", DataTable))
        self.query_one("#banner", Line).show(self.banner)
        self._fill("")
        self.query_one("#filter", Input).focus()
        if self._load is not None:  # once painted: its stat calls lag behind a busy UI loop
            self.call_after_refresh(self._load_catalog, self._load)
        self.set_interval(WATCH_SECONDS, self.look_at_files, name="watch-routines")
        self.look_at_plan()

    def on_screen_resume(self) -> None:
        """Shown (again): the editor, or another program, may have changed the files;
        a session just ended may have moved the plan on, and a stage."""
        self.forget_doses()
        self.look_at_files()
        self.look_at_plan()

    def on_resize(self) -> None:
        self.call_after_refresh(self._refit)  # once laid out: the table's new width

    def _refit(self) -> None:
        if self._rows.room != self._rows.room_now():
            self._refill()

    def look_at_plan(self) -> None:
        if self._read_plan is not None:
            self._look_at_plan(self._read_plan)

    @work(thread=True, group="plan", exclusive=True, exit_on_error=False, description="plan")
    def _look_at_plan(self, read: Callable[[], PlanState]) -> None:
        state = read()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._plan_read, state)

    def _plan_read(self, state: PlanState) -> None:
        # Routines listed before the plan was read: a cursor not moved yet goes to Today.
        first, self._plan = self._plan is None, state
        untouched = first and self.query_one("#routines", DataTable).cursor_row <= 0
        chosen = TODAY_KEY if untouched else self._chosen()
        self._fill(self.query_one("#filter", Input).value, chosen)

    @work(thread=True, group="routine-files", exit_on_error=False, description="load the routines")
    def _load_catalog(self, load: Callable[[], list[CatalogEntry]]) -> None:
        """The kept listings first (shown at once), then every routine read."""
        kept = listings(read=False)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_listed, kept)
            self._painted.wait(5)  # reading, which holds the GIL, waits for the paint
        # The files as they were before reading: one saved meanwhile is looked at again.
        before = routine_watch(listing.ref.path for listing in kept)
        entries, keys = load_all(load)
        watch = routine_watch((entry.ref.path for entry in entries), since=before)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, entries, keys, watch)

    def _show_listed(self, kept: list[Listing]) -> None:
        if self._keys is None:  # not loaded yet
            self.set_catalog(list(kept), self._watch)
        self.call_after_refresh(self._painted.set)

    def _loaded(self, entries: list[CatalogEntry], keys: Keys, watch: FileWatch) -> None:
        self._keys = keys
        self.set_catalog(list(entries), watch)

    def _fill(self, words: str, chosen: str | None = None) -> None:
        """The rows matching `words`, with the cursor on `chosen` if shown."""
        row = (self.with_dose(today_row(self._plan, self.catalog))
               if self._plan and not words.strip() else None)  # fmt: skip
        self.shown = [*([row] if row else []), *ranked(self.catalog, words)]
        ids = [row_key(entry) for entry in self.shown]
        at = ids.index(chosen) if chosen in ids else -1
        self._rows.fill(self.shown, at)
        if at >= 0:
            self.query_one("#routines", DataTable).move_cursor(row=at)
        self._preview()

    def _refill(self) -> None:
        self._fill(self.query_one("#filter", Input).value, self._chosen())

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_start()

    @property
    def selected(self) -> Shown | None:
        row = self.query_one("#routines", DataTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    @on(DataTable.RowHighlighted)
    def _preview(self) -> None:
        entry = self.selected  # (what each part shows: `library_rows.preview_texts`)
        texts = preview_texts(entry, self.dose_of(entry))  # today's dose once read
        for part, text in zip(("name", "meta", "summary", "caution"), texts, strict=False):
            self.query_one(f"#preview-{part}", Line).show(text)
        self.query_one("#preview-exercises", Static).update(texts[4])

    def action_move(self, delta: int) -> None:
        table = self.query_one("#routines", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    def _chosen(self) -> str | None:
        return row_key(self.selected) if self.selected is not None else None

    def set_catalog(self, catalog: list[Shown], watch: FileWatch) -> None:
        """Show these routines instead (after a reload), keeping the filter and selection."""
        chosen = self._chosen()
        self.catalog = catalog
        self._watch = watch
        self._fill(self.query_one("#filter", Input).value, chosen)

    # -- the files on disk ---------------------------------------------------------

    def look_at_files(self) -> None:
        """Stat the routine files and folders in a thread; on a change, read again the
        routines whose files changed (all of them, for a screen given a list)."""
        if self._load is not None and self._keys is None:
            return  # the first load is under way: its watch looks next
        if self._looking:
            self._again = True  # once this look is done: it may have looked too early
            return
        self._looking = True
        catalog = [entry for entry in self.catalog if not isinstance(entry, Listing)]
        self._look(catalog, self._keys)

    @work(thread=True, group="routine-files", exit_on_error=False, description="look at files")
    def _look(self, catalog: list[CatalogEntry], keys: Keys | None) -> None:
        # Never two at once (`_looking`), and never cancelled by the next: the watch
        # remembers what it saw, so a look dropped halfway would lose the change.
        try:
            if self._watch.changed():
                fresh, keys = reload_changed(catalog, keys or {})
                # As the files were before reading (`since`), or a file saved
                # while the others were read would never be read again.
                watch = routine_watch((entry.ref.path for entry in fresh), since=self._watch)
                if not get_current_worker().is_cancelled:
                    self.app.call_from_thread(self._loaded, fresh, keys, watch)
        finally:
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._looked)

    def _looked(self) -> None:
        self._looking = False
        if self._again:
            self._again = False
            self.look_at_files()

    def set_advice(self, advice: str) -> None:
        """A calm line under the title while advice applies (see a professional,
        ease off); it stays, unlike a toast, and covers nothing."""
        self.advice = advice
        if self.is_attached:
            self.query_one("#advice", Line).show(advice)

    def set_banner(self, banner: str) -> None:
        self.banner = banner
        self.query_one("#banner", Line).show(banner)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return bool(self.banner)
        if action in ("edit", "duplicate"):
            return True if self.selected is not None else None
        return True

    def action_resume(self) -> None:
        self.post_message(ResumeSession())

    def action_clear(self) -> None:
        self.query_one("#filter", Input).value = ""

    def action_start(self) -> None:
        entry = self.selected
        if entry is not None:
            self.start(entry)

    def start(self, entry: Shown) -> None:
        """Ask the app to start it (the app says why an invalid one cannot start);
        one only listed so far is read first, in a thread."""
        if isinstance(entry, TodayRow):
            if entry.entry is None or not entry.due:
                self.notify(not_due_note(entry), timeout=8, markup=False)
            else:
                self.start(entry.entry)
        elif isinstance(entry, Listing):
            self._read_then_start(entry)
        else:
            self.post_message(StartRoutine(entry))

    @work(thread=True, group="open-routine", exit_on_error=False, description="read, start")
    def _read_then_start(self, listed: Listing) -> None:
        entry = load_entry(listed.ref)
        self.app.call_from_thread(self.post_message, StartRoutine(entry))

    # -- making routines one's own (ctrl+e, ctrl+n, ctrl+d) -------------------------
    # The files are read in thread workers, which then open the editor. (The editor,
    # tree-sitter and authoring are imported when first used: not for a workout.)

    def action_edit(self) -> None:
        if self.selected is not None:
            self._edit(self.selected)

    @work(thread=True, group="open-editor", exit_on_error=False, description="open the editor")
    def _edit(self, entry: Shown) -> None:
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

    def action_new(self) -> None:
        from .name_dialog import NameDialog, name_problem

        def named(name: str | None) -> None:
            if name:
                self._new(name)

        self.app.push_screen(NameDialog(
            "New routine", "What is it called? (Its file name is made from the name.)",
            check=name_problem,
        ), named)

    @work(thread=True, group="open-editor", exit_on_error=False, description="open the editor")
    def _new(self, name: str) -> None:
        from tui.core.authoring.files import check_new_name
        from tui.core.authoring.starter import starter_text

        rid, path = check_new_name(name)
        note = f"A new routine: it is written to {path} when you save (ctrl+s)."
        self._open_editor(path, starter_text(name, rid), on_disk=False, note=note)

    def action_duplicate(self) -> None:
        from .name_dialog import NameDialog, name_problem

        entry = self.selected
        if entry is None:
            return

        def named(name: str | None) -> None:
            if name:
                self._duplicate(entry, name)

        title = entry.name or entry.ref.id
        self.app.push_screen(NameDialog(
            "Duplicate routine", f"A copy of {title}, called:",
            value=f"{title} copy", check=name_problem,
        ), named)

    @work(thread=True, group="open-editor", exit_on_error=False, description="open the editor")
    def _duplicate(self, entry: Shown, name: str) -> None:
        from tui.core.authoring.files import check_new_name, copy_text

        _, path = check_new_name(name)
        try:
            text = copy_text(entry.ref, name)
        except RoutineError as error:
            self.notify(str(error.problems[0]), severity="error", timeout=8, markup=False)
            return
        note = (f"A copy of {entry.name or entry.ref.id}: it is written to {path} when you "
                "save (ctrl+s).")
        self._open_editor(path, text, on_disk=False, note=note)

    def _open_editor(self, path: Path, text: str, *, on_disk: bool, note: str = "") -> None:
        """From a worker: read the exercise library it is checked with, then open the editor."""
        from tui.core.authoring.files import checking_exercise_library

        from .editor import EditorScreen

        exercises, warning = checking_exercise_library(path)
        if warning:
            self.notify(warning, severity="warning", timeout=8, markup=False)
        editor = EditorScreen(path, text, library=exercises, on_disk=on_disk, note=note)
        self.app.call_from_thread(self.app.push_screen, editor)

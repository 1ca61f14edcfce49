"""The routine library: choose what to do today."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from tui.core.catalog.entries import CatalogEntry, Invalid
from tui.core.catalog.watch import routine_watch
from tui.core.routine.models import format_clock

from ..commands_palette import StartRoutineCommands
from ..widgets.line import Line

#: Seconds between two looks at the routine files on disk.
WATCH_SECONDS = 2.0


class RoutineLibraryScreen(Screen[None]):
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
        Binding("ctrl+q", "app.quit", "Quit", id="quit"),
    ]

    class Start(Message):
        def __init__(self, entry: CatalogEntry) -> None:
            super().__init__()
            self.entry = entry

    class Resume(Message):
        """Resume the paused session the banner names."""

    class Edit(Message):
        """Open the editor on this routine."""

        def __init__(self, entry: CatalogEntry) -> None:
            super().__init__()
            self.entry = entry

    class NewRoutine(Message):
        """Write a new routine."""

    class Duplicate(Edit):
        """Write a new routine, starting from a copy of this one."""

    class FilesChanged(Message):
        """A routine file (or a folder of them) changed on disk."""

    def __init__(self, catalog: list[CatalogEntry], banner: str = "") -> None:
        super().__init__()
        self.catalog = catalog
        self.banner = banner
        self.shown: list[CatalogEntry] = list(catalog)

    def compose(self) -> ComposeResult:
        yield Static("spinewise · choose a routine", id="library-title", classes="title-bar")
        yield Line(self.banner, id="banner")
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
        table = self.query_one("#routines", DataTable)
        table.add_columns("Routine", "Level", "Time", "Tags")
        self.query_one("#banner", Line).show(self.banner)
        self._fill("")
        self.query_one("#filter", Input).focus()
        self._watch = routine_watch(entry.ref.path for entry in self.catalog)
        self.set_interval(WATCH_SECONDS, self.look_at_files, name="watch-routines")

    def _fill(self, words: str) -> None:
        table = self.query_one("#routines", DataTable)
        table.clear()
        self.shown = [entry for entry in self.catalog if entry.matches(words)]
        for entry in self.shown:
            if isinstance(entry, Invalid):
                table.add_row(Text(entry.ref.id), "invalid", "", "")
                continue
            routine = entry.routine
            # Text cells: names and tags are shown as written, never read as markup.
            table.add_row(
                Text(routine.name),
                routine.level or "",
                format_clock(entry.total_seconds),
                Text(", ".join(routine.tags)),
            )
        self._preview()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._preview()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_start()

    @property
    def selected(self) -> CatalogEntry | None:
        row = self.query_one("#routines", DataTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _preview(self) -> None:
        entry = self.selected
        name = self.query_one("#preview-name", Line)
        meta = self.query_one("#preview-meta", Line)
        summary = self.query_one("#preview-summary", Line)
        caution = self.query_one("#preview-caution", Line)
        exercises = self.query_one("#preview-exercises", Static)
        if entry is None:
            name.show("No routine matches.")
            for widget in (meta, summary, caution):
                widget.show("")
            exercises.update("")
            return
        if isinstance(entry, Invalid):
            name.show(entry.ref.id)
            meta.show(f"{entry.ref.origin} · {entry.ref.path}")
            summary.show(f"This file has mistakes:\n{entry.error}")
            caution.show(f"Fix them, then check: spinewise check {entry.ref.path}")
            exercises.update("")
            return
        routine = entry.routine
        name.show(routine.name)
        level = routine.level or "any level"
        meta.show(
            f"{level} · {format_clock(entry.total_seconds)} · {len(routine.exercises)} exercises"
            f" · {entry.ref.origin}"
        )
        summary.show(routine.summary)
        caution.show(f"Caution: {routine.caution}" if routine.caution else "")
        exercises.update(
            "\n".join(
                f"{i}. {ex.name}: {ex.dosage()}" for i, ex in enumerate(routine.exercises, start=1)
            )
        )

    def action_move(self, delta: int) -> None:
        table = self.query_one("#routines", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    def set_catalog(self, catalog: list[CatalogEntry]) -> None:
        """Show these routines instead (after a reload), keeping the filter and selection."""
        chosen = self.selected.ref.id if self.selected else None
        self.catalog = catalog
        self._watch = routine_watch(entry.ref.path for entry in catalog)
        self._fill(self.query_one("#filter", Input).value)
        ids = [entry.ref.id for entry in self.shown]
        if chosen in ids:
            self.query_one("#routines", DataTable).move_cursor(row=ids.index(chosen))

    def look_at_files(self) -> None:
        """Every WATCH_SECONDS: stat the routine files and folders; reload on a change."""
        if self._watch.changed():
            self.post_message(self.FilesChanged())

    def action_edit(self) -> None:
        if self.selected is not None:
            self.post_message(self.Edit(self.selected))

    def action_new(self) -> None:
        self.post_message(self.NewRoutine())

    def action_duplicate(self) -> None:
        if self.selected is not None:
            self.post_message(self.Duplicate(self.selected))

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
        self.post_message(self.Resume())

    def action_clear(self) -> None:
        self.query_one("#filter", Input).value = ""

    def action_start(self) -> None:
        entry = self.selected
        if entry is not None:
            self.post_message(self.Start(entry))  # the app says why an invalid one cannot start

"""What the routine being edited will do: total time, exercises, the first steps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from tui.core.authoring.draft import Preview

from .line import Line


class DraftPreview(VerticalScroll):
    """Shows a `Preview`; `stale` keeps the last valid one, dimmed, while the text has
    mistakes."""

    def compose(self) -> ComposeResult:
        yield Line(id="draft-headline")
        yield Line(id="draft-stale")
        yield Line(id="draft-exercises")
        yield Line(id="draft-steps-title")
        yield Line(id="draft-steps")

    def show(self, preview: Preview | None, *, stale: bool = False) -> None:
        self.set_class(stale, "-stale")
        self.query_one("#draft-stale", Line).show(
            "Showing the last valid version: fix the mistakes to see the new one." if stale else ""
        )
        if preview is None:
            self.query_one("#draft-headline", Line).show("Nothing to preview yet.")
            for name in ("exercises", "steps-title", "steps"):
                self.query_one(f"#draft-{name}", Line).show("")
            return
        self.query_one("#draft-headline", Line).show(preview.headline)
        self.query_one("#draft-exercises", Line).show("\n".join(preview.exercises))
        self.query_one("#draft-steps-title", Line).show("First steps")
        self.query_one("#draft-steps", Line).show("\n".join(preview.steps))

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers)."""
        return "\n".join(str(line.content) for line in self.query(Line) if line.display)

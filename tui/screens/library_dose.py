"""Today's dose in the routine library's preview, read in a worker.

`spinewise today`, `show` and the workout use the stage the session database
holds for each exercise that progresses; the preview showed the dose as
written, so it said "6-4-2" where the workout then ran "7-5-3". The stages are
read from the store in a thread worker (never on the UI loop), made into the
preview's lines there (`present.preview.dose_preview`), and kept by routine
and text until the screen is shown again (a session may have moved a stage on)
or the routine's file changes. Until they are read, and for a routine in which
nothing progresses (nothing is read then), the preview shows the dose as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from tui.core.catalog.entries import Valid

from .library_today import TodayRow

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.present.preview import DosePreview
    from tui.core.programme.stages import Stage

    from .library_rows import Shown

#: Reads the stages of a routine (by id) from the store; None when it cannot.
StageReader = Callable[[str], "Mapping[str, Stage] | None"]
#: A routine's dose as read: by its id and its text (an edit reads it again).
_Key = tuple[str, str]


class TodaysDose:
    """The routine library's part that knows today's dose (a mixin of the screen,
    which gives `app` and `_preview`, the redraw of the preview)."""

    app: App[object]
    _read_stages: StageReader | None = None
    shown: list[Shown]

    def _preview(self) -> None:  # the screen's: draw the preview again
        raise NotImplementedError

    def _refill(self) -> None:  # the screen's: the rows again, the filter and cursor kept
        raise NotImplementedError

    def init_doses(self, read: StageReader | None) -> None:
        self._read_stages = read
        self._doses: dict[_Key, DosePreview | None] = {}
        self._reading: _Key | None = None

    def forget_doses(self) -> None:
        """Read again when next previewed: a session may have moved a stage on."""
        self._doses.clear()
        self._reading = None

    def dose_of(self, entry: Shown | None) -> DosePreview | None:
        """Today's dose of `entry` (or of the Today row's routine) when it is read
        and some exercise is past stage 0; else None, reading it if it progresses."""
        valid = entry.entry if isinstance(entry, TodayRow) else entry
        if self._read_stages is None or not isinstance(valid, Valid):
            return None
        if not any(ex.progress is not None for ex in valid.routine.exercises):
            return None
        key = (valid.ref.id, valid.text)
        if key in self._doses:
            return self._doses[key]
        if self._reading != key:
            self._reading = key
            self._read_dose(valid, key, self._read_stages)
        return None

    def with_dose(self, row: TodayRow | None) -> TodayRow | None:
        """The Today row with its routine's time at today's dose when that is read
        (reading it otherwise: the rows are filled again when it is)."""
        dose = self.dose_of(row)
        return row if row is None or dose is None else row._replace(
            dose_seconds=dose.total_seconds)

    @work(thread=True, group="dose", exclusive=True, exit_on_error=False,
          description="today's dose")  # fmt: skip
    def _read_dose(self, entry: Valid, key: _Key, read: StageReader) -> None:
        from tui.core.present.preview import dose_preview

        dose = dose_preview(entry.routine, read(entry.ref.id))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._dose_read, key, dose)

    def _dose_read(self, key: _Key, dose: DosePreview | None) -> None:
        self._doses[key] = dose
        if self._reading == key:
            self._reading = None
        if dose is None:
            return
        today = self.shown[0] if self.shown and isinstance(self.shown[0], TodayRow) else None
        if today is not None and isinstance(today.entry, Valid) and (
                today.entry.ref.id, today.entry.text) == key:
            self._refill()  # the Today row's time too
        else:
            self._preview()  # shows it if that routine is still the one previewed

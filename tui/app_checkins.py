"""The app's part in the pain check-ins (issue 15), kept out of `tui/app.py`.

Screens post `RecordCheckIn`; it is stored here in a thread of its own, never
on the UI loop, and not a daemon: an answer given on the summary just before
`q` is still written as the program exits (`checkins_written` waits for them).
After a red answer, when the routine library first opens and when a summary
shows, the last 7 days are read (in the same worker) for the advice to see a
health professional (`zones.see_professional`), a line on the library and the
summary while it applies; a "worse" next-morning answer adds the advice to ease
off for that day (`zones.EASE_OFF_WORSE`). The library also asks, once, how
the back is the morning after a session (`zones.next_day_due`): the last one
that counts, never a preview (`zones.about`). What is asked
follows the `checkins` setting (`settings.CHECKIN_MODES`), which the command
palette changes. The summary's "next time" line is the store's decision: what
the store keeps of the session is read in a thread once the workout has
written its end and decided it (`read_next_time`), and `programme.deciding`
says it for the pain typed; a check-in given during the workout is written
by its writer, in order with the end (`Workout.tell`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand

from .messages import RecordCheckIn

if TYPE_CHECKING:
    from tui.core.programme.zones import Change, CheckIn, LastSession
    from tui.core.workout import Storage, Workout

    from .options import AppOptions
    from .screens.summary import SummaryScreen

MODE_WORDS = {
    "before-after": "Check-ins: before and after",
    "after": "Check-ins: after only",
    "off": "Check-ins: off",
}
WEEK = 7 * 24 * 3600.0


class CheckInsApp(App[str | None]):
    """The base of `SpinewiseApp` that asks and keeps the pain check-ins."""

    options: AppOptions
    storage: Storage
    workout: Workout | None
    #: Wall time (epoch seconds); tests give fixed dates.
    wall: Callable[[], float] = staticmethod(time.time)

    @property
    def asks_before(self) -> bool:
        return self.options.checkins == "before-after"

    @property
    def asks_after(self) -> bool:
        return self.options.checkins != "off"

    _writing: list[threading.Thread]

    def on_record_check_in(self, message: RecordCheckIn) -> None:
        thread = threading.Thread(
            target=self._keep, args=(message.checkin, message.queued), name="spinewise-checkin"
        )
        if not hasattr(self, "_writing"):
            self._writing = []
        self._writing.append(thread)
        thread.start()

    def checkins_written(self) -> None:
        """Wait until every check-in given so far is stored (or failed)."""
        for thread in getattr(self, "_writing", []):
            thread.join()

    def _keep(self, checkin: CheckIn, queued: bool = False) -> None:
        if queued and self.workout is not None:
            self.workout.saved()  # written by the workout's writer, in order
        else:
            self.storage.call(lambda store: store.add_checkin(checkin))
        if checkin.session_id is not None:
            self._judge(checkin.session_id)
        if checkin.pain is not None and checkin.pain > 5:
            self._advise()

    def _judge(self, session_id: int) -> None:
        """The session's progression decided from what is known of it now (once each:
        `store.stage_rows.apply_session` is idempotent); nothing while it is still open."""
        now = self.wall()
        self.storage.call(lambda store: store.apply_session(session_id, now))

    def _advise(self) -> None:
        """In a thread: the last 7 days' check-ins read, then the advice to see a
        professional shown on the library and the summary while it applies
        (`zones.see_professional`): a line that stays, not a toast that covers."""
        now = self.wall()
        recent = self.storage.call(lambda store: store.checkins(since=now - WEEK)) or []
        if not self.is_running:
            return
        with contextlib.suppress(RuntimeError):  # the app ended meanwhile
            self.call_from_thread(self._show_advice, recent, date.fromtimestamp(now))

    def _show_advice(self, recent: list[CheckIn], today: date) -> None:
        from tui.core.programme.zones import EASE_OFF_WORSE, SEE_PROFESSIONAL, see_professional

        said = [SEE_PROFESSIONAL] if see_professional(recent, today) else []
        if self._worse_on == today:
            said.append(EASE_OFF_WORSE)
        library = getattr(self, "routine_library", None)
        if library is not None:
            library.set_advice(" ".join(said))
        for screen in self.screen_stack:
            set_recent = getattr(screen, "set_recent", None)
            if set_recent is not None:
                set_recent(recent, today)

    #: The day the next-morning answer was "worse" (ease off is said that day).
    _worse_on: date | None = None

    def ask_next_day(self) -> None:
        """On the routine library: the next-morning question, when due (read in a thread)."""
        if self.asks_after:
            self.run_worker(self._next_day, thread=True, group="checkins", exit_on_error=False)

    def _next_day(self) -> None:
        from tui.core.programme.zones import next_day_due

        # about the last session that counts: never a preview (`zones.about`)
        last = self.storage.call(lambda store: store.last_session(counting=True))
        self._advise()
        if last is not None and next_day_due(self.wall(), last):
            self.call_from_thread(self._push_next_day, last)

    def _push_next_day(self, last: LastSession) -> None:
        from .screens.checkins import NextDayDialog

        def answered(change: Change | None) -> None:
            from tui.core.programme.zones import Change, CheckIn, Kind

            # Dismissed too is kept (no change): the question is asked once.
            checkin = CheckIn(Kind.NEXT_DAY, self.wall(), change=change, session_id=last.id)
            self.post_message(RecordCheckIn(checkin))
            if change is Change.WORSE:  # ease off, said at once and kept on the library
                self._worse_on = date.fromtimestamp(self.wall())
                self.run_worker(self._advise, thread=True, group="checkins",
                                exit_on_error=False)  # fmt: skip

        self.push_screen(NextDayDialog(), answered)

    def progressing(self) -> bool:
        """Whether the session just ended has progression the store decides."""
        workout = self.workout
        return workout is not None and bool(workout.stages) and workout.stored_id is not None

    def read_next_time(self, summary: SummaryScreen) -> None:
        """In a thread, once the session's end is written and decided (the workout has
        the store decide when it ends): what the store keeps of it, for the summary,
        which says the store's decision (`present.next_time`) as the pain is typed."""
        workout = self.workout
        if workout is None or not self.progressing():
            return
        sid, routine, asked = workout.stored_id, workout.plan.routine.name, self.asks_after

        def read() -> None:
            from tui.core.programme.deciding import Facts

            assert workout is not None and sid is not None
            workout.saved()
            now = self.wall()
            facts: Facts | None = self.storage.call(lambda store: store.session_facts(sid, now))
            if facts is None or not self.is_running:
                return

            def lines(pain: int | None) -> list[str]:
                from tui.core.present.next_time import next_time_lines
                from tui.core.programme.deciding import outlook

                return next_time_lines(outlook(facts, pain), asked=asked, routine=routine)

            with contextlib.suppress(RuntimeError):  # the app ended meanwhile
                self.call_from_thread(summary.show_next_time, lines)

        self.run_worker(read, thread=True, group="progress", exit_on_error=False)

    def checkin_commands(self) -> Iterable[SystemCommand]:
        for mode, words in MODE_WORDS.items():
            yield SystemCommand(
                words, "Which pain questions spinewise asks", lambda m=mode: self._set_mode(m)
            )

    def _set_mode(self, mode: str) -> None:
        self.options.checkins = mode
        self.run_worker(lambda: self._save_mode(mode), thread=True, exit_on_error=False)

    def _save_mode(self, mode: str) -> None:
        remember: Callable[..., Any] | None = self.options.remember
        said = MODE_WORDS[mode]
        if remember is not None:
            try:
                remember(checkins=mode)
                said += "; saved"
            except OSError as error:
                said += f" (not saved: {error.strerror or error})"
        self.notify(said, timeout=4, markup=False)

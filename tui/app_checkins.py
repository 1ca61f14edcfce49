"""The app's part in the pain check-ins (issue 15), kept out of `tui/app.py`.

Screens post `RecordCheckIn` the moment a question is answered; it is stored
here in the check-in thread (one, in the order given), never on the UI loop,
and a later answer to the same question replaces the row (`RecordCheckIn.answer`):
a closed terminal loses nothing already answered (issue 15, found by a tester).
The program waits for that thread as it ends, a hang-up too (`checkins_written`).
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
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.message import Message

from tui.core.store.writer import Writer

from .messages import RecordCheckIn

if TYPE_CHECKING:
    from tui.core.programme.zones import Change, CheckIn, LastSession
    from tui.core.workout import Storage, Workout

    from .options import AppOptions
    from .screens.summary import SummaryScreen


class AdviceRead(Message):
    """The last 7 days' check-ins, read in the check-in thread, and today."""

    def __init__(self, recent: list[CheckIn], today: date) -> None:
        super().__init__()
        self.recent, self.today = recent, today


MODE_WORDS = {
    "before-after": "Check-ins: before and after",
    "after": "Check-ins: after only",
    "off": "Check-ins: off",
}

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

    #: The check-in thread: every answer, and what is read or decided after one, in
    #: the order given (made with the first).
    _writer: Writer | None = None
    #: The row kept for each question answered (`RecordCheckIn.answer`): its id.
    _kept: dict[object, int]
    #: The session whose summary is open: judged as it is left, or as the app ends.
    _unjudged: int | None = None

    def in_checkin_thread(self, job: Callable[[], object]) -> None:
        """Run `job` in the check-in thread, after every answer given so far."""
        if self._writer is None:
            self._writer = Writer(lambda said: self.storage.notify(said))
            self._kept = {}
        self._writer.put(job)

    def on_record_check_in(self, message: RecordCheckIn) -> None:
        m = message
        self.in_checkin_thread(lambda: self._keep(m.checkin, m.queued, m.answer, m.judge))

    def checkins_written(self, *, ending: bool = False) -> None:
        """Wait until every check-in given so far is stored (or failed); `ending` (the
        app ends, a closed terminal too): the session of a summary still open judged."""
        if ending and self._unjudged is not None:
            self._judge_last()
        if self._writer is not None:
            self._writer.drain()

    def _keep(self, checkin: CheckIn, queued: bool, answer: object | None, judge: bool) -> None:
        """In the check-in thread: the answer kept (by the workout's writer when
        `queued`), in place of an earlier answer to the same question (so a
        correction replaces, never adds)."""
        if queued and self.workout is not None:
            self.workout.saved()  # written by the workout's writer, in order
        else:
            earlier = None if answer is None else self._kept.get(answer)
            if earlier is None:
                kept = self.storage.call(lambda store: store.add_checkin(checkin))
            else:
                kept = self.storage.call(lambda store: store.replace_checkin(earlier, checkin))
            if answer is not None and kept is not None:
                self._kept[answer] = kept
        if judge and checkin.session_id is not None:
            self._judge(checkin.session_id)
        if checkin.pain is not None and checkin.pain > 5:
            self._advise()

    def _judge(self, session_id: int) -> None:
        """The session's progression decided from what is known of it now (once each:
        `store.stage_rows.apply_session` is idempotent); nothing while it is still open."""
        now = self.wall()
        self.storage.call(lambda store: store.apply_session(session_id, now))

    def _judge_last(self) -> None:
        """On leaving the summary, with or without a pain after: decide the session
        from its answers (a red or sharp one steps back or holds), in the check-in
        thread after them, once the writer has closed the session."""
        self._unjudged = None
        workout = self.workout
        if workout is None or not workout.stages or workout.stored_id is None:
            return
        sid = workout.stored_id

        def judge() -> None:
            workout.saved()
            self._judge(sid)

        self.in_checkin_thread(judge)

    def _advise(self) -> None:
        """In a thread: the last 7 days' check-ins read, then the advice to see a
        professional shown on the library and the summary while it applies
        (`zones.see_professional`): a line that stays, not a toast that covers."""
        from tui.core.programme.zones import RED_WINDOW_DAYS

        now = self.wall()
        since = now - RED_WINDOW_DAYS * 86400  # the window the advice counts red days in
        recent = self.storage.call(lambda store: store.checkins(since=since)) or []
        # Posted, not `call_from_thread`: that waits for the UI loop, which may itself
        # be waiting for this thread (a hang-up writes the answers before it ends).
        self.post_message(AdviceRead(recent, date.fromtimestamp(now)))

    def on_advice_read(self, message: AdviceRead) -> None:
        from tui.core.programme.zones import EASE_OFF_WORSE, SEE_PROFESSIONAL, see_professional

        recent, today = message.recent, message.today

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
                self.in_checkin_thread(self._advise)  # after the answer is kept

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

    #: A resumed session's id and the check-ins given before it was resumed.
    _told_before: tuple[int | None, tuple[CheckIn, ...]] = (None, ())

    def recall_told(self, session_id: int) -> None:
        """A session resumed: the check-ins given before, read in the check-in thread,
        so the summary's closing follows a `!` answered, then `q`, then `resume` (the
        first run's memory held them only)."""

        def read() -> None:
            found = self.storage.call(lambda store: store.checkins([session_id])) or []
            self._told_before = (session_id, tuple(found))

        self.in_checkin_thread(read)

    def told_so_far(self) -> tuple[CheckIn, ...]:
        """Every check-in given in the workout followed now (`Workout.told`), with those
        given before it was resumed."""
        workout = self.workout
        if workout is None:
            return ()
        sid, before = self._told_before
        return (*(before if sid == workout.stored_id else ()), *workout.told)

    def checkin_commands(self) -> Iterable[SystemCommand]:
        """The palette's check-in settings, the one in use said so in its help."""
        for mode, words in MODE_WORDS.items():
            used = "In use now. " if mode == self.options.checkins else ""
            yield SystemCommand(
                words, f"{used}Which pain questions spinewise asks",
                lambda m=mode: self._set_mode(m),
            )  # fmt: skip

    def _set_mode(self, mode: str) -> None:
        self.options.checkins = mode
        self.run_worker(lambda: self._save_mode(mode), thread=True, exit_on_error=False)

    def _save_mode(self, mode: str) -> None:
        from tui.core.settings import ConfigUnreadable

        remember: Callable[..., Any] | None = self.options.remember
        said = MODE_WORDS[mode]
        if remember is not None:
            try:
                remember(checkins=mode)
                said += "; saved"
            except ConfigUnreadable as error:  # a config.toml with an error: never written over
                said += f" for now: {error}."
            except OSError as error:
                said += f" (not saved: {error.strerror or error})"
        self.notify(said, timeout=6, markup=False)

"""After the last step: what was done, skipped and flagged; with check-ins on,
the pain now (0-9, t for 10) and the effort (e, r, h), one key each, kept
as the session's pain after the moment each is given (a later key replaces
it), so a terminal closed on the summary loses nothing answered."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tui.core.present import summary
from tui.core.present.asking import ASK_EFFORT, ASK_PAIN_AFTER, pain_of_key
from tui.core.present.pain import EFFORT_KEYS
from tui.core.programme.zones import SEE_PROFESSIONAL, CheckIn, Effort, Kind, zone
from tui.core.store.record import SessionRecord

from ..messages import RecordCheckIn
from ..widgets.line import Line

if TYPE_CHECKING:
    from .library_today import PlanState


class AfterSummary(Enum):
    """Where the person goes from the summary."""

    LIBRARY = "library"
    QUIT = "quit"


class SummaryScreen(Screen[AfterSummary]):
    """Returns where to go next."""

    CSS_PATH = "summary.tcss"

    BINDINGS = [
        Binding("l,enter", "leave('library')", "Library", id="library"),
        Binding("q,escape", "leave('quit')", "Quit", id="quit"),
        # Shown only while the words above the questions do not fit (80x24 after a
        # long session): the questions stay docked below them, always in view.
        Binding("down", "scroll('down')", "Scroll", key_display="↑↓", id="scroll"),
        Binding("up", "scroll('up')", "Scroll up", show=False),
        Binding("pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
        Binding("end", "scroll('end')", "End", show=False),
        Binding("home", "scroll('home')", "Home", show=False),
    ]

    def __init__(
        self,
        record: SessionRecord,
        *,
        ask_for: int | None = None,
        wall: Callable[[], float] = time.time,
        next_time: Callable[[int | None], list[str]] | None = None,
        progressing: bool = False,
        read_plan: Callable[[], PlanState] | None = None,
        sharp: bool = False,
        told: Sequence[CheckIn] = (),
    ) -> None:
        super().__init__()
        #: The answers given during the session (`Workout.told`): the closing follows them.
        self.told = tuple(told)
        #: `!` then `r` ended the session: the closing says stop and get it checked.
        self.sharp = sharp
        #: The session as it ended, in the shape history reads back.
        self.record = record
        #: Wall time, epoch seconds, when the answers are kept: the app's date source.
        self.wall = wall
        #: What changes next time, given the pain after: the store's decision (None:
        #: nothing progresses, or not read yet: `show_next_time`).
        self.next_time = next_time
        #: Something progresses: the store's decision is shown once read.
        self.progressing = progressing or next_time is not None
        #: The session whose pain after is asked (None: not asked).
        self.ask_for = ask_for
        #: Reads the plan followed, in a worker: its next session closes the summary.
        self.read_plan = read_plan
        self.pain: int | None = None
        self.effort: Effort | None = None
        #: The questions Enter skipped ("pain", "effort").
        self._skipped: set[str] = set()
        #: The last 7 days' check-ins (`set_recent`, read in a thread) and their day.
        self.recent: list[CheckIn] | None = None
        self.today: date | None = None

    def compose(self) -> ComposeResult:
        record = self.record
        with Vertical(id="summary-box"):
            with VerticalScroll(id="summary-body", can_focus=False):
                yield Static(summary.title(record), id="summary-title", markup=False)
                yield Static(record.routine_name, id="summary-routine", markup=False)
                for label, value in summary.lines(record):
                    # Label and value side by side: a long value wraps under itself.
                    with Horizontal(classes="summary-line"):
                        yield Static(label, classes="summary-label", markup=False)
                        yield Static(value, classes="summary-value", markup=False)
                yield Line("", id="advice")
                closing = summary.closing(record, sharp=self.sharp, told=self.told)
                yield Static(closing, id="summary-closing", markup=False)
                if self.progressing:
                    lines = [] if self.next_time is None else self.next_time(None)
                    yield Static("\n".join(lines), id="next-time", markup=False)
            if self.ask_for is not None:
                with Vertical(id="summary-asks"):
                    yield Static(ASK_PAIN_AFTER, id="ask-pain", classes="summary-ask")
                    yield Static(ASK_EFFORT, id="ask-effort", classes="summary-ask")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self._body(), "virtual_size", self._scroll_shown, init=False)
        self._advise()
        well_done = summary.closing(self.record, told=self.told) == summary.WELL_DONE
        if self.read_plan is not None and well_done:
            self._look_at_plan(self.read_plan)

    @work(thread=True, group="plan", exit_on_error=False, description="plan")
    def _look_at_plan(self, read: Callable[[], PlanState]) -> None:
        from tui.core.catalog.plans import routine_names

        found, today = read()
        if found is None or get_current_worker().is_cancelled:
            return
        slot = found.today.place.next
        name = None if slot is None else slot.routine_id
        if slot is not None:  # its name, read here: no file is read on the UI loop
            name = routine_names([slot.routine_id]).get(slot.routine_id, (name,))[0]
        said = summary.plan_closing(name, found.today.next_day, today)
        self.app.call_from_thread(self._plan_read, said)

    #: The plan's next session, as the closing says it (`plan_closing`); "" before read.
    _plan_said = ""

    def _plan_read(self, said: str) -> None:
        """While a plan runs, the last word names its next session and day."""
        closing = self.query_one("#summary-closing", Static)
        if str(closing.content) == summary.WELL_DONE:  # not changed meanwhile (ease off)
            self._plan_said = said
            closing.update(said)

    def on_key(self, event: events.Key) -> None:
        if self.ask_for is None:
            return
        pain, effort = pain_of_key(event.key), EFFORT_KEYS.get(event.key)
        if event.key == "enter" and self._skip_question():
            event.prevent_default()  # Enter skips the question asked, not the rest
        elif pain is not None:
            self.pain = pain
            self.query_one("#ask-pain", Static).update(f"Back pain now: {pain} ({zone(pain)})")
            self._say_next_time()
            said = summary.closing(self.record, pain, sharp=self.sharp, told=self.told)
            self.query_one("#summary-closing", Static).update(
                self._plan_said if said == summary.WELL_DONE and self._plan_said else said)
            self._advise()
        elif effort is not None:
            self.effort = effort
            words = {"easy": "easy", "right": "about right", "hard": "hard"}[effort.value]
            self.query_one("#ask-effort", Static).update(f"How hard: {words}")
        else:
            return
        event.stop()
        self._keep()

    def _keep(self) -> None:
        """Both answers kept now, as one pain-after row that each later key replaces;
        the session is judged as the summary is left (`judge=False`)."""
        checkin = CheckIn(
            Kind.AFTER, self.wall(), pain=self.pain, effort=self.effort,
            session_id=self.ask_for,
        )  # fmt: skip
        self.app.post_message(RecordCheckIn(checkin, answer=("after", self.ask_for), judge=False))

    def show_next_time(self, next_time: Callable[[int | None], list[str]]) -> None:
        """The store's decision, read in a thread once the session's end was written:
        `next_time(pain)`, the lines for the pain after typed so far (None: not yet)."""
        self.next_time = next_time
        self._say_next_time()

    def _say_next_time(self) -> None:
        if self.next_time is not None and self.progressing:
            self.query_one("#next-time", Static).update("\n".join(self.next_time(self.pain)))

    def _skip_question(self) -> bool:
        """Enter on a question not answered yet: skip that one only (pain, then
        effort); False once both are answered or skipped (Enter then leaves)."""
        for name, given in (("pain", self.pain), ("effort", self.effort)):
            if given is None and name not in self._skipped:
                self._skipped.add(name)
                words = "Back pain now" if name == "pain" else "How hard"
                self.query_one(f"#ask-{name}", Static).update(f"{words}: skipped")
                return True
        return False

    def set_recent(self, recent: list[CheckIn], today: date) -> None:
        """The last 7 days' check-ins, read by the app in a thread: the advice to see
        a professional shows while it applies, the pain typed here counted too."""
        self.recent, self.today = recent, today
        self._advise()

    def _advise(self) -> None:
        from tui.core.programme.zones import see_professional

        if self.recent is None or self.today is None:
            return
        given = list(self.recent)
        if self.pain is not None:
            given.append(CheckIn(Kind.AFTER, self.wall(), pain=self.pain, session_id=self.ask_for))
        shown = see_professional(given, self.today)
        for line in self.query("#advice").results(Line):  # none until composed
            line.show(SEE_PROFESSIONAL if shown else "")

    def _body(self) -> VerticalScroll:
        return self.query_one("#summary-body", VerticalScroll)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """The words above the questions get the rows the box can have less the
        questions' (CSS has no "100% less the docked part"): they scroll, the
        questions below them stay in view; a short summary stays as tall as it is."""
        box = self.query_one("#summary-box")
        asks = sum(w.outer_size.height for w in self.query("#summary-asks"))
        footer = sum(w.outer_size.height for w in self.query(Footer))
        room = self.size.height - footer - box.styles.gutter.height - asks
        self._body().styles.max_height = max(room, 3)
        self._scroll_shown()

    def _scroll_shown(self) -> None:
        self.call_after_refresh(self.refresh_bindings)  # Scroll shows when it can

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The scroll keys work, and show, only when the words overflow."""
        if action == "scroll":
            return any(body.max_scroll_y > 0 for body in self.query("#summary-body"))
        return True

    def action_scroll(self, how: str) -> None:
        """`how`: down, up, page_down, page_up, end, home (the body's own scroll actions)."""
        body = self._body()
        getattr(body, f"scroll_{how}")(animate=False)

    def action_leave(self, where: str) -> None:
        """`where` is the binding's word: an `AfterSummary` value (the answers are kept)."""
        self.dismiss(AfterSummary(where))

"""The workout: what a person follows from the mat.

The screen decides nothing about time. It forwards keys to the session,
copies `build_view()` into widgets, and hands every engine event to the
listeners the app gave it (sound, storage).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Footer

from ..core.engine import Session, TransitionError
from ..core.events import Event, SessionFinished
from ..core.view import build_view
from ..widgets.big_label import BigLabel
from ..widgets.fill_bar import FillBar
from ..widgets.line import Line
from .confirm import hurt_dialog

Listener = Callable[[Sequence[Event]], None]
#: Redraws per second while running (the countdown shows whole seconds; the bar fills smoothly).
FRAME_RATE = 10


class WorkoutScreen(Screen[None]):
    BINDINGS = [
        Binding("space", "pause", "Pause", id="pause"),
        Binding("space", "resume", "Resume", id="resume"),
        Binding("n", "next", "Next", id="next"),
        Binding("N", "next_exercise", "Next exercise", id="next_exercise", show=False),
        Binding("p", "back", "Back", id="back"),
        Binding("plus,equals_sign", "extend", "+10 s", id="extend", key_display="+"),
        Binding("enter", "confirm", "Done", id="confirm"),
        Binding("exclamation_mark", "hurt", "Hurts", id="hurt", key_display="!"),
        Binding("m", "mute", "Mute", id="mute"),
        Binding("q", "quit_workout", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
    ]

    def __init__(
        self,
        session: Session,
        listeners: Sequence[Listener] = (),
        *,
        muted: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.session = session
        self.listeners = list(listeners)
        self._muted = muted
        self._precise: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Line(id="routine-name")
            yield Line(id="state")
            yield Line(id="time-left")
        with Vertical(id="main"):
            yield Line(id="exercise-name")
            yield Line(id="counters")
            with Horizontal(id="clock-row"):
                yield Digits(id="countdown")
                yield BigLabel(id="phase")
            yield FillBar(id="phase-bar")
            yield Line(id="setup")
            yield Line(id="caution")
            yield Line(id="tip")
            yield Line(id="next")
        yield FillBar(id="progress")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1 / FRAME_RATE, self.tick)
        if self.session.status.value == "ready":
            self._emit(self.session.start())
        self.tick()

    # -- the loop --------------------------------------------------------------

    def tick(self) -> None:
        """Catch the session up with the clock, then redraw."""
        self._emit(self.session.advance())
        self.refresh_view()
        self._schedule_precise()

    def _schedule_precise(self) -> None:
        """Wake exactly at the next deadline, so cues are not late by up to a frame."""
        if self._precise is not None:
            self._precise.stop()
            self._precise = None
        due = self.session.next_due()
        if due is None:
            return
        delay = due - self.session.clock.now()
        if delay < 1 / FRAME_RATE:
            self._precise = self.set_timer(max(0.0, delay), self.tick)

    def _emit(self, events: Sequence[Event]) -> None:
        # Listeners hear every tick, events or none: storage saves on a rhythm too.
        for listener in self.listeners:
            listener(events)
        if not events:
            return
        self.refresh_bindings()
        if any(isinstance(e, SessionFinished) for e in events):
            self.post_message(self.Finished(self.session))

    def refresh_view(self) -> None:
        view = build_view(self.session)
        self.query_one("#routine-name", Line).show(view.routine)
        state = {"paused": "PAUSED", "finished": "DONE"}.get(view.status, "")
        if self._muted():
            state = f"{state} · muted" if state else "muted"
        self.query_one("#state", Line).show(state)
        self.query_one("#time-left", Line).show(f"{view.position} · {view.time_left}")
        self.query_one("#exercise-name", Line).show(view.exercise)
        self.query_one("#counters", Line).show(view.counters)
        digits = self.query_one("#countdown", Digits)
        if digits.value != view.countdown:
            digits.update(view.countdown)
        self.query_one("#phase", BigLabel).text = view.phase
        self.query_one("#phase-bar", FillBar).fraction = view.phase_fraction
        self.query_one("#setup", Line).show(view.setup)
        self.query_one("#caution", Line).show(f"Caution: {view.caution}" if view.caution else "")
        if view.status == "paused":
            tip = "Paused. Space to carry on; q keeps this session for later."
        elif view.self_paced:
            tip = f"Press Enter when the set is done. {view.tip}".strip()
        else:
            tip = view.tip
        self.query_one("#tip", Line).show(tip)
        self.query_one("#next", Line).show(view.next)
        self.query_one("#progress", FillBar).fraction = view.progress
        for kind in ("prepare", "work", "rest", "switch", "done"):
            self.set_class(view.kind == kind, f"-{kind}")
        self.set_class(view.status == "paused", "-paused")

    # -- keys ------------------------------------------------------------------

    ACTIONS = {
        "pause": "pause",
        "resume": "resume",
        "next": "next",
        "next_exercise": "next_exercise",
        "back": "back",
        "extend": "extend",
        "confirm": "confirm",
        "hurt": "flag_hurt",
    }

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        engine_action = self.ACTIONS.get(action)
        if engine_action is None:
            return True
        # Keys that belong to one kind of step or state are hidden elsewhere, so
        # the footer fits an 80-column terminal; others are dimmed when they
        # do nothing right now.
        step = self.session.step
        if action == "confirm" and not step.self_paced:
            return False
        if action == "extend" and step.kind == "work":
            return False
        if action == "resume" and not self.session.can("resume"):
            return False
        if action == "pause" and self.session.can("resume"):
            return False
        return True if self.session.can(engine_action) else None

    def _run(self, engine_action: str) -> None:
        try:
            self._emit(getattr(self.session, engine_action)())
        except TransitionError as error:
            self.notify(str(error), severity="warning", timeout=3)
        self.tick()

    def action_pause(self) -> None:
        self._run("pause")

    def action_resume(self) -> None:
        self._run("resume")

    def action_next(self) -> None:
        self._run("next")

    def action_next_exercise(self) -> None:
        self._run("next_exercise")

    def action_back(self) -> None:
        self._run("back")

    def action_extend(self) -> None:
        self._run("extend")

    def action_confirm(self) -> None:
        self._run("confirm")

    def action_hurt(self) -> None:
        self._run("flag_hurt")
        self.app.push_screen(hurt_dialog(self.session.step.exercise), self._after_hurt)

    def _after_hurt(self, choice: str | None) -> None:
        if choice == "skip":
            self._run("skip_exercise")
            if self.session.can("resume"):
                self._run("resume")
        elif choice == "end":
            self._run("end")
        elif choice == "carry-on" and self.session.can("resume"):
            self._run("resume")

    def action_mute(self) -> None:
        self.post_message(self.MuteToggled())
        self.refresh_view()

    def action_quit_workout(self) -> None:
        if self.session.can("pause"):
            self._emit(self.session.pause())
        self.post_message(self.QuitRequested(self.session))

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- messages to the app ---------------------------------------------------

    class Finished(Message):
        """The last step ended, or the person ended the session."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    class QuitRequested(Message):
        """`q`: leave, keeping the session to resume later."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    class MuteToggled(Message):
        """`m`: the app owns the sound, so it mutes."""

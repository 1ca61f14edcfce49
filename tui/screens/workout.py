"""The workout: what a person follows from the mat.

The screen decides nothing about time. It forwards keys to the `Workout`
(core) as typed `Action`s, and copies `build_view()` into widgets; the workout
hands the events to the cues and saves. The app starts the workout before
the screen is made: composing it starts nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from tui.core.engine.events import Event, SessionFinished
from tui.core.engine.states import TransitionError
from tui.core.present.asking import ASK_BEFORE
from tui.core.present.view import build_view
from tui.core.workout import Action, Workout

from ..widgets.big_label import clock_widgets, roomy
from ..widgets.fill_bar import FillBar
from ..widgets.line import Line
from ..widgets.top_bar import TopBar
from .breakpoints import breakpoint_classes

if TYPE_CHECKING:
    from tui.core.store.record import SessionRecord

#: Redraws per second while running (the countdown shows whole seconds; the bar fills smoothly).
FRAME_RATE = 10
#: Each kind of step sets a class on the screen (`-rest`...), so the CSS can tell them apart.
STEP_KINDS = ("prepare", "work", "rest", "switch", "done")
#: The palette key (ctrl+p, also in help) shows from this many columns: below, the
#: footer's widest row of keys (73 columns, with `enter Done`) fits 80 without it.
#: (Given to the footer as it is made: a CSS rule to hide it cost 1 M instructions
#: more before the first frame, and a compact footer with `N` 10 M, callgrind.)
PALETTE_KEY_FROM = 110


class WorkoutScreen(Screen[None]):
    #: Nothing here takes focus: every key is the screen's. Without a selector to
    #: focus, Textual skips its search for one (2.4 M instructions before the first
    #: frame, callgrind); a test checks that nothing here is focusable.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("space", "pause", "Pause", id="pause"),
        Binding("space", "resume", "Resume", id="resume"),
        Binding("n", "next", "Next", id="next"),
        # In help, not the footer: at 80 columns every other key then fits unpadded.
        Binding("N", "next_exercise", "Next exercise", id="next_exercise", show=False),
        Binding("p", "back", "Back", id="back"),
        Binding("plus,equals_sign", "extend", "+10 s", id="extend", key_display="+"),
        Binding("enter", "confirm", "Done", id="confirm"),
        Binding("exclamation_mark", "flag_hurt", "Hurts", id="hurt", key_display="!"),
        # Only where the exercise has that variant; h unlisted when e is, below 92 columns.
        Binding("e", "swap('easier')", "Easier", id="easier"),
        Binding("h", "swap('harder')", "Harder", id="harder"),
        Binding("h", "swap('harder', False)", "Harder", show=False),
        Binding("m", "mute", "Mute", id="mute"),
        Binding("q", "quit_workout", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
    ]

    def __init__(
        self,
        workout: Workout,
        *,
        muted: Callable[[], bool] = lambda: False,
        ask_before: bool = False,
        ask_pain: bool = False,
    ) -> None:
        super().__init__()
        self.workout = workout
        #: Ask "Back pain now?" on the first get-ready (a new session, check-ins on).
        self.asking = ask_before and workout.session.index == 0
        #: Each question answered here (`RecordCheckIn.answer`), with its place in `told`.
        self.answered: dict[object, int] = {}
        self.sharp = False  # `!` then `r`: sharp, shooting or radiating pain ended it
        #: `!` asks "How bad, 0-10?" first.
        self.ask_pain = ask_pain
        self.session = workout.session
        self._muted = muted
        self._precise: Timer | None = None
        self._ticker: Timer | None = None
        self._keys: tuple[bool | None, ...] = ()
        self._resumed_once = False

    def compose(self) -> ComposeResult:
        # Kept as attributes: the view is copied into them ten times a second,
        # and a CSS query for each would cost more than the drawing.
        self.top_bar = TopBar(id="topbar")
        self.exercise_name, self.counters = Line(id="exercise-name"), Line(id="counters")
        self._roomy = roomy(*self.app.size)
        self.countdown, self.phase = clock_widgets(self._roomy)
        self.phase_bar, self.progress = FillBar(id="phase-bar"), FillBar(id="progress")
        self.setup, self.caution = Line(id="setup"), Line(id="caution")
        self.tip, self.next_line = Line(id="tip"), Line(id="next")
        self.ask = Line(id="ask")
        # Start, fill the widgets and take the size and step classes before mounting:
        # the first frame is then styled and drawn once, with no footer rebuild after
        # it. Each widget is styled with these classes as it is attached, and no rule
        # styles the screen itself by them: no restyle now (1.3 M instructions).
        self.update_classes(breakpoint_classes(self.app), update=False)
        self.set_class(self._roomy, "-roomy", update=False)
        self._keys = self._key_states()
        self.refresh_view(restyle=False)
        yield self.top_bar
        with Vertical(id="main"):
            yield from (self.exercise_name, self.counters)
            with Horizontal(id="clock-row"):
                yield from (self.countdown, self.phase)
            yield from (self.phase_bar, self.setup, self.caution, self.tip, self.next_line)
            if self.asking:
                yield self.ask
        yield self.progress
        self.footer = Footer(show_command_palette=self.app.size.width >= PALETTE_KEY_FROM)
        yield self.footer

    def on_mount(self) -> None:
        self._ticker = self.set_interval(1 / FRAME_RATE, self.tick)
        self._schedule_precise()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen as it resumes (this handler
        # runs before its own). The first time, each was styled moments before,
        # as it mounted, with the classes it has now: skip that second pass.
        if not self._resumed_once:
            self._resumed_once = True
            event.refresh_styles = False
        else:
            self.refresh_bindings()  # back from help or a dialog: the keys work again

    async def on_resize(self, event: events.Resize) -> None:
        self.footer.show_command_palette = event.size.width >= PALETTE_KEY_FROM
        tall = roomy(*event.size)
        if tall != self._roomy:  # the countdown and phase word change font: new widgets
            self._roomy = tall
            self.set_class(tall, "-roomy")
            row = self.query_one("#clock-row")
            await row.remove_children()
            self.countdown, self.phase = clock_widgets(tall)
            await row.mount(self.countdown, self.phase)
            self.refresh_view()

    # -- the loop --------------------------------------------------------------

    def tick(self) -> None:
        """Catch the session up with the clock, then redraw."""
        self._emit(self.workout.advance())
        self.refresh_view()
        self._schedule_precise()

    def _schedule_precise(self) -> None:
        """Wake exactly at the next deadline, so cues are not late by up to a frame."""
        if self._precise is not None:
            self._precise.stop()
            self._precise = None
        wait = self.session.seconds_to_next_due()
        if wait is not None and wait < 1 / FRAME_RATE:
            self._precise = self.set_timer(wait, self.tick)

    def _key_states(self) -> tuple[bool | None, ...]:
        keys = tuple(self.check_action(action, ()) for action in self.ENGINE_ACTIONS)
        return (*keys, self._swap_key("easier"), self._swap_key("harder"))

    def _emit(self, events: Sequence[Event]) -> None:
        """After the workout did something: the footer and the end, if they changed."""
        if not events:
            return
        # Recomposing the footer is costly: only when what the keys do has changed.
        keys = self._key_states()
        if keys != self._keys:
            self._keys = keys
            self.refresh_bindings()
        if any(isinstance(e, SessionFinished) for e in events):
            if self._ticker is not None:
                self._ticker.stop()  # nothing moves now (it may stay under the next screens)
            self.post_message(self.Finished(self.workout.record(), sharp=self.sharp))

    def refresh_view(self, *, restyle: bool = True) -> None:
        view = build_view(self.session, muted=self._muted())
        self.top_bar.show(view.routine, view.state, view.where)
        self.exercise_name.show(view.exercise)
        self.counters.show(view.counters)
        if self.countdown.value != view.countdown:
            self.countdown.update(view.countdown)
        self.phase.text = view.phase
        self.phase_bar.fraction = view.phase_fraction
        self.setup.show(view.setup)
        self.caution.show(view.caution)
        self.tip.show(view.tip)
        self.next_line.show(view.next)
        if self.asking or self.ask.content:  # asked, or noted, until the get-ready ends
            self.asking = self.asking and self.session.index == 0
            noted = str(self.ask.content) if self.session.index == 0 else ""
            self.ask.show(ASK_BEFORE if self.asking else noted)
        self.progress.fraction = view.progress
        classes = {f"-{kind}": view.kind == kind for kind in STEP_KINDS}
        classes["-paused"] = view.status == "paused"
        # Restyles only when a class changed, and only what is attached: each widget
        # is styled as it is attached, with the classes it has then.
        self.update_classes(classes, update=restyle and self.is_attached)

    def show_notice(self, text: str, seconds: float = 10) -> None:
        """`text` in a line above the exercise for `seconds`: it pushes the workout
        down a line rather than covering any of it. Mounted only when needed."""
        self.query(".notice").remove()  # the newest only
        notice = Line(text, classes="notice")
        self.query_one("#main").mount(notice, before=0)
        self.set_timer(seconds, notice.remove)

    # -- keys ------------------------------------------------------------------

    #: Key actions that are the workout's own `Action`s, by the same name.
    ENGINE_ACTIONS: ClassVar[dict[str, Action]] = {
        action.value: action
        for action in (Action.PAUSE, Action.RESUME, Action.NEXT, Action.NEXT_EXERCISE,
                       Action.BACK, Action.EXTEND, Action.CONFIRM, Action.FLAG_HURT)
    }
    #: Keys for one state or kind of step: hidden elsewhere, so the footer fits
    #: 80 columns. The others are dimmed when they do nothing right now.
    HIDDEN_WHEN_UNAVAILABLE = frozenset({"pause", "resume", "extend", "confirm"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.app.screen is not self:
            return False  # help or a dialog is over it: none of its keys work, none is listed
        if action == "swap":
            return self._swap_key(*parameters)  # type: ignore[arg-type]
        engine_action = self.ENGINE_ACTIONS.get(action)
        if engine_action is None or self.workout.can(engine_action):
            return True
        return False if action in self.HIDDEN_WHEN_UNAVAILABLE else None

    def act(self, action: Action) -> None:
        """Do `action` to the workout now (a warning when it makes no sense now)."""
        self._run(action)

    def _run(self, action: Action) -> None:
        try:
            self._emit(self.workout.act(action))
        except TransitionError as error:
            self.notify(str(error), severity="warning", timeout=3)
        self.tick()

    def action_pause(self) -> None:
        self._run(Action.PAUSE)

    def action_resume(self) -> None:
        self._run(Action.RESUME)

    def action_next(self) -> None:
        self._run(Action.NEXT)

    def action_next_exercise(self) -> None:
        self._run(Action.NEXT_EXERCISE)

    def action_back(self) -> None:
        self._run(Action.BACK)

    def action_extend(self) -> None:
        self._run(Action.EXTEND)

    def action_confirm(self) -> None:
        self._run(Action.CONFIRM)

    def _swap_key(self, way: str, listed: bool = True) -> bool:
        """e, h: both listed need 92 columns of footer (at 80, e and + fill it)."""
        room = way == "easier" or self.app.size.width >= 92 or not self.workout.can(Action.EASIER)
        if way == "harder" and not listed and self.workout.hurt_here():
            # Never offered after `!` on it (`Workout.can`), but pressed it says why.
            return self.workout.variant("harder") is not None
        return self.workout.can(Action(way)) and room == listed

    def action_swap(self, way: str, listed: bool = True) -> None:
        self._run(Action(way))

    def on_key(self, event: events.Key) -> None:
        """The first get-ready's question: a pain key answers, Enter skips it."""
        if self.asking:
            from .workout_checkins import answer_before

            answer_before(self, event)

    def action_flag_hurt(self) -> None:
        """`!`: how bad (when asked), then what to do (`workout_checkins.flag_hurt`)."""
        from .workout_checkins import flag_hurt

        flag_hurt(self)

    def action_quit_workout(self) -> None:
        if self.workout.can(Action.PAUSE):
            self._emit(self.workout.act(Action.PAUSE))
        self.post_message(self.QuitRequested())

    async def action_mute(self) -> None:
        await self.run_action("app.toggle_mute")

    def action_help(self) -> None:
        """`?`: the keys, over a paused workout; closing it carries on if it was running."""
        from .help import HelpScreen

        paused_here = self.workout.can(Action.PAUSE)
        if paused_here:
            self._run(Action.PAUSE)

        def closed(_: None) -> None:
            if paused_here and self.workout.can(Action.RESUME):
                self._run(Action.RESUME)

        self.app.push_screen(HelpScreen(paused=paused_here), closed)
        self.refresh_bindings()

    # -- messages to the app ---------------------------------------------------

    class Finished(Message):
        """The last step ended, or the person ended the session: `record` says how."""

        def __init__(self, record: SessionRecord, *, sharp: bool = False) -> None:
            super().__init__()
            self.record = record
            self.sharp = sharp  # `!` then `r`: sharp, shooting or radiating pain

    class QuitRequested(Message):
        """`q`: leave, keeping the session to resume later."""

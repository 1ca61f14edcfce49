"""Follow a workout as plain lines: `spinewise run ROUTINE --plain`, `resume --plain`.

The same core `Workout` as the workout screen (its writer thread saves every
checkpoint, so `kill -9` then `resume --plain` carries on at the same step),
the same cue dispatcher (sound and voice), and text from
`tui/core/present/plain.py`. What differs is the loop: instead of redrawing
ten times a second it sleeps until the next thing is due (a count-in, a
step's end), a key arrives, or a save is due (`SAVE_EVERY`), and writes one
line per thing that happened. No Textual is imported on this path.

The "this hurts" question of the screen is a line here; its answers are the
dialog's keys (s skip, e easier, x end, c carry on) or words.
When standard input has ended and only a key could go on (paused, or a
self-paced set waiting for Enter), the session is kept for `resume`, as `q`
keeps it: waiting for ever for a key that cannot come helps no one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from tui.core.engine.credit import is_preview
from tui.core.engine.events import Event, HurtFlagged
from tui.core.engine.states import TransitionError
from tui.core.present.plain import (
    KEYS_HELP,
    PAUSED,
    WORDS_HELP,
    event_lines,
    hurt_choice,
    keys_help,
    opening_lines,
    summary_lines,
    where_line,
)
from tui.core.workout import NOT_KEPT, SAVE_EVERY, Action, Workout

from ..audio.dispatcher import CueDispatcher
from .keys import Command, KeyReader

Write = Callable[[str], None]

KEPT = "Session kept. Carry on with: spinewise resume --plain"
#: Said instead when the pause did not reach the disk (a full or read-only state folder).
NOT_SAVED = "Session not kept: progress could not be saved, so it cannot be resumed."
NO_MORE_KEYS = "Standard input has ended and only a key could go on from here."

#: Commands that are the workout's own actions, as they are.
_ACTIONS = {
    Command.NEXT: Action.NEXT,
    Command.NEXT_EXERCISE: Action.NEXT_EXERCISE,
    Command.BACK: Action.BACK,
    Command.EXTEND: Action.EXTEND,
    Command.CONFIRM: Action.CONFIRM,
    Command.HURT: Action.FLAG_HURT,
    Command.HARDER: Action.HARDER,
}


class Ending(Enum):
    FINISHED = "finished"
    KEPT = "kept"


class PlainFollower:
    """One workout followed in lines, from its first step (or where it was) to its end."""

    def __init__(
        self, workout: Workout, reader: KeyReader, write: Write, cues: CueDispatcher
    ) -> None:
        self.workout = workout
        self.session = workout.session
        self.reader = reader
        self.write = write
        self.cues = cues
        #: "this hurts" was said and its question is open.
        self.asking = False

    def _keys_help(self, *, now: bool = True) -> None:
        """The keys; `now`: `e` and `h` only when the exercise now offers them (at the
        start: both, "where the exercise has one")."""
        keys = KEYS_HELP
        if now:
            can = self.workout.can
            keys = keys_help(easier=can(Action.EASIER), harder=can(Action.HARDER))
        self.write(keys if self.reader.keys else f"{keys} {WORDS_HELP}")

    def follow(self, *, resumed: bool = False) -> Ending:
        """Run the workout to its end, or until it is kept (q, or no key can come)."""
        for line in opening_lines(self.workout.plan):
            self.write(line)
        self._keys_help(now=False)
        if resumed:
            self.write(where_line(self.session))
            if self.reader.keys:  # a person at the keyboard: on when they are ready
                self.write(PAUSED)
            else:
                self._show(self.workout.act(Action.RESUME))
        else:
            self._show(self.workout.start())
        while not self.session.finished:
            if self._stuck():
                self.write(NO_MORE_KEYS)
                return self._keep()
            for text, command in self.reader.poll(self._timeout()):
                # what came due while the key arrived is said before the key acts
                self._show(self.workout.advance())
                if command is Command.QUIT:
                    return self._keep()
                self._do(text, command)
                if self.session.finished:
                    break
            self._show(self.workout.advance())
        for line in summary_lines(self.workout.record()):
            self.write(line)
        for line in self._next_time():
            self.write(line)
        return Ending.FINISHED

    def _next_time(self) -> list[str]:
        """What changes next time, as the screen's summary says it: the store's decision,
        made as the session ended (`programme.deciding`), read once it is written. No
        pain after is asked here: the line says how to give it (`spinewise checkin`).
        None for a preview: nothing changes, and the closing line says why."""
        workout, sid = self.workout, self.workout.stored_id
        if not workout.stages or sid is None or is_preview(workout.speed):
            return []
        workout.saved()
        now = workout.wall()
        facts = workout.storage.call(lambda store: store.session_facts(sid, now))
        if facts is None:
            return []
        from tui.core.present.next_time import next_time_lines
        from tui.core.programme.deciding import outlook

        return next_time_lines(outlook(facts), asked=False, routine=workout.plan.routine.name)

    def _timeout(self) -> float | None:
        """Seconds to wait for a key: until the next thing is due, or a save is."""
        if not self.session.running:
            return None  # paused: nothing happens until a key
        due = self.session.seconds_to_next_due()
        return SAVE_EVERY if due is None else min(due, SAVE_EVERY)

    def _stuck(self) -> bool:
        """Only a key could go on, and none can come."""
        if not self.reader.ended:
            return False
        return not self.session.running or self.session.step.self_paced

    def _keep(self) -> Ending:
        self.workout.leave()
        self.write(kept_line(self.workout))
        return Ending.KEPT

    def _show(self, events: Sequence[Event]) -> None:
        for line in event_lines(events, self.session):
            self.write(line)
        if any(isinstance(event, HurtFlagged) for event in events):
            self.asking = True
            easier = self.workout.variant("easier")
            self.write(hurt_choice(easier.name if easier else None))

    def _act(self, action: Action) -> None:
        try:
            self._show(self.workout.act(action))
        except TransitionError as error:
            message = str(error)
            self.write(f"{message[:1].upper()}{message[1:]}.")

    def _carry_on(self) -> None:
        self.asking = False
        if self.workout.can(Action.RESUME):
            self._act(Action.RESUME)
        else:
            self.write("Not paused.")

    def _do(self, text: str, command: Command | None) -> None:
        """One key or line of input."""
        if command is None:
            self.write(f'"{text.strip()}" is not a key here; ? or help lists the keys.')
        elif command is Command.TOGGLE:
            if self.workout.can(Action.PAUSE) and not self.asking:
                self._act(Action.PAUSE)
            else:
                self._carry_on()
        elif command is Command.PAUSE:
            self._act(Action.PAUSE)
        elif command in (Command.RESUME, Command.CARRY_ON):
            self._carry_on()
        elif command is Command.SKIP and self.asking:
            self.asking = False
            self._act(Action.SKIP_EXERCISE)
            if self.workout.can(Action.RESUME):
                self._act(Action.RESUME)
        elif command is Command.SKIP and text.strip() != "s":
            self._act(Action.NEXT_EXERCISE)  # the word "skip": as N
        elif command is Command.SKIP:
            # A lone s is the answer to "this hurts"; typed by chance (the s of
            # "pause" typed as keys) it must not leave an exercise unannounced.
            self.write("s skips an exercise only after ! (this hurts); N goes to the next one.")
        elif command is Command.END:
            if self.asking:
                self._act(Action.END)
            else:
                self.write("x ends the session only after ! (this hurts); q keeps it for later.")
        elif command is Command.EASIER and not self.workout.can(Action.EASIER):
            self.write(f"{self.session.step.exercise} has no easier version here.")
        elif command is Command.EASIER:
            was_asking, self.asking = self.asking, False
            self._act(Action.EASIER)
            if was_asking and self.workout.can(Action.RESUME):
                self._act(Action.RESUME)  # "try the easier version" carries on
        elif command is Command.MUTE:
            self.write("Cues muted." if self.cues.toggle_muted() else "Cues on.")
        elif command is Command.HELP:
            self._keys_help()
        else:
            self._act(_ACTIONS[command])


def kept_line(workout: Workout) -> str:
    """What is said on leaving: kept, nothing to keep (not begun), or not saved."""
    if workout.kept:
        return KEPT
    return NOT_KEPT if workout.forgotten else NOT_SAVED

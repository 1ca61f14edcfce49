"""`run ROUTINE --plain` and `resume --plain`, once the command has found what to
follow: the clock, cues, storage and keys set up as the interface sets them up,
then `PlainFollower` to the end, and the place kept whatever ends it.

Lines go to standard output (for a screen reader, a braille display, a pipe);
notices and problems to standard error. The terminal bell, when it is the
cue player, rings on standard error and only when that is a terminal, so the
transcript holds words alone.
"""

from __future__ import annotations

import signal
import sys
import threading
from contextlib import suppress
from types import FrameType
from typing import TextIO

from tui.core.catalog.entries import Valid
from tui.core.engine.clock import Clock
from tui.core.present.health import HEALTH_NOTICE
from tui.core.present.paused import file_change_note
from tui.core.store.active import ActiveSession
from tui.core.store.database import NullStore, SessionOpenError, Store
from tui.core.workout import Storage, Workout

from ..audio.dispatcher import CueDispatcher
from ..audio.setup import SoundSetup
from .follow import PlainFollower, kept_line
from .keys import key_reader

#: Characters no line may carry: C0 and C1 controls (an escape sequence starts with one).
_CONTROLS = dict.fromkeys([*range(0, 32), *range(127, 160)], " ")


def plain_line(text: str) -> str:
    """`text` with every control character (ESC, BEL, ...) made a space."""
    return text.translate(_CONTROLS)


class _Stopped(Exception):
    """SIGTERM or SIGHUP arrived: keep the place and leave."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stopped(signum)


def run_plain(
    store: Store | NullStore,
    sound: SoundSetup,
    dispatcher: CueDispatcher,
    clock: Clock,
    *,
    start: Valid | None = None,
    resume: ActiveSession | None = None,
    speed: float = 1.0,
    first_run: bool = False,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
) -> int:
    """Follow `start` (a new session) or `resume` (already claimed) in lines; the exit code."""
    stdout = out or sys.stdout

    def write(line: str) -> None:
        print(plain_line(line), file=stdout, flush=True)

    def warn(message: str) -> None:
        print(f"spinewise: {plain_line(message)}", file=sys.stderr, flush=True)

    storage = Storage(store, notify=warn)
    if first_run:
        for paragraph in HEALTH_NOTICE.split("\n\n"):
            write(paragraph)
        sound.remember_notice_seen()
    try:
        if resume is not None:
            workout = Workout.resume(
                storage, resume, clock, claimed=True, speed=speed, listeners=[dispatcher.handle]
            )
            note = file_change_note(resume.routine_file_state())
            if note is not None:
                write(note)
        elif start is not None:
            workout = Workout.begin(
                storage, start, clock, speed=speed, sound=sound.given_sound,
                voice=sound.given_voice, listeners=[dispatcher.handle],
            )  # fmt: skip
        else:
            raise ValueError("nothing to follow: give start or resume")
    except SessionOpenError as error:
        warn(str(error))
        return 1
    dispatcher.follow(workout)
    # Probing players and voices starts processes: in a thread, as the first line is written.
    threading.Thread(target=sound.apply, args=(_bell(), warn), daemon=True).start()
    old = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    code = 0
    try:
        with key_reader(stdin if stdin is not None else sys.stdin) as reader:
            PlainFollower(workout, reader, write, dispatcher).follow(resumed=resume is not None)
    except _Stopped as stopped:  # kill, or the terminal closed
        code = 128 + stopped.signum
    except KeyboardInterrupt:  # ctrl+c
        code = 130
    finally:
        # whatever ended it (q, ctrl+c, kill, a closed pipe): keep the place
        for sig, handler in old.items():
            signal.signal(sig, handler)
        interrupted = workout.session_id is not None
        workout.leave()
        dispatcher.close()
        storage.call(lambda store: store.close())
    if interrupted and code:
        with suppress(OSError):
            write(kept_line(workout))
    return code


def _bell() -> object:
    """The terminal bell, rung on standard error when that is a terminal; else silence."""
    err = sys.__stderr__
    try:
        terminal = err is not None and err.isatty()
    except (OSError, ValueError):
        terminal = False
    if not terminal or err is None:
        return lambda: None

    def ring() -> None:
        err.write("\a")
        err.flush()

    return ring


"""Keys for `--plain`: single keys from a terminal, lines (keys or words) from anything else.

When standard input is a terminal it is put in cbreak mode (`tty.setcbreak`:
no line editing, no echo, Ctrl+C still interrupts) so a key acts at once, as on
the workout screen; its settings are restored however the workout ends.
Otherwise each line is one command: a key ("n", "+", an empty line for Enter,
a space for pause) or a word ("pause", "next", "skip", ...).

The end of standard input is not a quit: `run X --plain </dev/null` follows
the whole routine; the loop is told (`ended`) and decides what to do when a
key is the only way on.

Reading uses `select` on the file descriptor and `os.read`, never Python's
buffered reader, so what is waiting is seen at once (POSIX only, as
termios is).
"""

from __future__ import annotations

import codecs
import os
import select
import termios
import time
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any


class Command(Enum):
    """What a key or word asks for (`Action`s of the workout, and the loop's own)."""

    TOGGLE = "toggle"  # space: pause, or carry on
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    NEXT_EXERCISE = "next_exercise"
    BACK = "back"
    EXTEND = "extend"
    CONFIRM = "confirm"
    HURT = "hurt"
    EASIER = "easier"  # the exercise's easier variant; after "this hurts" too
    HARDER = "harder"
    SKIP = "skip"  # after "this hurts": skip the exercise; else as NEXT_EXERCISE
    END = "end"  # after "this hurts": end the session
    CARRY_ON = "carry_on"  # after "this hurts": carry on
    MUTE = "mute"
    QUIT = "quit"
    HELP = "help"


#: Single keys: the workout screen's, and the "this hurts" question's (s, e, x, c).
KEYS: dict[str, Command] = {
    " ": Command.TOGGLE,
    "n": Command.NEXT,
    "N": Command.NEXT_EXERCISE,
    "p": Command.BACK,
    "+": Command.EXTEND,
    "=": Command.EXTEND,
    "\n": Command.CONFIRM,
    "\r": Command.CONFIRM,
    "!": Command.HURT,
    "m": Command.MUTE,
    "q": Command.QUIT,
    "?": Command.HELP,
    "e": Command.EASIER,
    "h": Command.HARDER,
    "s": Command.SKIP,
    "x": Command.END,
    "c": Command.CARRY_ON,
}

#: Words on a line (lower case; a line's spaces are squeezed first).
WORDS: dict[str, Command] = {
    "pause": Command.PAUSE,
    "stop": Command.PAUSE,
    "resume": Command.RESUME,
    "go": Command.RESUME,
    "continue": Command.RESUME,
    "carry on": Command.CARRY_ON,
    "next": Command.NEXT,
    "next exercise": Command.NEXT_EXERCISE,
    "skip": Command.SKIP,
    "back": Command.BACK,
    "previous": Command.BACK,
    "more": Command.EXTEND,
    "extend": Command.EXTEND,
    "done": Command.CONFIRM,
    "hurt": Command.HURT,
    "hurts": Command.HURT,
    "this hurts": Command.HURT,
    "end": Command.END,
    "easier": Command.EASIER,
    "harder": Command.HARDER,
    "mute": Command.MUTE,
    "unmute": Command.MUTE,
    "quit": Command.QUIT,
    "exit": Command.QUIT,
    "help": Command.HELP,
}


def command_of_line(line: str) -> Command | None:
    """The command of one line of input (its newline removed); None when none is meant."""
    if line.strip() == "":
        return Command.TOGGLE if " " in line else Command.CONFIRM
    text = line.strip()
    if len(text) == 1:
        return KEYS.get(text)
    return WORDS.get(" ".join(text.lower().split()))


def command_of_key(key: str) -> Command | None:
    return KEYS.get(key)


class KeyReader:
    """Commands from a file descriptor: keys from a terminal, lines from anything else."""

    def __init__(self, fd: int | None, *, keys: bool) -> None:
        #: None: no input at all (standard input closed).
        self.fd = fd
        #: Single keys (a terminal in cbreak mode), else lines.
        self.keys = keys
        self.ended = fd is None
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def poll(self, timeout: float | None) -> list[tuple[str, Command | None]]:
        """What was typed within `timeout` seconds (None: wait until something is),
        as (what was typed, its command or None). Empty on a timeout, or once ended."""
        if self.ended or self.fd is None:
            if timeout:
                time.sleep(timeout)  # nothing can come: just the wait
            return []
        try:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return []
            data = os.read(self.fd, 4096)
        except (OSError, ValueError):
            data = b""
        if not data:
            self.ended = True
            text = self._decoder.decode(b"", final=True)
            rest, self._pending = self._pending + text, ""
            return [] if self.keys or not rest else [(rest, command_of_line(rest))]
        return self._split(self._decoder.decode(data))

    def _split(self, text: str) -> list[tuple[str, Command | None]]:
        if self.keys:
            if text.startswith("\x1b"):  # an arrow or function key: not ours
                return []
            return [(key, command_of_key(key)) for key in text]
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        return [(line.rstrip("\r"), command_of_line(line.rstrip("\r"))) for line in lines]


@contextmanager
def key_reader(stream: Any) -> Iterator[KeyReader]:
    """A reader of `stream` (standard input), in cbreak mode while it is a terminal."""
    try:
        fd: int | None = stream.fileno()
        terminal = stream.isatty()
    except (AttributeError, OSError, ValueError):  # closed, or no descriptor
        fd, terminal = None, False
    saved: list[Any] | None = None
    if terminal and fd is not None:
        try:
            saved = termios.tcgetattr(fd)
            tty.setcbreak(fd)
        except termios.error:
            saved, terminal = None, False
    try:
        yield KeyReader(fd, keys=terminal)
    finally:
        if saved is not None and fd is not None:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

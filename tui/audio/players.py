"""Sound players: play a named cue (`sounds/<cue>.wav`) without ever blocking.

A player that cannot play says so ONCE (`problem`, `on_problem`: see
probing.py; the callback may run on any thread). Playing never raises.

`choose_player(mode, bell)` picks what `--sound auto|beep|bell|off` means on
this machine and returns a `CuePlayer`, which falls back to the terminal bell
when its system player turns out to fail while a session runs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from tui.core.paths import sounds_dir
from tui.core.sound_modes import SOUND_MODES

from .probing import PROBE_TIMEOUT, Reporter, last_line, run_probe, stop_child, write_silence

#: System players tried by `auto` and `beep`, in order.
SYSTEM_PLAYERS = (("pw-play",), ("paplay",), ("aplay", "-q"), ("afplay",))


class Player(Protocol):
    @property
    def name(self) -> str:
        """Which player this is, such as "pw-play" or "bell"."""
        ...

    @property
    def problem(self) -> str | None: ...

    def play(self, cue: str) -> None:
        """Start playing `cue` and return at once."""
        ...

    def close(self) -> None:
        """Stop whatever is still playing (at exit)."""
        ...


class QuickPlayer(Reporter):
    """A player with nothing left running once `play` returns."""

    name = "off"
    using = "sound is off"

    def play(self, cue: str) -> None:
        pass

    def close(self) -> None:
        pass


class SystemPlayer(Reporter):
    """Plays `sounds/<cue>.wav` with a command such as `aplay -q`, in a child process.

    Each child is watched by a daemon thread that reaps it (no zombies) and
    checks its exit code. A player that never worked is reported at its first
    failure; one that worked is reported after `FAILS_IN_A_ROW` failures in a
    row (a busy device once is not a broken player).
    """

    FAILS_IN_A_ROW = 3

    def __init__(
        self,
        command: Sequence[str],
        sounds: Path | None = None,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(on_problem)
        self.command = list(command)
        self.name = Path(self.command[0]).name
        self.sounds = sounds if sounds is not None else sounds_dir()
        self._worked = False
        self._fails = 0
        self._live: set[subprocess.Popen[bytes]] = set()
        self._stopped: set[subprocess.Popen[bytes]] = set()

    def play(self, cue: str) -> None:
        if self.problem is not None:
            return
        path = self.sounds / f"{cue}.wav"
        try:
            proc = subprocess.Popen(
                [*self.command, str(path)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, start_new_session=True,
            )
        except OSError as exc:
            self._fail(f"Sound player {self.name} cannot run: {exc.strerror or exc}")
            return
        self._live.add(proc)
        threading.Thread(target=self._watch, args=(proc,), daemon=True).start()

    def close(self) -> None:
        for proc in list(self._live):
            self._stopped.add(proc)
            stop_child(proc)

    def _watch(self, proc: subprocess.Popen[bytes]) -> None:
        _, err = proc.communicate()
        self._live.discard(proc)
        if proc in self._stopped:
            self._stopped.discard(proc)
            return
        if proc.returncode == 0:
            self._worked, self._fails = True, 0
            return
        self._fails += 1
        if not self._worked or self._fails >= self.FAILS_IN_A_ROW:
            detail = last_line(err.decode(errors="replace"))
            self._fail(f"Sound player {self.name} failed (exit {proc.returncode})"
                       + (f": {detail}" if detail else ""))

    def probe(self, timeout: float = PROBE_TIMEOUT) -> str | None:
        """Play a tiny silent file once; None when it works, else why not."""
        with tempfile.TemporaryDirectory(prefix="spinewise-probe-") as folder:
            silent = Path(folder) / "silence.wav"
            write_silence(silent)
            why = run_probe([*self.command, str(silent)], timeout)
        if why is None:
            self._worked = True
        return why


class BellPlayer(QuickPlayer):
    """Rings the terminal bell through a callable (the app passes `app.bell`)."""

    name = "bell"
    using = "using the terminal bell"

    def __init__(self, write: Callable[[], object]) -> None:
        super().__init__()
        self.write = write

    def play(self, cue: str) -> None:
        if self.problem is not None:
            return
        try:
            self.write()
        except Exception as exc:  # a bell must never take the session down
            self._fail(f"The terminal bell failed: {exc}")


class NullPlayer(QuickPlayer):
    """Plays nothing (`--sound off`)."""


class CuePlayer(Reporter):
    """What the app holds: a player, a fallback, and a notice to show once.

    `notice` explains a choice made at start (e.g. no working system player,
    so the bell is used). When the player fails later, `on_problem` is called
    once with the reason and the fallback plays from then on.
    """

    def __init__(self, player: Player, fallback: Player | None = None,
                 notice: str | None = None) -> None:
        super().__init__()
        self.player = player
        self.fallback = fallback
        self.notice = notice
        self._use_fallback = False
        if isinstance(player, Reporter):
            player.on_problem = self._player_failed

    @property
    def name(self) -> str:
        return self.active.name

    @property
    def active(self) -> Player:
        return self.fallback if self._use_fallback and self.fallback else self.player

    def play(self, cue: str) -> None:
        if not (self._use_fallback and self.fallback is None):
            self.active.play(cue)

    def close(self) -> None:
        self.player.close()
        if self.fallback is not None:
            self.fallback.close()

    def _player_failed(self, message: str) -> None:
        self._use_fallback = True
        self._fail(f"{message}: {describe(self.fallback)}")


def describe(player: Player | None) -> str:
    """What falling back on `player` means, for a message."""
    return "sound is off" if player is None else getattr(player, "using", f"using {player.name}")


def choose_player(
    mode: str, bell: Callable[[], object] | None = None, *, sounds: Path | None = None,
    path: str | None = None, timeout: float = PROBE_TIMEOUT,
) -> CuePlayer:
    """The player `--sound MODE` means here. May take up to ~2 s per player tried
    (each is probed once): call it before the app starts or in a worker thread.
    """
    fallback: Player = BellPlayer(bell) if bell is not None else NullPlayer()
    if mode == "off":
        return CuePlayer(NullPlayer())
    if mode == "bell":
        return CuePlayer(fallback)
    if mode not in SOUND_MODES:
        raise ValueError(f"unknown sound mode {mode!r}")
    failed: list[str] = []
    missing: list[str] = []
    candidates = SYSTEM_PLAYERS if sys.platform == "darwin" else SYSTEM_PLAYERS[:-1]
    for command in candidates:
        found = shutil.which(command[0], path=path)
        if found is None:
            missing.append(command[0])
            continue
        player = SystemPlayer([found, *command[1:]], sounds)
        why = player.probe(timeout)
        if why is None:
            return CuePlayer(player, fallback)
        failed.append(f"{command[0]}: {why}")
    if missing:
        failed.append("not found: " + ", ".join(missing))
    notice = f"No working sound player ({'; '.join(failed)}): {describe(fallback)}"
    return CuePlayer(fallback, notice=notice)

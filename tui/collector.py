"""Python's garbage collector waits for the first frame of the interface.

Starting `spinewise run` makes some 75,000 objects that the collector tracks
(Textual's modules and classes, the routine, the plan, the widgets), nearly all
kept to the end: at the first frame a full collection finds about 1,200 of them
garbage. While they are made the collector scans them again and again, finding
next to nothing: some 20 M instructions of the first frame, 2% of it (callgrind,
`tests/bench/bench_ui.py`). So the commands that show the interface (`run`,
`resume`, the bare command) hold the collector from the command line's start
(`hold`) until their first frame is drawn, or until the workout's first plain
line (`release`). Then `gc.freeze()` sets what start-up made apart for good,
so later collections do not scan it again, and the collector runs as before.
This is the start-up pattern the CPython docs give for `gc.freeze` (disable the
collector early, freeze, then enable it). The garbage start-up left stays
frozen: peak memory was within 0.4 MB of collecting as usual (bench_ui).

Whatever else ends the command first (a mistake, a crash, an interface that
never drew) gives the collector back in `tui.cli.main` (`give_back`), so no
path runs on without it.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Turn the collector off until `release` or `give_back` (when it is on now)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """The first frame (or plain line) is out: freeze what start-up made, and
    turn the collector on again. Nothing, unless `hold` turned it off."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def give_back() -> None:
    """The command ended without `release`: the collector on again, nothing frozen
    (a test that calls `main` goes on in the same process)."""
    global _held
    if _held:
        _held = False
        gc.enable()

"""`spinewise`, `spinewise run ROUTINE`, `spinewise resume`: the interface itself.

Textual reads keys from standard input and draws on standard error. When either
is not a terminal the screen cannot be drawn: `run X </dev/null` used to spin at
86% of a core writing escape codes, `run X 2>log` to leave the terminal blank.
Now that is said in one sentence and the exit code is 2 (wrong usage), before
anything is read or claimed. An interface that crashed exits 1, not 0.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from tui.core.catalog.entries import CatalogEntry, Invalid, Valid, load_catalog, load_entry
from tui.core.engine.clock import MonotonicClock
from tui.core.settings import load_settings
from tui.core.store.database import NullStore, SessionOpenError, Store, StoreError, epoch_converter

from ..audio.dispatcher import CueDispatcher
from ..audio.setup import SoundSetup
from .common import report_problems, resolve_ref


def open_store(notices: list[str]) -> Store | NullStore:
    try:
        store = Store.open()
    except StoreError as error:
        notices.append(f"Progress will not be saved: {error}")
        return NullStore(str(error))
    notices.extend(store.warnings)
    return store


EXIT_NO_SCREEN = 2


def screen_problem(streams: dict[str, TextIO | None] | None = None) -> str | None:
    """Why the workout screen cannot be drawn here, or None when it can."""
    if streams is None:
        streams = {"standard input": sys.__stdin__, "standard error": sys.__stderr__}
    missing = [name for name, stream in streams.items() if not _is_terminal(stream)]
    if not missing:
        return None
    which = " and ".join(missing)
    is_not = "is not one" if len(missing) == 1 else "are not terminals"
    return (
        f"spinewise: the workout screen needs a terminal, but {which} {is_not}: "
        "run it without < or 2> redirections (list, show and history work anywhere)"
    )


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed
        return False


def say_no_screen(problem: str) -> int:
    """Print `problem` where a person can see it: standard error, and standard output
    too when only that one reaches the terminal."""
    print(problem, file=sys.stderr)
    if not _is_terminal(sys.__stderr__) and _is_terminal(sys.__stdout__):
        print(problem)
    return EXIT_NO_SCREEN


def run_workout(args: argparse.Namespace) -> int:
    """`run`, `resume`, or no command at all (the routine library)."""
    problem = screen_problem()
    if problem is not None:
        return say_no_screen(problem)
    discard = getattr(args, "discard", False)  # only `run` has these two
    cue_log = getattr(args, "cue_log", None)
    notices: list[str] = []
    settings = load_settings()
    notices.extend(settings.warnings)
    start: Valid | None = None
    if args.command == "run":
        ref = resolve_ref(args.routine)
        if ref is None:
            return 1
        entry = load_entry(ref)  # read once: the workout stores these very texts
        if isinstance(entry, Invalid):
            report_problems(entry.problems)
            return 1
        start = entry

    store = open_store(notices)
    resume = None
    try:
        if args.command == "resume":
            resume = store.active()
            if resume is None:
                print(
                    "spinewise: nothing to resume; start a routine with: spinewise run ROUTINE",
                    file=sys.stderr,
                )
                return 1
            store.claim(resume.id)  # here only: the app is told it is claimed
        elif start is not None and discard:
            store.discard_active()
    except SessionOpenError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1

    def catalog() -> list[CatalogEntry]:
        """Loaded by the app when the library is first shown."""
        entries = load_catalog()
        if start is not None and start.ref.origin == "file":
            entries.insert(0, start)
        return entries

    from ..app import SpinewiseApp  # Textual only for the interface
    from ..options import AppOptions

    clock = MonotonicClock()
    # No player until one is found, in a thread after the first frame.
    dispatcher = CueDispatcher(None, None, epoch_converter(clock), cue_log, stale_after=1.0)
    sound = SoundSetup(dispatcher, settings, sound=args.sound, voice=args.voice)
    options = AppOptions(
        store=store,
        cues=dispatcher,
        clock=clock,
        speed=args.speed,
        sound=sound,
        notices=notices,
        notice_seen=None if settings.notice_seen else sound.remember_notice_seen,
        checkins=settings.checkins,
        remember=sound.remember,
    )
    app = SpinewiseApp(catalog, options=options, start=start, resume=resume)
    try:
        app.run()
    finally:
        app.leave_workout()  # whatever ended the app (q, ctrl+c, a crash), keep the place
        app.checkins_written()
        dispatcher.close()
        app.storage.call(lambda store: store.close())
    if app.kept:
        print("Session kept. Carry on with: spinewise resume")
    return 1 if app.return_code else 0  # 1: the interface crashed

"""`spinewise`, `spinewise run ROUTINE`, `spinewise resume`: the interface itself,
or the workout as plain lines (`--plain`, `tui/plain/`).

Textual reads keys from standard input and draws on standard error. When either
is not a terminal the screen cannot be drawn: `run X </dev/null` used to spin at
86% of a core writing escape codes, `run X 2>log` to leave the terminal blank.
`run` and `resume` then follow the workout as plain lines instead, as they do
when standard output is not a terminal or TERM is dumb (issue 17), saying so on
standard error. The routine library has no plain form: there, that is said in
one sentence and the exit code is 2 (wrong usage), before anything is read or
claimed. An interface that crashed exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import TextIO

from tui.core.catalog.entries import CatalogEntry, Invalid, Valid, load_catalog, load_entry
from tui.core.engine.clock import Clock, MonotonicClock
from tui.core.present.paused import where_paused
from tui.core.settings import load_settings
from tui.core.store.active import ActiveSession
from tui.core.store.database import NullStore, SessionOpenError, Store, StoreError, epoch_converter
from tui.core.workout import NOT_KEPT

from .. import collector
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


#: What textual-serve sets for each app process it runs: Textual then draws into its
#: pipes for the browser (`spinewise serve`), and needs no terminal.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def screen_problem(streams: dict[str, TextIO | None] | None = None) -> str | None:
    """Why the routine library cannot be drawn here, or None when it can."""
    if os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
        return None
    if streams is None:
        streams = {"standard input": sys.__stdin__, "standard error": sys.__stderr__}
    missing = [name for name, stream in streams.items() if not _is_terminal(stream)]
    if not missing:
        return None
    which = " and ".join(missing)
    is_not = "is not one" if len(missing) == 1 else "are not terminals"
    return (
        f"spinewise: the routine library needs a terminal, but {which} {is_not}: "
        "run it without < or 2> redirections, or follow a routine as plain lines: "
        "spinewise run ROUTINE --plain (list, show and history work anywhere)"
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


def plain_reason(environ: dict[str, str] | None = None) -> str | None:
    """Why `run` and `resume` follow as plain lines though `--plain` was not given:
    a sentence for standard error, "" when it goes without saying, None when they need not."""
    term = (os.environ if environ is None else environ).get("TERM", "")
    if term == "dumb":
        return ""
    streams = {"standard input": sys.__stdin__, "standard output": sys.__stdout__,
               "standard error": sys.__stderr__}
    missing = [name for name, stream in streams.items() if not _is_terminal(stream)]
    if not missing:
        return None
    which = " and ".join([", ".join(missing[:-1]), missing[-1]] if missing[:-1] else missing)
    is_not = "is not a terminal" if len(missing) == 1 else "are not terminals"
    return f"spinewise: {which} {is_not}: following the workout as plain lines (--plain)"


def run_workout(args: argparse.Namespace) -> int:
    """`run`, `resume`, or no command at all (the routine library)."""
    plain = getattr(args, "plain", False)  # only `run` and `resume` have it
    if args.command in ("run", "resume") and not plain:
        reason = plain_reason()
        if reason is not None:
            plain = True
            if reason:
                print(reason, file=sys.stderr)
    if not plain:
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

    clock = MonotonicClock()
    # No player until one is found, in a thread after the first frame (or line).
    dispatcher = CueDispatcher(
        None, None, epoch_converter(clock), cue_log, stale_after=1.0, waiting=True, now=clock.now
    )  # what the session says before they are found is held for them (`attach`)
    # A resumed session plays as it was started, unless this command says otherwise.
    sound = SoundSetup(
        dispatcher, settings,
        sound=args.sound or (resume.sound if resume else None),
        voice=args.voice if args.voice is not None or resume is None else resume.voice,
    )  # fmt: skip
    if plain:
        return _run_plain(args, store, sound, clock, start, resume, notices)

    def catalog() -> list[CatalogEntry]:
        """Loaded by the app when the library is first shown."""
        entries = load_catalog()
        if start is not None and start.ref.origin == "file":
            entries.insert(0, start)
        return entries

    from ..app import SpinewiseApp  # Textual only for the interface
    from ..options import AppOptions

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
        app.checkins_written(ending=True)
        dispatcher.close()
        app.storage.call(lambda store: store.close())
    if app.kept:
        print("Session kept. Carry on with: spinewise resume")
    elif app.forgotten:
        print(NOT_KEPT)
    elif app.workout is not None and app.workout.left:  # said only when it is true
        print("spinewise: the session could not be saved, so it cannot be resumed", file=sys.stderr)
    return 1 if app.return_code else 0  # 1: the interface crashed


def _run_plain(
    args: argparse.Namespace,
    store: Store | NullStore,
    sound: SoundSetup,
    clock: Clock,
    start: Valid | None,
    resume: ActiveSession | None,
    notices: list[str],
) -> int:
    """`--plain`: the interface's question about a paused session is a sentence here."""
    from ..plain.run import run_plain  # no Textual on this path

    collector.release()  # the first line comes now: the garbage collector runs again
    for notice in notices:
        print(f"spinewise: {notice}", file=sys.stderr)
    paused = store.active() if start is not None else None
    if paused is not None:
        assert start is not None
        where = where_paused(paused, time.time())
        print(
            f"spinewise: {paused.routine_name} is paused ({where}). Carry on with: "
            f"spinewise resume --plain; or start anew with: "
            f"spinewise run {args.routine} --plain --discard",
            file=sys.stderr,
        )
        store.close()
        return 1
    return run_plain(
        store,
        sound,
        sound.dispatcher,
        clock,
        start=start,
        resume=resume,
        speed=args.speed,
        first_run=not sound.settings.notice_seen,
    )

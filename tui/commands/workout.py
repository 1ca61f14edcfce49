"""`spinewise`, `spinewise run ROUTINE`, `spinewise resume`: the interface itself."""

from __future__ import annotations

import argparse
import sys

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


def run_workout(args: argparse.Namespace) -> int:
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
        elif start is not None and args.discard:
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

    from ..app import AppOptions, SpinewiseApp  # Textual only for the interface

    clock = MonotonicClock()
    # No player until one is found, in a thread after the first frame.
    dispatcher = CueDispatcher(None, None, epoch_converter(clock), args.cue_log, stale_after=1.0)
    sound = SoundSetup(dispatcher, settings, sound=args.sound, voice=args.voice)
    options = AppOptions(
        store=store,
        cues=dispatcher,
        clock=clock,
        speed=args.speed,
        sound=sound,
        notices=notices,
        notice_seen=None if settings.notice_seen else sound.remember_notice_seen,
    )
    app = SpinewiseApp(catalog, options=options, start=start, resume=resume)
    try:
        app.run()
    finally:
        app.leave_workout()  # whatever ended the app (q, ctrl+c, a crash), keep the place
        dispatcher.close()
        app.storage.call(lambda store: store.close())
    if app.kept:
        print("Session kept. Carry on with: spinewise resume")
    return 0

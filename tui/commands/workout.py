"""`spinewise`, `spinewise run ROUTINE`, `spinewise resume`: the interface itself."""

from __future__ import annotations

import argparse
import sys

from tui.core.catalog.entries import CatalogEntry, load_catalog
from tui.core.engine.clock import MonotonicClock
from tui.core.plan import build_plan
from tui.core.settings import load_settings
from tui.core.store.database import NullStore, SessionOpenError, Store, StoreError, epoch_converter

from ..audio.dispatcher import CueDispatcher
from ..audio.setup import SoundSetup
from .common import resolve


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
    start: CatalogEntry | None = None
    if args.command == "run":
        found = resolve(args.routine)
        if found is None:
            return 1
        ref, routine = found
        start = CatalogEntry(ref, routine, build_plan(routine))

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
            store.claim(resume.id)
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
    from ..workouts import Workouts

    clock = MonotonicClock()
    # No player until one is found, in a thread after the first frame.
    dispatcher = CueDispatcher(None, None, epoch_converter(clock), args.cue_log, stale_after=1.0)
    workouts = Workouts(store, dispatcher, clock, speed=args.speed)
    sound = SoundSetup(dispatcher, settings, sound=args.sound, voice=args.voice)
    options = AppOptions(
        workouts=workouts,
        sound=sound,
        notices=notices,
        notice_seen=None if settings.notice_seen else sound.remember_notice_seen,
    )
    app = SpinewiseApp(catalog, options=options, start=start, resume=resume)
    try:
        app.run()
    finally:
        workouts.leave()  # whatever ended the app (q, ctrl+c, a crash), keep the place
        workouts.close()
    if workouts.kept:
        print("Session kept. Carry on with: spinewise resume")
    return 0

"""`spinewise`, `spinewise run ROUTINE`, `spinewise resume`: the interface itself."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import suppress

from ..audio.dispatcher import CueDispatcher, monotonic_to_epoch
from ..audio.players import NullPlayer, choose_player
from ..audio.voice import choose_voice
from ..core.catalog import CatalogEntry, load_catalog
from ..core.clock import MonotonicClock
from ..core.plan import build_plan
from ..core.settings import load_settings, save_settings, updated
from ..core.store import NullStore, SessionOpenError, Store, StoreError
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
    dispatcher = CueDispatcher(
        NullPlayer(), None, monotonic_to_epoch(), args.cue_log, stale_after=1.0
    )
    workouts = Workouts(store, dispatcher, clock, speed=args.speed)
    sound = args.sound or settings.sound
    voice = settings.voice if args.voice is None else args.voice

    def find_player(bell: Callable[[], None]) -> str | None:
        """In a thread after the first frame: probing players takes a moment."""
        player = choose_player(sound, bell=bell)
        dispatcher.player = player
        messages = [player.notice] if player.notice else []
        if voice:
            speaker, message = choose_voice()
            dispatcher.voice = speaker
            messages += [message] if message else []
        return " ".join(messages) or None

    def set_sound(bell: Callable[[], None], change: dict[str, object]) -> str:
        """From the palette: switch sound or voice now, and remember it."""
        nonlocal sound, voice, settings
        sound = str(change.get("mode", sound))
        voice = bool(change.get("voice", voice))
        if not voice:
            dispatcher.voice = None
        notice = find_player(bell)
        settings = updated(settings, sound=sound, voice=voice)
        try:
            save_settings(settings)
        except OSError as error:
            return f"Sound {sound}, voice {'on' if voice else 'off'} (not saved: {error})"
        return notice or f"Sound {sound}, voice {'on' if voice else 'off'}; saved"

    def notice_seen() -> None:
        nonlocal settings
        settings = updated(settings, notice_seen=True)
        with suppress(OSError):  # if it cannot be saved, it shows again next time
            save_settings(settings)

    options = AppOptions(
        clock=clock,
        speed=args.speed,
        workouts=workouts,
        choose_player=find_player,
        set_sound=set_sound,
        notices=notices,
        notice_seen=None if settings.notice_seen else notice_seen,
    )
    app = SpinewiseApp(catalog, options=options, start=start, resume=resume)
    try:
        app.run()
    finally:
        kept = workouts.session is not None
        workouts.leave()  # whatever ended the app (q, ctrl+c, a crash), keep the place
        workouts.close()
    if kept:
        print("Session kept. Carry on with: spinewise resume")
    return 0

"""`spinewise checkin [PAIN] [--vs better|same|worse] [--effort easy|right|hard] [--note TEXT]`:
how the back is, recorded now.

A pain is the most recent session's pain after when that ended within 24
hours and has none yet, else it stands alone. `--vs` is the next-morning
answer of yesterday's session (ended on the day before, 8 hours or more ago,
as the library's question): a later answer replaces an earlier one, and says
so; with no such session it is said in a sentence, nothing is kept, not even
the pain (exit 1: nothing half-kept), and the exact command that keeps the rest
is given. Never about a preview (`--speed` other than 1): when the last session
was one, the answer is about the last session that counts, by the same rules,
and the sentence says so (`zones.about`). The rules are `zones.attach`. An answer about a
session decides its progression (`store.checkins`): what changed is said, with
why. Wrong words or a pain off 0-10 are usage errors (exit 2) named in a sentence.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from tui.core.programme.zones import (
    AMBER_MAX,
    PAIN_MAX,
    PAIN_MIN,
    Change,
    CheckIn,
    Effort,
    Kind,
    LastSession,
    NothingToCompare,
    about,
    attach,
    recent,
    zone,
)

from . import Subparsers

if TYPE_CHECKING:
    from tui.core.programme.progression import Decision
    from tui.core.programme.stages import StartedStage
    from tui.core.store.database import Store

#: Wall time, epoch seconds (tests give fixed dates).
wall: Callable[[], float] = time.time

_SAID = {
    Kind.AFTER: "as the pain after your session of {when}",
    Kind.NEXT_DAY: "as the next-day answer for your session of {when}",
    Kind.STANDALONE: "on its own (no session{which} ended in the last 24 hours that it "
    "belongs to)",
}


def _pain(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"pain is a whole number from {PAIN_MIN} to {PAIN_MAX}, not {text!r}"
        ) from None
    if not PAIN_MIN <= value <= PAIN_MAX:
        raise argparse.ArgumentTypeError(
            f"pain is a whole number from {PAIN_MIN} to {PAIN_MAX}, not {value}"
        )
    return value


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    checkin = sub.add_parser(
        "checkin",
        help="record how your back is now",
        description="Record how your back is now: pain 0-10 (0 none, 10 the worst), "
        "compared with before your last session, and how hard it felt.",
    )
    checkin.add_argument("pain", nargs="?", type=_pain, metavar="PAIN", help="pain now, 0-10")
    checkin.add_argument(
        "--vs", choices=[c.value for c in Change], help="your back this morning, compared with "
        "before yesterday's session (the day after it, 8 hours or more after it ended)",
    )
    checkin.add_argument(
        "--effort", choices=[e.value for e in Effort], help="how hard the session was"
    )
    checkin.add_argument("--note", metavar="TEXT", help="a few words to keep with it")


def run(args: argparse.Namespace) -> int:
    if args.pain is None and args.vs is None and args.effort is None and not args.note:
        print(
            "spinewise checkin: give a pain 0-10, --vs, --effort or --note (see --help).",
            file=sys.stderr,
        )
        return 2
    from tui.core.store.database import Store, StoreError

    now = wall()
    vs = None if args.vs is None else Change(args.vs)
    try:
        store = Store.open()
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    with store:
        try:
            return _record(args, store, now, vs)
        finally:  # a file found damaged on reading is moved aside: said, with where
            for warning in store.warnings:
                print(f"spinewise: {warning}", file=sys.stderr)


def _record(args: argparse.Namespace, store: Store, now: float, vs: Change | None) -> int:
    """`run`, on the open store: 0 when kept, 1 when nothing was kept (said why)."""
    from tui.core.store.database import StoreError

    try:
        last = store.last_session()
        counting = last if last is None or not last.preview else store.last_session(counting=True)
    except StoreError as error:
        said = str(error)  # a sentence (`StoreError`); said once that nothing was kept
        print(f"spinewise: {said}" if "Nothing was" in said else
              f"spinewise: {said} Nothing was kept.", file=sys.stderr)  # fmt: skip
        return 1
    try:
        kind, session_id = attach(now, last, pain=args.pain, vs=vs, counting=counting,
                                  effort=args.effort is not None)  # fmt: skip
    except NothingToCompare as error:  # nothing is kept: the person says it again
        rest = _without(args, "vs")
        tail = f"; to keep the rest now: {rest}" if rest else ""
        print(f"spinewise checkin: {error}. Nothing was kept{tail}.", file=sys.stderr)
        return 1
    if kind is Kind.STANDALONE and args.effort is not None:  # an effort rates a session
        target = about(last, counting)
        rest = _without(args, "effort")
        tail = f"; to keep the rest now: {rest}" if rest else ""
        why = (f"your session of {_when(target)} has its pain after already"
               if target is not None and recent(now, target) and target.has_after
               else "no session ended in the last 24 hours")  # fmt: skip
        print(f"spinewise checkin: --effort says how hard a session was, and {why}. "
              f"Nothing was kept{tail}.", file=sys.stderr)  # fmt: skip
        return 1
    checkin = CheckIn(
        kind=kind,
        at=now,
        pain=args.pain,
        change=vs,
        effort=None if args.effort is None else Effort(args.effort),
        note=args.note or None,
        session_id=session_id,
    )
    replaced: list[CheckIn] = []
    try:
        if kind is Kind.NEXT_DAY:  # one next-morning answer a session: the latest
            replaced = store.replace_next_day(checkin)
        else:
            store.add_checkin(checkin)
        decided = [] if session_id is None else store.apply_session(session_id, now)
    except StoreError as error:
        print(f"spinewise: {error}", file=sys.stderr)
        return 1
    said = _said(now, kind, last, about(last, counting), pain=args.pain)
    if args.pain is not None:
        said += f": pain {args.pain} ({zone(args.pain).value})"
    earlier = [c.change.value for c in replaced if c.change is not None]
    if earlier:
        said += f"; it replaces the earlier answer ({earlier[-1]})"
    print(said + ".")
    for started, decision in decided:  # what this answer changed in a routine's dose
        print(f"{started.key}: {_change(started, decision)}")
    if args.pain is not None and args.pain > AMBER_MAX:
        _advise(store, now)
    return 0


def _when(session: LastSession | None) -> str:
    """When `session` began, `Sun 01 Mar 22:30`, as `history` lists it (found by a
    tester: it was named by its end); "" when it did not end."""
    if session is None or session.ended_at is None:
        return ""
    began = session.ended_at if session.started_at is None else session.started_at
    return datetime.fromtimestamp(began).strftime("%a %d %b %H:%M")


def _said(
    now: float,
    kind: Kind,
    last: LastSession | None,
    target: LastSession | None,
    *,
    pain: int | None,
) -> str:
    """Where the answer went, in a sentence without its full stop: `last` is the
    most recent session, `target` the one answers are about (`zones.about`), which
    is another when `last` was a preview, and the sentence says so first."""
    passed = last is not None and last.preview
    which = " at normal speed" if passed else ""
    where = _SAID[kind].format(when=_when(target), which=which)
    when = _when(target)
    if kind is Kind.STANDALONE and target is not None and recent(now, target) and when:
        if pain is None:  # not "no session": only a pain goes with one
            where = f"on its own (only a pain is kept as the pain after your session of {when})"
        elif target.has_after:  # not "no session": that one has its pain after already
            where = f"on its own (your session of {when} has its pain after already)"
    if last is not None and passed:
        return (
            f"Your last session ({_when(last)}) was a preview (--speed {last.speed:g}), "
            f"so this was recorded {where}"
        )
    return f"Recorded {where}"


def _without(args: argparse.Namespace, left_out: str) -> str:
    """The command that keeps what was given besides `--vs` or `--effort` (`left_out`);
    "" when nothing."""
    import shlex

    words = [] if args.pain is None else [str(args.pain)]
    words += [] if args.effort is None or left_out == "effort" else ["--effort", args.effort]
    words += [] if not args.note else ["--note", args.note]
    return shlex.join(["spinewise", "checkin", *words]) if words else ""


def _change(started: StartedStage, decision: Decision) -> str:
    """`6-4-2 becomes 7-5-3 next time you do that routine: two settled sessions`, or
    `stays at 6-4-2 next time you do that routine: ...` (the rule's words), as the
    summary's next-time lines say it."""
    from tui.core.present.next_time import next_time_words

    before, after = started.brief(decision.before.stage), started.brief(decision.after.stage)
    when = next_time_words("that routine")
    if decision.moved:
        return f"{before} becomes {after} {when}: {decision.reason}"
    return f"stays at {after} {when}: {decision.reason}"


def _advise(store: Store, now: float) -> None:
    """The advice to see a professional, when red came on two days this week (read
    from the store the answer was just kept in)."""
    from datetime import date

    from tui.core.programme.zones import RED_WINDOW_DAYS, SEE_PROFESSIONAL, see_professional
    from tui.core.store.database import StoreError

    try:
        recent = store.checkins(since=now - RED_WINDOW_DAYS * 86400)
    except StoreError:
        return
    if see_professional(recent, date.fromtimestamp(now)):
        print(SEE_PROFESSIONAL)

"""`spinewise remind fire`: what the scheduler runs at the reminder's time.

Silent unless a session is due today by the one rule (`programme.following`,
as `spinewise today`), then one desktop notification (`programme.notify`), and
no second one that day (the scheduler may run it twice: a `Persistent=true`
catch-up after sleep, then the day's own time). It imports what `today` does,
the notifier and the small state file, nothing else: it must start in at most
1.2x the time of `spinewise check` on one file (tests/bench/bench_remind.py).
"""

from __future__ import annotations

import datetime as dt
import sys

from tui.core.programme.following import following
from tui.core.programme.notify import send
from tui.core.programme.reminder_state import load_state, save_state
from tui.core.programme.schedule import Due
from tui.core.routine.problems import RoutineError
from tui.core.store.schema import StoreError

from .plan import local_today, read_plans

TITLE = "spinewise: a back-care session is due"


def fire(today: dt.date | None = None, platform: str | None = None) -> int:
    """Notify if a session is due on `today` (default: `plan.local_today()`).

    Exit 0 when done (notified, or nothing to say), 1 when the plan could not
    be read or the notification not shown (said on standard error, which the
    scheduler keeps in its log; a missing or failing notifier only the first
    time, until it works again).
    """
    today = local_today() if today is None else today
    try:
        with read_plans() as store:
            found = following(store, today)
    except StoreError as error:
        print(f"spinewise remind: {error}", file=sys.stderr)
        return 1
    except RoutineError as error:
        print(f"spinewise remind: the plan followed cannot be read: {error}", file=sys.stderr)
        return 1
    if found is None or found.today.state is not Due.DUE or found.today.place.next is None:
        return 0
    state = load_state()
    if state.get("notified_on") == today.isoformat():
        return 0
    sent = send(TITLE, body_text(found.today.place.next.routine_id), state, platform)
    changed = dict(state)
    if sent.missing:
        changed["notifier_missing"] = sent.missing
    else:
        changed.pop("notifier_missing", None)
    if sent.failed:
        changed["notifier_failed"] = sent.failed
    else:
        changed.pop("notifier_failed", None)
    if sent.ok:
        changed["notified_on"] = today.isoformat()
    if changed != state:
        try:
            save_state(changed)
        except OSError as error:
            print(f"spinewise remind: cannot keep {error.filename}: {error.strerror}",
                  file=sys.stderr)
    if sent.report:
        print(sent.report, file=sys.stderr)
    return 0 if sent.ok or sent.report is None else 1


def body_text(routine_id: str) -> str:
    """`Gentle start is due today. Start it with: spinewise run gentle-start`.

    The name is read from the routine's file as TOML, not validated against the
    exercise library as `today` reads it (with its total time): that was 4.5 ms of
    a start-up allowed some 12 ms more than `check`'s (measured). A file that
    does not read gives the id.
    """
    import tomllib

    from tui.core.catalog.sources import find

    name = routine_id
    ref = find(routine_id)
    if ref is not None and ref.origin != "file":
        try:
            found = tomllib.loads(ref.path.read_text(encoding="utf-8")).get("name")
        except (OSError, ValueError):
            found = None
        if isinstance(found, str) and found.strip():
            name = found.strip()
    return f"{name} is due today. Start it with: spinewise run {routine_id}"

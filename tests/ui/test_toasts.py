"""Toasts over a workout cover nothing a person follows (found by a tester: the
"Muted" toast, three lines high over the bottom rows, covered the progress bar at
80x24). Over a workout they are one line each, as wide as their words, in the free
band above the progress bar (app.tcss); elsewhere they are Textual's own."""

from __future__ import annotations

import pytest

from tests.ui.helpers import make_app
from tests.ui.test_snapshots import at
from tui.app import SpinewiseApp
from tui.screens.workout import WorkoutScreen

LONG = ("Progress is not being saved: the session database cannot be written (disk full); "
        "the session goes on and is saved when it can be.")  # fmt: skip


def lasting(app: SpinewiseApp) -> None:
    """Toasts that stay a minute, not "Muted"'s 2 s: a busy machine took longer than
    that between the key and the look (the test failed one run in several)."""
    notify = app.notify
    app.notify = lambda message, **kw: notify(message, **{**kw, "timeout": 60})  # type: ignore[method-assign]


def test_snapshot_muted_over_a_workout_80x24(snap_compare) -> None:
    app, _, _ = make_app()
    lasting(app)
    assert snap_compare(app, terminal_size=(80, 24), run_before=at(5 + 3 + 1, "m"))


@pytest.mark.parametrize(
    "seconds", [2, 5 + 3 + 1, 5 + 4 * 8 + 5 + 10 + 3], ids=["get-ready", "work", "rest"]
)
@pytest.mark.parametrize("paused", [False, True], ids=["running", "paused"])
async def test_no_toast_over_a_workout_covers_what_is_shown(seconds: float, paused: bool) -> None:
    app, clock, _ = make_app()
    lasting(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        clock.advance(seconds)
        app.screen.tick()
        if paused:
            await pilot.press("space")
        await pilot.press("m")  # "Muted"
        app.notify(LONG, severity="warning", timeout=30)
        app.notify("Not after it hurt today", timeout=30)
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        toasts = [t.region for t in screen.query("Toast")]
        assert len(toasts) == 3 and all(t.height >= 1 for t in toasts)
        shown = [screen.query_one("#progress").region, screen.query_one("#topbar").region,
                 screen.query_one("Footer").region]  # fmt: skip
        shown += [w.region for w in screen.query("#main > *") if w.display and w.region.height]
        covered = [(t, s) for t in toasts for s in shown if t.overlaps(s)]
        assert covered == []
        assert screen.query_one("Toast").region.width < 80  # as wide as its words


async def test_the_toast_styles_are_read_at_the_first_notification_not_before() -> None:
    """`toasts.tcss` costs the first frame nothing: read when a toast is first asked for."""
    from pathlib import Path

    import tui

    styles = str(Path(tui.__file__).with_name("toasts.tcss"))
    app, _, _ = make_app()
    lasting(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not app.stylesheet.has_source(styles, "")
        await pilot.press("m")
        await pilot.pause()
        assert app.stylesheet.has_source(styles, "")
        [toast] = app.screen.query("Toast")
        assert toast.region.height == 1 and toast.region.y == 21  # above the progress bar

"""Pictures of every state of the interface, at an ordinary, a wide and a roomy size
(200x50: the countdown and phase word in the tall font).

`snap_compare` runs its own event loop, so these are plain `def` tests. The
clock is fake and the cursor does not blink, so the pictures are stable.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.ui.helpers import make_app

SIZES = [(80, 24), (120, 35), (200, 50)]


def at(seconds: float, *keys: str):
    """Run the fake clock `seconds` forward, then press `keys`."""

    async def run_before(pilot) -> None:
        for inp in pilot.app.screen.query(Input):
            inp.cursor_blink = False
        pilot.app.options.clock.advance(seconds)
        if hasattr(pilot.app.screen, "tick"):
            pilot.app.screen.tick()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("state", "start", "before"),
    [
        ("library", False, at(0)),
        ("get_ready", True, at(2)),
        ("work_mid_tempo", True, at(5 + 3 + 1)),
        ("rest", True, at(5 + 4 * 8 + 5 + 10 + 3)),
        ("self_paced", True, at(0, "N", "N")),
        ("paused", True, at(6.5, "space")),
        ("summary", True, at(0, "exclamation_mark", "x")),
    ],
)
def test_snapshot(snap_compare, state, start, before, size):
    app, _, _ = make_app(start=start)
    assert snap_compare(app, terminal_size=size, run_before=before)


#: A phone held upright, as `spinewise serve` gives it (412x915 pixels at 16-pixel
#: type: about 43x50 cells, fewer under a browser's bars): the countdown stays big.
PHONE = (42, 30)


@pytest.mark.parametrize(
    ("state", "before"),
    [("get_ready", at(2)), ("work_mid_tempo", at(5 + 3 + 1)), ("rest", at(5 + 4 * 8 + 5 + 10 + 3))],
)
def test_snapshot_on_a_phone(snap_compare, state, before):
    app, _, _ = make_app(start=True)
    assert snap_compare(app, terminal_size=PHONE, run_before=before)

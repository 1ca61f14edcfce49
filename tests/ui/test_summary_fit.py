"""The summary fits 80x24 with the longest realistic content (found by a tester: after
a session with a "Skipped" line, once the pain after was given, "How hard was
that?" was below the screen's edge and End or Down did not scroll). The questions
are docked under the words, always in view; the words above them scroll, with
the keys in the footer while they overflow."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.app import App
from textual.containers import VerticalScroll
from textual.geometry import Region

from tui.core.programme.zones import CheckIn, Kind
from tui.core.store.record import SessionRecord
from tui.screens.summary import SummaryScreen

TODAY = date(2026, 3, 5)
NOW = datetime(2026, 3, 5, 9, 0).timestamp()
SIZES = [(80, 24), (120, 35)]


def long_record() -> SessionRecord:
    """Six exercises: skipped, hurt and swapped lines as a long session gives them."""
    done = ("Pelvic tilt", "Cat-cow", "Bird dog, arms only", "Side plank from the knees",
            "Curl-up")  # fmt: skip
    swaps = (("Side plank", "Side plank from the knees", "easier"),
             ("Bird dog", "Bird dog, arms only", "easier"))  # fmt: skip
    return SessionRecord(1, "core-basics", "Core basics", "completed", NOW - 1800, NOW - 60,
                         1500.0, done=done, skipped=("Glute bridge", "Dead bug"),
                         hurt=("Side plank from the knees",), swaps=swaps)  # fmt: skip


def next_time(pain: int | None) -> list[str]:
    """Next-time lines of five exercises that progress, as `next_time_lines` words them."""
    later = "next time you do Core basics"
    return [
        f"Curl-up: 6-4-2 becomes 7-5-3 {later}: two settled sessions",
        f"Pelvic tilt: 10 becomes 11 {later}: one settled session",
        "Cat-cow: 8 for now: your pain now (below) decides if it counts",
        "Bird dog, arms only: stays at 6: pain of 6 or more during this session",
        f"Side plank from the knees: 20 s becomes 15 s {later}: pain 6 or more (red)",
    ]


class Host(App[None]):
    """Shows the long summary, with the advice to see a professional."""

    def on_mount(self) -> None:
        screen = SummaryScreen(long_record(), ask_for=1, next_time=next_time, wall=lambda: NOW)
        self.push_screen(screen)
        reds = [CheckIn(Kind.AFTER, NOW - day * 86400, pain=7) for day in (1, 2)]
        self.call_after_refresh(screen.set_recent, reds, TODAY)


def inside(app: App[None], selector: str) -> bool:
    region = app.screen.query_one(selector).region
    footer = app.screen.query_one("Footer").region
    screen = Region(0, 0, *app.size)
    return region.height > 0 and screen.contains_region(region) and not region.overlaps(footer)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_question_asked_is_always_in_view(size):
    app = Host()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#advice").region.height > 0
        for key in ("", "4", "r"):
            if key:
                await pilot.press(key)
                await settle(pilot)
            assert inside(app, "#ask-pain") and inside(app, "#ask-effort"), key
        assert "How hard: about right" in str(app.screen.query_one("#ask-effort").render())


async def test_at_80x24_the_words_scroll_with_their_keys_shown():
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        body = app.screen.query_one("#summary-body", VerticalScroll)
        assert body.max_scroll_y > 0
        shown = {b.binding.description for b in app.active_bindings.values() if b.binding.show}
        assert "Scroll" in shown
        await pilot.press("end")
        await settle(pilot)
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        await settle(pilot)
        assert body.scroll_y == 0
        await pilot.press("down")
        await settle(pilot)
        assert body.scroll_y > 0


async def test_a_short_summary_has_no_scroll_key():
    short = SessionRecord(1, "gentle-start", "Gentle start", "completed", NOW - 400, NOW,
                          300.0, done=("Pelvic tilt",), skipped=(), hurt=())  # fmt: skip

    class Short(App[None]):
        def on_mount(self) -> None:
            self.push_screen(SummaryScreen(short, ask_for=1, wall=lambda: NOW))

    app = Short()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {b.binding.description for b in app.active_bindings.values() if b.binding.show}
        assert "Scroll" not in shown
        box = app.screen.query_one("#summary-box").region
        assert box.height < 20  # as tall as its words, not the screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_of_the_long_summary_answered(snap_compare, size):
    async def answer(pilot) -> None:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)

    assert snap_compare(Host(), terminal_size=size, run_before=answer)

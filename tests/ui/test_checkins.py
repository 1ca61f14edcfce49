"""The pain questions with the pilot: before (first get-ready), during (`!` at
pain 3 and at pain 7), after (the summary), the next-morning question on the
routine library, and the setting that turns them off."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.doubles import FakeClock
from tests.ui.helpers import app_options, entry_for
from tests.ui.test_workout import step_to
from tui.app import SpinewiseApp
from tui.core.programme.zones import (
    BEFORE_RED,
    EASE_OFF_RED,
    SEE_PROFESSIONAL,
    Change,
    CheckIn,
    Effort,
    Kind,
    Zone,
)
from tui.core.store.database import Store
from tui.screens.checkins import NextDayDialog, PainDialog
from tui.screens.confirm import ChoiceDialog
from tui.screens.summary import SummaryScreen
from tui.widgets.line import Line


def make(mode: str = "before-after", store: Store | None = None, *, start: bool = True):
    clock = FakeClock()
    entry = entry_for()
    store = store or Store.open(":memory:")
    options = app_options(clock, store, checkins=mode)
    app = SpinewiseApp([entry], options=options, start=entry if start else None)
    return app, clock, store


def on_the_library_the_next_morning(store: Store) -> SpinewiseApp:
    """The app on the routine library (no workout started) over `store`, its wall
    clock at 07:30 on Monday 2 March 2026: the morning after the stored sessions."""
    app, _, _ = make(store=store, start=False)
    app.wall = lambda: datetime(2026, 3, 2, 7, 30).timestamp()
    return app


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.checkins_written()


def kept(store: Store) -> list[tuple]:
    return [(c.kind, c.pain, c.change, c.effort, c.exercise) for c in store.checkins()]


async def to_summary(app, clock, pilot) -> SummaryScreen:
    """Run `make`'s routine to its end (Enter ends the self-paced squats): its summary."""
    await step_to(pilot, clock, 10_000)
    await pilot.press("enter")  # the self-paced squats
    await pilot.pause()
    summary = app.screen
    assert isinstance(summary, SummaryScreen)
    return summary


async def test_before_a_pain_key_answers_on_the_first_get_ready():
    app, clock, store = make()
    async with app.run_test(size=(80, 24)) as pilot:
        ask = app.screen.query_one("#ask", Line)
        assert str(ask.content) == "Back pain now? 0-9, t for 10, Enter skips"
        await pilot.press("t")
        await settle(app, pilot)
        # acknowledged (a tester found the question just went), until the get-ready ends;
        # red before a session says to go gently (a tester found only "noted")
        red = f"Pain before: 10 (red), noted. {BEFORE_RED}"
        assert str(ask.content) == red
        await pilot.press("4")  # answered once: a later key is no answer
        await settle(app, pilot)
        assert str(ask.content) == red
        await step_to(pilot, clock, 7)
        assert str(ask.content) == "" and ask.has_class("-empty")
    assert kept(store) == [(Kind.BEFORE, 10, None, None, None)]
    assert store.checkins()[0].session_id is not None


async def test_before_enter_skips_and_the_question_goes_with_the_get_ready():
    app, clock, store = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await settle(app, pilot)
        assert not app.screen.query_one("#ask", Line).content
    assert kept(store) == []
    app, clock, store = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 7)  # past the get-ready, unanswered
        assert not app.screen.query_one("#ask", Line).content
        await pilot.press("3")
        await settle(app, pilot)
    assert kept(store) == []


async def test_hurt_at_pain_3_keeps_the_usual_dialog():
    app, clock, store = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, PainDialog)
        await pilot.press("3")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.tone == ""
        assert dialog.danger is not None and dialog.danger.value == "end"
        await pilot.press("c")
        await settle(app, pilot)
    assert kept(store) == [(Kind.DURING, 3, None, None, "Bird dog")]


async def test_hurt_at_pain_7_turns_red_defaults_to_skip_and_says_why():
    app, clock, store = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark")
        await pilot.press("7")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.tone == "-red"
        assert "6 or more is red" in dialog.text
        assert dialog.answers[0].label == "Skip this exercise"
        assert dialog.focused is not None and "Skip this exercise" in str(dialog.focused.label)
        await pilot.press("enter")  # the default
        await settle(app, pilot)
        assert str(app.screen.query_one("#exercise-name").content) == "Plank"
    assert kept(store) == [(Kind.DURING, 7, None, None, "Bird dog")]


async def test_after_pain_and_effort_on_the_summary():
    app, clock, store = make("after")
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query("#ask")  # "after": nothing asked before
        summary = await to_summary(app, clock, pilot)
        await pilot.press("2", "h")
        assert str(summary.query_one("#ask-pain").content) == "Back pain now: 2 (green)"
        await pilot.press("l")
        await settle(app, pilot)
    assert kept(store) == [(Kind.AFTER, 2, None, Effort.HARD, None)]


async def test_enter_on_the_summary_skips_one_question_at_a_time():
    """Found by a tester: Enter skipped the pain question and left, so the effort
    was never asked. Each Enter skips the question asked; then it leaves."""
    app, clock, store = make("after")
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_summary(app, clock, pilot)
        assert str(summary.query_one("#ask-pain").content).endswith("Enter skips")
        await pilot.press("enter")
        assert app.screen is summary
        assert str(summary.query_one("#ask-pain").content) == "Back pain now: skipped"
        await pilot.press("h")
        await pilot.press("enter")  # both given or skipped: Enter leaves
        await settle(app, pilot)
        assert app.screen is not summary
    assert kept(store) == [(Kind.AFTER, None, None, Effort.HARD, None)]


async def test_the_summary_keeps_each_answer_as_it_is_given():
    """Found by a tester: the answers were kept only as the summary was left, so a
    closed terminal lost them. Each is kept at once; a later key replaces it."""
    app, clock, store = make("after")
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_summary(app, clock, pilot)
        await pilot.press("8", "e")
        await settle(app, pilot)
        assert app.screen is summary  # not left: kept all the same
        assert kept(store) == [(Kind.AFTER, 8, None, Effort.EASY, None)]
        await pilot.press("3")  # changed their mind: the answer is replaced, not added
        await settle(app, pilot)
        assert kept(store) == [(Kind.AFTER, 3, None, Effort.EASY, None)]
        await pilot.press("l")
        await settle(app, pilot)
    assert kept(store) == [(Kind.AFTER, 3, None, Effort.EASY, None)]


async def test_the_bang_pain_is_kept_before_the_next_question_and_sharp_replaces_it():
    app, clock, store = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark", "5")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)  # still asking what to do: kept already
        assert kept(store) == [(Kind.DURING, 5, None, None, "Bird dog")]
        await pilot.press("r")  # sharp, shooting or radiating: the same answer, now sharp
        await settle(app, pilot)
    (during,) = store.checkins()
    assert (during.kind, during.pain, during.sharp) == (Kind.DURING, 5, True)
    assert [(c.kind, c.pain, c.sharp) for c in app.workout.told] == [(Kind.DURING, 5, True)]


def test_the_workout_help_says_the_pain_keys_and_what_bang_asks():
    from tui.screens.help import HELP

    assert "0-9" in HELP and "t for 10" in HELP and "Enter skips" in HELP
    assert "asks how bad" in HELP and "carry on" in HELP


async def test_the_summary_keeps_its_answers_at_the_apps_wall_time():
    app, clock, store = make("after")
    when = datetime(2026, 3, 2, 23, 59, 30).timestamp()
    app.wall = lambda: when  # the injected date source, not the machine's clock
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 10_000)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("3", "l")
        await settle(app, pilot)
    (kept_after,) = store.checkins()
    assert (kept_after.kind, kept_after.pain, kept_after.at) == (Kind.AFTER, 3, when)


async def test_off_asks_nothing():
    app, clock, store = make("off")
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query("#ask")
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("c")
        await step_to(pilot, clock, 10_000)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query(".summary-ask")
    assert kept(store) == []


def stored_session(store: Store, ended: float) -> int:
    sid = store.begin("test-care", None, "Test care", "x", 60.0, 1, {}, ended - 600)
    with store._write() as conn:
        conn.execute(
            "UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?", (ended, sid)
        )
    return sid


async def test_the_next_morning_question_on_the_library_is_asked_once():
    store = Store.open(":memory:")
    evening = datetime(2026, 3, 1, 21, 0).timestamp()
    sid = stored_session(store, evening)
    app = on_the_library_the_next_morning(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, NextDayDialog)
        await pilot.press("w")
        await settle(app, pilot)
        assert not isinstance(app.screen, NextDayDialog)
        # "worse" is answered with the advice to ease off, on a line that stays
        advice = str(app.screen.query_one("#advice", Line).content)
        assert advice.startswith("Worse than before yesterday's session: ease off")
    assert kept(store) == [(Kind.NEXT_DAY, None, Change.WORSE, None, None)]
    assert store.checkins()[0].session_id == sid
    app, _, _ = make(store=store, start=False)
    app.wall = lambda: datetime(2026, 3, 2, 9, 0).timestamp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not isinstance(app.screen, NextDayDialog)


async def test_red_twice_this_week_gives_the_advice():
    store = Store.open(":memory:")
    now = datetime(2026, 3, 4, 9, 0).timestamp()
    store.add_checkin(CheckIn(Kind.AFTER, now - 2 * 86400, pain=6))
    store.add_checkin(CheckIn(Kind.AFTER, now - 600, pain=8))
    app, _, _ = make(store=store, start=False)
    app.wall = lambda: now
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        # a calm line on the library that stays while it applies, not a toast
        line = app.screen.query_one("#advice", Line)
        assert str(line.content) == SEE_PROFESSIONAL and line.display and line.region.height
        assert not [n for n in app._notifications if "physiotherapist" in n.message]


def summary_app(record, recent, today, ask_for=1):
    from textual.app import App

    from tui.screens.summary import SummaryScreen

    class One(App[None]):
        def on_mount(self) -> None:
            screen = SummaryScreen(record, ask_for=ask_for, wall=lambda: 1e9)
            self.push_screen(screen)
            screen.set_recent(recent, today)

    return One()


def ended_record():
    from tui.core.store.record import SessionRecord

    return SessionRecord(1, "test-care", "Test care", "completed", 1e9 - 600, 1e9, 600.0,
                         ("Bird dog",), (), ())  # fmt: skip


async def test_the_summary_eases_off_after_a_red_pain_and_advises_when_red_twice():
    """Issue 15: red twice in 7 days shows on the summary too; a red pain after is
    answered with ease off, never "same time tomorrow?"."""
    today = datetime.fromtimestamp(1e9).date()
    earlier = [CheckIn(Kind.AFTER, 1e9 - 3 * 86400, pain=7, session_id=9)]
    app = summary_app(ended_record(), earlier, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        closing = app.screen.query_one("#summary-closing")
        advice = app.screen.query_one("#advice", Line)
        assert "same time tomorrow" in str(closing.content) and str(advice.content) == ""
        await pilot.press("4")
        assert str(advice.content) == ""
        await pilot.press("7")  # red today, red three days ago
        assert str(closing.content) == EASE_OFF_RED
        assert str(advice.content) == SEE_PROFESSIONAL and advice.region.height
        await pilot.press("2")  # changed the answer: the advice follows it
        assert "same time tomorrow" in str(closing.content) and str(advice.content) == ""


async def test_the_history_table_shows_pain_before_and_after_and_its_zone():
    from tui.screens.history import HistoryScreen

    store = Store.open(":memory:")
    sid = stored_session(store, datetime(2026, 3, 1, 21, 0).timestamp())
    store.add_checkin(CheckIn(Kind.BEFORE, 1.0, pain=2, session_id=sid))
    store.add_checkin(CheckIn(Kind.DURING, 2.0, pain=5, session_id=sid, exercise="Plank"))
    store.add_checkin(CheckIn(Kind.AFTER, 3.0, pain=3, session_id=sid))
    app, _, _ = make(store=store, start=False)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        app.action_history()
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#history-table")
        # before → after · the worst's zone, with the worst when it was during (issue 16)
        assert str(table.get_row_at(0)[4]) == "2 → 3 · amber (5 during)"


def test_a_session_left_before_it_began_keeps_no_pain_before():
    """Found by a tester: `q` in the first get-ready kept nothing but the pain
    before, session-less, which the JSONL export listed."""
    store = Store.open(":memory:")
    sid = store.begin("test-care", None, "Test care", "x", 60.0, 1, {}, 1000.0)
    store.add_checkin(CheckIn(Kind.BEFORE, 1001.0, pain=2, session_id=sid))
    store.add_checkin(CheckIn(Kind.STANDALONE, 1002.0, pain=1))
    store.forget(sid)
    assert kept(store) == [(Kind.STANDALONE, 1, None, None, None)]


def test_a_dismissed_next_morning_question_is_no_answer_but_is_not_asked_again():
    store = Store.open(":memory:")
    sid = stored_session(store, 1000.0)
    store.add_checkin(CheckIn(Kind.NEXT_DAY, 40000.0, session_id=sid))  # Enter
    assert store.checkins() == [] and store.checkins([sid]) == []
    last = store.last_session()
    assert last is not None and last.has_next_day


def test_pain_cells():
    from tui.core.present.pain import pain_cell

    assert pain_cell([]) == ""
    assert pain_cell([CheckIn(Kind.BEFORE, 1.0, pain=4)]) == "4 → –"
    assert pain_cell([CheckIn(Kind.AFTER, 1.0, pain=7)]) == "– → 7 · red"
    assert pain_cell([CheckIn(Kind.NEXT_DAY, 1.0, change=Change.SAME)]) == ""
    assert pain_cell([CheckIn(Kind.DURING, 1.0, pain=6)]) == "– → – · red (6 during)"


@pytest.mark.parametrize(
    ("during", "after", "cell", "zone"),
    [
        (5, 2, "– → 2 · amber (5 during)", "amber"),  # the tester's: not "– → 2 amber"
        (2, 5, "– → 5 · amber", "amber"),  # the worst is the pain after: said once
        (5, 5, "– → 5 · amber", "amber"),
        (None, 1, "– → 1 · green", "green"),
        (8, None, "– → – · red (8 during)", "red"),
    ],
)
def test_the_zone_stands_apart_from_the_pain_after(during, after, cell, zone):
    """Found by a tester (issue 16): pain 5 during and 2 after read "– → 2 amber",
    as if 2 were amber; the zone follows the worst pain, and now says which."""
    from tui.core.present.pain import cell_zone, pain_cell

    given = [CheckIn(Kind.DURING, 1.0, pain=during)] if during is not None else []
    given += [CheckIn(Kind.AFTER, 2.0, pain=after)] if after is not None else []
    assert pain_cell(given) == cell
    assert cell_zone(cell) == zone and cell_zone("4 → –") == ""


def test_the_pain_cell_says_what_the_csv_says():
    """Found by a tester: before 3, during 3 and 7 (`!`), after 5 read "3 → 7 red" in
    the table while the CSV said pain_before=3, pain_after=5, zone=red."""
    from tui.core.present.export import csv_row
    from tui.core.present.pain import pain_cell, session_pain
    from tui.core.store.record import SessionRecord

    given = [
        CheckIn(Kind.BEFORE, 1.0, pain=3, session_id=1),
        CheckIn(Kind.DURING, 2.0, pain=3, session_id=1, exercise="Knee to chest"),
        CheckIn(Kind.DURING, 3.0, pain=7, session_id=1, exercise="Lying twist"),
        CheckIn(Kind.AFTER, 4.0, pain=5, effort=Effort.HARD, session_id=1),
    ]
    pain = session_pain(given)
    assert (pain.before, pain.after, pain.worst, pain.zone) == (3, 5, 7, Zone.RED)
    assert pain_cell(given) == "3 → 5 · red (7 during)"
    record = SessionRecord(1, "r", "R", "completed", 0.0, 60.0, 60.0, ("A",), (), ())
    assert csv_row(record, given)[6:10] == ["3", "5", "red", "hard"]


def three_days(store: Store) -> None:
    """Three sessions on three days of the week of 2 March 2026, with pain answers."""
    for day, (after, hurt_pain) in zip((2, 3, 4), ((2, None), (5, 4), (7, 7)), strict=True):
        started = datetime(2026, 3, day, 8, 0).timestamp()
        sid = store.begin("test-care", None, "Test care", "x", 600.0, 2, {}, started)
        with store._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'completed', ended_at = ?, active_seconds = ?"
                " WHERE id = ?", (started + 900, 300.0 * day, sid),
            )  # fmt: skip
            for i, (name, skipped, hurt) in enumerate(
                (("Bird dog", 0, 0), ("Plank", int(day == 3), int(hurt_pain is not None)))
            ):
                conn.execute(
                    "INSERT INTO steps (session_id, step_index, kind, exercise_index, exercise,"
                    " started_at, skipped, hurt) VALUES (?, ?, 'work', ?, ?, ?, ?, ?)",
                    (sid, i, i, name, started + i, skipped, hurt),
                )
            # The session's own lists, as the step log keeps them (`engine.credit`).
            plank_skipped, plank_hurt = day == 3, hurt_pain is not None
            conn.execute(
                "UPDATE sessions SET done = ?, skipped = ?, hurt = ? WHERE id = ?",
                (json.dumps(["Bird dog"] + ([] if plank_skipped else ["Plank"])),
                 json.dumps(["Plank"] if plank_skipped else []),
                 json.dumps(["Plank"] if plank_hurt else []), sid),
            )  # fmt: skip
            if day == 4:  # the notes of a session swapped for a variant run long
                swap = {"exercise": "Plank", "variant": "Plank from the knees", "way": "easier"}
                conn.execute("UPDATE sessions SET swaps = ? WHERE id = ?",
                             (json.dumps([swap]), sid))  # fmt: skip
        store.add_checkin(CheckIn(Kind.BEFORE, started - 60, pain=2, session_id=sid))
        if hurt_pain is not None:
            store.add_checkin(CheckIn(Kind.DURING, started + 60, pain=hurt_pain,
                                      session_id=sid, exercise="Plank"))  # fmt: skip
        store.add_checkin(CheckIn(Kind.AFTER, started + 960, pain=after, session_id=sid))


def history_app(fill=three_days):
    from textual.app import App

    from tui.screens.history import history_screen

    store = Store.open(":memory:")
    fill(store)

    class One(App[None]):
        def on_mount(self) -> None:
            self.push_screen(history_screen(store, today=datetime(2026, 3, 5).date()))

    return One()


async def open_tab(pilot, key: str) -> None:
    await pilot.pause()
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_history_tabs_show_the_three_days():
    app = history_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        assert [str(table.get_row_at(r)[4]) for r in range(3)] == [
            "2 → 7 · red", "2 → 5 · amber", "2 → 2 · green"
        ]
        await open_tab(pilot, "2")
        grid = str(app.screen.query_one("#history-calendar").content)
        assert "Mon" in grid and "pain of 6 or more" in grid
        await open_tab(pilot, "4")
        exercises = app.screen.query_one("#history-exercises")
        rows = [[str(c) for c in exercises.get_row_at(r)] for r in range(exercises.row_count)]
        # Skipped on the 3rd, so done on two days (`engine.credit`: skipped is not done).
        assert rows == [["Bird dog", "3", "0", "0", ""], ["Plank", "2", "1", "2", "7 (red)"]]


def _snap(snap_compare, key: str, size: tuple[int, int], fill=three_days) -> bool:
    async def run_before(pilot) -> None:
        await open_tab(pilot, key)

    return snap_compare(history_app(fill), terminal_size=size, run_before=run_before)


def test_snapshot_history_calendar_80x24(snap_compare):
    assert _snap(snap_compare, "2", (80, 24))


def test_snapshot_history_calendar_120x35(snap_compare):
    assert _snap(snap_compare, "2", (120, 35))


def test_snapshot_history_exercises_80x24(snap_compare):
    assert _snap(snap_compare, "4", (80, 24))


def test_snapshot_history_sessions_120x35(snap_compare):
    assert _snap(snap_compare, "1", (120, 35))


def test_snapshot_history_sessions_80x24(snap_compare):
    assert _snap(snap_compare, "1", (80, 24))


# -- the Pain tab --------------------------------------------------------------


def one_session(store: Store) -> None:
    """One session, on 4 March 2026, pain 3 before and 5 after."""
    started = datetime(2026, 3, 4, 8, 0).timestamp()
    sid = store.begin("test-care", None, "Test care", "x", 600.0, 2, {}, started)
    with store._write() as conn:
        conn.execute(
            "UPDATE sessions SET status = 'completed', ended_at = ?, active_seconds = 600"
            " WHERE id = ?", (started + 900, sid),
        )  # fmt: skip
    store.add_checkin(CheckIn(Kind.BEFORE, started - 60, pain=3, session_id=sid))
    store.add_checkin(CheckIn(Kind.AFTER, started + 960, pain=5, session_id=sid))


def years(store: Store) -> None:
    """Daily sessions for three years up to 4 March 2026, each with pain before and after."""
    from tests.core.store_writes import fill_history

    start = datetime(2026, 3, 4, 8, 0).timestamp()
    fill_history(store, 3 * 365, steps_each=2, start=start)
    for sid in range(1, 3 * 365 + 1):
        began = start - (sid - 1) * 86_400
        store.add_checkin(CheckIn(Kind.BEFORE, began - 60, pain=(sid * 3) % 6, session_id=sid))
        store.add_checkin(CheckIn(Kind.AFTER, began + 960, pain=(sid * 5) % 8, session_id=sid))


async def pain_tab(fill):
    from tui.widgets.chart_plot import ChartPlot

    app = history_app(fill)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_tab(pilot, "3")
        note = str(app.screen.query_one("#history-pain-note").content)
        plots = list(app.screen.query(ChartPlot))
        return note, plots[0].chart if plots else None


async def test_the_pain_tab_draws_before_and_after_with_the_zones():
    note, chart = await pain_tab(three_days)
    assert note == ("6 answers, 27 Feb 2026 - 05 Mar: from the first in the last 12 weeks\n"
                    "Zones: green 0-3, amber 4-5, red 6-10")
    before, after = chart.series
    assert (before.ys, after.ys) == ((2.0, 2.0, 2.0), (2.0, 5.0, 7.0))
    assert len(chart.bands) == 3


async def test_the_pain_tab_with_no_answers_says_so_without_a_chart():
    note, chart = await pain_tab(lambda store: None)
    assert chart is None
    assert note.startswith("No pain given in the 12 weeks from")


async def test_the_pain_tab_with_one_session():
    note, chart = await pain_tab(one_session)
    assert note.startswith("2 answers,")
    assert [(s.label, s.ys) for s in chart.series] == [("before", (3.0,)), ("after", (5.0,))]


async def test_the_pain_tab_with_years_of_sessions_shows_its_12_weeks():
    note, chart = await pain_tab(years)
    # 80 days, of 1,095
    assert note.startswith("160 answers in the last 12 weeks, 15 Dec 2025 - 05 Mar")
    assert all(0 <= x < 84 for series in chart.series for x in series.xs)


def test_snapshot_history_pain_80x24(snap_compare):
    assert _snap(snap_compare, "3", (80, 24))


def test_snapshot_history_pain_120x35(snap_compare):
    assert _snap(snap_compare, "3", (120, 35))


def three_days_and_alone(store: Store) -> None:
    """`three_days`, and two pains given on their own (`spinewise checkin`, no session)."""
    three_days(store)
    for day, pain in ((3, 6), (5, 8)):
        at = datetime(2026, 3, day, 18, 0).timestamp()
        store.add_checkin(CheckIn(Kind.STANDALONE, at, pain=pain))


def test_snapshot_history_pain_alone_80x24(snap_compare):
    """Found by a tester: pains given on their own were in no chart (◆, a legend entry)."""
    assert _snap(snap_compare, "3", (80, 24), fill=three_days_and_alone)


def test_snapshot_history_pain_empty_80x24(snap_compare):
    assert _snap(snap_compare, "3", (80, 24), fill=lambda store: None)


async def test_the_summary_closing_follows_the_bang_pain_zone():
    """Found by a tester: `!` at pain 3 said "Fine to carry on gently", and then the
    summary said to see a professional. Its words now follow the worst zone."""
    from tui.core.programme.zones import HURT_AMBER, HURT_GREEN

    app, clock, _ = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await step_to(pilot, clock, 7)
        await pilot.press("exclamation_mark", "3", "c")
        summary = await to_summary(app, clock, pilot)
        closing = summary.query_one("#summary-closing")
        assert str(closing.content) == HURT_GREEN
        await pilot.press("4")  # amber after: the worst now
        assert str(closing.content) == HURT_AMBER
        await pilot.press("7")
        assert str(closing.content) == EASE_OFF_RED


async def test_the_palette_says_which_setting_is_in_use_and_why_a_broken_file_is_not_saved(
    tmp_path,
):
    """Found by a tester: with a config.toml that could not be read, changing the
    setting wrote the defaults over it. It is used for now, and said so in one sentence."""
    from tui.audio.setup import SoundSetup
    from tui.core.settings import load_settings

    path = tmp_path / "config.toml"
    broken = 'voice = true\ncheckins = "after"\ncheckins = "off"\n'
    path.write_text(broken)
    setup = SoundSetup(object(), load_settings(path))  # type: ignore[arg-type]
    clock = FakeClock()
    store = Store.open(":memory:")
    options = app_options(clock, store, checkins="after", remember=setup.remember)
    app = SpinewiseApp([entry_for()], options=options)
    said: list[str] = []
    app.notify = lambda text, **kwargs: said.append(text)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        commands = {c.title: c for c in app.checkin_commands()}
        assert commands["Check-ins: after only"].help.startswith("In use now.")
        assert not commands["Check-ins: off"].help.startswith("In use now.")
        commands["Check-ins: off"].callback()
        await settle(app, pilot)
        assert app.options.checkins == "off"
    assert said == [
        f"Check-ins: off for now: it can't be saved until the error at {path}:3:17 is fixed "
        "(nothing in the file was changed)."
    ]
    assert path.read_text() == broken

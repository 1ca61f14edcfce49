"""`spinewise checkin` after a preview (issue 15, found by a tester): the answer is
never kept with the preview; it goes to the last session that counts when the
rules allow, else stands alone, and the sentence says which and why. A red
answer still counts toward the advice to see a professional."""

from __future__ import annotations

from datetime import datetime

from tui.cli import main
from tui.commands import checkin
from tui.core.programme.zones import SEE_PROFESSIONAL, Change, CheckIn, Kind
from tui.core.store.database import Store

MORNING = datetime(2026, 3, 2, 8, 0)  # a session at speed 1 ended then
PREVIEW = datetime(2026, 3, 2, 9, 0)  # a --speed 4 preview ended then


def ended(when: datetime, *, speed: float = 1.0) -> int:
    with Store.open() as store:
        sid = store.begin("care", None, "Care", "x", 60.0, 1, {}, when.timestamp() - 600,
                          speed=speed)  # fmt: skip
        with store._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = 'completed', ended_at = ? WHERE id = ?",
                (when.timestamp(), sid),
            )
    return sid


def at(monkeypatch, when: datetime) -> None:
    monkeypatch.setattr(checkin, "wall", when.timestamp)


def kept() -> list[tuple]:
    with Store.open() as store:
        return [(c.kind, c.pain, c.change, c.session_id) for c in store.checkins()]


def test_a_pain_after_a_preview_is_the_pain_after_the_session_before_it(monkeypatch, capsys):
    counting = ended(MORNING)
    ended(PREVIEW, speed=4.0)
    at(monkeypatch, datetime(2026, 3, 2, 9, 10))
    assert main(["checkin", "3"]) == 0
    assert capsys.readouterr().out == (
        "Your last session (Mon 02 Mar 08:50) was a preview (--speed 4), so this was "
        "recorded as the pain after your session of Mon 02 Mar 07:50: pain 3 (green).\n"
    )
    assert kept() == [(Kind.AFTER, 3, None, counting)]
    # that one has its pain after now: the next stands alone, and says why
    assert main(["checkin", "2"]) == 0
    assert capsys.readouterr().out == (
        "Your last session (Mon 02 Mar 08:50) was a preview (--speed 4), so this was "
        "recorded on its own (your session of Mon 02 Mar 07:50 has its pain after "
        "already): pain 2 (green).\n"
    )
    assert kept()[-1] == (Kind.STANDALONE, 2, None, None)


def test_a_pain_after_a_preview_with_no_session_that_counts_stands_alone(monkeypatch, capsys):
    ended(datetime(2026, 2, 27, 8, 0))  # days ago: past the 24 hours
    ended(PREVIEW, speed=0.5)  # slower than written is a preview too
    at(monkeypatch, datetime(2026, 3, 2, 9, 10))
    assert main(["checkin", "4"]) == 0
    assert capsys.readouterr().out == (
        "Your last session (Mon 02 Mar 08:50) was a preview (--speed 0.5), so this was "
        "recorded on its own (no session at normal speed ended in the last 24 hours that "
        "it belongs to): pain 4 (amber).\n"
    )
    assert kept() == [(Kind.STANDALONE, 4, None, None)]


def test_the_next_morning_after_a_preview_is_about_the_session_that_counted(
    monkeypatch, capsys
):
    counting = ended(datetime(2026, 3, 1, 8, 0))
    ended(datetime(2026, 3, 1, 20, 0), speed=2.0)
    at(monkeypatch, datetime(2026, 3, 2, 7, 30))
    assert main(["checkin", "--vs", "same"]) == 0
    assert capsys.readouterr().out == (
        "Your last session (Sun 01 Mar 19:50) was a preview (--speed 2), so this was "
        "recorded as the next-day answer for your session of Sun 01 Mar 07:50.\n"
    )
    assert main(["checkin", "--vs", "better"]) == 0  # a later answer replaces it, and says so
    assert capsys.readouterr().out.endswith(
        "Sun 01 Mar 07:50; it replaces the earlier answer (same).\n"
    )
    assert kept() == [(Kind.NEXT_DAY, None, Change.BETTER, counting)]


def test_vs_after_a_preview_with_nothing_to_compare_keeps_nothing(monkeypatch, capsys):
    ended(MORNING)  # today: its morning after is tomorrow
    ended(PREVIEW, speed=4.0)
    at(monkeypatch, datetime(2026, 3, 2, 9, 10))
    assert main(["checkin", "3", "--vs", "worse"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (
        "spinewise checkin: your last session was a preview (--speed 4), and --vs is never "
        "about a preview; your last session at normal speed ended today at 08:00: --vs is "
        "about the morning after it, from 00:00 tomorrow. Nothing was kept; to keep the rest "
        "now: spinewise checkin 3.\n"
    )
    assert kept() == []


def test_a_red_answer_counts_toward_the_advice_from_a_preview_or_on_its_own(
    monkeypatch, capsys
):
    preview = ended(PREVIEW, speed=4.0)
    with Store.open() as store:  # red on the preview's summary, on Monday
        store.add_checkin(CheckIn(Kind.AFTER, PREVIEW.timestamp() + 60, pain=7,
                                  session_id=preview))  # fmt: skip
    at(monkeypatch, datetime(2026, 3, 4, 9, 0))  # red again on Wednesday, on its own
    assert main(["checkin", "6"]) == 0
    out = capsys.readouterr().out
    assert "recorded on its own" in out
    assert SEE_PROFESSIONAL in out

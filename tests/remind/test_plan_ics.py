"""`spinewise plan export --ics`: the coming sessions parsed back with icalendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.programme.helpers import ended
from tui.cli import main
from tui.commands import plan
from tui.core.store.database import Store

SUNDAY = datetime(2026, 3, 1, 7, 30)


def on(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    monkeypatch.setattr(plan, "wall", when.timestamp)


def events(path: Path) -> list:  # type: ignore[type-arg]
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    on(monkeypatch, SUNDAY)
    assert main(["plan", "start", "back-care-12-weeks", "--days", "mon,wed,fri"]) == 0
    capsys.readouterr()


def test_one_event_per_session_each_with_an_alarm_and_the_same_uids_twice(
    started: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    file = tmp_path / "plan.ics"
    assert main(["plan", "export", "--ics", "-o", str(file), "--at", "18:30"]) == 0
    assert "Wrote 33 sessions of Back care, 12 weeks" in capsys.readouterr().out
    first = events(file)
    assert len(first) == 33  # the plan's sessions, none done yet
    for event in first:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == timedelta(0)
    starts = [event.decoded("DTSTART") for event in first]
    # Sun, then MWF but never the day after a session: not Monday the 2nd.
    assert starts[:4] == [datetime(2026, 3, d, 18, 30) for d in (1, 4, 6, 9)]
    assert [s.weekday() for s in starts[1:]] == [s.weekday() for s in starts[1:]
                                                 if s.weekday() in (0, 2, 4)]  # fmt: skip
    assert str(first[0]["SUMMARY"]) == "Back care: Gentle start"
    assert first[0].decoded("DTEND") - starts[0] == timedelta(minutes=5)
    assert "spinewise run gentle-start" in str(first[0]["DESCRIPTION"])

    assert main(["plan", "export", "--ics", "-o", str(file), "--at", "18:30"]) == 0  # ours
    assert [e["UID"] for e in events(file)] == [e["UID"] for e in first]

    with Store.open() as store:  # a session done, a week missed: the rest move, same ids
        ended(store, "gentle-start", SUNDAY)
    on(monkeypatch, SUNDAY + timedelta(days=9))
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 0
    later = events(file)
    assert [e["UID"] for e in later] == [e["UID"] for e in first[1:]]
    assert later[0].decoded("DTSTART") == datetime(2026, 3, 11, 8, 0)  # Wed; 08:00 default
    assert later[0].decoded("SEQUENCE") > first[1].decoded("SEQUENCE")


def test_events_moved_on_the_plans_start_day_get_a_higher_sequence(
    started: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    """Exported on the day the plan started, then the plan started again that day on
    other weekdays: the same event ids on new dates must carry a higher SEQUENCE (RFC 5545,
    3.8.7.4), or a calendar program keeps the old dates (it was days since the start: 0
    for both). A later export after a missed session outranks both."""
    file = tmp_path / "plan.ics"
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 0
    first = {str(e["UID"]): e for e in events(file)}
    on(monkeypatch, SUNDAY + timedelta(hours=2))
    assert main(["plan", "stop"]) == 0
    assert main(["plan", "start", "back-care-12-weeks", "--days", "tue,thu"]) == 0
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 0
    second = events(file)
    assert {str(e["UID"]) for e in second} == set(first)  # the same events, updated
    moved = [e for e in second
             if e.decoded("DTSTART") != first[str(e["UID"])].decoded("DTSTART")]
    assert len(moved) > 30
    assert all(e.decoded("SEQUENCE") > first[str(e["UID"])].decoded("SEQUENCE")
               for e in second)  # documented: every event of a later export, moved or not
    on(monkeypatch, SUNDAY + timedelta(days=30))
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 0
    third = events(file)
    assert all(e.decoded("SEQUENCE") > second[0].decoded("SEQUENCE") for e in third)
    assert all(0 < e.decoded("SEQUENCE") < 2**31 for e in third)  # an RFC 5545 INTEGER
    capsys.readouterr()


def test_to_standard_output_and_at_the_reminders_time(
    started: None, capsys: pytest.CaptureFixture[str], fakes: object
):
    assert main(["remind", "set", "07:15"]) == 0
    capsys.readouterr()
    assert main(["plan", "export", "--ics"]) == 0
    calendar = Calendar.from_ical(capsys.readouterr().out)
    assert calendar.walk("VEVENT")[0].decoded("DTSTART") == datetime(2026, 3, 1, 7, 15)


def test_a_file_that_is_not_ours_is_kept_unless_forced(
    started: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    file = tmp_path / "notes.ics"
    file.write_text("my notes\n")
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 1
    assert "add --force" in capsys.readouterr().err
    assert file.read_text() == "my notes\n"
    assert main(["plan", "export", "--ics", "-o", str(file), "--force"]) == 0
    assert len(events(file)) == 33


def test_without_a_plan_there_is_nothing_to_export(capsys: pytest.CaptureFixture[str]):
    assert main(["plan", "export", "--ics"]) == 1
    assert "no plan is running" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["plan", "export"])  # --ics is the format, and must be said
    assert exit_.value.code == 2


def test_a_finished_plan_exports_an_empty_calendar(
    started: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    from tui.core.programme.plan_calendar import coming_sessions
    from tui.core.programme.schedule import Due, Place, Today

    done = Today(Due.FINISHED, Place(33, None, date(2026, 6, 1)), None)
    assert coming_sessions(None, done, None) == []  # type: ignore[arg-type]


def test_only_an_earlier_export_of_this_plan_is_replaced_without_force(
    started: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    file = tmp_path / "plan.ics"
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 0
    ours = file.read_bytes()
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 0  # the same plan: replaced
    assert "(replacing the export before)" in capsys.readouterr().out

    # Our calendar with an event of the person's added: kept.
    added = ours.replace(b"END:VCALENDAR", b"BEGIN:VEVENT\r\nUID:dentist@example.org\r\n"
                         b"SUMMARY:Dentist\r\nDTSTART:20260310T090000\r\nEND:VEVENT\r\n"
                         b"END:VCALENDAR")  # fmt: skip
    file.write_bytes(added)
    assert main(["plan", "export", "--ics", "-o", str(file)]) == 1
    err = capsys.readouterr().err
    assert "is not an earlier export of this plan; nothing written (add --force" in err
    assert file.read_bytes() == added

    # A file that only mentions our PRODID near its start: kept (it was replaced).
    notes = tmp_path / "notes.txt"
    notes.write_text("PRODID:-//spinewise//plan export//EN is what it writes\nmy notes\n")
    assert main(["plan", "export", "--ics", "-o", str(notes)]) == 1
    assert notes.read_text().endswith("my notes\n")

    # Another plan's calendar (here: this plan started again later): kept unless --force.
    other = tmp_path / "other.ics"
    other.write_bytes(ours.replace(b"-20260301-session-", b"-20260201-session-"))
    assert main(["plan", "export", "--ics", "-o", str(other)]) == 1
    assert "is a calendar of another plan, or of an earlier start of this one" in (
        capsys.readouterr().err)
    assert b"-20260201-session-" in other.read_bytes()
    assert main(["plan", "export", "--ics", "-o", str(other), "--force"]) == 0
    assert b"-20260201-session-" not in other.read_bytes()

    # Through a symbolic link, to this plan's calendar: replaced, the link kept.
    file.write_bytes(ours)
    link = tmp_path / "link.ics"
    link.symlink_to(file)
    assert main(["plan", "export", "--ics", "-o", str(link)]) == 0
    assert link.is_symlink() and len(events(file)) == 33
    # The one rule still holds: a device is never replaced, nor a missing folder made.
    assert main(["plan", "export", "--ics", "-o", "/dev/null"]) == 1
    assert "a character device" in capsys.readouterr().err
    assert main(["plan", "export", "--ics", "-o", str(tmp_path / "none" / "p.ics")]) == 1
    assert "does not exist" in capsys.readouterr().err

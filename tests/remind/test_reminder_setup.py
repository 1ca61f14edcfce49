"""Setting a reminder up and taking it down, with the scheduler's programs faked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.remind.conftest import Fakes
from tui.core import paths
from tui.core.programme.reminder_setup import (
    Removed,
    SetupError,
    install,
    remove,
    scheduler_here,
    systemd_dir,
)
from tui.core.programme.reminder_state import (
    ReminderTime,
    load_state,
    save_state,
    state_path,
)

WHEN = ReminderTime(7, 30, (0, 2, 4))


def every_file(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_the_scheduler_is_systemd_when_a_user_systemd_answers(fakes: Fakes) -> None:
    assert scheduler_here("linux") == "systemd"
    assert fakes.calls("systemctl") == [["systemctl", "--user", "show-environment"]]
    fakes.fail("systemctl")
    assert scheduler_here("linux") == "cron"
    assert scheduler_here("darwin") == "launchd"
    assert scheduler_here("freebsd14") == "cron"


def test_systemd_units_are_written_enabled_and_all_removed_again(fakes: Fakes) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    done = install(WHEN, "systemd")
    folder = config / "systemd" / "user"
    assert systemd_dir() == folder
    assert done.files == (folder / "spinewise-remind.timer", folder / "spinewise-remind.service")
    assert "OnCalendar=Mon,Wed,Fri *-*-* 07:30:00" in done.files[0].read_text()
    service = done.files[1].read_text()
    assert f"Environment=XDG_STATE_HOME={os.environ['XDG_STATE_HOME']}" in service
    assert f"ExecStart={sys.executable} -m tui remind fire" in service
    assert fakes.calls("systemctl")[-2:] == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "spinewise-remind.timer"],
    ]
    assert load_state()["time"] == "07:30"

    assert remove() == Removed(list(done.files), [])
    assert ["systemctl", "--user", "disable", "--now", "spinewise-remind.timer"] in \
        fakes.calls("systemctl")
    assert not state_path().exists()
    assert every_file(config) == []  # nothing left behind


def test_remove_keeps_a_file_the_person_rewrote(fakes: Fakes) -> None:
    done = install(WHEN, "systemd")
    done.files[1].write_text("[Service]\nExecStart=/bin/true\n")  # theirs now
    assert remove() == Removed([], [
        (done.files[0], "kept with spinewise-remind.service, which needs it"),
        (done.files[1], "it was edited since spinewise wrote it")])
    assert done.files[0].exists() and done.files[1].exists()


def test_remove_keeps_a_file_edited_below_the_marker_and_says_why(fakes: Fakes) -> None:
    """The tester's case: the marker line kept, the time changed by hand."""
    done = install(WHEN, "systemd")
    timer = done.files[0]
    timer.write_text(timer.read_text().replace("07:30", "06:45"))
    # the service stays too: the timer kept names it (`Unit=`), found by a tester
    assert remove() == Removed([], [
        (timer, "it was edited since spinewise wrote it"),
        (done.files[1], "kept with spinewise-remind.timer, which needs it")])
    assert "06:45" in timer.read_text() and done.files[1].exists()
    assert not state_path().exists()


def test_remove_from_a_state_without_hashes_goes_by_the_marker(fakes: Fakes) -> None:
    done = install(WHEN, "systemd")
    state = load_state()
    del state["sha256"]
    save_state(state)
    assert remove().removed == list(done.files)


def test_a_refusing_systemctl_leaves_nothing_behind(fakes: Fakes) -> None:
    fakes.fail("systemctl")
    with pytest.raises(SetupError, match="systemctl --user daemon-reload"):
        install(WHEN, "systemd")
    assert every_file(Path(os.environ["XDG_CONFIG_HOME"])) == []
    assert not state_path().exists()


def test_setting_again_replaces_the_reminder_before(fakes: Fakes) -> None:
    install(WHEN, "systemd")
    done = install(ReminderTime(18, 0), "systemd")
    assert "OnCalendar=*-*-* 18:00:00" in done.files[0].read_text()
    assert load_state()["days"] == []


def test_a_launch_agent_is_bootstrapped_and_booted_out(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "mac"))
    done = install(WHEN, "launchd")
    plist = tmp_path / "mac" / "Library" / "LaunchAgents" / "org.spinewise.remind.plist"
    assert done.files == (plist,)
    domain = f"gui/{os.getuid()}"
    assert fakes.calls("launchctl") == [["launchctl", "bootstrap", domain, str(plist)]]
    assert remove() == Removed([plist], [])
    assert fakes.calls("launchctl")[-1] == ["launchctl", "bootout", domain, str(plist)]
    assert every_file(tmp_path / "mac") == []
    assert not paths.state_dir().exists() or every_file(paths.state_dir()) == []

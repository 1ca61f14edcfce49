"""The scheduler's files, compared to the text expected (issue 18)."""

from __future__ import annotations

import plistlib

import pytest

from tui.core.programme.reminder_files import (
    crontab_line,
    launchd_plist,
    on_calendar,
    systemd_service,
    systemd_timer,
)
from tui.core.programme.reminder_state import ReminderTime, parse_clock

COMMAND = ["/opt/spine wise/bin/python3", "-m", "tui", "remind", "fire"]
ENV = {"XDG_CONFIG_HOME": "/home/ann/.config", "XDG_STATE_HOME": "/home/ann/100%/state"}
MON_WED_FRI = ReminderTime(7, 30, (0, 2, 4))


def test_the_timer_runs_on_the_days_at_the_time_and_catches_up_after_sleep() -> None:
    assert systemd_timer(MON_WED_FRI) == (
        "# Made by spinewise remind set: remove it with `spinewise remind off`.\n"
        "[Unit]\n"
        "Description=spinewise: remind me when a back-care session is due\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=Mon,Wed,Fri *-*-* 07:30:00\n"
        "Persistent=true\n"
        "Unit=spinewise-remind.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    assert on_calendar(ReminderTime(18, 5)) == "*-*-* 18:05:00"


def test_the_service_runs_fire_once_with_the_folders_quoted_for_systemd() -> None:
    assert systemd_service(COMMAND, ENV) == (
        "# Made by spinewise remind set: remove it with `spinewise remind off`.\n"
        "[Unit]\n"
        "Description=spinewise: a notification when a back-care session is due\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "Environment=XDG_CONFIG_HOME=/home/ann/.config\n"
        "Environment=XDG_STATE_HOME=/home/ann/100%%/state\n"
        'ExecStart="/opt/spine wise/bin/python3" -m tui remind fire\n'
    )


def test_the_launch_agent_is_the_plist_expected() -> None:
    text = launchd_plist(MON_WED_FRI, COMMAND, ENV)
    assert text == """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Made by spinewise remind set: remove it with `spinewise remind off`. -->
<plist version="1.0">
<dict>
	<key>EnvironmentVariables</key>
	<dict>
		<key>XDG_CONFIG_HOME</key>
		<string>/home/ann/.config</string>
		<key>XDG_STATE_HOME</key>
		<string>/home/ann/100%/state</string>
	</dict>
	<key>Label</key>
	<string>org.spinewise.remind</string>
	<key>ProgramArguments</key>
	<array>
		<string>/opt/spine wise/bin/python3</string>
		<string>-m</string>
		<string>tui</string>
		<string>remind</string>
		<string>fire</string>
	</array>
	<key>RunAtLoad</key>
	<false/>
	<key>StartCalendarInterval</key>
	<array>
		<dict>
			<key>Hour</key>
			<integer>7</integer>
			<key>Minute</key>
			<integer>30</integer>
			<key>Weekday</key>
			<integer>1</integer>
		</dict>
		<dict>
			<key>Hour</key>
			<integer>7</integer>
			<key>Minute</key>
			<integer>30</integer>
			<key>Weekday</key>
			<integer>3</integer>
		</dict>
		<dict>
			<key>Hour</key>
			<integer>7</integer>
			<key>Minute</key>
			<integer>30</integer>
			<key>Weekday</key>
			<integer>5</integer>
		</dict>
	</array>
</dict>
</plist>
"""
    every_day = plistlib.loads(launchd_plist(ReminderTime(7, 30, (6,)), COMMAND, {}).encode())
    assert every_day["StartCalendarInterval"] == {"Hour": 7, "Minute": 30, "Weekday": 0}  # Sun
    assert "EnvironmentVariables" not in every_day


def test_the_crontab_line_counts_days_from_sunday_and_escapes_percent() -> None:
    assert crontab_line(MON_WED_FRI, COMMAND, ENV) == (
        "30 7 * * 1,3,5 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "
        "XDG_CONFIG_HOME=/home/ann/.config "
        "XDG_STATE_HOME=/home/ann/100\\%/state '/opt/spine wise/bin/python3' -m tui remind fire"
    )
    assert crontab_line(ReminderTime(6, 0), ["spinewise"], {}, None) == "0 6 * * * spinewise"


def test_the_crontab_line_gives_the_notifier_the_session_bus_as_cron_runs_it() -> None:
    """cron runs the command part with /bin/sh (crontab(5)): the bus address must
    reach the command, with this user's id expanded."""
    import os
    import subprocess

    line = crontab_line(ReminderTime(6, 0), ["printenv", "DBUS_SESSION_BUS_ADDRESS"],
                        {"XDG_STATE_HOME": "/tmp/x"})
    command = line.split(" ", 5)[5]
    said = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"}, check=True).stdout
    assert said == f"unix:path=/run/user/{os.getuid()}/bus\n"


@pytest.mark.parametrize("text, expected", [("07:30", (7, 30)), ("7:05", (7, 5)),
                                            ("23:59", (23, 59)), ("0:00", (0, 0))])
def test_times_of_day_read(text: str, expected: tuple[int, int]) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["24:00", "7:60", "7", "7.30", "07:3", "noon", ""])
def test_other_times_are_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValueError, match="such as 07:30"):
        parse_clock(text)

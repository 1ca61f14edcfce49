"""Setting a reminder up with the system's scheduler, and taking it down again.

`install` writes the files of `reminder_files.py` and asks the scheduler to
load them (`systemctl --user`, `launchctl`); `remove` undoes exactly that,
removing only the files it made and that are still as written (those
`remind.json` lists, with the SHA-256 of what was written: a file the person
edited is kept and said so, never removed silently). The scheduler programs
are found on the PATH, so tests put recording fakes first on it.

`remind.json` (`reminder_state.py`) remembers the reminder: scheduler, time,
days and the files written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple

from tui.core.atomic import write_atomic
from tui.core.programme.reminder_files import (
    KEPT_ENVIRONMENT,
    LAUNCHD_LABEL,
    MARKER,
    UNIT_NAME,
    launchd_plist,
    systemd_service,
    systemd_timer,
)
from tui.core.programme.reminder_state import (
    ReminderTime,
    load_state,
    save_state,
)

Scheduler = Literal["systemd", "launchd", "cron"]
#: What `remind.json` holds of the reminder itself (the rest is `remind fire`'s memory).
REMINDER_KEYS = ("scheduler", "time", "days", "files", "sha256")
#: How long a scheduler command may take before it is given up on (seconds).
COMMAND_TIMEOUT = 30


class SetupError(Exception):
    """The scheduler refused or could not be reached (one sentence for a person)."""


class NotOurs(SetupError):
    """Files `install` would write are there and not as spinewise last wrote them
    (edited, or kept by `remind off`): `found`, each path with why (words after
    the path: "was edited since spinewise wrote it")."""

    def __init__(self, found: list[tuple[Path, str]]) -> None:
        if len(found) > 1 and all(why == _NOT_LISTED for _, why in found):
            said = (" and ".join(str(path) for path, _ in found) + " are not as spinewise "
                    "wrote them (they were kept as yours by `remind off`, or made by hand)")
        else:
            said = " and ".join(f"{path} {why}" for path, why in found)
        super().__init__(said)
        self.found = found


_NOT_LISTED = "is not as spinewise wrote it (it was kept as yours by `remind off`, or made by hand)"


class Removed(NamedTuple):
    """What `remove` did: the files it removed, and those it kept with why (a sentence)."""

    removed: list[Path]
    kept: list[tuple[Path, str]]


class Installed(NamedTuple):
    scheduler: Scheduler
    files: tuple[Path, ...]


def fire_command() -> list[str]:
    """What the scheduler runs: this Python, `-m tui remind fire` (works without
    `spinewise` on the scheduler's PATH, and with any install method)."""
    return [sys.executable, "-m", "tui", "remind", "fire"]


def kept_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The XDG folders to run with (those set, as absolute paths)."""
    environ = os.environ if environ is None else environ
    return {k: environ[k] for k in KEPT_ENVIRONMENT if Path(environ.get(k) or "x").is_absolute()}


def systemd_dir() -> Path:
    """Where user units live: $XDG_CONFIG_HOME/systemd/user, else ~/.config/systemd/user."""
    base = os.environ.get("XDG_CONFIG_HOME")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "systemd" / "user"


def launch_agents_dir() -> Path:
    return Path.home() / "Library" / "LaunchAgents"


def _run(words: Sequence[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(list(words), capture_output=True, text=True,
                              timeout=COMMAND_TIMEOUT, stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return subprocess.CompletedProcess(list(words), 127, "", str(error))


def _must(words: Sequence[str]) -> None:
    done = _run(words)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise SetupError(f"`{' '.join(words)}` failed" + (f": {said[-1]}" if said else ""))


def scheduler_here(platform: str | None = None) -> Scheduler:
    """systemd when a user systemd answers, launchd on macOS, else cron."""
    platform = sys.platform if platform is None else platform
    if platform == "darwin":
        return "launchd"
    if (platform.startswith("linux") and shutil.which("systemctl")
            and _run(["systemctl", "--user", "show-environment"]).returncode == 0):
        return "systemd"
    return "cron"


def _launchd_domain() -> str:
    return f"gui/{os.getuid()}" if hasattr(os, "getuid") else "gui/0"


def install(when: ReminderTime, scheduler: Scheduler,
            environment: Mapping[str, str] | None = None, *, force: bool = False) -> Installed:
    """Write and load the reminder's files (replacing a reminder set before);
    SetupError, with the files it wrote removed again, when the scheduler refuses.

    A file already at one of its paths is replaced only when `remind.json` says
    spinewise wrote it as it is now (its SHA-256), or with `force`: else NotOurs,
    before anything is changed (a file `remind off` kept, or one edited by hand,
    is the person's)."""
    environment = kept_environment() if environment is None else environment
    command = fire_command()
    if scheduler == "systemd":
        folder = systemd_dir()
        texts = {folder / f"{UNIT_NAME}.timer": systemd_timer(when),
                 folder / f"{UNIT_NAME}.service": systemd_service(command, environment)}
        steps = [["systemctl", "--user", "daemon-reload"],
                 ["systemctl", "--user", "enable", "--now", f"{UNIT_NAME}.timer"]]
    elif scheduler == "launchd":
        plist = launch_agents_dir() / f"{LAUNCHD_LABEL}.plist"
        texts = {plist: launchd_plist(when, command, environment)}
        steps = [["launchctl", "bootstrap", _launchd_domain(), str(plist)]]
    else:
        raise SetupError("cron has no command to set a reminder; add the line by hand")
    if not force:
        _refuse_not_ours(list(texts))
    remove(quiet=True)
    written: list[Path] = []
    try:
        for path, text in texts.items():
            write_atomic(path, text)
            written.append(path)
        save_state({**load_state(), "scheduler": scheduler, "time": when.clock,
                    "days": list(when.days), "files": [str(p) for p in written],
                    "sha256": {str(p): _sha256(texts[p].encode("utf-8")) for p in written}})
        for step in steps:
            _must(step)
    except (OSError, SetupError):
        remove(quiet=True)
        for path in written:  # all or none: those written before remind.json was
            if _edited(path, _sha256(texts[path].encode("utf-8"))) is None:
                path.unlink(missing_ok=True)
        raise
    return Installed(scheduler, tuple(written))


def _refuse_not_ours(targets: Sequence[Path]) -> None:
    """NotOurs naming each of `targets` that exists and is not as `remind.json`
    says spinewise wrote it."""
    state = load_state()
    listed = {p for p in state.get("files", ()) if isinstance(p, str)}
    hashes = state.get("sha256")
    hashes = hashes if isinstance(hashes, dict) else None
    found = []
    for path in targets:
        if not path.exists():
            continue
        if str(path) not in listed:
            found.append((path, _NOT_LISTED))
            continue
        why = _edited(path, None if hashes is None else hashes.get(str(path)))
        if why:
            found.append((path, why.removeprefix("it ")))
    if found:
        raise NotOurs(found)


def remove(*, quiet: bool = False) -> Removed:
    """Unload the reminder and remove the files it made, as `Removed`.

    A file is removed only when `remind.json` lists it and it is still what was
    written (its SHA-256 as kept there; a state from before hashes were kept:
    it still starts with the marker line). A file the person edited is theirs:
    kept, and said why, with the others (a kept timer names its service).
    SetupError when the scheduler refuses to unload it, unless `quiet`.
    """
    state = load_state()
    scheduler = state.get("scheduler")
    files = [Path(p) for p in state.get("files", ()) if isinstance(p, str)]
    hashes = state.get("sha256")
    hashes = hashes if isinstance(hashes, dict) else None
    if scheduler == "systemd" and shutil.which("systemctl"):
        done = _run(["systemctl", "--user", "disable", "--now", f"{UNIT_NAME}.timer"])
        if done.returncode != 0 and not quiet and any(p.exists() for p in files):
            raise SetupError(f"`systemctl --user disable` failed: {done.stderr.strip()}")
    elif scheduler == "launchd" and files:
        _run(["launchctl", "bootout", _launchd_domain(), str(files[0])])
    removed: list[Path] = []
    kept: list[tuple[Path, str]] = []
    whys = [_edited(path, None if hashes is None else hashes.get(str(path))) for path in files]
    edited = [path.name for path, why in zip(files, whys, strict=True) if why]
    for path, why in zip(files, whys, strict=True):
        if why is None and not edited:  # the files go together: a timer names its service
            path.unlink(missing_ok=True)
            removed.append(path)
        elif why is None:
            kept.append((path, f"kept with {', '.join(edited)}, which needs it"))
        elif why:
            kept.append((path, why))
    if scheduler == "systemd" and removed and shutil.which("systemctl"):
        _run(["systemctl", "--user", "daemon-reload"])
    save_state({k: v for k, v in state.items() if k not in REMINDER_KEYS})
    return Removed(removed, kept)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _edited(path: Path, sha256: object) -> str | None:
    """None if `path` is as written; else why it must be kept ("" when it is gone
    already)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    except OSError as error:
        return f"it could not be read ({error.strerror})"
    if isinstance(sha256, str):
        if _sha256(data) != sha256:
            return "it was edited since spinewise wrote it"
    elif MARKER not in data[:400].decode("utf-8", "replace"):
        return "it no longer starts with the line spinewise wrote"
    return None


def status_lines(state: Mapping[str, Any]) -> list[str]:
    """What the scheduler says of the reminder, as lines to show (may be empty)."""
    scheduler = state.get("scheduler")
    if scheduler == "systemd" and shutil.which("systemctl"):
        done = _run(["systemctl", "--user", "show", f"{UNIT_NAME}.timer", "--no-pager",
                     "--property=ActiveState,NextElapseUSecRealtime,LastTriggerUSec"])
        found = dict(line.partition("=")[::2] for line in done.stdout.splitlines() if "=" in line)
        lines = [f"timer: {found.get('ActiveState') or 'unknown'} ({UNIT_NAME}.timer)"]
        if found.get("NextElapseUSecRealtime"):
            lines.append(f"next: {found['NextElapseUSecRealtime']}")
        if found.get("LastTriggerUSec") and found["LastTriggerUSec"] not in ("n/a", "0"):
            lines.append(f"last: {found['LastTriggerUSec']}")
        return lines
    if scheduler == "launchd" and shutil.which("launchctl"):
        done = _run(["launchctl", "print", f"{_launchd_domain()}/{LAUNCHD_LABEL}"])
        return [f"agent: {'loaded' if done.returncode == 0 else 'not loaded'} ({LAUNCHD_LABEL})"]
    return []


def edited_lines(state: Mapping[str, Any]) -> list[str]:
    """A line for each file of the reminder that is no longer as spinewise wrote it
    (edited, unreadable or gone), so `remind status` does not show a time the
    scheduler no longer keeps; an edited timer says what its `OnCalendar=` now is."""
    hashes = state.get("sha256")
    hashes = hashes if isinstance(hashes, dict) else None
    lines = []
    for name in state.get("files", ()):
        path = Path(str(name))
        why = _edited(path, None if hashes is None else hashes.get(str(path)))
        if why == "":
            lines.append(f"{path} is gone, so the reminder may not come; set it again "
                         "with spinewise remind set")
        elif why:
            now = _on_calendar_now(path) if path.suffix == ".timer" else []
            said = f"; it now says {', '.join(now)}" if now else ""
            lines.append(f"{path}: {why}{said}, so the time above may not be what the "
                         "scheduler does")
    return lines


def _on_calendar_now(path: Path) -> list[str]:
    """The `OnCalendar=` settings a timer file holds now (empty when unreadable)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line.strip() for line in text.splitlines()
            if line.strip().replace(" ", "").startswith("OnCalendar=")]

"""Recording fakes of the scheduler and notifier programs, first on PATH.

Each fake appends one line to `calls.log` in its folder: its name, then each
argument after a `|`, prints `<name>.out` if that file exists, and exits with
the status in `<name>.status` if that file exists (else 0). The real programs are never needed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

FAKES = ("systemctl", "notify-send", "osascript", "launchctl")


class Fakes:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def log(self) -> Path:
        return self.folder / "calls.log"

    def calls(self, name: str | None = None) -> list[list[str]]:
        """Each call as [name, arg, ...], oldest first (of `name` only, if given)."""
        if not self.log.exists():
            return []
        found = [line.split("|")[:-1] for line in self.log.read_text().splitlines()]
        return [c for c in found if name is None or c[0] == name]

    def fail(self, name: str, status: int = 1) -> None:
        (self.folder / f"{name}.status").write_text(str(status))

    def answer(self, name: str, text: str) -> None:
        """Make `name` print `text` on standard output."""
        (self.folder / f"{name}.out").write_text(text)

    def remove(self, name: str) -> None:
        (self.folder / name).unlink()


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    for name in FAKES:
        path = folder / name
        path.write_text(
            "#!/bin/sh\n"
            f'{{ printf "%s|" "{name}"; for a in "$@"; do printf "%s|" "$a"; done; echo; }}'
            f' >> "{folder}/calls.log"\n'
            f'[ -f "{folder}/{name}.out" ] && while read -r line; do echo "$line"; done'
            f' < "{folder}/{name}.out"\n'
            f'[ -f "{folder}/{name}.status" ] && exit "$(cat "{folder}/{name}.status")"\n'
            "exit 0\n"
        )
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin")
    return Fakes(folder)

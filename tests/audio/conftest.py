"""Fixtures for the sound tests: fake player commands, and no real config."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / "xdg" / var.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(var, str(folder))


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


@pytest.fixture
def script(bin_dir: Path) -> Callable[[str, str], Path]:
    """Write an executable shell script `name` into the fake bin folder."""

    def make(name: str, body: str) -> Path:
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\nPATH=/usr/bin:/bin\n{body}\n")
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path

    return make


@pytest.fixture
def only_bin_on_path(bin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PATH is just the fake bin folder (scripts still find /bin/sh by path)."""
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir

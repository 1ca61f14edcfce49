"""End-to-end fixtures: the installed `spinewise` in its own tmux, with its own folders."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.app import Spinewise


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: end-to-end tests of the installed spinewise in tmux (need tmux)"
    )


_sockets = itertools.count()


@pytest.fixture
def spinewise(isolated_home: Path, tmp_path: Path) -> Iterator[Spinewise]:
    """The installed console script, run in tmux with the test's own XDG folders."""
    script = Path(sys.executable).parent / "spinewise"
    if not script.exists():
        pytest.skip(f"the console script is not installed beside {sys.executable}")
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env |= {
        "HOME": str(isolated_home),
        "XDG_CONFIG_HOME": str(isolated_home / "config"),
        "XDG_STATE_HOME": str(isolated_home / "state"),
        "XDG_DATA_HOME": str(isolated_home / "data"),
        "XDG_CACHE_HOME": str(isolated_home / "cache"),
    }
    app = Spinewise(script, f"spinewise-e2e-{os.getpid()}-{next(_sockets)}", tmp_path, env)
    app.config_dir.mkdir(parents=True, exist_ok=True)
    (app.config_dir / "config.toml").write_text("notice_seen = true\n")  # not a first run
    try:
        yield app
    finally:
        app.close()

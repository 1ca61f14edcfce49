"""Fixtures shared by the interface tests that save and resume sessions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import ROUTINE
from tui.core.catalog.entries import Valid, load_entry
from tui.core.catalog.sources import RoutineRef


@pytest.fixture
def entry(tmp_path: Path) -> Valid:
    """The test routine as the person's own file, loaded as the catalog loads it."""
    path = tmp_path / "test-care.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    found = load_entry(RoutineRef("test-care", path, "own"))
    assert isinstance(found, Valid)
    return found


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state.db"

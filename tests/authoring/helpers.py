"""Shared pieces of the authoring tests: the Free Exercise DB, routines on disk, the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles import FakeClock
from tests.ui.helpers import app_options
from tui.app import SpinewiseApp
from tui.core import paths
from tui.core.catalog.entries import load_catalog

#: ../shared beside the repository (CI clones it there too).
FREE_EXERCISE_DB = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "free-exercise-db"
    / "exercises.json"
)


def free_exercise_db() -> Path:
    if not FREE_EXERCISE_DB.is_file():
        pytest.skip(f"the Free Exercise DB is not at {FREE_EXERCISE_DB}")
    return FREE_EXERCISE_DB


VALID = """\
#:schema ./schema.json

name = "Quiet core"
level = "beginner"

[[exercise]]
name = "Dead bug"
reps = 4
hold = 5

[[exercise]]
use = "bird-dog"
"""


def own_routine(rid: str = "quiet-core", text: str = VALID) -> Path:
    """A routine in the person's folder (the test's temporary config)."""
    path = paths.user_routines_dir() / f"{rid}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def routine_library_app() -> SpinewiseApp:
    """The app on the real catalog (bundled routines and the test's own), fake clock."""
    return SpinewiseApp(load_catalog(), options=app_options(FakeClock()))

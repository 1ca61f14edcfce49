"""Where things live: XDG folders on Linux, the platform equivalents elsewhere.

Every function reads the environment when called, so tests can point the
XDG variables at a temporary folder.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

APP = "spinewise"


def _xdg(var: str, linux_default: str, mac: str, windows_var: str) -> Path:
    value = os.environ.get(var)
    if value and Path(value).is_absolute():
        return Path(value) / APP
    home = Path.home()
    if sys.platform == "darwin":
        return home / mac / APP
    if sys.platform == "win32":
        base = os.environ.get(windows_var)
        return (Path(base) if base else home / "AppData" / "Local") / APP
    return home / linux_default / APP


def cache_dir() -> Path:
    """What can be made again from other files (the routine list's cache): safe to delete."""
    return _xdg("XDG_CACHE_HOME", ".cache", "Library/Caches", "LOCALAPPDATA")


def config_dir() -> Path:
    """The person's settings, routines and exercise library."""
    return _xdg("XDG_CONFIG_HOME", ".config", "Library/Application Support", "APPDATA")


def state_dir() -> Path:
    """The session database."""
    return _xdg("XDG_STATE_HOME", ".local/state", "Library/Application Support", "LOCALAPPDATA")


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def user_plans_dir() -> Path:
    """The person's own plans (a plan with the id of a bundled one wins)."""
    return config_dir() / "plans"


def user_exercises_file() -> Path:
    return config_dir() / "exercises.toml"


def config_file() -> Path:
    return config_dir() / "config.toml"


def database_file() -> Path:
    return state_dir() / "spinewise.db"


def _shipped(package: str, folder: str) -> Path:
    """A data folder shipped inside the wheel as `package`; in a source checkout
    (where `tui` is imported from the working tree) the folder beside `tui/`.

    The package's folder, as the files are read with `open` (a wheel is always
    unpacked); `importlib.resources` would add ~1 ms to every start for nothing.
    """
    try:
        return Path(next(iter(importlib.import_module(package).__path__)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / folder


def bundled_routines_dir() -> Path:
    """`routines/`, shipped inside the package as `tui.routines`."""
    return _shipped("tui.routines", "routines")


def bundled_plans_dir() -> Path:
    """`routines/plans/`, shipped with the bundled routines."""
    return bundled_routines_dir() / "plans"


def bundled_exercises_file() -> Path:
    return bundled_routines_dir() / "exercises.toml"


def sounds_dir() -> Path:
    return _shipped("tui.sounds", "sounds")


def read_json_object(path: Path) -> dict[str, Any]:
    """The JSON object `path` holds, or {} when there is none, it cannot be read, or
    it holds something else: what spinewise keeps for itself (the state folder's
    files, the routine library's cache), whose loss costs at most work done again."""
    import json  # where used: not on the way to a workout's first frame

    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}

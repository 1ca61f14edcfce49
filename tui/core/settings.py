"""The person's settings: `config.toml` in their config folder.

    sound = "auto"        # auto | beep | bell | off
    voice = false
    notice_seen = false   # the first-run health notice was shown
    checkins = "before-after"  # before-after | after | off: the pain questions asked
    sound_notice = "..."  # read only (older versions kept the last sound notice here)

A missing file means the defaults. A broken file never raises: the defaults
(or, for one bad value, the default of that key) are used, and
`Settings.warnings` says what was wrong as `PATH:LINE:COL: key: message`.
Keys this version does not know are kept and written back unchanged.

spinewise never rewrites a file it could not read whole (issue 15, found by a
tester: a duplicate key made it save the defaults over the person's settings):
`save_settings` refuses with `ConfigUnreadable`, which names the place to fix,
and nothing in the file changes. A value that is wrong but read (`checkins =
"sometimes"`) is written back as it was when another key is saved: only the
person replaces it (`Settings.as_written`). What spinewise remembers for
itself (the last sound notice said) is kept in the state folder (`said.json`:
`last_notice`, `remember_notice`), never in the person's file, so it forces
no rewrite of it (it lost their comments).
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and `Settings` is defined
# on the way to a workout's first frame (tests/test_boundaries.py).

import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from tui.core.paths import config_file
from tui.core.routine.positions import find_position
from tui.core.routine.problems import Problem, RoutineError, toml_repr
from tui.core.routine.source import read_source, toml_problem
from tui.core.sound_modes import SOUND_MODES

#: Which pain questions the interface asks (issue 15): before and after a session
#: (and the next morning, and in the `!` dialog); only after; none.
CHECKIN_MODES = ("before-after", "after", "off")


class Settings(NamedTuple):
    """The person's saved choices (`config.toml`).

    A named tuple: immutable, and 4 M instructions quicker to define than the
    frozen dataclass it was, on the way to a workout's first frame (callgrind).
    Two are equal when their choices are: the fields after them tell how the
    file was, not what was chosen, so `==` and `hash` leave them out.
    """

    sound: str = "auto"
    voice: bool = False
    notice_seen: bool = False
    checkins: str = "before-after"
    #: The last "no working sound player" notice said: it is said again only when
    #: the situation it describes changes ("" once a player works again).
    sound_notice: str = ""
    #: Keys found in the file that this version does not know (written back).
    extra: Mapping[str, Any] = MappingProxyType({})
    #: What was wrong with the file when it was read (not saved).
    warnings: tuple[str, ...] = ()
    #: Known keys whose value in the file was wrong, as written: saved back unchanged
    #: until the key itself is changed (`updated`).
    as_written: Mapping[str, Any] = MappingProxyType({})
    #: Where the file could not be read whole (`PATH:LINE:COL`), else None: then it is
    #: never saved over (`save_settings` raises `ConfigUnreadable`).
    unreadable: str | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return self[:_CHOICES] == other[:_CHOICES]

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self[:_CHOICES])

    def to_toml(self) -> dict[str, Any]:
        data = dict(self.extra)
        data.update(sound=self.sound, voice=self.voice, notice_seen=self.notice_seen,
                    checkins=self.checkins)
        if self.sound_notice:
            data["sound_notice"] = self.sound_notice
        else:
            data.pop("sound_notice", None)
        data.update(self.as_written)
        return data


#: How many of the fields of `Settings` are choices (the rest tell how the file was read).
_CHOICES = 5


class ConfigUnreadable(OSError):
    """`save_settings` of settings read from a file that could not be read whole: the
    file is left as it is. The message is a sentence naming the place to fix."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"it can't be saved until the error at {where} is fixed "
            "(nothing in the file was changed)"
        )
        self.where = where


def _check(key: str, value: object) -> str | None:
    """Why `value` is not valid for `key`, or None."""
    if key == "sound":
        if value not in SOUND_MODES:
            return f"must be one of {', '.join(SOUND_MODES)}, not {toml_repr(value)}"
    elif key == "checkins":
        if value not in CHECKIN_MODES:
            return f"must be one of {', '.join(CHECKIN_MODES)}, not {toml_repr(value)}"
    elif key == "sound_notice":
        if not isinstance(value, str):
            return f"must be a string, not {toml_repr(value)}"
    elif not isinstance(value, bool):
        return f"must be true or false, not {toml_repr(value)}"
    return None


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; never raises for a missing or broken file."""
    path = path if path is not None else config_file()
    if not path.exists() and not path.is_symlink():
        return Settings()
    try:
        # The one reader of files people write: a FIFO or a huge file is refused.
        text = read_source(path)
        data = tomllib.loads(text)
    except RoutineError as error:
        return _unreadable(error.problems[0])
    except tomllib.TOMLDecodeError as exc:
        return _unreadable(toml_problem(text, path, exc))
    except (RecursionError, ValueError):
        return _unreadable(
            Problem(str(path), 1, 1, "toml", "nested too deeply or a number too long"))
    known = set(Settings._fields) - {"extra", "warnings"}
    values: dict[str, Any] = {}
    as_written: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in data.items():
        if key not in known:
            continue
        why = _check(key, value)
        if why:
            default = getattr(Settings(), key)
            shown = str(default).lower() if isinstance(default, bool) else f'"{default}"'
            line, col = find_position(text, (key,))
            warnings.append(f"{path}:{line}:{col}: {key}: {why}; using {shown}")
            as_written[key] = value
        else:
            values[key] = value
    extra = {key: value for key, value in data.items() if key not in known}
    return Settings(**values, extra=extra, warnings=tuple(warnings), as_written=as_written)


def _unreadable(problem: Problem) -> Settings:
    """The defaults, for a file not read whole because of `problem`."""
    where = f"{problem.path}:{problem.line}:{problem.col}"
    return Settings(warnings=(f"{problem}; using the defaults",), unreadable=where)


#: What spinewise remembers for itself, in the state folder (not a setting).
SAID_FILE = "said.json"


def _said_path() -> Path:
    from tui.core.paths import state_dir

    return state_dir() / SAID_FILE


def _said() -> dict[str, Any]:
    from tui.core.paths import read_json_object

    return read_json_object(_said_path())


def last_notice(settings: Settings) -> str:
    """The last sound notice said ("" none): `said.json`'s, else what an older
    spinewise kept in config.toml (`Settings.sound_notice`)."""
    said = _said().get("sound_notice")
    return said if isinstance(said, str) else settings.sound_notice


def remember_notice(text: str) -> None:
    """Keep `text` as the last sound notice said, in `said.json` (OSError when it
    cannot be written: it is then said again next time, no worse)."""
    import json

    from tui.core.atomic import write_atomic

    said = {**_said(), "sound_notice": text}
    write_atomic(_said_path(), json.dumps(said, indent=2) + "\n", durable=False)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (temp file, fsync, rename); returns the path.
    `ConfigUnreadable` (an OSError) when they were read from a file that could not
    be read whole: it is never written over."""
    import tomli_w  # only to write: not on the way to a workout's first frame

    if settings.unreadable is not None:
        raise ConfigUnreadable(settings.unreadable)
    path = path if path is not None else config_file()
    data = tomli_w.dumps(settings.to_toml()).encode("utf-8")
    from tui.core.atomic import write_atomic  # writing is rare: not imported at start-up

    return write_atomic(path, data)


def updated(settings: Settings, **changes: Any) -> Settings:
    """A copy with some keys changed and no warnings (ready to save): a value kept as
    written (`Settings.as_written`) gives way to the key's new value. One read from a
    file that could not be read whole stays unsaveable (`ConfigUnreadable`)."""
    kept = {key: value for key, value in settings.as_written.items() if key not in changes}
    return settings._replace(warnings=(), as_written=kept, **changes)

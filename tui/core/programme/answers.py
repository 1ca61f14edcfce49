"""The two records of the pain-monitoring model, `CheckIn` and `LastSession`
(re-exported by `programme.zones`, where they are used), written out by hand.

Why not `@dataclass(frozen=True, slots=True)`, as they were: importing
`dataclasses` imports `inspect`, and with it `ast`, `dis`, `tokenize` and
`linecache`: 42 M instructions (callgrind), a sixth of `spinewise today`,
which issue 16 holds to 1.2x the time of `spinewise check` on one file, and
`check` imports none of them. They behave as those dataclasses did: keyword
or positional construction with the same defaults, read-only attributes
(`FrozenError` on assignment), equality and hash over the fields compared,
the same repr.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.engine.credit import is_preview

if TYPE_CHECKING:
    from .zones import Change, Effort, Kind


class FrozenError(AttributeError):
    """Assigning to a field of a record (as `dataclasses.FrozenInstanceError`)."""


class _Record:
    """Equality, hash and repr over `_compared` (fields in order); read-only."""

    __slots__ = ()
    #: The fields that equality and hash compare, in the order of the repr.
    _compared: tuple[str, ...] = ()
    #: Every field, in order (the repr names them all).
    _fields: tuple[str, ...] = ()

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Record)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        said = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({said})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")


def _set(record: _Record, **values: object) -> None:
    for name, value in values.items():
        object.__setattr__(record, name, value)


class CheckIn(_Record):
    """One answer: `at` in epoch seconds; `pain` 0-10 or None; the rest optional.
    `sharp`, with `!`: whether the pain was sharp, shooting or radiating (None:
    not asked)."""

    _fields = ("kind", "at", "pain", "change", "effort", "exercise", "note", "session_id",
               "id", "sharp")  # fmt: skip
    __slots__ = _compared = _fields

    kind: Kind
    at: float
    pain: int | None
    change: Change | None
    effort: Effort | None
    exercise: str | None
    note: str | None
    session_id: int | None
    id: int | None
    sharp: bool | None

    def __init__(
        self,
        kind: Kind,
        at: float,
        pain: int | None = None,
        change: Change | None = None,
        effort: Effort | None = None,
        exercise: str | None = None,
        note: str | None = None,
        session_id: int | None = None,
        id: int | None = None,  # the row's id, as stored
        sharp: bool | None = None,
    ) -> None:
        _set(self, kind=kind, at=at, pain=pain, change=change, effort=effort,
             exercise=exercise, note=note, session_id=session_id, id=id, sharp=sharp)  # fmt: skip


class LastSession(_Record):
    """What attaching needs of a session that ended: `ended_at` in epoch seconds
    (None: not ended), whether it has a pain after and a next-morning answer (or
    dismissal), and the `speed` it ran at (not 1: a preview, `engine.credit`).
    `started_at`: when it began (epoch seconds), which sentences name a session
    by, as `history` lists them (None: not read); equality leaves it out."""

    _fields = ("id", "ended_at", "has_after", "has_next_day", "speed", "started_at")
    __slots__ = _fields
    _compared = ("id", "ended_at", "has_after", "has_next_day", "speed")

    id: int
    ended_at: float | None
    has_after: bool
    has_next_day: bool
    speed: float
    started_at: float | None

    def __init__(
        self,
        id: int,  # the session's row id
        ended_at: float | None,
        has_after: bool,
        has_next_day: bool,
        speed: float = 1.0,
        started_at: float | None = None,
    ) -> None:
        _set(self, id=id, ended_at=ended_at, has_after=has_after,
             has_next_day=has_next_day, speed=speed, started_at=started_at)  # fmt: skip

    @property
    def preview(self) -> bool:
        return is_preview(self.speed)

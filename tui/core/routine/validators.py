"""Checking one TOML table against the keys it may have, each with its validator.

A validator takes the value as tomllib gave it and returns it normalised
(durations in float seconds, arrays as tuples, names stripped), or raises
`Invalid` with a message saying what was expected and what was found
(`expected an integer >= 1, got "3"`), possibly for elements of an array.
`check_table` runs the validators of a table, reports unknown keys with a
suggestion, and collects every problem in a `Problems`. Numbers are held to
the ranges of `limits.py`, and a value over its range is told with the limit.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tui.core.routine.durations import parse_duration
from tui.core.routine.limits import MAX_SETS, MAX_STEP_SECONDS, MIN_WORK_SECONDS
from tui.core.routine.positions import KeyPositions, value_position
from tui.core.routine.problems import (
    KeyPath,
    Problem,
    RoutineError,
    field_name,
    quoted_list,
    toml_repr,
)

Validator = Callable[[Any], Any]


class Invalid(Exception):
    """A value is not what its key expects: messages by sub-path (array indexes)."""

    def __init__(self, message: str | None = None, *, errors: Sequence[tuple[KeyPath, str]] = ()):
        self.errors: list[tuple[KeyPath, str]] = list(errors)
        if message is not None:
            self.errors.insert(0, ((), message))
        super().__init__("; ".join(m for _, m in self.errors))


class Problems:
    """The problems of one file, each placed at the line and column of its key."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self._positions: KeyPositions | None = None  # scanned at the first problem
        self.items: list[Problem] = []

    def add(self, key_path: KeyPath, message: str) -> None:
        if self._positions is None:
            self._positions = KeyPositions(self.text)
        line, col = self._positions.find(key_path)
        self.items.append(Problem(self.path, line, col, field_name(key_path), message))

    def add_at_value(self, key_path: KeyPath, message: str) -> None:
        """`add`, placed at the value rather than its key: after `key = ` for a key,
        at the element itself for an array's element (`("reps", 1)`). Found only when
        the key or element itself is; else where `add` would place it."""
        if self._positions is None:
            self._positions = KeyPositions(self.text)
        found = self._positions.get(key_path)
        if found is None:
            self.add(key_path, message)
            return
        if key_path and isinstance(key_path[-1], str):
            found = value_position(self.text, found)
        line, col = found
        self.items.append(Problem(self.path, line, col, field_name(key_path), message))

    def add_invalid(self, key_path: KeyPath, error: Invalid) -> None:
        """The messages of a value its validator refused, each at the value (or the
        element of it) it is about: a wrong type or a value out of range is a
        mistake in the value, so the column is the value's (`easier = 3` at 1:10,
        not 1:1; found by a tester). Every validated key of every file comes here."""
        for sub_path, message in error.errors:
            self.add_at_value(key_path + sub_path, message)

    def raise_if_any(self) -> None:
        if self.items:
            ordered = sorted(self.items, key=lambda p: (p.line, p.col))
            raise RoutineError(ordered)


def check_table(
    table: Mapping[str, Any],
    validators: Mapping[str, Validator | None],
    problems: Problems,
    at: KeyPath,
    hints: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The normalised values of the valid keys of `table`; problems for the others.

    A validator of None means the caller checks that key itself; its value is
    passed through unchanged.
    """
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in validators:
            problems.add((*at, key), unknown_key_message(key, validators, hints))
            continue
        validator = validators[key]
        if validator is None:
            values[key] = value
            continue
        try:
            values[key] = validator(value)
        except Invalid as error:
            problems.add_invalid((*at, key), error)
    return values


def misspelt_keys(table: Mapping[str, Any], validators: Mapping[str, Any]) -> set[str]:
    """Known keys that an unknown key of `table` looks like a typo of (`holdd` -> `hold`).

    Checks that a key is missing are skipped for these: the typo is the one mistake.
    """
    known = list(validators)
    return {s for key in table if key not in validators and (s := suggest(key, known))}


def unknown_key_message(
    key: str, known: Mapping[str, Any] | Sequence[str], hints: Mapping[str, str] | None = None
) -> str:
    if hints and key in hints:
        return f"unknown key; {hints[key]}"
    suggestion = suggest(key, list(known))
    if suggestion:
        return f'unknown key; did you mean "{suggestion}"?'
    return "unknown key; expected one of " + ", ".join(known)


def suggest(word: str, candidates: Sequence[str]) -> str | None:
    """The candidate closest to `word`, if one is close enough to be a likely typo.

    Case and the choice between `-`, `_` and a space do not count as differences.
    """
    by_norm = {_normal(c): c for c in candidates}
    norm = _normal(word)
    if norm in by_norm:
        return by_norm[norm]
    matches = difflib.get_close_matches(norm, list(by_norm), n=1, cutoff=0.6)
    return by_norm[matches[0]] if matches else None


def _normal(word: str) -> str:
    return re.sub(r"[-_ ]", "_", word.strip().lower())


# -- validators ----------------------------------------------------------------


def string(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected a string, got {toml_repr(value)}")
    return value.strip()


def nonempty_string(value: Any) -> str:
    text = string(value)
    if not text:
        raise Invalid(f"expected a non-empty string, got {toml_repr(value)}")
    return text


def string_array(value: Any, *, nonempty_items: bool = False) -> tuple[str, ...]:
    """An array of strings; each element's problem is reported at its index."""
    if not isinstance(value, list):
        raise Invalid(f"expected an array of strings, got {toml_repr(value)}")
    item = nonempty_string if nonempty_items else string
    return tuple(array_items(value, item))


def nonempty_string_array(value: Any) -> tuple[str, ...]:
    return string_array(value, nonempty_items=True)


def array_items(items: list[Any], validator: Validator) -> list[Any]:
    """Validate each element; all failing elements are reported together."""
    out: list[Any] = []
    errors: list[tuple[KeyPath, str]] = []
    for index, item in enumerate(items):
        try:
            out.append(validator(item))
        except Invalid as error:
            errors.extend(((index, *sub), message) for sub, message in error.errors)
    if errors:
        raise Invalid(errors=errors)
    return out


def positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid(f"expected an integer >= 1, got {toml_repr(value)}")
    return value


class Count:
    """An integer from 1 to `maximum`; `noun` names what is counted in the message.

    `maximum` stays readable, so the JSON Schema states the same limit.
    """

    def __init__(self, maximum: int, noun: str) -> None:
        self.maximum = maximum
        self.noun = noun

    def __call__(self, value: Any) -> int:
        count = positive_int(value)
        if count > self.maximum:
            raise Invalid(f"expected at most {self.maximum} {self.noun}, got {toml_repr(value)}")
        return count


#: Sets of one exercise.
sets = Count(MAX_SETS, "sets")


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {toml_repr(value)}")
    return value


class Choice:
    """A validator for one of a few words, with a suggestion for a near miss ("Beginner").

    `options` stays readable, so the JSON Schema lists the same words.
    """

    def __init__(self, options: Sequence[str]) -> None:
        self.options: tuple[str, ...] = tuple(options)

    def __call__(self, value: Any) -> str:
        options = self.options
        if isinstance(value, str) and value in options:
            return value
        message = f"expected {quoted_list(options)}, got {toml_repr(value)}"
        close = suggest(value, options) if isinstance(value, str) else None
        if close:
            message += f'; did you mean "{close}"?'
        raise Invalid(message)


def choice(options: Sequence[str]) -> Validator:
    """One of a few words (see `Choice`)."""
    return Choice(options)


def duration(value: Any) -> float:
    """A duration of 0 seconds or more, and at most MAX_STEP_SECONDS."""
    try:
        seconds = parse_duration(value)
    except ValueError as error:
        raise Invalid(str(error)) from None
    if seconds > MAX_STEP_SECONDS:
        raise Invalid(f"{step_limit_text()}, got {toml_repr(value)}")
    return seconds


def step_limit_text() -> str:
    """`expected at most 1 hour (3600 seconds) for one step`."""
    hours = MAX_STEP_SECONDS / 3600
    unit = "hour" if hours == 1 else "hours"
    return f"expected at most {hours:g} {unit} ({MAX_STEP_SECONDS} seconds) for one step"


def work_duration(value: Any) -> float:
    """A `hold` or `duration`: from MIN_WORK_SECONDS to MAX_STEP_SECONDS."""
    seconds = duration(value)
    if seconds < MIN_WORK_SECONDS:
        raise Invalid(f"{work_limit_text()}, got {toml_repr(value)}")
    return seconds


def work_limit_text() -> str:
    """`expected at least 1 second of work` (`limits.MIN_WORK_SECONDS`)."""
    unit = "second" if MIN_WORK_SECONDS == 1 else "seconds"
    return f"expected at least {MIN_WORK_SECONDS:g} {unit} of work"

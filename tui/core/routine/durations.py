"""Durations as people write them in a routine: `30`, `"45s"`, `"1m30s"`, `"1:30"`.

Accepted, always giving float seconds (never negative):

- a number (int or float, not a boolean): `30`, `2.5`
- a string of a number: `"30"`, `"2.5"`
- a string with units, largest first, each at most once, spaces allowed
  between parts and around the whole: `"45s"`, `"7.5s"`, `"2m"`, `"1m30s"`,
  `"1m 30s"`, `"90 s"`, `"1h"`, `"1h2m3s"`, `"1.5m"`; unit words are
  case-insensitive and may be long: `s`/`sec`/`secs`/`second`/`seconds`,
  `m`/`min`/`mins`/`minute`/`minutes`, `h`/`hr`/`hrs`/`hour`/`hours`
- a clock string: `"1:30"`, `"0:45"`, `"90:00"` (minutes:seconds) or
  `"1:02:03"` (hours:minutes:seconds); seconds (and minutes after hours) are
  two digits below 60; the seconds may have decimals (`"0:07.5"`)

Anything else raises ValueError: `expected a duration such as 30 or "45s", got "abc"`,
and so does a value too large to be finite (`1e400`, or 400 digits in a string).
The upper limit of one step (`limits.MAX_STEP_SECONDS`) is the validators' to hold.
"""

from __future__ import annotations

import math
import re

from tui.core.routine.problems import toml_repr

# Compiled (and cached by `re`) when a duration is first written as a string:
# routines that write numbers, as the bundled ones do, never pay for it.
_NUM = r"(?:\d+(?:\.\d+)?|\.\d+)"
_UNITS = (
    rf"(?:(?P<h>{_NUM})\s*h(?:(?:ou)?rs?)?)?\s*"
    rf"(?:(?P<m>{_NUM})\s*m(?:in(?:ute)?s?)?)?\s*"
    rf"(?:(?P<s>{_NUM})\s*s(?:ec(?:ond)?s?)?)?"
)
_CLOCK = r"(?:(?P<h>\d+):(?P<m2>[0-5]\d)|(?P<m>\d+)):(?P<s>[0-5]\d(?:\.\d+)?)"


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


def _pattern() -> str:
    """The strings `parse_duration` accepts, as one regular expression that means the
    same in Python and in ECMA-262 (JSON Schema): no named groups, no flags."""
    num = r"(\d+(\.\d+)?|\.\d+)"
    hours = rf"{num}\s*{_any_case('h')}(({_any_case('ou')})?{_any_case('r')}{_any_case('s')}?)?"
    mins = rf"{num}\s*{_any_case('m')}({_any_case('in')}({_any_case('ute')})?{_any_case('s')}?)?"
    secs = rf"{num}\s*{_any_case('s')}({_any_case('ec')}({_any_case('ond')})?{_any_case('s')}?)?"
    units = rf"{hours}(\s*{mins})?(\s*{secs})?|{mins}(\s*{secs})?|{secs}"
    clock = r"(\d+:[0-5]\d|\d+):[0-5]\d(\.\d+)?"
    return rf"^\s*({num}|{clock}|{units})\s*$"


#: A duration written as a string, for the JSON Schema (tested against `parse_duration`).
DURATION_PATTERN = _pattern()


def duration_error(value: object) -> str:
    """The message for a value that is not a duration."""
    return f'expected a duration such as 30 or "45s", got {toml_repr(value)}'


def parse_duration(value: object) -> float:
    """Seconds of a duration written as a number or a string (see the module doc)."""
    if isinstance(value, bool):
        raise ValueError(duration_error(value))
    if isinstance(value, int | float):
        seconds = float(value)
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(duration_error(value))
        return seconds + 0.0  # -0.0 -> 0.0
    if isinstance(value, str):
        parsed = _parse_text(value.strip())
        if parsed is not None and math.isfinite(parsed):  # "9" * 400 is inf
            return parsed
    raise ValueError(duration_error(value))


def _parse_text(text: str) -> float | None:
    if not text:
        return None
    if re.fullmatch(_NUM, text):
        return float(text)
    match = re.fullmatch(_CLOCK, text)
    if match:
        hours = float(match["h"] or 0)
        minutes = float(match["m2"] or match["m"] or 0)
        return hours * 3600 + minutes * 60 + float(match["s"])
    match = re.fullmatch(_UNITS, text, re.IGNORECASE)
    if match and any(match.group(unit) for unit in "hms"):
        hours, minutes, secs = (float(match.group(u) or 0) for u in "hms")
        return hours * 3600 + minutes * 60 + secs
    return None

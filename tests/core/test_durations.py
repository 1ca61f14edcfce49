"""Durations: every accepted form, every rejected one, and a round trip."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.routine.durations import parse_duration


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (30, 30),
        (0, 0),
        (2.5, 2.5),
        (0.0, 0),
        ("45s", 45),
        ("7.5s", 7.5),
        ("2m", 120),
        ("1m30s", 90),
        ("1:30", 90),
        # tolerated forms
        ("1m 30s", 90),
        ("90 s", 90),
        ("  45s  ", 45),
        ("0:45", 45),
        ("0:07.5", 7.5),
        ("90:00", 5400),
        ("1:02:03", 3723),
        ("30", 30),
        ("2.5", 2.5),
        (".5s", 0.5),
        ("1.5m", 90),
        ("1h", 3600),
        ("1h2m3s", 3723),
        ("1H 2M 3S", 3723),
        ("10 sec", 10),
        ("10 secs", 10),
        ("10 seconds", 10),
        ("2 min", 120),
        ("2 minutes", 120),
        ("1 hour 5 mins", 3900),
        ("1 hr", 3600),
        ("0s", 0),
    ],
)
def test_accepted_forms(value: object, seconds: float) -> None:
    result = parse_duration(value)
    assert result == seconds
    assert type(result) is float


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("abc", '"abc"'),
        ("", '""'),
        ("   ", '"   "'),
        (True, "true"),
        (False, "false"),
        ([1, 2], "[1, 2]"),
        ({"a": 1}, "{ a = 1 }"),
        (-5, "-5"),
        (-0.5, "-0.5"),
        (math.nan, "nan"),
        (math.inf, "inf"),
        ("-3s", '"-3s"'),
        ("1:5", '"1:5"'),  # seconds are two digits
        ("1:60", '"1:60"'),  # and below 60
        ("1:60:00", '"1:60:00"'),
        ("5ms", '"5ms"'),
        ("1h30", '"1h30"'),  # ambiguous: a bare number after a unit
        ("30s30s", '"30s30s"'),
        ("1s1m", '"1s1m"'),  # largest unit first
        ("s", '"s"'),
        ("5.", '"5."'),
        ("1,5s", '"1,5s"'),
        ("thirty", '"thirty"'),
        ('say "hi"', '"say \\"hi\\""'),
    ],
)
def test_rejected_forms_quote_the_value(value: object, shown: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(value)
    assert str(caught.value) == f'expected a duration such as 30 or "45s", got {shown}'


def test_negative_zero_is_zero() -> None:
    assert math.copysign(1, parse_duration(-0.0)) == 1


# -- round trip: any duration written in any accepted form reads back -----------

_UNIT_WORDS = {
    "h": ["h", "hr", "hrs", "hour", "hours", "H"],
    "m": ["m", "min", "mins", "minute", "minutes", "M"],
    "s": ["s", "sec", "secs", "second", "seconds", "S"],
}


@st.composite
def written_durations(draw: st.DrawFn) -> tuple[object, float]:
    hours = draw(st.integers(0, 5))
    minutes = draw(st.integers(0, 59))
    seconds = draw(st.integers(0, 59))
    tenths = draw(st.integers(0, 9))
    secs = seconds + tenths / 10
    total = hours * 3600 + minutes * 60 + secs
    space = draw(st.sampled_from(["", " "]))
    form = draw(st.sampled_from(["int", "float", "plain", "units", "clock", "seconds"]))
    if form == "int":
        return hours * 3600 + minutes * 60 + seconds, hours * 3600 + minutes * 60 + seconds
    if form == "float":
        return total, total
    if form == "plain":
        return f"{space}{total:.1f}{space}", total
    if form == "seconds":
        return f"{total:g}{space}{draw(st.sampled_from(_UNIT_WORDS['s']))}", total
    if form == "clock":
        sec_text = f"{secs:04.1f}" if tenths else f"{seconds:02d}"
        if hours:
            return f"{hours}:{minutes:02d}:{sec_text}", total
        return f"{minutes}:{sec_text}", total
    parts = []
    for amount, unit in ((hours, "h"), (minutes, "m"), (secs, "s")):
        if amount or (unit == "s" and not parts):
            word = draw(st.sampled_from(_UNIT_WORDS[unit]))
            parts.append(f"{amount:g}{space}{word}")
    return draw(st.sampled_from([" ", ""])).join(parts), total


@given(written_durations())
def test_every_written_form_reads_back(case: tuple[object, float]) -> None:
    written, seconds = case
    assert parse_duration(written) == pytest.approx(seconds)


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_any_non_negative_number_is_itself(value: float) -> None:
    assert parse_duration(value) == value


@given(st.text(max_size=12))
def test_any_text_gives_seconds_or_the_error(text: str) -> None:
    try:
        assert parse_duration(text) >= 0
    except ValueError as error:
        assert str(error).startswith('expected a duration such as 30 or "45s", got "')

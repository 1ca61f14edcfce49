"""Problems read `PATH:LINE:COL: field: message`; found values show as TOML."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.core.routine.problems import Problem, RoutineError, field_name, toml_repr


def test_problem_reads_path_line_col_field_message() -> None:
    problem = Problem("routines/x.toml", 12, 1, "exercise[2].hold", "expected a duration")
    assert str(problem) == "routines/x.toml:12:1: exercise[2].hold: expected a duration"


def test_problem_is_frozen_and_comparable() -> None:
    a = Problem("x.toml", 1, 1, "name", "m")
    assert a == Problem("x.toml", 1, 1, "name", "m")
    with pytest.raises(AttributeError):
        a.line = 2  # type: ignore[misc]


def test_routine_error_carries_all_problems_one_per_line() -> None:
    found = [Problem("x.toml", 1, 1, "name", "a"), Problem("x.toml", 3, 5, "tags[1]", "b")]
    error = RoutineError(found)
    assert error.problems == found
    assert str(error) == "x.toml:1:1: name: a\nx.toml:3:5: tags[1]: b"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (("name",), "name"),
        (("defaults", "rest"), "defaults.rest"),
        (("exercise", 1, "hold"), "exercise[2].hold"),
        (("exercise", 2, "reps", 1), "exercise[3].reps[2]"),
        (("exercise", 0), "exercise[1]"),
        (("bird-dog", "holdd"), "bird-dog.holdd"),
        (("Bird Dog",), '"Bird Dog"'),
        (("tags", 0), "tags[1]"),
        ((), "file"),
    ],
)
def test_field_names_count_from_one(path: tuple, name: str) -> None:
    assert field_name(path) == name


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("abc", '"abc"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("a\\b", '"a\\\\b"'),
        ("line\nbreak\ttab", '"line\\nbreak\\ttab"'),
        ("\x01", '"\\u0001"'),
        (True, "true"),
        (False, "false"),
        (3, "3"),
        (3.0, "3.0"),
        (2.5, "2.5"),
        (float("nan"), "nan"),
        (float("-inf"), "-inf"),
        ([1, "a", [True]], '[1, "a", [true]]'),
        ([], "[]"),
        ({"name": "x", "a b": 1}, '{ name = "x", "a b" = 1 }'),
        ({}, "{}"),
        (dt.date(2024, 5, 1), "2024-05-01"),
        (dt.datetime(2024, 5, 1, 7, 30), "2024-05-01T07:30:00"),
        (dt.time(7, 30), "07:30:00"),
    ],
)
def test_values_show_as_toml_writes_them(value: object, shown: str) -> None:
    assert toml_repr(value) == shown


def test_long_values_are_shortened() -> None:
    shown = toml_repr("x" * 200)
    assert len(shown) == 80
    assert shown.startswith('"xxx') and shown.endswith("...")

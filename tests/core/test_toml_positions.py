"""Finding the line and column of a key in TOML source, by hand."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.routine.positions import KeyPositions, find_position

ROUTINE = '''\
#:schema ./schema.json
name = "Morning"   # a comment with hold = 3
tags = [
  "a",   # hold = 4
  "b",
]
setup = """
hold = 5 \\""" still inside
"""
caution = \'\'\'
tempo = "3-1-3"
\'\'\'

[defaults]
rest = 30

[[exercise]]
use = "pelvic-tilt"
  reps = [6,
          4, 2]

[[exercise]]
"quoted key" = 1
a.b."c d" = 2
inline = { x = 1, y = [1, { z = 2 }] }
hold = 10

[[exercise]]
tips = ["one", "two"]
'''


@pytest.mark.parametrize(
    ("path", "position"),
    [
        (("name",), (2, 1)),
        (("tags",), (3, 1)),
        (("tags", 0), (4, 3)),
        (("tags", 1), (5, 3)),
        (("setup",), (7, 1)),
        (("caution",), (10, 1)),
        (("defaults",), (14, 1)),
        (("defaults", "rest"), (15, 1)),
        (("exercise",), (17, 1)),
        (("exercise", 0), (17, 1)),
        (("exercise", 0, "use"), (18, 1)),
        (("exercise", 0, "reps"), (19, 3)),
        (("exercise", 0, "reps", 0), (19, 11)),
        (("exercise", 0, "reps", 1), (20, 11)),
        (("exercise", 0, "reps", 2), (20, 14)),
        (("exercise", 1), (22, 1)),
        (("exercise", 1, "quoted key"), (23, 1)),
        (("exercise", 1, "a"), (24, 1)),
        (("exercise", 1, "a", "b", "c d"), (24, 1)),
        (("exercise", 1, "inline", "x"), (25, 12)),
        (("exercise", 1, "inline", "y"), (25, 19)),
        (("exercise", 1, "inline", "y", 1, "z"), (25, 29)),
        (("exercise", 1, "hold"), (26, 1)),
        (("exercise", 2, "tips", 1), (29, 16)),
    ],
)
def test_positions_of_keys_headers_and_elements(path: tuple, position: tuple) -> None:
    tomllib.loads(ROUTINE)  # the source is valid TOML
    assert KeyPositions(ROUTINE).get(path) == position


def test_keys_inside_strings_and_comments_are_not_keys() -> None:
    positions = KeyPositions(ROUTINE)
    assert positions.get(("hold",)) is None
    assert positions.get(("tempo",)) is None
    assert positions.get(("exercise", 0, "hold")) is None


@pytest.mark.parametrize(
    ("path", "position"),
    [
        (("exercise", 0, "hold"), (17, 1)),  # not written: its [[exercise]] header
        (("exercise", 2, "name"), (28, 1)),
        (("defaults", "prepare"), (14, 1)),
        (("exercise", 1, "inline", "w"), (25, 1)),
        (("missing",), (1, 1)),
        (("exercise", 7, "hold"), (17, 1)),
        ((), (1, 1)),
    ],
)
def test_find_falls_back_to_the_enclosing_table_then_1_1(path: tuple, position: tuple) -> None:
    assert find_position(ROUTINE, path) == position


def test_library_tables() -> None:
    text = '[bird-dog]\nname = "Bird dog"\nholdd = 8\n\n["Knee hug"]\nhold = 3\n'
    positions = KeyPositions(text)
    assert positions.find(("bird-dog", "holdd")) == (3, 1)
    assert positions.find(("bird-dog", "tips")) == (1, 1)
    assert positions.find(("Knee hug", "hold")) == (6, 1)


def test_nested_array_of_tables_count_per_parent() -> None:
    text = "[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[[a]]\n[[a.b]]\nx = 3\n"
    positions = KeyPositions(text)
    assert positions.get(("a", 0, "b", 1, "x")) == (5, 1)
    assert positions.get(("a", 1, "b", 0, "x")) == (8, 1)


def test_inline_array_of_tables_counts_like_headers() -> None:
    text = 'exercise = [\n  { name = "A", hold = 5 },\n  { name = "B", holdd = 5 },\n]\n'
    assert find_position(text, ("exercise", 1, "holdd")) == (3, 17)
    assert find_position(text, ("exercise", 1, "tips")) == (3, 3)


def test_crlf_line_endings_and_tabs() -> None:
    text = 'name = "x"\r\n[defaults]\r\n\trest = 3\r\n'
    assert find_position(text, ("defaults", "rest")) == (3, 2)


def test_multiline_string_with_escaped_quotes_and_trailing_quotes() -> None:
    text = 'a = """x\\"""\nb = 1 """""\nc = 2\n'
    tomllib.loads(text)
    positions = KeyPositions(text)
    assert positions.get(("b",)) is None
    assert positions.get(("c",)) == (3, 1)


def test_a_key_written_twice_keeps_its_first_position() -> None:
    positions = KeyPositions("[[e]]\nhold = 1\nhold = 2\n")
    assert positions.get(("e", 0, "hold")) == (2, 1)


@pytest.mark.parametrize(
    "text",
    ["", "[", "[[", "a = ", 'a = "unterminated', "a = [1, 2", "a = {x = ", '"""', "= = =", "\x00"],
)
def test_broken_sources_never_raise(text: str) -> None:
    line, col = KeyPositions(text).find(("a", 0, "b"))
    assert line == 1 and 1 <= col <= len(text) + 1


@settings(max_examples=300)
@given(st.text(alphabet="[]{}\"'=#.,\n ab1-_\\", max_size=60))
def test_any_text_never_raises(text: str) -> None:
    line, col = KeyPositions(text).find(("a", "b"))
    assert line >= 1 and col >= 1

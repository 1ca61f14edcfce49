"""Whole-file problems (unreadable, folder, not UTF-8, empty) and invalid TOML."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.core.routine.exercise_library import load_exercise_library
from tui.core.routine.parse import load_routine, parse_routine
from tui.core.routine.problems import RoutineError

VALID = 'name = "R"\n[[exercise]]\nname = "A"\nhold = 5\n'


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def load_problems(path: Path) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    return [str(p) for p in caught.value.problems]


def test_a_valid_file_loads() -> None:
    Path("ok.toml").write_text(VALID, encoding="utf-8")
    assert load_routine(Path("ok.toml")).name == "R"


def test_a_missing_file() -> None:
    assert load_problems(Path("nope.toml")) == ["nope.toml:1:1: file: no such file"]


def test_a_folder_passed_as_a_file() -> None:
    Path("folder.toml").mkdir()
    assert load_problems(Path("folder.toml")) == ["folder.toml:1:1: file: is a folder, not a file"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file() -> None:
    path = Path("locked.toml")
    path.write_text(VALID, encoding="utf-8")
    path.chmod(0)
    try:
        assert load_problems(path) == ["locked.toml:1:1: file: cannot be read: Permission denied"]
    finally:
        path.chmod(0o644)


def test_bytes_that_are_not_utf8() -> None:
    Path("latin.toml").write_bytes(b'name = "R"\nsetup = "caf\xe9"\n')
    assert load_problems(Path("latin.toml")) == [
        "latin.toml:1:1: file: not UTF-8 text: byte 0xe9 at line 2, column 13; "
        "save the file as UTF-8"
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_not_utf8_text(codec: str) -> None:
    # Valid UTF-8 byte for byte (every other one is NUL): it used to reach the
    # TOML parser and come back as an invalid \\x00 character.
    Path("wide.toml").write_bytes(VALID.encode(codec))
    column = 1 if codec == "utf-16-be" else 2
    assert load_problems(Path("wide.toml")) == [
        f"wide.toml:1:1: file: not UTF-8 text: a NUL byte (UTF-16 text?) at line 1, "
        f"column {column}; save the file as UTF-8"
    ]


def test_utf16_with_a_byte_order_mark_is_not_utf8_text() -> None:
    Path("bom16.toml").write_bytes(VALID.encode("utf-16"))
    [problem] = load_problems(Path("bom16.toml"))
    assert "not UTF-8 text: byte 0xff at line 1, column 1" in problem


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    Path("bom.toml").write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    assert load_routine(Path("bom.toml")).name == "R"


def test_a_byte_that_is_not_utf8_after_a_byte_order_mark_is_told_where_it_is() -> None:
    Path("bom.toml").write_bytes(b"\xef\xbb\xbf" + b'name = "R"\nsummary = "caf\xe9"\n')
    [problem] = load_problems(Path("bom.toml"))
    assert "not UTF-8 text: byte 0xe9 at line 2, column 15;" in problem


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("  \n\n\t\n", "is empty"),
        ("# just a comment\n\n# and another\n", "has no keys, only comments"),
    ],
)
def test_an_empty_file(content: str, message: str) -> None:
    Path("empty.toml").write_text(content, encoding="utf-8")
    expected = (
        f"empty.toml:1:1: file: {message}; "
        'expected a routine: name = "..." and at least one [[exercise]]'
    )
    assert load_problems(Path("empty.toml")) == [expected]


def test_an_empty_exercise_library() -> None:
    Path("exercises.toml").write_text("", encoding="utf-8")
    with pytest.raises(RoutineError) as caught:
        load_exercise_library(Path("exercises.toml"))
    assert str(caught.value) == (
        "exercises.toml:1:1: file: is empty; "
        "expected an exercise library: one [exercise-id] table per exercise"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            'name = "R"\n[[exercise]]\nhold = abc\n',
            'x.toml:3:8: toml: Invalid value; text needs quotes, such as "abc"',
        ),
        (
            'name = "R"\n[[exercise]]\nhold = 30s\n',
            "x.toml:3:10: toml: Expected newline or end of document after a statement; "
            'text needs quotes, such as "30s"',
        ),
        (
            'name = "R"\n[[exercise]]\nhold = 1m30s # long\n',
            "x.toml:3:9: toml: Expected newline or end of document after a statement; "
            'text needs quotes, such as "1m30s"',
        ),
        (
            "name = Bird dog\n",
            'x.toml:1:8: toml: Invalid value; text needs quotes, such as "Bird dog"',
        ),
        (
            'name = "R"\n[[exercise]]\nself_paced = True\n',
            "x.toml:3:14: toml: Invalid value; write true in lowercase",
        ),
        (
            'name = "R"\n[[exercise]]\nreps = 3 sets = 2\n',
            "x.toml:3:10: toml: Expected newline or end of document after a statement; "
            "put each key = value on a line of its own",
        ),
        (
            'name = "R"\n[[exercise]]\nhold = 1\nhold = 2\n',
            "x.toml:4:9: toml: Cannot overwrite a value; this key is already set in this table",
        ),
        (
            'name = "R"\n[defaults\n',
            "x.toml:2:10: toml: Expected ']' at the end of a table declaration",
        ),
        ('name = "R"\ntags = ["a",\n"b"\n', "x.toml:4:1: toml: Unclosed array"),
        (
            'name = "R\n',
            "x.toml:1:10: toml: Illegal character '\\n'; "
            'a string must end on its line; use """ for text over several lines',
        ),
        ('name = "R', "x.toml:1:10: toml: Unterminated string"),
        (
            'name = "R"\nname = "S"',
            "x.toml:2:11: toml: Cannot overwrite a value; this key is already set in this table",
        ),
        ("[d]\nx = 1\n[d]\n", "x.toml:3:3: toml: Cannot declare ('d',) twice"),
        (
            "tempo = 3-1-3\n",
            "x.toml:1:10: toml: Expected newline or end of document after a statement; "
            'text needs quotes, such as "3-1-3"',
        ),
        (
            "hold = 1:30\n",
            "x.toml:1:9: toml: Expected newline or end of document after a statement; "
            'text needs quotes, such as "1:30"',
        ),
        (
            "hold = 30 seconds\n",
            "x.toml:1:11: toml: Expected newline or end of document after a statement; "
            'text needs quotes, such as "30 seconds"',
        ),
        (
            "reps = 6, 4, 2\n",
            "x.toml:1:9: toml: Expected newline or end of document after a statement; "
            "an array needs brackets, such as [6, 4, 2]",
        ),
        (
            'tips = ["a" "b"]\n',
            "x.toml:1:13: toml: Unclosed array; is a comma missing between two elements?",
        ),
        ('tags = ["a",\n', "x.toml:2:1: toml: Invalid value"),
        ("[[exercise]\n", "x.toml:1:11: toml: Expected ']]' at the end of an array declaration"),
    ],
)
def test_invalid_toml_gives_the_parser_line_and_column(text: str, problem: str) -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "x.toml")
    assert [str(p) for p in caught.value.problems] == [problem]


def test_invalid_toml_stops_at_the_first_syntax_error() -> None:
    text = 'name = "R"\nhold = abc\nreps = xyz\nunknown = 1\n'
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "x.toml")
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].field == "toml"

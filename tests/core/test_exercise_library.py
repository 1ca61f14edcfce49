"""The exercise library: ids, keys, the same validators, and layering."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.routine_helpers import LIBRARY_TEXT, dedent
from tui.core.routine.exercise_library import (
    ExerciseLibrary,
    load_exercise_library,
    parse_exercise_library,
)
from tui.core.routine.models import LibraryEntry
from tui.core.routine.problems import RoutineError


def library_problems(text: str) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        parse_exercise_library(dedent(text), "exercises.toml")
    return [str(p) for p in caught.value.problems]


def test_an_entry_is_validated_and_normalised() -> None:
    entries = parse_exercise_library(
        dedent(
            """
            [bird-dog]
            name = " Bird dog "
            kind = "stability"
            level = "beginner"
            muscles = ["lower back", "glutes"]
            setup = "On hands and knees."
            tips = ["Reach long.", "Keep the hips level."]
            caution = "Small if it pinches."
            sides = "alternate"
            reps = 6
            hold = "8s"
            rest = "1m"
            source = "free-exercise-db:Cat_Stretch"
            """
        ),
        "exercises.toml",
    )
    entry = entries["bird-dog"]
    assert isinstance(entry, LibraryEntry)
    assert entry.id == "bird-dog"
    assert entry.name == "Bird dog"
    assert entry.kind == "stability"
    assert entry.level == "beginner"
    assert entry.muscles == ("lower back", "glutes")
    assert entry.source == "free-exercise-db:Cat_Stretch"
    assert entry.fields == {
        "name": "Bird dog",
        "setup": "On hands and knees.",
        "tips": ("Reach long.", "Keep the hips level."),
        "caution": "Small if it pinches.",
        "sides": "alternate",
        "reps": 6,
        "hold": 8.0,
        "rest": 60.0,
    }


def test_normalised_values_of_every_kind() -> None:
    entries = parse_exercise_library(LIBRARY_TEXT, "exercises.toml")
    assert entries["bird-dog"].fields["tempo"] == (2.0, 8.0, 2.0)
    assert entries["bird-dog"].fields["phases"] == ("Reach", "Hold", "Return")
    assert entries["pyramid-curl"].fields["reps"] == (6, 4, 2)
    assert entries["wall-sit"].fields["self_paced"] is True
    assert (
        "self_paced"
        not in parse_exercise_library('[a]\nname = "A"\nself_paced = false\n', "e.toml")["a"].fields
    )


@pytest.mark.parametrize("entry_id", ["bird-dog", "a", "90-90", "cat-cow-2", "-odd-"])
def test_valid_ids(entry_id: str) -> None:
    assert entry_id in parse_exercise_library(f'[{entry_id}]\nname = "X"\n', "e.toml")


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        (
            "[Bird_Dog]",
            "exercises.toml:1:1: Bird_Dog: expected an id of lowercase letters, digits and "
            'hyphens, such as [bird-dog], got "Bird_Dog"; did you mean "bird-dog"?',
        ),
        (
            '["bird dog"]',
            'exercises.toml:1:1: "bird dog": expected an id of lowercase letters, digits and '
            'hyphens, such as [bird-dog], got "bird dog"; did you mean "bird-dog"?',
        ),
        (
            '["é"]',
            'exercises.toml:1:1: "é": expected an id of lowercase letters, digits and '
            'hyphens, such as [bird-dog], got "é"',
        ),
    ],
)
def test_invalid_ids(header: str, problem: str) -> None:
    assert library_problems(f'{header}\nname = "X"\n') == [problem]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("holdd = 8", 'exercises.toml:3:1: bird-dog.holdd: unknown key; did you mean "hold"?'),
        (
            'kind = "cardio"',
            'exercises.toml:3:8: bird-dog.kind: expected "strength", "stability", "stretch" or '
            '"mobility", got "cardio"',
        ),
        (
            'level = "pro"',
            'exercises.toml:3:9: bird-dog.level: expected "beginner", "intermediate" or '
            '"advanced", got "pro"',
        ),
        (
            'muscles = "back"',
            'exercises.toml:3:11: bird-dog.muscles: expected an array of strings, got "back"',
        ),
        ("muscles = [1]", "exercises.toml:3:12: bird-dog.muscles[1]: expected a string, got 1"),
        ("source = 1", "exercises.toml:3:10: bird-dog.source: expected a string, got 1"),
        (
            'hold = "abc"',
            'exercises.toml:3:8: bird-dog.hold: expected a duration such as 30 or "45s", got "abc"',
        ),
        (
            "reps = 0",
            "exercises.toml:3:8: bird-dog.reps: expected an integer >= 1 or a non-empty array of "
            "them, got 0",
        ),
        (
            'use = "x"',
            "exercises.toml:3:1: bird-dog.use: unknown key; use is for routines; "
            "a library entry cannot use another entry",
        ),
        (
            "hold = 8\nduration = 30",
            "exercises.toml:1:1: bird-dog: give exactly one of hold, tempo, duration or "
            "self_paced = true; found hold and duration",
        ),
        (
            'tempo = "2-8-2"\nphases = ["a"]',
            "exercises.toml:4:10: bird-dog.phases: expected 3 names (one per tempo phase), got 1",
        ),
        (
            'phases = ["a"]',
            "exercises.toml:3:1: bird-dog.phases: phases need a timing beside them: "
            "give hold, tempo or duration too",
        ),
        (
            "reps = [2, 1]\nsets = 3",
            "exercises.toml:4:8: bird-dog.sets: expected 2 (one set per entry of reps = [2, 1]), "
            "got 3",
        ),
        (
            'tempo = "1-1-1-1-1"',
            "exercises.toml:3:1: bird-dog.tempo: a tempo of 5 phases needs phases = [...] with 5 "
            "names (default names cover 1 to 4 phases)",
        ),
    ],
)
def test_entry_errors(body: str, problem: str) -> None:
    assert library_problems(f'[bird-dog]\nname = "Bird dog"\n{body}\n') == [problem]


def test_an_entry_needs_a_name_and_must_be_a_table() -> None:
    assert library_problems("plank = 3\n[bird-dog]\nhold = 3\n") == [
        "exercises.toml:1:9: plank: expected a table [plank] describing an exercise, got 3",
        'exercises.toml:2:1: bird-dog.name: missing; expected a string such as name = "Bird dog"',
    ]


def test_an_entry_without_timing_is_allowed() -> None:
    entries = parse_exercise_library('[dead-bug]\nname = "Dead bug"\nreps = 8\n', "e.toml")
    assert entries["dead-bug"].fields == {"name": "Dead bug", "reps": 8}


def test_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "exercises.toml"
    path.write_text(LIBRARY_TEXT, encoding="utf-8")
    assert set(load_exercise_library(path)) == {
        "pelvic-tilt",
        "bird-dog",
        "dead-bug",
        "pyramid-curl",
        "wall-sit",
    }


# -- ExerciseLibrary ------------------------------------------------------------------


def _entries(text: str) -> dict[str, LibraryEntry]:
    return parse_exercise_library(dedent(text), "e.toml")


def test_later_layers_win() -> None:
    bundled = _entries('[a]\nname = "Bundled A"\n[b]\nname = "B"\n')
    own = _entries('[a]\nname = "My A"\n[c]\nname = "C"\n')
    lib = ExerciseLibrary(bundled, own)
    assert lib.get("a").name == "My A"
    assert lib.get("b").name == "B"
    assert lib.get("zzz") is None
    assert "c" in lib and "zzz" not in lib
    assert lib.ids() == ["a", "b", "c"]
    assert set(lib.entries) == {"a", "b", "c"}
    assert len(lib) == 3
    assert sorted(lib) == ["a", "b", "c"]
    with pytest.raises(TypeError):
        lib.entries["d"] = lib.get("a")  # type: ignore[index]


def test_layered_makes_a_new_library() -> None:
    base = ExerciseLibrary(_entries('[a]\nname = "A"\n'))
    top = base.layered(_entries('[a]\nname = "A2"\n'))
    assert base.get("a").name == "A"
    assert top.get("a").name == "A2"


def test_from_files_in_order_skipping_missing(tmp_path: Path) -> None:
    first = tmp_path / "bundled.toml"
    second = tmp_path / "own.toml"
    first.write_text('[a]\nname = "A"\n[b]\nname = "B"\n', encoding="utf-8")
    second.write_text('[a]\nname = "Mine"\n', encoding="utf-8")
    lib = ExerciseLibrary.from_files([first, tmp_path / "missing.toml", second])
    assert lib.get("a").name == "Mine"
    assert lib.get("b").name == "B"
    with pytest.raises(RoutineError) as caught:
        ExerciseLibrary.from_files([tmp_path / "missing.toml"], missing_ok=False)
    assert str(caught.value).endswith("missing.toml:1:1: file: no such file")


def test_from_files_reports_every_broken_file(tmp_path: Path) -> None:
    one = tmp_path / "one.toml"
    two = tmp_path / "two.toml"
    one.write_text("[a]\nholdd = 1\n", encoding="utf-8")
    two.write_text("[b\n", encoding="utf-8")
    with pytest.raises(RoutineError) as caught:
        ExerciseLibrary.from_files([one, two])
    assert [p.field for p in caught.value.problems] == ["a.name", "a.holdd", "toml"]

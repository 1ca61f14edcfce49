"""`spinewise check` on the `easier`/`harder` links of an exercise library: ids that
exist, no loops, not itself, each at the link's line and column; and the bundled
ladders pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core import paths
from tui.core.catalog.checking import check_path
from tui.core.routine.exercise_library import ExerciseLibrary, load_exercise_library
from tui.core.routine.ladders import Layer, ladder_problems
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import RoutineError

ENTRY = '[{id}]\nname = "{id}"\nhold = 5\n'


def library(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "exercises.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    return [str(p) for p in check_path(path)]


def test_a_link_to_an_id_the_library_lacks_says_where_and_what_was_meant(
    tmp_path: Path, isolated_home: Path
):
    path = library(tmp_path, ENTRY.format(id="knees") + 'harder = "planck"\n'
                   + ENTRY.format(id="plank"))  # fmt: skip
    assert problems(path) == [
        f'{path}:4:10: knees.harder: no exercise "planck" in the library; did you mean "plank"?'
    ]


def test_an_entry_naming_itself_is_reported_with_every_other_link_problem(
    tmp_path: Path, isolated_home: Path
):
    path = library(tmp_path, ENTRY.format(id="plank") + 'easier = "plank"\n'
                   + ENTRY.format(id="wall") + 'harder = "plank-knee"\n')  # fmt: skip
    assert problems(path) == [
        f"{path}:4:10: plank.easier: an exercise cannot be its own easier variant",
        f'{path}:8:10: wall.harder: no exercise "plank-knee" in the library; '
        'did you mean "plank-knees"?',
    ]
    assert load_exercise_library(path)["plank"].easier == "plank"  # harmless when run
    assert ExerciseLibrary(load_exercise_library(path)).variant("plank", "easier") is None


def test_a_chain_that_comes_back_on_itself_is_a_loop_at_each_of_its_links(
    tmp_path: Path, isolated_home: Path
):
    text = (
        ENTRY.format(id="a") + 'harder = "b"\n'
        + ENTRY.format(id="b") + 'harder = "c"\n'
        + ENTRY.format(id="c") + 'harder = "a"\n'
    )  # fmt: skip
    path = library(tmp_path, text)
    found = problems(path)
    assert [line.split(": ")[0].rsplit(":", 2)[1:] for line in found] == [
        ["4", "10"], ["8", "10"], ["12", "10"],
    ]  # fmt: skip
    assert found[0].endswith(
        'a.harder: harder = "b" makes a loop: going harder, a -> b -> c -> a comes back '
        "to a (no exercise can be harder than itself)"
    )


def test_easier_and_harder_naming_the_same_entry_is_a_loop(tmp_path: Path, isolated_home):
    path = library(tmp_path, ENTRY.format(id="a") + 'easier = "b"\nharder = "b"\n'
                   + ENTRY.format(id="b"))  # fmt: skip
    assert [p.split(": ")[1] for p in problems(path)] == ["a.easier", "a.harder"]


def test_links_need_not_be_mutual(tmp_path: Path, isolated_home: Path):
    path = library(tmp_path, ENTRY.format(id="a") + 'harder = "b"\n' + ENTRY.format(id="b")
                   + ENTRY.format(id="c") + 'harder = "b"\n')  # fmt: skip
    assert problems(path) == []


def test_a_wrong_type_is_an_error_with_the_expected_form(tmp_path: Path, isolated_home):
    path = library(tmp_path, ENTRY.format(id="a") + "easier = 3\n")
    assert problems(path) == [  # at the value, as a missing link is (a tester found 4:1)
        f"{path}:4:10: a.easier: expected the id of another exercise of the library "
        '(lowercase letters, digits and hyphens), such as "plank-knees", got 3'
    ]


def test_the_persons_library_may_link_to_a_bundled_entry(isolated_home: Path):
    own = paths.user_exercises_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(ENTRY.format(id="wall-plank") + 'harder = "plank-knees"\n'
                   + ENTRY.format(id="my-plank") + 'easier = "plank-knee"\n')  # fmt: skip
    assert problems(own) == [
        f'{own}:8:10: my-plank.easier: no exercise "plank-knee" in the library; '
        'did you mean "plank-knees"?'
    ]


def test_a_routine_may_not_write_a_variant(isolated_home: Path):
    with pytest.raises(RoutineError) as error:
        parse_routine('name = "R"\n[[exercise]]\nname = "X"\nhold = 3\neasier = "x"\n', "r.toml")
    assert "r.toml:5:1: exercise[1].easier: unknown key; easier is for the exercise library" in str(
        error.value
    )


def test_the_bundled_ladders_pass_check_and_climb_as_written(isolated_home: Path):
    bundled = paths.bundled_exercises_file()
    assert check_path(bundled) == []
    entries = load_exercise_library(bundled)
    text = bundled.read_text(encoding="utf-8")
    assert ladder_problems([Layer(str(bundled), text, entries)]) == []
    lib = ExerciseLibrary(entries)

    def climb(start: str) -> list[str]:
        names, at = [], lib.get(start)
        while at is not None:
            names.append(at.id)
            at = lib.variant(at.id, "harder")
        return names

    assert climb("plank-knees") == ["plank-knees", "plank"]
    assert climb("side-plank") == ["side-plank", "side-plank-feet"]
    assert climb("bird-dog-arm") == ["bird-dog-arm", "bird-dog-leg", "bird-dog"]
    assert climb("glute-bridge") == ["glute-bridge", "marching-bridge"]
    assert climb("curl-up") == ["curl-up", "curl-up-elbows-up"]
    for entry in entries.values():  # written both ways, and every new step has tips
        if entry.harder:
            assert lib.get(entry.harder).easier == entry.id
        if entry.easier or entry.harder:
            assert len(entry.fields["tips"]) >= 3 and entry.fields.get("setup")


def test_check_on_the_bundled_folder_exits_0(isolated_home: Path):
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(paths.bundled_routines_dir())],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_a_link_problem_points_at_the_value_however_the_key_is_written(
    tmp_path: Path, isolated_home: Path
):
    """The docs show `exercises.toml:40:10`: the column of the id, not of the key."""
    path = library(tmp_path, ENTRY.format(id="a") + '  "harder"   =  "nope"\n'
                   + "[b]\nname = 'B'\nhold = 3\neasier='nope'\n")  # fmt: skip
    assert [line.split(": ")[0].rsplit(":", 2)[1:] for line in problems(path)] == [
        ["4", "17"], ["8", "8"],
    ]  # fmt: skip


def test_did_you_mean_never_names_the_entry_itself(tmp_path: Path, isolated_home: Path):
    """Found by a tester: `wall-push.easier = "wall-push-tiny"` asked "did you mean
    "wall-push"?", the entry whose link it is."""
    path = library(tmp_path, ENTRY.format(id="wall-push") + 'easier = "wall-push-tiny"\n'
                   + ENTRY.format(id="solo") + 'harder = "sol"\n')  # fmt: skip
    found = problems(path)
    assert len(found) == 2
    assert 'did you mean "wall-push"' not in found[0] and "wall-push-tiny" in found[0]
    assert 'did you mean "solo"' not in found[1] and '"sol"' in found[1]

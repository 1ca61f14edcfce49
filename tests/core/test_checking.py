"""`spinewise check`: files and folders, routines and exercise libraries."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.routine_helpers import LIBRARY_TEXT
from tui.core.catalog.checking import check_path, check_paths, iter_toml_files, library_beside
from tui.core.routine.exercise_library import ExerciseLibrary

REPO = Path(__file__).resolve().parents[2]
ROUTINE = 'name = "R"\n[[exercise]]\nuse = "bird-dog"\n'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = Path("mine")
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.toml").write_text('name = "B"\n[[exercise]]\nname = "X"\nhold = 3\n')
    (root / "a.toml").write_text(ROUTINE)
    (root / "exercises.toml").write_text(LIBRARY_TEXT)
    (root / "sub" / "c.toml").write_text('name = "C"\n[[exercise]]\nname = "X"\nholdd = 3\n')
    (root / ".hidden" / "x.toml").write_text("not = [valid")
    (root / "notes.txt").write_text("not toml")
    return root


def test_iter_toml_files_expands_folders_sorted_and_reports_missing_paths(folder: Path) -> None:
    files, missing = iter_toml_files([folder, Path("nope"), folder / "notes.txt"])
    assert files == [
        folder / "a.toml",
        folder / "b.toml",
        folder / "exercises.toml",
        folder / "sub" / "c.toml",
        folder / "notes.txt",  # a file named on the command line is checked whatever its name
    ]
    assert [str(p) for p in missing] == ["nope:1:1: file: no such file or folder"]


def test_a_file_named_twice_however_spelt_is_checked_once(folder: Path) -> None:
    """Found by a tester: the person's library given as a relative and an absolute path
    printed each problem twice and said "2 of 2 files invalid" for one file."""
    again = [folder / "b.toml", (folder / "b.toml").resolve(), Path(f"./{folder}/b.toml")]
    files, missing = iter_toml_files([*again, folder, folder / "sub" / ".." / "a.toml"])
    assert missing == []
    assert files == [
        folder / "b.toml", folder / "a.toml", folder / "exercises.toml", folder / "sub" / "c.toml",
    ]  # fmt: skip
    assert len(check_paths([folder / "sub" / "c.toml", (folder / "sub" / "c.toml").resolve()])) == 1


def test_a_folder_with_no_routine_file_is_a_problem_not_a_pass(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a routine")
    files, missing = iter_toml_files([tmp_path])
    assert files == []
    assert [str(p) for p in missing] == [
        f"{tmp_path}:1:1: file: no routine files (*.toml) in this folder"
    ]


def test_a_folder_with_its_own_library_checks_against_it(folder: Path) -> None:
    assert check_paths([folder], ExerciseLibrary()) == check_path(
        folder / "sub" / "c.toml", ExerciseLibrary()
    )
    assert [str(p) for p in check_paths([folder], ExerciseLibrary())] == [
        'mine/sub/c.toml:4:1: exercise[1].holdd: unknown key; did you mean "hold"?'
    ]


def test_a_routine_alone_is_checked_with_the_library_beside_it(folder: Path) -> None:
    assert check_path(folder / "a.toml", ExerciseLibrary()) == []


def test_without_a_library_beside_it_the_given_library_is_used(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(ROUTINE)
    assert [p.message for p in check_path(path, ExerciseLibrary())] == [
        'no exercise "bird-dog" in the library (the exercise library is empty)'
    ]
    lib = library_beside(path, ExerciseLibrary())
    assert len(lib) == 0


def test_exercises_toml_is_checked_as_a_library(folder: Path) -> None:
    (folder / "exercises.toml").write_text('[Bad_Id]\nname = "x"\nuse = "y"\n')
    found = [str(p) for p in check_path(folder / "exercises.toml", ExerciseLibrary())]
    assert found == [
        "mine/exercises.toml:1:1: Bad_Id: expected an id of lowercase letters, digits and "
        'hyphens, such as [bird-dog], got "Bad_Id"; did you mean "bad-id"?',
        "mine/exercises.toml:3:1: Bad_Id.use: unknown key; use is for routines; "
        "a library entry cannot use another entry",
    ]
    # An invalid library beside a routine is left out (its own check reports it).
    assert [p.field for p in check_path(folder / "a.toml", ExerciseLibrary())] == [
        "exercise[1].use"
    ]


def test_a_folder_passed_to_check_path_is_a_problem(folder: Path) -> None:
    assert [str(p) for p in check_path(folder / "sub", ExerciseLibrary())] == [
        "mine/sub:1:1: file: is a folder, not a file"
    ]


def test_the_bundled_routines_and_library_are_valid() -> None:
    routines = REPO / "routines"
    files, _ = iter_toml_files([routines])
    if not files:
        pytest.skip("no bundled routines yet")
    assert [str(p) for p in check_paths([routines], ExerciseLibrary())] == []


def test_a_bundled_routine_is_checked_with_the_library_it_runs_with() -> None:
    from tui.core import paths
    from tui.core.catalog import sources

    own = paths.user_exercises_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text('[cat-cow]\nname = "My cat cow"\nhold = 5\n')
    routine = paths.bundled_routines_dir() / "yoga-flexibility.toml"
    checked, problems = sources.lenient_exercise_library(routine)
    assert problems == []
    assert checked.get("cat-cow").name == "My cat cow"  # the person's own wins, as in `run`
    assert sources.exercise_library(routine).get("cat-cow").name == "My cat cow"
    assert check_path(routine) == []


@pytest.mark.parametrize("given", ["empty", "nope", "empty/nope"])
def test_check_with_nothing_to_check_says_so_and_exits_1(
    given: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a tester: `check` on an empty folder said "1 of 1 file invalid" (it
    once said "0 files valid" and exited 0), as if a file had been checked. Exit 1,
    not 2: the command line was right (DESIGN.md: 2 is for wrong usage)."""
    from tui.cli import main

    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a routine")
    assert main(["check", str(tmp_path / given)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"{tmp_path / given}:1:1: file: no ")
    assert lines[1] == ("spinewise: nothing to check: no routine, plan or exercise library "
                        "file (*.toml) was found")

"""A mistake in the person's own exercise library (`$XDG_CONFIG_HOME/spinewise/exercises.toml`).

Found by a tester: one broken entry there made every routine invalid, the bundled
ones too, each shown as a mistake of the routine's (bundled) file. Now only a
routine that uses the broken entry is invalid, and its error names the person's
file, line, column and field; a file that is not TOML at all still names the
person's file and line, and a routine that uses no entry still runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.core import paths
from tui.core.catalog import sources
from tui.core.catalog.checking import check_path
from tui.core.catalog.entries import Invalid, Valid, load_catalog, load_entry
from tui.core.catalog.listing import listings
from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.problems import RoutineError

BROKEN = """\
[my-stretch]
name = "My stretch"
hold = "abc"

[good-one]
name = "Good one"
hold = 10
easier = "my-stretch"
"""


def own_library(text: str = BROKEN) -> Path:
    path = paths.user_exercises_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def own_routine(name: str, text: str) -> Path:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


USES_BROKEN = 'name = "Mine"\n[[exercise]]\nuse = "good-one"\n[[exercise]]\nuse = "my-stretch"\n'
USES_GOOD = 'name = "Good"\n[[exercise]]\nuse = "good-one"\nreps = 2\n'
USES_NONE = 'name = "Plain"\n[[exercise]]\nname = "Lie still"\nhold = 5\n'


def entry(name: str) -> Valid | Invalid:
    ref = sources.find(name)
    assert ref is not None
    return load_entry(ref)


def test_a_broken_entry_spoils_only_the_routines_that_use_it() -> None:
    library = own_library()
    own_routine("mine", USES_BROKEN)
    own_routine("good", USES_GOOD)
    catalog = {e.ref.id: e for e in load_catalog()}
    invalid = sorted(i for i, e in catalog.items() if isinstance(e, Invalid))
    assert invalid == ["mine"]  # every bundled routine, and one using a good own entry, runs
    mine = catalog["mine"]
    assert isinstance(mine, Invalid)
    [problem] = mine.problems
    assert (problem.line, problem.field) == (5, "exercise[2].use")
    # The message names the person's file, the line, column and field of the mistake.
    assert problem.message.startswith(
        'the exercise library\'s "my-stretch" has a mistake, so it cannot be used: '
        f"{library}:3:"
    )
    assert problem.message.endswith(
        'my-stretch.hold: expected a duration such as 30 or "45s", got "abc"'
    )
    assert str(paths.bundled_routines_dir()) not in str(problem)


def test_the_list_and_check_name_the_routine_that_uses_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    library = own_library()
    mine = own_routine("mine", USES_BROKEN)
    rows = {listing.ref.id: listing for listing in listings()}
    assert rows["big-three"].error is None
    assert rows["mine"].to_check == str(mine)
    assert main(["check", str(mine)]) == 1
    err = capsys.readouterr().err
    assert f"{mine}:5:7: exercise[2].use: the exercise library's \"my-stretch\"" in err
    # and the library's own mistake, on a line of its own:
    assert any(line.startswith(f"{library}:3:") for line in err.splitlines())
    assert check_path(paths.bundled_routines_dir() / "big-three.toml") == []


def test_a_progression_or_a_variant_never_leads_to_a_broken_entry() -> None:
    own_library()
    then = (
        'name = "T"\n[[exercise]]\nuse = "good-one"\nreps = 2\n'
        '[exercise.progress]\nadd = "reps"\nby = 1\nevery = 1\nmax = 4\nthen = "my-stretch"\n'
    )
    own_routine("then", then)
    found = entry("then")
    assert isinstance(found, Invalid)
    assert [p.field for p in found.problems] == ["exercise[1].progress.then"]
    assert "has a mistake, so it cannot be used" in found.problems[0].message
    library = sources.exercise_library()
    assert library.get("good-one") is not None
    assert library.variant("good-one", "easier") is None  # no swap to a broken entry


def test_the_texts_a_workout_keeps_read_again_with_an_unused_broken_entry() -> None:
    """Resuming rebuilds the library from the texts kept; they hold the broken entry."""
    own_library()
    own_routine("good", USES_GOOD)
    good = entry("good")
    assert isinstance(good, Valid)
    assert any("my-stretch" in text for _, text in good.library_texts)
    rebuilt = sources.library_of_texts(good.library_texts)
    assert rebuilt.usable("good-one") is not None
    assert rebuilt.usable("my-stretch") is None
    parsed = sources.parse_with_texts(good.text, str(good.ref.path), good.library_texts)
    assert parsed == good.routine


def test_a_library_that_is_not_toml_names_its_file_and_line() -> None:
    library = own_library('[my-stretch\nname = "x"\n')
    own_routine("plain", USES_NONE)
    big = entry("big-three")
    assert isinstance(big, Invalid)
    assert str(big.problems[0]).startswith(f"{library}:1:12: toml: ")
    assert big.error_file == str(library)
    rows = {listing.ref.id: listing for listing in listings()}
    assert rows["big-three"].to_check == str(library)  # not the bundled routine's file
    assert isinstance(entry("plain"), Valid)  # uses no entry: still runs


def test_show_of_a_routine_that_uses_a_broken_entry_says_where(
    capsys: pytest.CaptureFixture[str],
) -> None:
    library = own_library()
    own_routine("mine", USES_BROKEN)
    assert main(["show", "big-three"]) == 0
    capsys.readouterr()
    assert main(["show", "mine"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{library}:3:" in err and "my-stretch.hold" in err


def test_read_strictly_the_library_still_reports_every_mistake() -> None:
    with pytest.raises(RoutineError) as raised:
        parse_exercise_library(BROKEN, "exercises.toml")
    assert [p.field for p in raised.value.problems] == ["my-stretch.hold"]
    lenient = parse_exercise_library(BROKEN, "exercises.toml", partial=True)
    assert lenient["good-one"].problems == ()
    assert [p.field for p in lenient["my-stretch"].problems] == ["my-stretch.hold"]
    assert [p.field for p in ExerciseLibrary(lenient).problems()] == ["my-stretch.hold"]


def test_the_editor_warns_of_the_broken_entry_but_keeps_the_good_ones() -> None:
    from tui.core.authoring.files import checking_exercise_library

    library = own_library()
    found, warning = checking_exercise_library(None)
    assert found.usable("good-one") is not None
    assert warning is not None and warning.startswith(f"{library} has mistakes")


def test_the_routine_library_preview_points_at_the_file_to_fix() -> None:
    from tui.screens.library_rows import preview_texts

    library = own_library('[my-stretch\nname = "x"\n')
    big = entry("big-three")
    assert isinstance(big, Invalid)
    _, _, summary, hint, _ = preview_texts(big)
    assert summary.startswith("The exercise library it is read with has mistakes:\n")
    assert hint == f"Fix them, then check: spinewise check {library}"
    own_library()
    mine = own_routine("mine", USES_BROKEN)
    broken = entry("mine")
    assert isinstance(broken, Invalid)
    _, _, summary, hint, _ = preview_texts(broken)
    assert summary.startswith("This file has mistakes:\n") and str(library) in summary
    assert hint == f"Fix them, then check: spinewise check {mine}"

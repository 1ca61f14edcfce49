"""`spinewise export` and `spinewise import`: routines that travel (issue 18).

"Elsewhere" is a second, empty config folder: XDG_CONFIG_HOME is pointed at
it between the export and the import, as another machine would be.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tomllib
from pathlib import Path

import pytest

from tests.authoring.helpers import own_routine
from tui.cli import main
from tui.core import paths
from tui.core.authoring.standalone import inlined_fields, standalone_text
from tui.core.catalog import sources

BUNDLED = sorted(ref.id for ref in sources.discover() if ref.origin == "bundled")
NOW = dt.datetime(2026, 11, 29, 20, 40, tzinfo=dt.UTC)


def show_json(rid: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["show", "--json", rid]) == 0
    plan: dict[str, object] = json.loads(capsys.readouterr().out)
    return plan


def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Another machine: a fresh, empty config folder."""
    home = tmp_path / "elsewhere"
    home.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@pytest.mark.parametrize("rid", BUNDLED)
def test_every_bundled_routine_exported_and_imported_elsewhere_gives_the_same_plan(
    rid: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    wanted = show_json(rid, capsys)
    file = tmp_path / f"{rid}.toml"
    assert main(["export", rid, "-o", str(file)]) == 0
    exported = tomllib.loads(file.read_text())
    assert not any("use" in exercise for exercise in exported["exercise"])
    elsewhere(tmp_path, monkeypatch)
    assert main(["import", str(file), "--as", "shared"]) == 0
    assert show_json("shared", capsys) == wanted


def test_a_routine_using_the_persons_own_library_runs_the_same_where_that_library_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.user_exercises_file().parent.mkdir(parents=True, exist_ok=True)
    paths.user_exercises_file().write_text(
        '[wall-sit]\nname = "Wall sit"\nkind = "strength"\nsetup = "Back to a wall."\n'
        'tips = ["Knees over ankles."]\nreps = 3\nsets = 2\nhold = "20s"\nrest = 45\n'
        'muscles = ["thighs"]\n'
    )
    own_routine("legs", '# my legs\nname = "Legs"\n\n[[exercise]]\nuse = "wall-sit"  # new\n'
                        'reps = [4, 2]\n\n[[exercise]]\nuse = "bird-dog"\nduration = 30\n')
    wanted = show_json("legs", capsys)
    assert main(["export", "legs"]) == 0
    text = capsys.readouterr().out
    assert "# my legs" in text  # the routine's comments are kept
    assert '# written out from the exercise library entry "wall-sit":' in text
    legs = tomllib.loads(text)["exercise"]
    # own keys win; the entry's sets gives way to a reps array; descriptions are dropped
    assert legs[0] == {"name": "Wall sit", "setup": "Back to a wall.",
                       "tips": ["Knees over ankles."], "hold": "20s", "rest": 45,
                       "reps": [4, 2]}  # fmt: skip
    assert "hold" not in legs[1] and "phases" not in legs[1]  # its own timing replaces them
    elsewhere(tmp_path, monkeypatch)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["import", "-"]) == 0
    assert "as legs" in capsys.readouterr().err  # from standalone input: the routine's name
    assert show_json("legs", capsys) == wanted


def test_an_exercise_written_as_an_inline_table_is_written_anew_and_runs_the_same(
    capsys: pytest.CaptureFixture[str],
) -> None:
    own_routine("inline", 'name = "Inline"\nexercise = [{ use = "bird-dog", reps = 2 }]\n')
    ref = sources.find("inline")
    assert ref is not None
    routine, text, libraries = sources.read_routine(ref)
    result = standalone_text(routine, text, libraries, "# header\n")
    assert result.startswith("# header\n")
    assert tomllib.loads(result)["exercise"][0]["name"] == "Bird dog"


def test_inlined_fields_follow_the_merge_of_the_format() -> None:
    entry = {"name": "E", "kind": "stretch", "sets": 2, "reps": 3, "tempo": "2-2",
             "phases": ["Up", "Down"], "self_paced": False, "muscles": ["x"], "rest": 5}
    assert inlined_fields(entry, {"use": "e"}) == {
        "name": "E", "sets": 2, "reps": 3, "tempo": "2-2", "phases": ["Up", "Down"], "rest": 5}
    assert inlined_fields(entry, {"use": "e", "hold": 3, "reps": [3, 2], "name": "Mine"}) == {
        "rest": 5}


def test_export_header_says_where_from_and_when_and_drops_the_schema_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.commands.routine_export import run_export

    assert run_export("big-three", now=NOW) == 0
    text = capsys.readouterr().out
    assert text.startswith(
        '# Exported from the spinewise routine "big-three" (bundled) by spinewise'
    )
    assert "on 2026-11-29 20:40 UTC." in text
    assert "#:schema" not in text


def test_export_keeps_an_existing_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "out.toml"
    file.write_text("mine\n")
    assert main(["export", "big-three", "-o", str(file)]) == 1
    assert "add --force" in capsys.readouterr().err
    assert file.read_text() == "mine\n"
    assert main(["export", "big-three", "-o", str(file), "--force"]) == 0
    assert tomllib.loads(file.read_text())["name"] == "Big three"
    assert [p.name for p in tmp_path.iterdir()] == ["out.toml"]  # no temporary left


def test_export_of_an_unknown_or_broken_routine_says_why(capsys: pytest.CaptureFixture[str]):
    assert main(["export", "big-thre"]) == 1
    assert "did you mean big-three" in capsys.readouterr().err
    own_routine("broken", 'name = "B"\n[[exercise]]\nuse = "nope"\n')
    assert main(["export", "broken"]) == 1
    assert "broken.toml:3:7: exercise[1].use: no exercise" in capsys.readouterr().err


def test_a_progression_onto_a_library_entry_cannot_travel_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    own_routine("grows", 'name = "Grows"\n[[exercise]]\nuse = "bird-dog"\nreps = 4\n'
                         '[exercise.progress]\nadd = "reps"\nby = 1\nevery = 2\nmax = 8\n'
                         'then = "side-plank"\n')
    assert main(["show", "grows"]) == 0
    capsys.readouterr()
    assert main(["export", "grows"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "exercise 1's progression moves on to the exercise-library entry 'side-plank'" in err


def test_a_broken_file_imports_nothing_and_says_where_each_mistake_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad.toml"
    file.write_text('name = "Bad"\n\n[[exercise]]\nname = "A"\nholdd = 3\n\n'
                    '[[exercise]]\nuse = "no-such-entry"\n')
    assert main(["import", str(file)]) == 1
    err = capsys.readouterr().err
    assert f'{file}:5:1: exercise[1].holdd: unknown key; did you mean "hold"?' in err
    assert f"{file}:8:7: exercise[2].use: no exercise" in err
    assert "nothing imported" in err
    assert not paths.user_routines_dir().exists()


def test_a_file_that_cannot_be_read_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(tmp_path / "gone.toml")]) == 1
    assert f"{tmp_path / 'gone.toml'}:1:1: file: no such file" in capsys.readouterr().err
    assert not paths.user_routines_dir().exists()


def test_an_id_the_person_has_is_refused_unless_replaced_or_renamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = own_routine("quiet-core", "# mine\n")
    file = tmp_path / "quiet-core.toml"
    file.write_text('name = "Shared"\n[[exercise]]\nname = "A"\nhold = 3\n')
    assert main(["import", str(file)]) == 1
    assert "'quiet-core' is one of your routines already" in capsys.readouterr().err
    assert mine.read_text() == "# mine\n"
    assert main(["import", str(file), "--as", "shared"]) == 0
    assert capsys.readouterr().out.strip() == str(paths.user_routines_dir() / "shared.toml")
    assert main(["import", str(file), "--replace"]) == 0
    assert "Replaced your routine 'quiet-core'" in capsys.readouterr().err
    assert mine.read_text().startswith("#:schema ./schema.json\n")
    assert sources.load(sources.find("quiet-core")).name == "Shared"  # type: ignore[arg-type]
    leftovers = [p.name for p in mine.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_a_bundled_id_is_refused_and_replacing_it_makes_the_persons_copy_win(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "big-three.toml"
    file.write_text('name = "My three"\n[[exercise]]\nname = "A"\nhold = 3\n')
    assert main(["import", str(file)]) == 1
    assert "'big-three' is a bundled routine already" in capsys.readouterr().err
    assert main(["import", str(file), "--replace"]) == 0
    assert "takes the place of the bundled one" in capsys.readouterr().err
    ref = sources.find("big-three")
    assert ref is not None and ref.origin == "own"
    assert (paths.bundled_routines_dir() / "big-three.toml").is_file()  # left as it was


def test_import_usage_mistakes_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for words in (["import"], ["import", "x.toml", "--as", "Not An Id"],
                  ["import", "x.toml", "--as", "exercises"]):  # fmt: skip
        with pytest.raises(SystemExit) as exit_:
            main(words)
        assert exit_.value.code == 2
    assert "lowercase letters, digits and hyphens" in capsys.readouterr().err


def test_the_help_keeps_routine_import_apart_from_library_import(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "spinewise library import instead" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["library", "import", "--help"])
    assert "spinewise import instead" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(
    ("shipped", "copy", "said"),
    [
        ("exercises.toml", "lib.toml", "is an exercise library (a table per exercise), not a "
         "routine: nothing imported. To use its exercises, copy the entries you want into "),
        ("plans/back-care-12-weeks.toml", "care.toml", "is a plan (it has [[phase]] tables), "
         "not a routine: nothing imported. To follow it: spinewise plan start "),
    ],
)  # fmt: skip
def test_a_plan_or_an_exercise_library_is_named_for_what_it_is_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shipped: str, copy: str, said: str
) -> None:
    """A tester imported both and got a wall of "unknown key" lines (36 for
    exercises.toml): one line says what the file is and what to do instead."""
    bundled = paths.bundled_routines_dir() / shipped
    copied = tmp_path / copy  # under another name, outside a plans folder
    copied.write_bytes(bundled.read_bytes())
    for file in (bundled, copied):
        assert main(["import", str(file)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"spinewise: {file} {said}") and err.count("\n") == 1
        assert not paths.user_routines_dir().exists()
        assert main(["check", str(file)]) == 0  # and check takes it for what it is
        assert capsys.readouterr().out == "1 file valid\n"


def test_every_id_reference_is_placed_at_its_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "x.toml"
    file.write_text('name = "X"\n[[exercise]]\nuse = "bird-dgo"\n[[exercise]]\nuse = "dead-bug"\n'
                    'reps = 2\nhold = 10\n[exercise.progress]\nadd = "reps"\nmax = 4\n'
                    'then = "dead-bugg"\n')  # fmt: skip
    assert main(["import", str(file)]) == 1
    err = capsys.readouterr().err
    assert f'{file}:3:7: exercise[1].use: no exercise "bird-dgo"' in err
    assert f'{file}:11:8: exercise[2].progress.then: no exercise "dead-bugg"' in err

"""`spinewise new NAME [--from ROUTINE]`."""

from __future__ import annotations

from tests.authoring.helpers import own_routine
from tui.cli import main
from tui.core import paths
from tui.core.authoring.files import renamed, with_schema_line
from tui.core.authoring.starter import starter_text
from tui.core.catalog import sources
from tui.core.catalog.checking import check_path
from tui.core.ids import slug as routine_id
from tui.core.routine.parse import load_routine, parse_routine
from tui.core.routine.schema import SCHEMA_FILE, schema_texts


def test_the_starter_is_a_valid_commented_routine_with_a_schema_line():
    text = starter_text("Evening stretch", "evening-stretch")
    assert text.startswith("#:schema ./schema.json\n\n")
    routine = parse_routine(text, "evening-stretch.toml", sources.exercise_library())
    assert routine.name == "Evening stretch"
    assert len(routine.exercises) == 4
    assert text.count("#") > 15  # it teaches: most lines carry a comment


def test_new_writes_the_starter_and_prints_its_path(capsys):
    assert main(["new", "Evening stretch"]) == 0
    out, err = capsys.readouterr()
    path = paths.user_routines_dir() / "evening-stretch.toml"
    assert out.strip() == str(path)
    assert "spinewise run evening-stretch" in err
    assert load_routine(path, sources.exercise_library()).name == "Evening stretch"
    schema = path.parent / SCHEMA_FILE
    assert schema.read_text() == schema_texts()[SCHEMA_FILE]
    assert [entry.id for entry in sources.discover() if entry.origin == "own"] == [
        "evening-stretch"
    ]


def test_new_refuses_to_overwrite(capsys):
    path = own_routine("evening-stretch", "# mine\n")
    assert main(["new", "Evening Stretch!"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == "# mine\n"


def test_new_refuses_a_name_that_would_hide_a_bundled_routine(capsys):
    assert main(["new", "Big three"]) == 1
    assert "spinewise edit big-three" in capsys.readouterr().err
    assert not (paths.user_routines_dir() / "big-three.toml").exists()


def test_new_refuses_a_name_without_letters(capsys):
    assert main(["new", "!!!"]) == 1
    assert "letters or digits" in capsys.readouterr().err


def test_new_from_copies_a_routine_with_its_comments_and_the_new_name(capsys):
    assert main(["new", "My big three", "--from", "big-three"]) == 0
    path = paths.user_routines_dir() / "my-big-three.toml"
    assert capsys.readouterr().out.strip() == str(path)
    text = path.read_text()
    bundled = (paths.bundled_routines_dir() / "big-three.toml").read_text()
    assert text == renamed(bundled, "My big three")
    assert "# written here too" in text
    assert check_path(path, sources.exercise_library()) == []
    assert load_routine(path, sources.exercise_library()).name == "My big three"


def test_new_from_an_unknown_routine_says_so(capsys):
    assert main(["new", "Mine", "--from", "nope"]) == 1
    assert "no routine 'nope'" in capsys.readouterr().err
    assert not (paths.user_routines_dir() / "mine.toml").exists()


def test_new_from_a_file_adds_the_schema_line(tmp_path, capsys):
    source = tmp_path / "lunch.toml"
    source.write_text('name = "Lunch"  # short\n\n[[exercise]]\nname = "Plank"\nhold = 10\n')
    assert main(["new", "Lunch two", "--from", str(source)]) == 0
    text = (paths.user_routines_dir() / "lunch-two.toml").read_text()
    assert text == '#:schema ./schema.json\n\nname = "Lunch two"  # short\n\n' \
        '[[exercise]]\nname = "Plank"\nhold = 10\n'


def test_ids_are_lowercase_hyphen_words():
    assert routine_id("Evening stretch") == "evening-stretch"
    assert routine_id("  Ça va, 3/4 sit-up? ") == "ca-va-3-4-sit-up"
    assert routine_id("World's best") == "worlds-best"
    assert routine_id("***") == ""


def test_renaming_keeps_everything_else_and_leaves_odd_names_alone():
    text = 'format = 1\nname = \'Old\'   # the name\n[[exercise]]\nname = "Inner"\nhold = 1\n'
    assert renamed(text, 'New "one"') == (
        'format = 1\nname = "New \\"one\\""   # the name\n[[exercise]]\nname = "Inner"\nhold = 1\n'
    )
    multi = 'name = """Old"""\n'
    assert renamed(multi, "New") == multi
    assert with_schema_line("#:schema ./other.json\nname = 'x'\n").startswith("#:schema ./other")

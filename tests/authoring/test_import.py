"""`spinewise library import`: Free Exercise DB records into the person's exercises.toml."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from tests.authoring.helpers import free_exercise_db
from tui.cli import main
from tui.core import paths
from tui.core.catalog import sources
from tui.core.catalog.checking import check_path
from tui.core.importing.exercise_import import read_records
from tui.core.importing.fedb import entry_fields, text_seconds
from tui.core.routine.parse import parse_routine

#: How many of the 873 records import cleanly; the other five have no instructions.
CLEAN = 868


def record(**changes) -> dict:
    base = {
        "id": "Cat_Stretch", "name": "Cat Stretch", "force": "static", "level": "beginner",
        "mechanic": None, "equipment": None, "primaryMuscles": ["lower back"],
        "secondaryMuscles": ["middle back", "traps"],
        "instructions": ["Position yourself on the floor on your hands and knees.",
                         "Pull your belly in and round your spine.", "Hold for 15 seconds."],
        "category": "stretching", "images": [],
    }
    return {**base, **changes}


def write_db(tmp_path: Path, records: list) -> Path:
    path = tmp_path / "exercises.json"
    path.write_text(json.dumps(records, indent=2))
    return path


def own_library() -> dict:
    return tomllib.loads(paths.user_exercises_file().read_text())


def test_the_whole_free_exercise_db_imports_or_says_why(capsys):
    db = free_exercise_db()
    records = json.loads(db.read_text())
    assert main(["library", "import", str(db)]) == 1  # five records have no instructions
    out, err = capsys.readouterr()
    imported = [line for line in out.splitlines() if line.startswith("imported ")]
    skipped = err.splitlines()
    assert len(imported) == CLEAN
    assert len(imported) + len(skipped) == len(records) == 873
    assert all(": no instructions" in line for line in skipped)
    assert {line.split(":")[3].split(".")[0].strip() for line in skipped} == {
        "Iron_Cross", "One-Arm_Kettlebell_Swings", "Push_Press", "Side_Bridge", "Side_Jackknife"}
    assert f"{CLEAN} imported, 5 skipped" in out

    entries = own_library()
    assert len(entries) == CLEAN
    origins = Counter(entry["source"] for entry in entries.values())
    assert max(origins.values()) == 1 and all(s.startswith("free-exercise-db:") for s in origins)
    assert check_path(paths.user_exercises_file(), sources.exercise_library()) == []

    # every imported id works with `use` in a routine, and the routine checks (in routines
    # of 20: all 868 in one would be far over a session's limits)
    ids = sorted(entries)
    exercises = sources.exercise_library()
    used = 0
    for start in range(0, len(ids), 20):
        uses = "".join(f'[[exercise]]\nuse = "{i}"\n' for i in ids[start : start + 20])
        used += len(parse_routine('name = "Some"\n' + uses, "some.toml", exercises).exercises)
    assert used == CLEAN

    # a second import adds nothing
    before = paths.user_exercises_file().read_text()
    assert main(["library", "import", str(db)]) == 1
    out, _ = capsys.readouterr()
    assert "0 imported" in out and f"{CLEAN} there already" in out
    assert paths.user_exercises_file().read_text() == before


def test_ids_that_clash_with_bundled_exercises_get_a_suffix(capsys):
    db = free_exercise_db()
    assert main(["library", "import", str(db), "--id", "Plank", "--id", "Dead_Bug"]) == 0
    out = capsys.readouterr().out
    assert "plank-2" in out and "(plank was taken)" in out
    assert set(own_library()) == {"plank-2", "dead-bug-2"}
    assert sources.exercise_library().get("plank").source is None  # the bundled one stays


def test_filters_choose_by_category_and_muscle(capsys):
    db = free_exercise_db()
    code = main(["library", "import", str(db), "--category", "stretching", "--muscle",
                 "lower back"])
    assert code == 0
    entries = own_library()
    assert entries and all(e["kind"] == "stretch" for e in entries.values())
    assert all("lower back" in e["muscles"] for e in entries.values())
    assert "cat-stretch" in entries


def test_an_unknown_id_or_no_match_is_a_problem(capsys):
    db = free_exercise_db()
    assert main(["library", "import", str(db), "--id", "No_Such_Thing"]) == 1
    assert "id: no record with id 'No_Such_Thing'" in capsys.readouterr().err
    assert main(["library", "import", str(db), "--category", "knitting"]) == 1
    assert "no record" in capsys.readouterr().err
    assert not paths.user_exercises_file().exists()


def test_an_entry_takes_its_timing_from_the_text(tmp_path, capsys):
    db = write_db(tmp_path, [record()])
    assert main(["library", "import", str(db)]) == 0
    entry = own_library()["cat-stretch"]
    assert entry == {
        "name": "Cat Stretch", "kind": "stretch", "level": "beginner",
        "muscles": ["lower back", "middle back", "traps"],
        "setup": "Position yourself on the floor on your hands and knees.",
        "tips": ["Pull your belly in and round your spine.", "Hold for 15 seconds."],
        "reps": 1, "hold": 15, "source": "free-exercise-db:Cat_Stretch",
    }
    assert paths.user_exercises_file().read_text().startswith("#:schema ./exercises.schema.json")
    assert (paths.config_dir() / "exercises.schema.json").is_file()


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("Hold for 15 seconds.", 15), ("Hold for 10-30 seconds, then switch", 10),
     ("After 10-20 seconds, relax", 10), ("During the 20 second hold, breathe", 20),
     ("hold for 10 to 15 seconds", 10), ("Repeat for 20-30 seconds", 20),
     ("fail in 30-60 seconds", None), ("burn calories for 30 minutes", None),
     ("After a 1 second contraction", None), ("Hold for 300 seconds", None)],
)
def test_seconds_found_in_a_text(text, seconds):
    assert text_seconds(text) == seconds


@pytest.mark.parametrize(
    ("changes", "timing"),
    [({}, {"reps": 1, "hold": 15}),
     ({"instructions": ["Lie down.", "Stretch gently."]}, {"reps": 1, "hold": 20}),
     ({"category": "strength", "force": "pull"}, {"reps": 8, "tempo": "2-1-2"}),
     ({"category": "powerlifting", "force": "static", "instructions": ["Hold it."]},
      {"reps": 3, "hold": 10}),
     ({"category": "olympic weightlifting"}, {"reps": 1, "duration": 15}),
     ({"category": "strongman", "instructions": ["Lift it.", "Carry it."]},
      {"reps": 5, "self_paced": True}),
     ({"category": "cardio", "instructions": ["Run for 30 minutes."]},
      {"reps": 1, "duration": 60})],
)
def test_a_safe_timing_for_each_category(changes, timing):
    fields = entry_fields(record(**changes))
    found = {k: fields[k] for k in ("reps", "hold", "tempo", "duration", "self_paced")
             if k in fields}
    assert found == timing


def test_sides_tips_caution_and_level_are_mapped():
    fields = entry_fields(record(
        level="expert",
        instructions=["Stand tall.", "  Reach   up.  ",
                      "Repeat for the recommended amount of reps.",
                      "Hold for 10 seconds, then switch sides. Caution: do not bounce.",
                      *[f"Tip {n}." for n in range(8)]],
    ))
    assert fields["level"] == "advanced"
    assert fields["sides"] == "both"
    assert fields["tips"] == ["Reach up.", "Hold for 10 seconds, then switch sides.",
                              "Tip 0.", "Tip 1.", "Tip 2."]
    assert fields["caution"] == "do not bounce."


def test_bad_records_are_reported_at_their_line_and_the_rest_imported(tmp_path, capsys):
    db = write_db(tmp_path, [record(), "oops", record(id="X", name=""),
                             record(id="Y", name="Y", category="knitting"),
                             record(id="Z", name="Zed", instructions=[])])
    assert main(["library", "import", str(db)]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    starts = [r.line for r in read_records(db)]
    assert lines == [
        f"{db}:{starts[1]}:3: [2]: expected an object describing one exercise, got \"oops\"",
        f'{db}:{starts[2]}:3: X.name: expected a non-empty string, got ""',
        f"{db}:{starts[3]}:3: Y.category: expected one of stretching, strength, powerlifting, "
        'olympic weightlifting, strongman, plyometrics, cardio, got "knitting"',
        f"{db}:{starts[4]}:3: Z.instructions: no instructions: there would be nothing to tell "
        "about how to do it",
    ]
    assert "1 imported, 4 skipped" in out
    assert set(own_library()) == {"cat-stretch"}


def test_broken_json_is_one_problem_with_its_position(tmp_path, capsys):
    db = tmp_path / "broken.json"
    db.write_text('[\n  {"id": "A",\n   "name": }\n]')
    assert main(["library", "import", str(db)]) == 1
    assert capsys.readouterr().err.strip() == f"{db}:3:12: json: Expecting value"


def test_the_persons_own_entries_and_comments_are_kept(tmp_path, capsys):
    own = paths.user_exercises_file()
    own.parent.mkdir(parents=True)
    own.write_text('# my exercises\n[cat-stretch]\nname = "My cat"  # mine\nhold = 5\n')
    db = write_db(tmp_path, [record()])
    assert main(["library", "import", str(db)]) == 0
    text = own.read_text()
    assert text.startswith('# my exercises\n[cat-stretch]\nname = "My cat"  # mine\n')
    assert set(tomllib.loads(text)) == {"cat-stretch", "cat-stretch-2"}


def test_a_broken_own_library_stops_the_import(tmp_path, capsys):
    own = paths.user_exercises_file()
    own.parent.mkdir(parents=True)
    own.write_text("[cat]\nholdd = 5\n")
    db = write_db(tmp_path, [record()])
    assert main(["library", "import", str(db)]) == 1
    assert "holdd" in capsys.readouterr().err
    assert own.read_text() == "[cat]\nholdd = 5\n"

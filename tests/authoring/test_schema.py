"""routines/schema.json: generated from the validators' tables, committed, and up to date."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.authoring import mini_jsonschema
from tui.core import paths
from tui.core.routine.durations import DURATION_PATTERN, parse_duration
from tui.core.routine.exercise_library import LIBRARY_VALIDATORS
from tui.core.routine.fields import ROUTINE_EXERCISE_VALIDATORS
from tui.core.routine.limits import MAX_PHASES, MAX_REPS, MAX_SETS, MAX_STEP_SECONDS
from tui.core.routine.parse import TOP_VALIDATORS
from tui.core.routine.progress import PROGRESS_VALIDATORS
from tui.core.routine.schema import (
    DESCRIPTIONS,
    LIBRARY_SCHEMA_FILE,
    SCHEMA_FILE,
    library_schema,
    routine_schema,
    schema_texts,
)

BUNDLED = paths.bundled_routines_dir()
ROUTINES = sorted(p for p in BUNDLED.glob("*.toml") if p.name != "exercises.toml")


@pytest.mark.parametrize("name", [SCHEMA_FILE, LIBRARY_SCHEMA_FILE])
def test_the_committed_schema_is_up_to_date(name):
    committed = (BUNDLED / name).read_text(encoding="utf-8")
    assert committed == schema_texts()[name], (
        f"routines/{name} is out of date: run  python -m tui.core.routine.schema"
    )


def test_every_key_of_the_format_is_in_the_schema_with_a_description():
    schema = routine_schema()
    assert list(schema["properties"]) == list(TOP_VALIDATORS)
    exercise = schema["properties"]["exercise"]["items"]
    assert list(exercise["properties"]) == list(ROUTINE_EXERCISE_VALIDATORS)
    progress = exercise["properties"]["progress"]
    assert list(progress["properties"]) == list(PROGRESS_VALIDATORS)
    entry = next(iter(library_schema()["patternProperties"].values()))
    assert set(entry["properties"]) == set(LIBRARY_VALIDATORS)
    assert set(DESCRIPTIONS) == set(TOP_VALIDATORS) | set(LIBRARY_VALIDATORS) | {
        "use", "progress"}


@pytest.mark.parametrize("path", ROUTINES, ids=lambda p: p.name)
def test_every_bundled_routine_starts_with_the_schema_line_and_fits_the_schema(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#:schema ./schema.json\n")
    assert mini_jsonschema.errors(routine_schema(), tomllib.loads(text)) == []


def test_the_bundled_library_fits_its_schema():
    text = (BUNDLED / "exercises.toml").read_text(encoding="utf-8")
    assert text.startswith(f"#:schema ./{LIBRARY_SCHEMA_FILE}\n")
    assert mini_jsonschema.errors(library_schema(), tomllib.loads(text)) == []


def test_the_schema_catches_the_usual_mistakes():
    routine = {
        "name": "x", "level": "Beginner",
        "defaults": {"rest": "long"},
        "exercise": [{"name": "a", "holdd": 5}, {"name": "b", "tempo": "3-x-3", "reps": 0}],
    }
    found = mini_jsonschema.errors(routine_schema(), routine)
    assert [line.split(":")[0] for line in found] == [
        "/level", "/defaults/rest", "/exercise/0/holdd", "/exercise/1/tempo", "/exercise/1/reps",
    ]
    assert mini_jsonschema.errors(routine_schema(), {"name": "x"}) == [": missing exercise"]


def test_the_schema_states_the_limits_check_holds():
    over = {
        "name": "x",
        "defaults": {"rest": MAX_STEP_SECONDS + 1},
        "exercise": [
            {"name": "a", "hold": 1e308, "sets": MAX_SETS + 1, "reps": MAX_REPS + 1},
            {"name": "b", "tempo": "-".join(["1"] * (MAX_PHASES + 1)),
             "reps": [1] * (MAX_SETS + 1)},
            {"name": "c", "tempo": [1] * (MAX_PHASES + 1), "phases": ["p"] * (MAX_PHASES + 1)},
        ],
    }
    found = mini_jsonschema.errors(routine_schema(), over)
    assert sorted({line.split(":")[0] for line in found}) == [
        "/defaults/rest", "/exercise/0/hold", "/exercise/0/reps", "/exercise/0/sets",
        "/exercise/1/reps", "/exercise/1/tempo", "/exercise/2/phases", "/exercise/2/tempo",
    ]
    at_limit = {
        "name": "x",
        "exercise": [{"name": "a", "hold": MAX_STEP_SECONDS, "sets": MAX_SETS, "reps": MAX_REPS,
                      "tempo": "-".join(["1"] * MAX_PHASES)}],
    }
    assert mini_jsonschema.errors(routine_schema(), at_limit) == []


SAMPLES = ["30", "2.5", "45s", "7.5s", "2m", "1m30s", "1:30", "1m 30s", " 90 s ", "1h2m3s",
           "1.5m", "1:02:03", "0:07.5", "3 Seconds", "10 MINS", "2 hours", "abc", "1:60", "1m1m",
           "s", "", "1:2", "30 s s", "-5", "1e3", ".5", "5.", "0:00"]


def accepted(text: str) -> bool:
    try:
        parse_duration(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("text", SAMPLES)
def test_the_duration_pattern_accepts_what_the_validator_accepts(text):
    assert bool(re.search(DURATION_PATTERN, text)) == accepted(text)


@given(st.text(alphabet="0123456789.:hmsHMS inuteco", max_size=10))
def test_the_duration_pattern_agrees_with_the_validator_on_anything(text):
    assert bool(re.search(DURATION_PATTERN, text)) == accepted(text)


def test_the_schema_module_regenerates_the_files(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tui.core.routine.schema", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / SCHEMA_FILE).read_text()) == routine_schema()
    again = subprocess.run([sys.executable, "-m", "tui.core.routine.schema", str(tmp_path)],
                           capture_output=True, text=True)
    assert again.stdout == ""  # nothing to write when up to date

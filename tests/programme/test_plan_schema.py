"""routines/plan.schema.json: generated from the plan validators, committed, up to
date, and in agreement with the parser on valid and broken plans."""

from __future__ import annotations

import tomllib

import pytest

from tests.authoring import mini_jsonschema
from tui.core import paths
from tui.core.programme.plan_file import PHASE_VALIDATORS, TOP_VALIDATORS, parse_programme
from tui.core.programme.plan_schema import PLAN_DESCRIPTIONS, PLAN_SCHEMA_FILE, plan_schema
from tui.core.routine.problems import RoutineError
from tui.core.routine.schema import schema_texts

PLANS = sorted(paths.bundled_plans_dir().glob("*.toml"))


def test_the_committed_plan_schema_is_up_to_date():
    committed = (paths.bundled_routines_dir() / PLAN_SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_texts()[PLAN_SCHEMA_FILE], (
        f"routines/{PLAN_SCHEMA_FILE} is out of date: run  python -m tui.core.routine.schema"
    )


def test_every_key_has_its_place_and_a_description():
    schema = plan_schema()
    assert list(schema["properties"]) == list(TOP_VALIDATORS)
    phase = schema["properties"]["phase"]["items"]
    assert list(phase["properties"]) == list(PHASE_VALIDATORS)
    assert set(PLAN_DESCRIPTIONS) == set(TOP_VALIDATORS) | set(PHASE_VALIDATORS)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_every_bundled_plan_names_the_schema_and_fits_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"#:schema ../{PLAN_SCHEMA_FILE}\n")
    assert mini_jsonschema.errors(plan_schema(), tomllib.loads(text)) == []


PHASE = {"name": "a", "weeks": 2, "sessions_per_week": 3, "routines": ["gentle-start"]}
CASES = [
    {"name": "x", "phase": [PHASE]},
    {"name": "x", "summary": "s", "format": 1, "phase": [{**PHASE, "summary": "t"}]},
    {"name": "x"},
    {"phase": [PHASE]},
    {"name": "x", "phase": []},
    {"name": "x", "phase": [{**PHASE, "weeks": 0}]},
    {"name": "x", "phase": [{**PHASE, "weeks": 53}]},
    {"name": "x", "phase": [{**PHASE, "sessions_per_week": 8}]},
    {"name": "x", "phase": [{**PHASE, "routines": []}]},
    {"name": "x", "phase": [{**PHASE, "routines": [""]}]},
    {"name": "x", "phase": [{**PHASE, "week": 2}]},
    {"name": "x", "phase": [{k: v for k, v in PHASE.items() if k != "weeks"}]},
    {"name": "x", "format": 2, "phase": [PHASE]},
    {"name": " ", "phase": [PHASE]},
    {"name": "x", "weeks": 1, "phase": [PHASE]},
]


@pytest.mark.parametrize("plan", CASES)
def test_the_schema_and_the_parser_agree(plan):
    import tomli_w

    text = tomli_w.dumps(plan)
    try:
        parse_programme(text, "p.toml", None)
        valid = True
    except RoutineError:
        valid = False
    assert (mini_jsonschema.errors(plan_schema(), plan) == []) == valid

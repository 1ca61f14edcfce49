"""Plan files: parsed into a `Programme`, or every problem at its line and column
with the field named, as routines are; routine ids held to the routines there are."""

from __future__ import annotations

import pytest

from tui.core.catalog.checking import check_path
from tui.core.catalog.plans import find_plan, is_plan, known_routine_ids, read_plan
from tui.core.programme.plan_file import parse_programme
from tui.core.routine.problems import RoutineError

KNOWN = ["big-three", "core-basics", "daily-back-stretch", "gentle-start"]

GOOD = """\
name = "Two phases"
summary = "A test."

[[phase]]
name = "Start"
weeks = 2
sessions_per_week = 2
routines = ["gentle-start", "daily-back-stretch"]

[[phase]]
name = "More"
summary = "Then more."
weeks = 1
sessions_per_week = 3
routines = ["core-basics"]
"""


def problems(text: str, known=KNOWN) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        parse_programme(text, "p.toml", known)
    return [str(p) for p in caught.value.problems]


def test_a_valid_plan_reads_into_its_phases():
    plan = parse_programme(GOOD, "p.toml", KNOWN)
    assert plan.name == "Two phases" and plan.summary == "A test."
    assert [(p.name, p.weeks, p.sessions_per_week) for p in plan.phases] == [
        ("Start", 2, 2), ("More", 1, 3)
    ]
    assert plan.phases[0].routines == ("gentle-start", "daily-back-stretch")
    assert plan.phases[1].summary == "Then more."
    assert (plan.sessions, plan.weeks) == (7, 3)
    assert plan.routine_ids() == ("gentle-start", "daily-back-stretch", "core-basics")


def test_every_unknown_routine_id_is_told_with_a_did_you_mean_at_its_element():
    text = GOOD.replace('["gentle-start", "daily-back-stretch"]', '["gentle", "daily-back-strech"]')
    assert problems(text) == [
        'p.toml:8:13: phase[1].routines[1]: no routine "gentle" among the bundled routines '
        'and your own; did you mean "gentle-start"?',
        'p.toml:8:23: phase[1].routines[2]: no routine "daily-back-strech" among the bundled '
        'routines and your own; did you mean "daily-back-stretch"?',
    ]


def test_ids_are_not_checked_without_the_known_routines():
    text = GOOD.replace('"core-basics"', '"not-a-routine"')
    assert parse_programme(text, "p.toml", None).phases[1].routines == ("not-a-routine",)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('name = "Two phases"', "name = 3", "p.toml:1:8: name: expected a string, got 3"),
        ('summary = "A test."', "summary = []", "p.toml:2:11: summary: expected a string, got []"),
        ('name = "Two phases"', 'name = "Two"\nformat = 2',
         "p.toml:2:10: format: expected 1 (the only format version so far), got 2"),
        ("weeks = 2", "weeks = 0", "p.toml:6:9: phase[1].weeks: expected an integer >= 1, got 0"),
        ("weeks = 2", "weeks = 53",
         "p.toml:6:9: phase[1].weeks: expected at most 52 weeks, got 53"),
        ("sessions_per_week = 2", "sessions_per_week = 8",
         "p.toml:7:21: phase[1].sessions_per_week: expected at most 7 sessions a week, got 8"),
        ("sessions_per_week = 2", 'sessions_per_week = "2"',
         'p.toml:7:21: phase[1].sessions_per_week: expected an integer >= 1, got "2"'),
        ('routines = ["core-basics"]', "routines = []",
         'p.toml:15:12: phase[2].routines: expected a non-empty array of routine ids such as '
         '["gentle-start"], got []'),
        ('routines = ["core-basics"]', 'routines = ["core-basics", 4]',
         "p.toml:15:28: phase[2].routines[2]: expected a routine id, got 4"),
        ('name = "More"', 'name = ""',
         'p.toml:11:8: phase[2].name: expected a non-empty string, got ""'),
        ('summary = "Then more."', "summary = 1",
         "p.toml:12:11: phase[2].summary: expected a string, got 1"),
        ("weeks = 1\n", "weeks = 1\nweeks_ = 1\n",
         'p.toml:14:1: phase[2].weeks_: unknown key; did you mean "weeks"?'),
        ('summary = "A test."', 'summary = "A test."\nweeks = 3',
         "p.toml:3:1: weeks: unknown key; weeks belongs to a phase: write it after a "
         "[[phase]] header"),
    ],
)
def test_each_key_s_mistake_is_told_at_its_line_and_column(old, new, expected):
    assert old in GOOD
    assert problems(GOOD.replace(old, new, 1)) == [expected]


def test_missing_keys_and_phases_are_told():
    assert problems('summary = "x"\n') == [
        'p.toml:1:1: name: missing; expected a string such as name = "Back care"',
        "p.toml:1:1: phase: missing; expected at least one [[phase]] table",
    ]
    found = problems('name = "x"\n[[phase]]\nname = "a"\n')
    assert found == [
        "p.toml:2:1: phase[1].weeks: missing; expected an integer such as weeks = 2",
        "p.toml:2:1: phase[1].sessions_per_week: missing; expected an integer such as "
        "sessions_per_week = 3",
        'p.toml:2:1: phase[1].routines: missing; expected routine ids such as '
        'routines = ["gentle-start"]',
    ]
    assert problems('name = "x"\n[phase]\nname = "a"\n') == [
        "p.toml:2:1: phase: expected [[phase]] tables (double brackets), got a single "
        "[phase] table"
    ]


def test_a_plan_over_the_weeks_limit_is_told_at_the_phase_that_passes_it():
    phase = '[[phase]]\nname = "a"\nweeks = 52\nsessions_per_week = 1\nroutines = ["big-three"]\n'
    found = problems('name = "x"\n' + phase * 3)
    assert found == [
        "p.toml:14:9: phase[3].weeks: the plan reaches 156 weeks by this phase, over the "
        "limit of 104"
    ]


def test_invalid_toml_and_an_empty_file_are_problems_not_tracebacks():
    assert problems('name = "x\n')[0].startswith("p.toml:1:")
    assert problems("") == ["p.toml:1:1: file: is empty; expected a plan: name = \"...\" and "
                            "at least one [[phase]]"]


def test_the_bundled_plan_is_found_and_names_only_bundled_routines():
    ref = find_plan("back-care-12-weeks")
    assert ref is not None and ref.origin == "bundled"
    plan, text = read_plan(ref)
    assert text.startswith("#:schema ../plan.schema.json\n")
    assert set(plan.routine_ids()) == set(known_routine_ids())  # all nine, each used
    assert plan.weeks == 12
    assert all(2 <= phase.sessions_per_week <= 4 for phase in plan.phases)
    assert plan.phases[0].routines[0] == "gentle-start"
    assert check_path(ref.path) == []


def test_check_tells_a_plan_by_its_folder_or_by_what_it_holds(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    bad = GOOD.replace('"core-basics"', '"core-basic"')
    (folder / "a.toml").write_text(bad)
    (tmp_path / "b.toml").write_text(bad)
    for path in (folder / "a.toml", tmp_path / "b.toml"):
        assert is_plan(path, bad)
        (problem,) = check_path(path)
        assert (problem.line, problem.col, problem.field) == (15, 13, "phase[2].routines[1]")
        assert 'did you mean "core-basics"?' in problem.message
    routine = 'name = "r"\n[[exercise]]\nname = "x"\nhold = 5\n'
    assert not is_plan(tmp_path / "r.toml", routine)
    (tmp_path / "r.toml").write_text(routine)
    assert check_path(tmp_path / "r.toml") == []


def test_the_format_document_s_plan_example_and_limits_hold():
    from pathlib import Path

    from tui.core.programme import model

    text = (Path(__file__).parents[2] / "docs" / "ROUTINE_FORMAT.md").read_text("utf-8")
    plans = text.split("\n## Plans\n", 1)[1]
    example = plans.split("```toml\n", 1)[1].split("```", 1)[0]
    plan = parse_programme(example, "example.toml", known_routine_ids())
    assert [p.name for p in plan.phases] == ["Get moving", "Wake up the core"]
    assert f"integer, 1 to {model.MAX_PHASE_WEEKS}" in plans
    assert f"integer, 1 to {model.MAX_SESSIONS_PER_WEEK}" in plans
    assert f"array of routine ids, 1 to {model.MAX_PHASE_ROUTINES}" in plans
    assert f"yes, 1 to {model.MAX_PLAN_PHASES}" in plans
    assert f"at most {model.MAX_PLAN_WEEKS} weeks" in plans


def test_unknown_ids_are_told_beside_other_mistakes_of_the_same_array():
    text = GOOD.replace('["core-basics"]', '["core-basic", 3]')
    assert [p.split(": ", 2)[1] for p in problems(text)] == [
        "phase[2].routines[1]", "phase[2].routines[2]"
    ]

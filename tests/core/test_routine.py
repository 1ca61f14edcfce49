"""Every rule of ROUTINE_FORMAT.md for a routine file, and every error it names."""

from __future__ import annotations

import pytest

from tests.core.routine_helpers import exercise_problems, one_exercise, problems, routine
from tui.core.routine.models import BUILTIN_DEFAULTS, Phase

HOLD = 'name = "A"\nhold = 5\n'


def test_the_smallest_routine() -> None:
    r = routine('name = "R"\n[[exercise]]\nname = "A"\nhold = 5\n')
    assert r.name == "R"
    assert r.format == 1
    assert r.summary == "" and r.caution == "" and r.level is None and r.tags == ()
    assert r.defaults == BUILTIN_DEFAULTS
    (ex,) = r.exercises
    assert ex.name == "A"
    assert ex.reps == (1,)
    assert ex.timing == "hold"
    assert ex.phases == (Phase("Hold", 5.0),)
    assert ex.sides == "none"
    assert (ex.prepare, ex.rest, ex.switch, ex.rep_rest) == (10, 30, 5, 0)
    assert ex.setup == "" and ex.tips == () and ex.caution == "" and ex.use is None


def test_top_level_keys() -> None:
    r = routine(
        """
        format = 1
        name = "  Morning back care  "
        summary = "Ten quiet minutes."
        level = "intermediate"
        tags = ["stretch", "core"]
        caution = "Stop if it hurts."
        [[exercise]]
        name = " A "
        hold = 5
        """
    )
    assert r.name == "Morning back care"
    assert r.summary == "Ten quiet minutes."
    assert r.level == "intermediate"
    assert r.tags == ("stretch", "core")
    assert r.caution == "Stop if it hurts."
    assert r.exercises[0].name == "A"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("format = 2", "r.toml:1:10: format: expected 1 (the only format version so far), got 2"),
        (
            'format = "1"',
            'r.toml:1:10: format: expected 1 (the only format version so far), got "1"',
        ),
        (
            "format = 1.0",
            "r.toml:1:10: format: expected 1 (the only format version so far), got 1.0",
        ),
        (
            "format = true",
            "r.toml:1:10: format: expected 1 (the only format version so far), got true",
        ),
        (
            'level = "easy"',
            'r.toml:1:9: level: expected "beginner", "intermediate" or "advanced", got "easy"',
        ),
        (
            'level = "Beginner"',
            'r.toml:1:9: level: expected "beginner", "intermediate" or "advanced", got "Beginner"; '
            'did you mean "beginner"?',
        ),
        (
            "level = 1",
            'r.toml:1:9: level: expected "beginner", "intermediate" or "advanced", got 1',
        ),
        ('tags = "core"', 'r.toml:1:8: tags: expected an array of strings, got "core"'),
        ('tags = ["a", 3, true]', "r.toml:1:14: tags[2]: expected a string, got 3"),
        ("summary = 3", "r.toml:1:11: summary: expected a string, got 3"),
        ('caution = ["a"]', 'r.toml:1:11: caution: expected a string, got ["a"]'),
        ("nmae = 3", 'r.toml:1:1: nmae: unknown key; did you mean "name"?'),
        ("Summary = 3", 'r.toml:1:1: Summary: unknown key; did you mean "summary"?'),
        (
            "zzz = 3",
            "r.toml:1:1: zzz: unknown key; expected one of format, name, summary, level, "
            "tags, caution, defaults, exercise",
        ),
        (
            "hold = 3",
            "r.toml:1:1: hold: unknown key; hold belongs to an exercise: "
            "write it after an [[exercise]] header",
        ),
        (
            "rest = 3",
            "r.toml:1:1: rest: unknown key; write rest under [defaults] (for every exercise) "
            "or in an [[exercise]]",
        ),
    ],
)
def test_top_level_errors(line: str, problem: str) -> None:
    found = problems(f'{line}\nname = "R"\n[[exercise]]\n{HOLD}')
    if "tags[2]" in problem:
        assert found[0] == problem
        assert found[1] == "r.toml:1:17: tags[3]: expected a string, got true"
    else:
        assert found == [problem]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("", 'r.toml:1:1: name: missing; expected a string such as name = "Morning back care"'),
        ('name = ""', 'r.toml:1:8: name: expected a non-empty string, got ""'),
        ('name = "   "', 'r.toml:1:8: name: expected a non-empty string, got "   "'),
        ("name = 5", "r.toml:1:8: name: expected a string, got 5"),
    ],
)
def test_the_routine_needs_a_name(line: str, problem: str) -> None:
    assert problems(f"{line}\n[[exercise]]\n{HOLD}") == [problem]


# -- [defaults] -----------------------------------------------------------------


def test_defaults_override_the_built_in_ones() -> None:
    r = routine(
        """
        name = "R"
        [defaults]
        prepare = "5s"
        rest = "1m"
        switch = 0
        rep_rest = 1.5
        [[exercise]]
        name = "A"
        hold = 5
        """
    )
    assert r.defaults == {"prepare": 5, "rest": 60, "switch": 0, "rep_rest": 1.5}
    ex = r.exercises[0]
    assert (ex.prepare, ex.rest, ex.switch, ex.rep_rest) == (5, 60, 0, 1.5)


@pytest.mark.parametrize("key", ["prepare", "rest", "switch", "rep_rest"])
def test_each_default_alone_keeps_the_others_built_in(key: str) -> None:
    ex = one_exercise(HOLD, top=f"[defaults]\n{key} = 42\n")
    expected = dict(BUILTIN_DEFAULTS, **{key: 42})
    assert {k: getattr(ex, k) for k in BUILTIN_DEFAULTS} == expected


@pytest.mark.parametrize("key", ["prepare", "rest", "switch", "rep_rest"])
def test_an_exercise_key_wins_over_the_default(key: str) -> None:
    ex = one_exercise(f"{HOLD}{key} = 7\n", top=f"[defaults]\n{key} = 42\n")
    assert getattr(ex, key) == 7


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("rest = -1", 'r.toml:3:8: defaults.rest: expected a duration such as 30 or "45s", got -1'),
        (
            'prepare = "soon"',
            'r.toml:3:11: defaults.prepare: expected a duration such as 30 or "45s", got "soon"',
        ),
        (
            "switch = true",
            'r.toml:3:10: defaults.switch: expected a duration such as 30 or "45s", got true',
        ),
        ("rep-rest = 2", 'r.toml:3:1: defaults.rep-rest: unknown key; did you mean "rep_rest"?'),
        (
            "hold = 2",
            "r.toml:3:1: defaults.hold: unknown key; only prepare, rest, switch and rep_rest "
            "have defaults; write hold in an [[exercise]]",
        ),
        (
            'summary = "x"',
            "r.toml:3:1: defaults.summary: unknown key; keys after a [defaults] header belong to "
            "it; write summary near the top of the file, before the first [table] header",
        ),
    ],
)
def test_defaults_errors(line: str, problem: str) -> None:
    assert problems(f'name = "R"\n[defaults]\n{line}\n[[exercise]]\n{HOLD}') == [problem]


def test_defaults_must_be_one_table() -> None:
    assert problems(f'name = "R"\ndefaults = 5\n[[exercise]]\n{HOLD}') == [
        "r.toml:2:12: defaults: expected a table [defaults], got 5"
    ]
    assert problems(f'name = "R"\n[[defaults]]\nrest = 1\n[[exercise]]\n{HOLD}') == [
        "r.toml:2:1: defaults: expected one [defaults] table (single brackets), got [[defaults]]"
    ]


# -- the exercise array -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('name = "R"\n', "r.toml:1:1: exercise: missing; expected at least one [[exercise]] table"),
        (
            'name = "R"\n[exercise]\nname = "A"\nhold = 3\n',
            "r.toml:2:1: exercise: expected [[exercise]] tables (double brackets), "
            "got a single [exercise] table",
        ),
        (
            'name = "R"\nexercise = []\n',
            "r.toml:2:12: exercise: expected at least one [[exercise]] table, got []",
        ),
        (
            'name = "R"\nexercise = "x"\n',
            'r.toml:2:12: exercise: expected at least one [[exercise]] table, got "x"',
        ),
        ('name = "R"\nexercise = [1]\n', "r.toml:2:13: exercise[1]: expected a table, got 1"),
    ],
)
def test_exercise_array_errors(text: str, problem: str) -> None:
    assert problems(text) == [problem]


def test_exercises_may_be_an_inline_array_of_tables() -> None:
    r = routine(
        'name = "R"\nexercise = [{ name = "A", hold = 5 }, { name = "B", duration = "1m" }]\n'
    )
    assert [e.name for e in r.exercises] == ["A", "B"]


def test_an_exercise_needs_a_name() -> None:
    assert exercise_problems("hold = 5\n") == [
        'exercise[1].name: missing; expected a string such as name = "Bird dog", or use = '
        '"<library id>"'
    ]


def test_names_are_stripped_and_blank_names_are_errors() -> None:
    assert one_exercise('name = "  Bird dog\\n"\nhold = 5').name == "Bird dog"
    assert exercise_problems('name = " "\nhold = 5') == [
        'exercise[1].name: expected a non-empty string, got " "'
    ]


# -- timing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "timing", "phases"),
    [
        ('hold = "30s"', "hold", [("Hold", 30)]),
        ('duration = "1m"', "duration", [("Go", 60)]),
        ('tempo = "4"', "tempo", [("Hold", 4)]),
        ('tempo = "3-3"', "tempo", [("Lower", 3), ("Raise", 3)]),
        ('tempo = "3-1-3"', "tempo", [("Lower", 3), ("Hold", 1), ("Raise", 3)]),
        ('tempo = "3-1-3-1"', "tempo", [("Lower", 3), ("Hold", 1), ("Raise", 3), ("Pause", 1)]),
        ("tempo = [2, 8, 2]", "tempo", [("Lower", 2), ("Hold", 8), ("Raise", 2)]),
        ('tempo = "2.5-1-2.5"', "tempo", [("Lower", 2.5), ("Hold", 1), ("Raise", 2.5)]),
        ('tempo = " 3 - 0 - 3 "', "tempo", [("Lower", 3), ("Hold", 0), ("Raise", 3)]),
        ('tempo = [2, "1m", "0:30"]', "tempo", [("Lower", 2), ("Hold", 60), ("Raise", 30)]),
        ("self_paced = true", "self_paced", []),
        ('hold = 5\nphases = ["Squeeze"]', "hold", [("Squeeze", 5)]),
        ('duration = 40\nphases = ["Flow"]', "duration", [("Flow", 40)]),
        (
            'tempo = "1-2-3-4-5"\nphases = ["a", "b", "c", "d", "e"]',
            "tempo",
            [("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5)],
        ),
        ("hold = 5\nself_paced = false", "hold", [("Hold", 5)]),
    ],
)
def test_timing_and_default_phase_names(body: str, timing: str, phases: list) -> None:
    ex = one_exercise(f'name = "A"\n{body}\n')
    assert ex.timing == timing
    assert ex.phases == tuple(Phase(n, s) for n, s in phases)


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("", "none"),
        ("self_paced = false", "none"),
        ('hold = 5\ntempo = "3-1-3"', "hold and tempo"),
        ("hold = 5\nself_paced = true", "hold and self_paced"),
        ('hold = 5\ntempo = "3-1-3"\nduration = 30', "hold, tempo and duration"),
    ],
)
def test_exactly_one_timing(body: str, found: str) -> None:
    assert exercise_problems(f'name = "A"\n{body}\n') == [
        "exercise[1]: give exactly one of hold, tempo, duration or self_paced = true; found "
        f"{found}"
    ]


def test_timing_problem_is_at_the_exercise_header() -> None:
    text = (
        f'name = "R"\n[[exercise]]\n{HOLD}\n# two\n'
        '[[exercise]]\nname = "B"\nhold = 1\ntempo = "1-1"\n'
    )
    assert problems(text) == [
        "r.toml:7:1: exercise[2]: give exactly one of hold, tempo, duration or self_paced = true; "
        "found hold and tempo"
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('hold = "abc"', 'exercise[1].hold: expected a duration such as 30 or "45s", got "abc"'),
        ("hold = 0", "exercise[1].hold: expected at least 1 second of work, got 0"),
        ('hold = "0s"', 'exercise[1].hold: expected at least 1 second of work, got "0s"'),
        ("hold = true", 'exercise[1].hold: expected a duration such as 30 or "45s", got true'),
        ("duration = 0", "exercise[1].duration: expected at least 1 second of work, got 0"),
        ("duration = -1", 'exercise[1].duration: expected a duration such as 30 or "45s", got -1'),
        (
            'tempo = "3x1"',
            'exercise[1].tempo: expected a tempo such as "3-1-3" or [3, 1, 3], got "3x1"',
        ),
        (
            'tempo = "3--1"',
            'exercise[1].tempo: expected a tempo such as "3-1-3" or [3, 1, 3], got "3--1"',
        ),
        (
            'tempo = "3s-1s"',
            'exercise[1].tempo: expected a tempo such as "3-1-3" or [3, 1, 3], got "3s-1s"',
        ),
        ("tempo = 5", 'exercise[1].tempo: expected a tempo such as "3-1-3" or [3, 1, 3], got 5'),
        ("tempo = []", 'exercise[1].tempo: expected a tempo such as "3-1-3" or [3, 1, 3], got []'),
        (
            'tempo = "0-0"',
            'exercise[1].tempo: expected at least 1 second of work in a rep, got "0-0"',
        ),
        (
            "tempo = [0, 0]",
            "exercise[1].tempo: expected at least 1 second of work in a rep, got [0, 0]",
        ),
        (
            'tempo = [3, "x"]',
            'exercise[1].tempo[2]: expected a duration such as 30 or "45s", got "x"',
        ),
        (
            "tempo = [3, true]",
            'exercise[1].tempo[2]: expected a duration such as 30 or "45s", got true',
        ),
        ("self_paced = 1", "exercise[1].self_paced: expected true or false, got 1"),
        ('self_paced = "yes"', 'exercise[1].self_paced: expected true or false, got "yes"'),
    ],
)
def test_timing_value_errors(body: str, problem: str) -> None:
    # A timing key with a wrong value is not also "missing".
    assert exercise_problems(f'name = "A"\n{body}\n') == [problem]


# -- phases -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            'tempo = "3-1-3"\nphases = ["a", "b"]',
            "exercise[1].phases: expected 3 names (one per tempo phase), got 2",
        ),
        (
            'tempo = "3"\nphases = ["a", "b"]',
            "exercise[1].phases: expected 1 name (one per tempo phase), got 2",
        ),
        (
            'hold = 5\nphases = ["a", "b"]',
            "exercise[1].phases: expected 1 name (hold has one phase), got 2",
        ),
        (
            'duration = 5\nphases = ["a", "b"]',
            "exercise[1].phases: expected 1 name (duration has one phase), got 2",
        ),
        (
            'self_paced = true\nphases = ["a"]',
            'exercise[1].phases: expected no phases with self_paced = true, got ["a"]',
        ),
        (
            'tempo = "1-1-1-1-1"',
            "exercise[1].tempo: a tempo of 5 phases needs phases = [...] with 5 names "
            "(default names cover 1 to 4 phases)",
        ),
        (
            "hold = 5\nphases = []",
            "exercise[1].phases: expected a non-empty array of phase names, got []",
        ),
        (
            'hold = 5\nphases = "Hold"',
            'exercise[1].phases: expected a non-empty array of phase names, got "Hold"',
        ),
        (
            'tempo = "1-1"\nphases = ["a", " "]',
            'exercise[1].phases[2]: expected a non-empty string, got " "',
        ),
        ('tempo = "1-1"\nphases = ["a", 2]', "exercise[1].phases[2]: expected a string, got 2"),
    ],
)
def test_phases_errors(body: str, problem: str) -> None:
    assert exercise_problems(f'name = "A"\n{body}\n') == [problem]


def test_phase_names_are_stripped() -> None:
    ex = one_exercise('name = "A"\ntempo = "1-2"\nphases = [" Up ", "Down"]')
    assert [p.name for p in ex.phases] == ["Up", "Down"]


# -- reps and sets ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "reps"),
    [
        ("", (1,)),
        ("reps = 8", (8,)),
        ("sets = 3", (1, 1, 1)),
        ("reps = 8\nsets = 3", (8, 8, 8)),
        ("reps = [6, 4, 2]", (6, 4, 2)),
        ("reps = [6, 4, 2]\nsets = 3", (6, 4, 2)),
        ("reps = [5]", (5,)),
    ],
)
def test_reps_and_sets(body: str, reps: tuple) -> None:
    ex = one_exercise(f"{HOLD}{body}\n")
    assert ex.reps == reps
    assert ex.sets == len(reps)


def test_self_paced_reps_default_to_one_per_set() -> None:
    ex = one_exercise('name = "A"\nself_paced = true\nsets = 2\n')
    assert ex.reps == (1, 1)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "reps = 0",
            "exercise[1].reps: expected an integer >= 1 or a non-empty array of them, got 0",
        ),
        (
            'reps = "3"',
            'exercise[1].reps: expected an integer >= 1 or a non-empty array of them, got "3"',
        ),
        (
            "reps = 2.0",
            "exercise[1].reps: expected an integer >= 1 or a non-empty array of them, got 2.0",
        ),
        (
            "reps = true",
            "exercise[1].reps: expected an integer >= 1 or a non-empty array of them, got true",
        ),
        (
            "reps = []",
            "exercise[1].reps: expected an integer >= 1 or a non-empty array of them, got []",
        ),
        ("reps = [6, 0]", "exercise[1].reps[2]: expected an integer >= 1, got 0"),
        ("reps = [6, false]", "exercise[1].reps[2]: expected an integer >= 1, got false"),
        ("sets = 0", "exercise[1].sets: expected an integer >= 1, got 0"),
        ('sets = "3"', 'exercise[1].sets: expected an integer >= 1, got "3"'),
        ("sets = true", "exercise[1].sets: expected an integer >= 1, got true"),
        ("sets = 1.5", "exercise[1].sets: expected an integer >= 1, got 1.5"),
        (
            "reps = [6, 4, 2]\nsets = 2",
            "exercise[1].sets: expected 3 (one set per entry of reps = [6, 4, 2]), got 2",
        ),
    ],
)
def test_reps_and_sets_errors(body: str, problem: str) -> None:
    assert exercise_problems(f"{HOLD}{body}\n") == [problem]


# -- the other exercise keys ------------------------------------------------------


def test_sides_setup_tips_caution() -> None:
    ex = one_exercise(
        f'{HOLD}sides = "both"\nsetup = " On your back. "\n'
        'tips = ["One.", " Two. "]\ncaution = "Careful."\n'
    )
    assert ex.sides == "both"
    assert ex.setup == "On your back."
    assert ex.tips == ("One.", "Two.")
    assert ex.caution == "Careful."


@pytest.mark.parametrize("sides", ["none", "both", "alternate"])
def test_each_sides_value(sides: str) -> None:
    assert one_exercise(f'{HOLD}sides = "{sides}"\n').sides == sides


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('sides = "left"', 'exercise[1].sides: expected "none", "both" or "alternate", got "left"'),
        (
            'sides = "Both"',
            'exercise[1].sides: expected "none", "both" or "alternate", got "Both"; did you mean '
            '"both"?',
        ),
        ("sides = true", 'exercise[1].sides: expected "none", "both" or "alternate", got true'),
        ('tips = "one"', 'exercise[1].tips: expected an array of strings, got "one"'),
        ('tips = ["one", ""]', 'exercise[1].tips[2]: expected a non-empty string, got ""'),
        ("setup = 3", "exercise[1].setup: expected a string, got 3"),
        ("caution = false", "exercise[1].caution: expected a string, got false"),
        ('prepare = "x"', 'exercise[1].prepare: expected a duration such as 30 or "45s", got "x"'),
        ("rest = true", 'exercise[1].rest: expected a duration such as 30 or "45s", got true'),
        ("switch = -2", 'exercise[1].switch: expected a duration such as 30 or "45s", got -2'),
        (
            "rep_rest = [1]",
            'exercise[1].rep_rest: expected a duration such as 30 or "45s", got [1]',
        ),
        ("holdd = 3", 'exercise[1].holdd: unknown key; did you mean "hold"?'),
        ("self-paced = true", 'exercise[1].self-paced: unknown key; did you mean "self_paced"?'),
        ("Reps = 3", 'exercise[1].Reps: unknown key; did you mean "reps"?'),
        ("tempoo = 3", 'exercise[1].tempoo: unknown key; did you mean "tempo"?'),
        (
            "xyz = 1",
            "exercise[1].xyz: unknown key; expected one of use, name, setup, tips, caution, sets, "
            "reps, hold, tempo, phases, duration, self_paced, sides, prepare, rest, switch, "
            "rep_rest, progress",
        ),
        (
            'kind = "stretch"',
            "exercise[1].kind: unknown key; kind is for the exercise library (exercises.toml), "
            "not a routine",
        ),
        (
            'level = "beginner"',
            "exercise[1].level: unknown key; keys after an [[exercise]] header belong to that "
            "exercise; write level near the top of the file, before the first [table] header",
        ),
    ],
)
def test_exercise_key_errors(body: str, problem: str) -> None:
    assert exercise_problems(f"{HOLD}{body}\n") == [problem]


@pytest.mark.parametrize("key", ["prepare", "rest", "switch", "rep_rest"])
def test_transition_keys_may_be_zero(key: str) -> None:
    assert getattr(one_exercise(f"{HOLD}{key} = 0\n"), key) == 0


# -- all problems together, each at its line ----------------------------------------


def test_every_problem_of_a_file_is_reported_with_its_line() -> None:
    text = """\
name = "Broken"
levle = "beginner"

[defaults]
rest = "long"

[[exercise]]
name = "Fine"
hold = 5

[[exercise]]
name = "Two timings"
hold = 5
tempo = "3-1-3"

[[exercise]]
name = "Bad values"
hold = "abc"
reps = [6, 0, 2]
  holdd = 3
sides = "left"

[[exercise]]
name = "Phases"
tempo = "3-1-3"
phases = ["Down", "Up"]
setup = \"\"\"
hold = "this is text, not a key"
\"\"\"

[[exercise]]
use = "bird-dgo"
"""
    from tests.core.routine_helpers import library

    assert problems(text, library(), path="routines/x.toml") == [
        'routines/x.toml:2:1: levle: unknown key; did you mean "level"?',
        'routines/x.toml:5:8: defaults.rest: expected a duration such as 30 or "45s", got "long"',
        "routines/x.toml:11:1: exercise[2]: give exactly one of hold, tempo, duration or "
        "self_paced = true; found hold and tempo",
        'routines/x.toml:18:8: exercise[3].hold: expected a duration such as 30 or "45s", got '
        '"abc"',
        "routines/x.toml:19:12: exercise[3].reps[2]: expected an integer >= 1, got 0",
        'routines/x.toml:20:3: exercise[3].holdd: unknown key; did you mean "hold"?',
        'routines/x.toml:21:9: exercise[3].sides: expected "none", "both" or "alternate", got '
        '"left"',
        "routines/x.toml:26:10: exercise[4].phases: expected 3 names (one per tempo phase), got 2",
        'routines/x.toml:32:7: exercise[5].use: no exercise "bird-dgo" in the library; '
        'did you mean "bird-dog"?',
    ]


def test_strings_in_messages_are_quoted_as_toml_would() -> None:
    assert exercise_problems('name = "A"\nhold = "say \\"x\\""\n') == [
        'exercise[1].hold: expected a duration such as 30 or "45s", got "say \\"x\\""'
    ]
    assert exercise_problems("name = 'A'\nhold = 'C:\\x'\n") == [
        'exercise[1].hold: expected a duration such as 30 or "45s", got "C:\\\\x"'
    ]


def test_a_misspelt_key_is_one_mistake_not_also_a_missing_one() -> None:
    assert exercise_problems('name = "A"\nholdd = 5\n') == [
        'exercise[1].holdd: unknown key; did you mean "hold"?'
    ]
    assert exercise_problems("nmae = 'A'\nhold = 5\n") == [
        'exercise[1].nmae: unknown key; did you mean "name"?'
    ]
    assert problems(f"nmae = 'R'\n[[exercise]]\n{HOLD}") == [
        'r.toml:1:1: nmae: unknown key; did you mean "name"?'
    ]

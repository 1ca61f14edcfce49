"""`use`: library values are starting values; keys written in the exercise win."""

from __future__ import annotations

import pytest

from tests.core.routine_helpers import dedent, exercise_problems, library, one_exercise
from tui.core.routine.exercise_library import ExerciseLibrary
from tui.core.routine.models import Phase
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import RoutineError


def test_use_takes_name_setup_tips_caution_and_timing_from_the_library() -> None:
    ex = one_exercise('use = "pelvic-tilt"', library())
    assert ex.name == "Pelvic tilt"
    assert ex.use == "pelvic-tilt"
    assert ex.setup == "Lie on your back, knees bent."
    assert ex.tips == ("Flatten the low back into the mat.",)
    assert ex.caution == "Small movements only."
    assert ex.timing == "hold"
    assert ex.phases == (Phase("Hold", 5),)


def test_keys_written_in_the_exercise_win() -> None:
    ex = one_exercise(
        'use = "pelvic-tilt"\nname = "My tilt"\ntips = ["Mine."]\nsetup = ""\nreps = 4',
        library(),
    )
    assert ex.name == "My tilt"
    assert ex.tips == ("Mine.",)
    assert ex.setup == ""
    assert ex.reps == (4,)
    assert ex.caution == "Small movements only."


def test_library_tempo_phases_sides_and_reps_are_used() -> None:
    ex = one_exercise('use = "bird-dog"', library())
    assert ex.sides == "alternate"
    assert ex.reps == (6,)
    assert ex.phases == (Phase("Reach", 2), Phase("Hold", 8), Phase("Return", 2))


@pytest.mark.parametrize(
    ("body", "timing", "phases"),
    [
        # The library's tempo and phases do not linger beside a hold written here.
        ('hold = "20s"', "hold", (Phase("Hold", 20),)),
        ("duration = 30", "duration", (Phase("Go", 30),)),
        ('tempo = "1-1"', "tempo", (Phase("Lower", 1), Phase("Raise", 1))),
        ("self_paced = true", "self_paced", ()),
        ('hold = 20\nphases = ["Stay"]', "hold", (Phase("Stay", 20),)),
    ],
)
def test_a_timing_written_here_replaces_the_library_timing_as_a_whole(
    body: str, timing: str, phases: tuple
) -> None:
    ex = one_exercise(f'use = "bird-dog"\n{body}', library())
    assert ex.timing == timing
    assert ex.phases == phases


def test_phases_written_here_apply_to_the_library_timing() -> None:
    ex = one_exercise('use = "bird-dog"\nphases = ["Out", "Stay", "In"]', library())
    assert ex.phases == (Phase("Out", 2), Phase("Stay", 8), Phase("In", 2))
    ex = one_exercise('use = "pelvic-tilt"\nphases = ["Tilt"]', library())
    assert ex.phases == (Phase("Tilt", 5),)


def test_phases_written_here_must_fit_the_library_tempo() -> None:
    assert exercise_problems('use = "bird-dog"\nphases = ["Out", "In"]', library()) == [
        "exercise[1].phases: expected 3 names (one per tempo phase), got 2"
    ]


def test_self_paced_false_written_here_does_not_remove_a_library_hold() -> None:
    ex = one_exercise('use = "pelvic-tilt"\nself_paced = false', library())
    assert ex.timing == "hold"


def test_self_paced_false_written_here_turns_off_a_self_paced_library_entry() -> None:
    assert exercise_problems('use = "wall-sit"\nself_paced = false', library()) == [
        "exercise[1]: give exactly one of hold, tempo, duration or self_paced = true; "
        'found none here or in library exercise "wall-sit"'
    ]


def test_an_entry_without_timing_needs_one_in_the_routine() -> None:
    assert exercise_problems('use = "dead-bug"', library()) == [
        "exercise[1]: give exactly one of hold, tempo, duration or self_paced = true; "
        'found none here or in library exercise "dead-bug"'
    ]
    ex = one_exercise('use = "dead-bug"\ntempo = "2-2"', library())
    assert ex.reps == (8, 8, 8)


def test_two_timings_written_here_are_an_error_even_with_use() -> None:
    assert exercise_problems('use = "pelvic-tilt"\nhold = 3\nduration = 9', library()) == [
        "exercise[1]: give exactly one of hold, tempo, duration or self_paced = true; "
        "found hold and duration"
    ]


@pytest.mark.parametrize(
    ("use", "body", "reps"),
    [
        ("dead-bug", "hold = 3", (8, 8, 8)),  # library sets and reps
        ("dead-bug", "hold = 3\nreps = 5", (5, 5, 5)),  # library sets repeat reps written here
        ("dead-bug", "hold = 3\nsets = 2", (8, 8)),
        ("dead-bug", "hold = 3\nreps = [5, 3]", (5, 3)),  # a reps array gives the sets
        ("pyramid-curl", "", (6, 4, 2)),
        ("pyramid-curl", "reps = 4", (4,)),
        ("pyramid-curl", "reps = 4\nsets = 2", (4, 4)),
        ("pyramid-curl", "sets = 3", (6, 4, 2)),
    ],
)
def test_reps_and_sets_with_the_library(use: str, body: str, reps: tuple) -> None:
    assert one_exercise(f'use = "{use}"\n{body}', library()).reps == reps


def test_sets_written_here_must_fit_a_library_reps_array() -> None:
    assert exercise_problems('use = "pyramid-curl"\nsets = 2', library()) == [
        "exercise[1].sets: expected 3 (one set per entry of reps = [6, 4, 2]), got 2"
    ]


def test_transitions_exercise_then_library_then_defaults() -> None:
    top = "[defaults]\nrest = 60\nswitch = 9\n"
    ex = one_exercise('use = "bird-dog"', library(), top=top)
    assert (ex.rest, ex.switch, ex.prepare) == (15, 9, 10)
    ex = one_exercise('use = "bird-dog"\nrest = 45', library(), top=top)
    assert ex.rest == 45


@pytest.mark.parametrize(
    ("body", "lib", "problem"),
    [
        (
            'use = "bird-dgo"',
            library(),
            'exercise[1].use: no exercise "bird-dgo" in the library; did you mean "bird-dog"?',
        ),
        (
            'use = "Bird_Dog"',
            library(),
            'exercise[1].use: no exercise "Bird_Dog" in the library; did you mean "bird-dog"?',
        ),
        ('use = "plank"', library(), 'exercise[1].use: no exercise "plank" in the library'),
        (
            'use = "plank"',
            None,
            'exercise[1].use: no exercise "plank" in the library (the exercise library is empty)',
        ),
        (
            'use = "plank"',
            ExerciseLibrary(),
            'exercise[1].use: no exercise "plank" in the library (the exercise library is empty)',
        ),
        ("use = 3", library(), "exercise[1].use: expected a string, got 3"),
        ('use = ""', library(), 'exercise[1].use: expected a non-empty string, got ""'),
    ],
)
def test_use_errors(body: str, lib: ExerciseLibrary | None, problem: str) -> None:
    # Without the entry nothing is reported missing (name, timing): only the use.
    assert exercise_problems(body, lib) == [problem]


def test_an_unknown_use_still_checks_what_the_table_itself_gets_wrong() -> None:
    assert exercise_problems(
        'use = "plank"\nreps = [3, 2]\nsets = 3\ntempo = "1-1"\nphases = ["a"]\ntipss = 1',
        library(),
    ) == [
        'exercise[1].use: no exercise "plank" in the library',
        "exercise[1].sets: expected 2 (one set per entry of reps = [3, 2]), got 3",
        "exercise[1].phases: expected 2 names (one per tempo phase), got 1",
        'exercise[1].tipss: unknown key; did you mean "tips"?',
    ]


def test_a_library_given_as_a_reader_is_read_only_when_used() -> None:
    reads: list[int] = []

    def read() -> ExerciseLibrary:
        reads.append(1)
        return library()

    own = parse_routine('name = "R"\n[[exercise]]\nname = "Mine"\nhold = 5\n', "r.toml", read)
    assert own.exercises[0].name == "Mine" and reads == []
    text = dedent("""
        name = "R"
        [[exercise]]
        use = "pelvic-tilt"
        [[exercise]]
        use = "bird-dog"
    """)
    used = parse_routine(text, "r.toml", read)
    assert [e.name for e in used.exercises] == ["Pelvic tilt", "Bird dog"] and reads == [1]


def test_a_broken_library_is_reported_only_to_routines_that_use_it() -> None:
    def broken() -> ExerciseLibrary:
        raise RoutineError([])

    parse_routine('name = "R"\n[[exercise]]\nname = "Mine"\nhold = 5\n', "r.toml", broken)
    with pytest.raises(RoutineError):
        parse_routine('name = "R"\n[[exercise]]\nuse = "bird-dog"\n', "r.toml", broken)

"""`check` on `[exercise.progress]` (issue 16, as a tester found it): every
independent problem of a progression is told in one pass, beside the
exercise's own problems, and a check is skipped only when it depends on a
value that is broken or unknown (an exercise whose `use` names no library
entry)."""

from __future__ import annotations

import pytest

from tests.core.routine_helpers import library, problems


def _fields(found: list[str]) -> list[str]:
    """`exercise[1].progress.max: message` of each problem, without the file and place."""
    return [p.split(": ", 1)[1] for p in found]


PROGRESS = (
    '[exercise.progress]\nadd = "reps"\nby = 1\nevery = 2\nmax = [4, 8]\nthen = "dead-bugg"\n'
)


@pytest.mark.parametrize(
    "exercise",
    [
        'use = "bird-dog"\nreps = [6, 4, 2]\n',  # the library entry found
        'use = "bird-dogg"\nreps = [6, 4, 2]\n',  # an unknown one: the reps written still count
        'name = "Bird dog"\nreps = [6, 4, 2]\nhold = 10\nsides = "up"\n',  # a broken key beside
    ],
)
def test_a_progression_s_independent_problems_are_all_told_in_one_pass(exercise):
    found = _fields(problems(f'name = "R"\n[[exercise]]\n{exercise}{PROGRESS}', library()))
    progress = [p for p in found if p.startswith("exercise[1].progress")]
    assert progress == [
        "exercise[1].progress.max: expected 3 entries (one per set of reps), got 2",
        "exercise[1].progress.max: max is below the reps written (6-4-2), got [4, 8]",
        'exercise[1].progress.then: no exercise "dead-bugg" in the library; did you mean '
        '"dead-bug"?',
    ]
    assert len(found) == len(progress) + (0 if 'use = "bird-dog"\n' in exercise else 1)


def test_every_exercise_s_progression_is_checked_beside_an_unknown_use():
    text = (
        'name = "R"\n[[exercise]]\nuse = "bird-dogg"\nreps = [6, 4, 2]\n'
        '[exercise.progress]\nadd = "hold"\nby = 1\nevery = 2\nmax = [4, 8]\n'
        '[[exercise]]\nname = "March"\nduration = 30\n'
        '[exercise.progress]\nadd = "hold"\nby = 5\nevery = 2\nmax = 60\n'
        '[[exercise]]\nname = "Curl"\nreps = [6, 4, 2]\nhold = 5\n'
        '[exercise.progress]\nadd = "reps"\nby = 1.5\nevery = 2\nmax = [5, 8.5]\n'
    )
    assert _fields(problems(text, library())) == [
        'exercise[1].use: no exercise "bird-dogg" in the library; did you mean "bird-dog"?',
        'exercise[1].progress.max: expected one number for add = "hold", got [4, 8]',
        'exercise[2].progress.add: add = "hold" needs hold written on the exercise; this one '
        "has duration",
        "exercise[3].progress.by: expected a whole number of reps, got 1.5",
        "exercise[3].progress.max: expected 3 entries (one per set of reps), got 2",
        "exercise[3].progress.max[2]: expected an integer >= 1, got 8.5",
    ]


def test_what_the_unknown_library_entry_would_say_is_not_guessed():
    """Without the entry, its reps and timing are unknown: no claim about them."""
    text = (
        'name = "R"\n[[exercise]]\nuse = "nope"\n'
        '[exercise.progress]\nadd = "reps"\nby = 1\nevery = 2\nmax = 3\n'
        '[[exercise]]\nuse = "nope"\n'
        '[exercise.progress]\nadd = "hold"\nby = 1\nevery = 2\nmax = 3\n'
    )
    found = _fields(problems(text, library()))
    assert [p.split(":")[0] for p in found] == ["exercise[1].use", "exercise[2].use"]


@pytest.mark.parametrize("add", ["reps", "sets"])
@pytest.mark.parametrize("key", ["by", "max"])
@pytest.mark.parametrize("text", ['"5s"', '"2m"', '"1.5s"', '"1:30"', '"5"', '"abc"'])
def test_a_string_is_not_a_count_of_reps_or_sets(add, key, text):
    keys = {"by": "1", "max": "6"} | {key: text}
    body = (f'name = "Row"\nreps = 3\nsets = 2\nhold = 2\n[exercise.progress]\nadd = "{add}"\n'
            f"by = {keys['by']}\nevery = 2\nmax = {keys['max']}\n")  # fmt: skip
    line, col = (9, 6) if key == "by" else (11, 7)  # the value's column
    assert problems(f'name = "R"\n[[exercise]]\n{body}', library()) == [
        f"r.toml:{line}:{col}: exercise[1].progress.{key}: expected a whole number of {add}, got "
        f'{text}: a duration is for add = "hold" or "duration"'
    ]


@pytest.mark.parametrize("add", ["hold", "duration"])
def test_a_hold_or_a_duration_grows_by_durations_written_as_strings(add):
    body = (f'name = "Still"\n{add} = "20s"\n[exercise.progress]\nadd = "{add}"\n'
            'by = "5s"\nevery = 2\nmax = "1m"\n')  # fmt: skip
    from tests.core.routine_helpers import routine

    exercise = routine(f'name = "R"\n[[exercise]]\n{body}', library()).exercises[0]
    assert exercise.progress is not None
    assert (exercise.progress.by, exercise.progress.cap) == (5, (60,))

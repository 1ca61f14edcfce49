"""Exercise-library entries a routine carries (`[library.ID]`): checked as an
exercises.toml is, at their line and column; looked up before the libraries of
the machine, which are then not read at all when nothing else is named."""

from __future__ import annotations

import pytest

from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
from tui.core.routine.parse import parse_routine
from tui.core.routine.problems import RoutineError

ROUTINE = '''name = "Carried"

[[exercise]]
use = "bird-dog"
reps = 2

[library.bird-dog]
name = "Bird dog, as carried"
hold = 8
easier = "bird-dog-leg"

[library.bird-dog-leg]
name = "Bird dog, leg only"
hold = 6
harder = "bird-dog"
'''
MACHINE = parse_exercise_library('[bird-dog]\nname = "Bird dog here"\nhold = 3\n', "lib.toml")


def problems(text: str, library: ExerciseLibrary | None = None) -> list[str]:
    with pytest.raises(RoutineError) as error:
        parse_routine(text, "r.toml", library or ExerciseLibrary())
    return [str(p) for p in error.value.problems]


def test_the_carried_entry_wins_and_the_machine_s_library_is_not_read():
    read: list[bool] = []

    def machine() -> ExerciseLibrary:
        read.append(True)
        return ExerciseLibrary(MACHINE)

    routine = parse_routine(ROUTINE, "r.toml", machine)
    assert routine.exercises[0].name == "Bird dog, as carried"
    assert routine.exercises[0].rep_seconds == 8 and routine.exercises[0].use == "bird-dog"
    assert set(routine.library) == {"bird-dog", "bird-dog-leg"}
    assert read == []  # everything it names, it carries
    together = ExerciseLibrary(MACHINE).layered(routine.library)
    assert together.variant("bird-dog", "easier").name == "Bird dog, leg only"  # type: ignore[union-attr]


def test_a_carried_entry_is_checked_as_a_library_file_is():
    text = ROUTINE.replace("hold = 6\n", "holdd = 6\n")
    assert problems(text) == [
        "r.toml:14:1: library.bird-dog-leg.holdd: unknown key; did you mean \"hold\"?",
    ]


def test_a_carried_link_must_lead_somewhere_and_never_round_in_a_loop():
    missing = ROUTINE.replace('easier = "bird-dog-leg"', 'easier = "bird-dog-legs"')
    found = problems(missing)
    assert any(p.startswith("r.toml:10:10: library.bird-dog.easier: no exercise "
                            "\"bird-dog-legs\" in the library; did you mean \"bird-dog-leg\"")
               for p in found), found  # fmt: skip
    loop = ROUTINE.replace('harder = "bird-dog"', 'easier = "bird-dog"')
    assert any("library.bird-dog-leg.easier" in p and "loop" in p for p in problems(loop))
    itself = ROUTINE.replace('harder = "bird-dog"', 'harder = "bird-dog-leg"')
    assert any("cannot be its own harder variant" in p for p in problems(itself))


def test_a_carried_link_may_lead_into_the_machine_s_library():
    text = ROUTINE.replace('harder = "bird-dog"', 'harder = "plank"')
    machine = ExerciseLibrary(parse_exercise_library('[plank]\nname = "Plank"\nhold = 10\n',
                                                     "lib.toml"))  # fmt: skip
    routine = parse_routine(text, "r.toml", lambda: machine)
    assert routine.library["bird-dog-leg"].harder == "plank"
    assert any("no exercise \"plank\"" in p for p in problems(text))  # where it is not


def test_library_must_be_tables():
    found = problems('name = "R"\nlibrary = 3\n[[exercise]]\nname = "X"\nhold = 3\n')
    assert found == ["r.toml:2:11: library: expected [library.ID] tables, one per exercise "
                     "the routine carries, got 3"]  # fmt: skip

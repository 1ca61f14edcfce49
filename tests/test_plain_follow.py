"""`PlainFollower` on a fake clock, with keys typed at chosen moments: every step
is said once and in order, pauses and resumes are said, "this hurts" asks its
question, and the end of input keeps the session rather than waiting for ever."""

from __future__ import annotations

from pathlib import Path

from tests.core.factories import exercise, routine
from tests.doubles import FakeClock
from tui.audio.dispatcher import CueDispatcher
from tui.core.catalog.entries import Valid
from tui.core.catalog.sources import RoutineRef
from tui.core.plan import build_plan
from tui.core.present.plain import PAUSED, step_line
from tui.core.routine.models import Phase
from tui.core.store.database import NullStore, Store
from tui.core.workout import NOT_KEPT, Storage, Workout
from tui.plain.follow import KEPT, NO_MORE_KEYS, NOT_SAVED, Ending, PlainFollower
from tui.plain.keys import Command, command_of_key, command_of_line


class ScriptedKeys:
    """A key reader on a fake clock: `script` is (clock seconds from start, line typed)."""

    keys = False

    def __init__(self, clock: FakeClock, script: list[tuple[float, str]]) -> None:
        self.clock = clock
        self.start = clock.now()
        self.script = list(script)
        self.ended = False
        self.waits: list[float | None] = []

    def poll(self, timeout: float | None) -> list[tuple[str, Command | None]]:
        self.waits.append(timeout)
        if self.script:
            at, line = self.script[0]
            due = self.start + at
            if timeout is None or due <= self.clock.now() + timeout:
                self.script.pop(0)
                self.clock.set(max(due, self.clock.now()))
                return [(line, command_of_line(line))]
        if timeout is None:
            self.ended = True
            return []
        self.clock.advance(timeout)
        return []


def follow(script: list[tuple[float, str]], *exercises, speed: float = 1.0, store=None):
    plan = build_plan(routine(*exercises, name="Test routine"))
    entry = Valid(ref=RoutineRef("t", Path("t.toml"), "file"), plan=plan, text="")
    clock = FakeClock()
    cues = CueDispatcher()
    store = Store.open(":memory:") if store is None else store  # a place that can be kept
    workout = Workout.begin(Storage(store), entry, clock, speed=speed,
                            listeners=[cues.handle])
    lines: list[str] = []
    reader = ScriptedKeys(clock, script)
    ending = PlainFollower(workout, reader, lines.append, cues).follow()
    return ending, lines, plan, reader


SHORT = exercise("Bird dog", reps=(2,), sides="both", prepare=5, switch=5,
                 phases=(Phase("Reach", 6), Phase("Return", 2)))


def test_every_step_is_said_once_in_order_and_the_summary_ends_it():
    ending, lines, plan, reader = follow([], SHORT)
    assert ending is Ending.FINISHED
    said = [line for line in lines if line in {step_line(plan, i) for i in range(len(plan.steps))}]
    assert said == [step_line(plan, i) for i in range(len(plan.steps))]
    assert "Bird dog, left, rep 2 of 2: Reach, 6 seconds" in said
    assert lines[-4:] == [
        "Workout complete.",
        "Time: 0:42",
        "Done: 1 exercise: Bird dog",
        "Well done. Little and often is what works: same time tomorrow?",
    ]
    # count-ins as short lines, before the end of each step of 5 s or more
    at = lines.index("Get ready, 5 seconds: Bird dog, 2 reps each side, tempo 6-2")
    assert lines[at + 1: at + 4] == ["3", "2", "1"]
    # it slept until each thing was due, at most half a second (the save rhythm)
    assert all(wait is not None and wait <= 0.5 for wait in reader.waits)


def test_pause_and_carry_on_are_said_and_time_stands_still():
    ending, lines, _, _ = follow([(1.0, "pause"), (100.0, "resume")], SHORT)
    assert ending is Ending.FINISHED
    assert lines.count(PAUSED) == 1
    carrying = [line for line in lines if line.startswith("Carrying on")]
    assert carrying == ["Carrying on: getting ready, 4 seconds left."]
    assert "Time: 0:42" in lines  # the pause is not counted


def test_a_space_toggles_and_q_keeps_the_session():
    ending, lines, _, _ = follow([(1.0, " "), (2.0, " "), (8.0, "q")], SHORT)  # q in "Reach"
    assert ending is Ending.KEPT
    assert lines[-1] == KEPT
    assert PAUSED in lines and not any(line.startswith("Workout") for line in lines)


def test_q_says_so_when_nothing_could_be_kept():
    """A state folder that could not be written (a NullStore): "kept" would be untrue."""
    ending, lines, _, _ = follow([(8.0, "q")], SHORT, store=NullStore("read-only"))
    assert ending is Ending.KEPT and lines[-1] in (NOT_SAVED, NOT_KEPT) and KEPT not in lines


def test_this_hurts_asks_and_skip_records_the_exercise_as_skipped():
    second = exercise("Dead bug", reps=(1,), prepare=0, phases=(Phase("Hold", 5),))
    ending, lines, _, _ = follow([(6.0, "hurt"), (7.0, "s")], SHORT, second)
    assert ending is Ending.FINISHED
    assert "Noted: Bird dog hurts." in lines
    assert any(line.startswith("Paused: this hurts.") for line in lines)
    assert "Skipped Bird dog." in lines
    assert "Hurt: Bird dog" in lines and "Skipped: Bird dog" in lines
    assert "Dead bug: Hold, 5 seconds" in lines


def test_a_lone_s_skips_nothing_unless_this_hurts_was_asked():
    second = exercise("Dead bug", reps=(1,), prepare=0, phases=(Phase("Hold", 5),))
    ending, lines, _, _ = follow([(6.0, "s")], SHORT, second)
    assert ending is Ending.FINISHED
    assert "s skips an exercise only after ! (this hurts); N goes to the next one." in lines
    assert "Done: 2 exercises: Bird dog; Dead bug" in lines


def test_words_that_make_no_sense_now_are_answered_not_fatal():
    ending, lines, _, _ = follow([(1.0, "more"), (17.0, "more"), (18.0, "wiggle")], SHORT)
    assert ending is Ending.FINISHED
    assert "10 seconds more." in lines  # in the get-ready: extendable
    assert "Only a rest can be extended, not a work step." in lines
    assert '"wiggle" is not a key here; ? or help lists the keys.' in lines


def test_when_input_ends_while_paused_the_session_is_kept():
    ending, lines, _, _ = follow([(6.0, "pause")], SHORT)  # in "Reach": a session begun
    assert ending is Ending.KEPT
    assert lines[-2:] == [NO_MORE_KEYS, KEPT]


def test_when_input_ends_before_any_work_step_nothing_is_kept():
    _, lines, _, _ = follow([(1.0, "pause")], SHORT)  # in the get-ready
    assert lines[-2:] == [NO_MORE_KEYS, NOT_KEPT]


def test_a_self_paced_set_is_confirmed_by_enter():
    squat = exercise("Squat", reps=(8,), timing="self_paced", phases=(), prepare=0)
    ending, lines, _, _ = follow([(30.0, "")], squat)
    assert ending is Ending.FINISHED
    assert lines[2:5] == ["Squat: 8 reps at your own pace; Enter when done", "Workout complete.",
                          "Time: 0:30"]


def test_keys_and_words():
    assert command_of_line("") is Command.CONFIRM
    assert command_of_line(" ") is Command.TOGGLE
    assert command_of_line("n") is Command.NEXT
    assert command_of_line("N") is Command.NEXT_EXERCISE
    assert command_of_line("  Next   Exercise ") is Command.NEXT_EXERCISE
    assert command_of_line("SKIP") is Command.SKIP
    assert command_of_line("+") is command_of_line("more") is Command.EXTEND
    assert command_of_line("!") is command_of_line("hurt") is Command.HURT
    assert command_of_line("quit") is command_of_key("q") is Command.QUIT
    assert command_of_key("\n") is Command.CONFIRM
    assert command_of_line("dance") is None


def test_this_hurts_asks_its_question_instead_of_the_pause_line():
    _, lines, _, _ = follow([(6.0, "!"), (7.0, "c")], SHORT)
    at = lines.index("Noted: Bird dog hurts.")
    assert lines[at + 1].startswith("Paused: this hurts.")
    assert PAUSED not in lines
    assert lines[at + 2].startswith("Carrying on: Reach, ")


def test_e_swaps_to_the_easier_version_and_after_this_hurts_carries_on_with_it():
    from tui.core.routine.exercise_library import ExerciseLibrary, parse_exercise_library
    from tui.core.routine.parse import parse_routine

    library_text = (
        '[knees]\nname = "Plank from the knees"\nharder = "plank"\nhold = 10\n'
        '[plank]\nname = "Plank"\neasier = "knees"\nhold = 10\n'
    )
    text = 'name = "P"\n[defaults]\nprepare = 3\n[[exercise]]\nuse = "plank"\nreps = 2\n'
    lib = ExerciseLibrary(parse_exercise_library(library_text, "exercises.toml"))
    plan = build_plan(parse_routine(text, "p.toml", lib))
    entry = Valid(RoutineRef("p", Path("p.toml"), "file"), plan, text,
                  (("exercises.toml", library_text),))  # fmt: skip
    clock = FakeClock()
    cues = CueDispatcher()
    workout = Workout.begin(Storage(Store.open(":memory:")), entry, clock, listeners=[cues.handle])
    lines: list[str] = []
    reader = ScriptedKeys(clock, [(5, "hurt"), (5.5, "e"), (6, "e"), (6.5, "help"),
                                  (7, "harder")])  # fmt: skip
    PlainFollower(workout, reader, lines.append, cues).follow()
    hurt = next(line for line in lines if line.startswith("Paused: this hurts"))
    assert "e tries an easier version (Plank from the knees)" in hurt and "x ends" in hurt
    assert "Easier: Plank from the knees, for the rest of this session." in lines
    assert "Plank from the knees has no easier version here." in lines
    # h after ! on this exercise goes not back to what hurt (a tester found it did)
    assert "Not after it hurt today." in lines
    # help lists the keys that work now: no easier version, no harder after ! (issue 16)
    now = [line for line in lines if line.startswith("Keys:")][-1]
    assert "space pause" in now and "e easier" not in now and "h harder" not in now
    assert not any(line.startswith("Harder:") for line in lines)
    assert command_of_key("x") is Command.END and command_of_line("easier") is Command.EASIER


def test_the_summary_says_the_stores_decision_on_what_changes_next_time(tmp_path):
    """As the screen's summary does: the decision the store made when the session
    ended, with how to answer the pain after that decides it (`--plain` asks none)."""
    from tui.core.catalog.entries import load_entry
    from tui.core.programme.stages import Stage

    path = tmp_path / "pyramid.toml"
    path.write_text('name = "Pyramid"\n[defaults]\nprepare = 0\nrest = 0\n[[exercise]]\n'
                    'name = "Bird dog"\nreps = [3, 2, 1]\nhold = 1\n[exercise.progress]\n'
                    'add = "reps"\nby = 1\nevery = 1\nmax = [5, 4, 3]\n',
                    encoding="utf-8")  # fmt: skip
    entry = load_entry(RoutineRef("pyramid", path, "own"))
    assert isinstance(entry, Valid)
    store = Store.open(tmp_path / "state.db")
    clock = FakeClock()
    workout = Workout.begin(Storage(store), entry, clock)
    lines: list[str] = []
    ending = PlainFollower(workout, ScriptedKeys(clock, []), lines.append, CueDispatcher()).follow()
    assert ending is Ending.FINISHED
    assert lines[-1] == ("Bird dog: 3-2-1 for now: no pain after given: not counted (answer it "
                         "with spinewise checkin PAIN)")  # fmt: skip
    assert store.stages("pyramid").get("Bird dog", Stage()) == Stage(0, 0)

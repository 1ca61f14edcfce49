"""Frozen, typed models of a routine and its exercises.

These are what `routine.py` produces from a TOML file once it is valid, and
what `plan.py` turns into a timeline. Nothing here knows about files or TOML.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# typing compiles each string annotation of a NamedTuple, and these are defined on
# the way to a workout's first frame (tests/test_boundaries.py).

from typing import Literal, NamedTuple

from tui.core.routine.problems import Problem, toml_repr

Level = Literal["beginner", "intermediate", "advanced"]
Sides = Literal["none", "both", "alternate"]
Timing = Literal["hold", "tempo", "duration", "self_paced"]
Growth = Literal["reps", "sets", "hold", "duration"]

LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")
SIDES: tuple[str, ...] = ("none", "both", "alternate")
TIMING_KEYS: tuple[Timing, ...] = ("hold", "tempo", "duration", "self_paced")
KINDS: tuple[str, ...] = ("strength", "stability", "stretch", "mobility")
#: What `[exercise.progress]` may add to (`add`).
GROWTH: tuple[Growth, ...] = ("reps", "sets", "hold", "duration")

#: Built-in defaults of the transition durations, in seconds.
BUILTIN_DEFAULTS: dict[str, float] = {"prepare": 10, "rest": 30, "switch": 5, "rep_rest": 0}


class Phase(NamedTuple):
    """One phase of a rep: a name shown and spoken, and its length in seconds."""

    name: str
    seconds: float


class Exercise(NamedTuple):
    """One `[[exercise]]` of a routine, with the exercise library and defaults applied."""

    name: str
    #: One entry per set: the reps of that set (per side where sides is set).
    reps: tuple[int, ...]
    timing: Timing
    #: The phases of one rep; empty for a self-paced exercise.
    phases: tuple[Phase, ...]
    sides: Sides = "none"
    prepare: float = 10
    rest: float = 30
    switch: float = 5
    rep_rest: float = 0
    setup: str = ""
    tips: tuple[str, ...] = ()
    caution: str = ""
    #: The exercise library id it was built from (`use`), if any.
    use: str | None = None
    #: How its dose grows over sessions (`[exercise.progress]`), if it does.
    progress: "Progress | None" = None  # defined below: a forward reference

    @property
    def sets(self) -> int:
        return len(self.reps)

    @property
    def rep_seconds(self) -> float:
        return sum(phase.seconds for phase in self.phases)

    @property
    def tempo_text(self) -> str:
        """`3-1-3` for a tempo; empty for the other timings."""
        if self.timing != "tempo":
            return ""
        return "-".join(format_seconds_short(p.seconds) for p in self.phases)

    def dosage(self) -> str:
        """A person's description of the work: `3 x 8 reps, tempo 3-1-3`."""
        if len(set(self.reps)) == 1:
            count = f"{self.sets} x {self.reps[0]}" if self.sets > 1 else f"{self.reps[0]}"
        else:
            count = "-".join(str(r) for r in self.reps)
        unit = "rep" if self.reps == (1,) else "reps"
        per_side = {"none": "", "both": " each side", "alternate": " each side, alternating"}
        side = per_side[self.sides]
        if self.timing == "self_paced":
            return f"{count} {unit}{side}, at your own pace"
        if self.timing == "duration":
            text = f"{format_seconds_short(self.rep_seconds)} s"
            if self.reps != (1,):
                text = f"{count} x {text}"
            return text + side
        if self.timing == "hold":
            hold = f"hold {format_seconds_short(self.rep_seconds)} s"
            if self.reps == (1,):
                return hold + side
            return f"{count} {unit}, {hold}{side}"
        return f"{count} {unit}{side}, tempo {self.tempo_text}"


class Progress(NamedTuple):
    """`[exercise.progress]`, validated against its exercise (ROUTINE_FORMAT.md, "Progression").

    `by` and `cap` are reps or sets (whole numbers) for `add` = reps or sets, and
    seconds for hold or duration; `cap` has one entry per set for reps (a single
    `max` is repeated), one entry otherwise. `then_exercise` is the library entry
    `then` names, built with the routine's defaults at its own starting dose.
    """

    add: Growth
    by: float
    every: int
    cap: tuple[float, ...]
    then: str | None = None
    then_exercise: Exercise | None = None


class Routine(NamedTuple):
    """A whole routine file, validated."""

    name: str
    exercises: tuple[Exercise, ...]
    summary: str = ""
    level: Level | None = None
    tags: tuple[str, ...] = ()
    caution: str = ""
    defaults: dict[str, float] = BUILTIN_DEFAULTS
    format: int = 1

    @property
    def uses_library(self) -> bool:
        """Whether any exercise is built from the exercise library (`use`)."""
        return any(exercise.use is not None for exercise in self.exercises)


class LibraryEntry(NamedTuple):
    """One exercise of the exercise library (`exercises.toml`).

    `fields` holds the validated `[[exercise]]` keys the entry gives as
    defaults (durations already in seconds, reps as a tuple, tips as a tuple).
    """

    id: str
    name: str
    fields: dict[str, object]
    kind: str | None = None
    level: Level | None = None
    muscles: tuple[str, ...] = ()
    source: str | None = None
    #: Ids of its easier and harder variants in the library (`e` and `h` in a workout).
    easier: str | None = None
    harder: str | None = None
    #: Its mistakes, when read leniently (as routines read the library): an entry
    #: with any is kept only so that a routine that uses it can say where they are.
    problems: tuple[Problem, ...] = ()

    def unusable(self) -> str | None:
        """Why no routine may use this entry, naming the library's file, line, column
        and field of its first mistake; None when it has none."""
        if not self.problems:
            return None
        first = self.problems[0]
        more = len(self.problems) - 1
        also = f" ({more} more: spinewise check {first.path})" if more else ""
        return (f"the exercise library's {toml_repr(self.id)} has a mistake, so it cannot be "
                f"used: {first}{also}")


def format_seconds_short(seconds: float) -> str:
    """`30`, `2.5`: seconds without a needless `.0`."""
    if float(seconds).is_integer():
        return str(int(seconds))
    return f"{seconds:g}"


def format_clock(seconds: float) -> str:
    """`1:05`, `12:00`, `1:02:03` for a total time."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"

"""Which stage each exercise of a routine is at, and the routine at those stages.

An exercise is known in the `stages` table by its key: its name, with `#2`,
`#3` for a second and third exercise of that name in one routine (people
reorder exercises; they rarely rename them). `starting` reads the stages a
session starts with, `staged` makes the routine at them (the plan of today's
dose), and both are kept with the session (`sessions.stages`, the JSON of
`StartedStage`s) so resuming rebuilds exactly the plan it ran. Nothing here
imports the pain rules (`progression`, `zones`): a workout's first frame waits
for this module, not for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.core.programme.dose import dose_at, top_stage
from tui.core.routine.models import Exercise, Routine, format_seconds_short

if TYPE_CHECKING:
    from tui.core.catalog.entries import Valid
    from tui.core.plan import Plan
    from tui.core.store.stage_rows import LogEntry


class Stage(NamedTuple):
    """Where an exercise stands: its stage (0: as written) and settled sessions toward
    the next step."""

    stage: int = 0
    settled: int = 0


class StartedStage(NamedTuple):
    """One progressing exercise as a session started it (JSON in `sessions.stages`).

    `key` names the exercise in `stages` (its name, `#2` on a second of that
    name); `name` is what the session ran (a `then` exercise's own name);
    `doses` the dose of every stage from 0 to `top`, in words, for `show` and
    `progress`; `short` the same in a few characters (`6-4-2`, `hold 20 s`) for
    the log and the summary; `settled` the settled sessions toward the next step.
    """

    key: str
    exercise_index: int
    name: str
    stage: int
    every: int
    top: int
    doses: tuple[str, ...]
    short: tuple[str, ...] = ()
    settled: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "index": self.exercise_index, "name": self.name,
                "stage": self.stage, "every": self.every, "top": self.top,
                "doses": list(self.doses),
                "short": list(self.short), "settled": self.settled}  # fmt: skip

    @classmethod
    def of_json(cls, data: dict[str, Any]) -> StartedStage:
        return cls(str(data["key"]), int(data["index"]), str(data["name"]), int(data["stage"]),
                   int(data["every"]), int(data["top"]), tuple(data["doses"]),
                   tuple(data.get("short", ())), int(data.get("settled", 0)))  # fmt: skip

    def dose(self, stage: int) -> str:
        return _at(self.doses, stage)

    def brief(self, stage: int) -> str:
        return _at(self.short or self.doses, stage)


def _at(words: tuple[str, ...], stage: int) -> str:
    return words[max(0, min(stage, len(words) - 1))] if words else ""


def stages_json(started: list[StartedStage]) -> str:
    import json  # here: `today` and `plan status` read stages from rows, not JSON

    return json.dumps([s.to_json() for s in started])


def read_started(text: str | None) -> list[StartedStage]:
    """The stages a session started with (none for one stored before migration 5,
    or for a routine in which nothing progresses)."""
    if not text:
        return []
    import json

    try:
        return [StartedStage.of_json(item) for item in json.loads(text)]
    except (ValueError, KeyError, TypeError):
        return []




def exercise_keys(routine: Routine) -> list[str]:
    """The key of each exercise, in order: its name, `NAME#2` for a second of that name."""
    seen: dict[str, int] = {}
    keys = []
    for ex in routine.exercises:
        seen[ex.name] = seen.get(ex.name, 0) + 1
        keys.append(ex.name if seen[ex.name] == 1 else f"{ex.name}#{seen[ex.name]}")
    return keys


def progressing(routine: Routine) -> bool:
    """Whether any exercise of `routine` has a progression (else nothing is read)."""
    return any(ex.progress is not None for ex in routine.exercises)


def dose_words(ex: Exercise, written: Exercise) -> str:
    """The dose in a person's words; another exercise (`then`) is named first."""
    if ex.name != written.name:
        return f"{ex.name}, {ex.dosage()}"
    return ex.dosage()


def short_words(ex: Exercise, written: Exercise) -> str:
    """The dose in a few characters: `6-4-2`, `3 x 8`, `hold 20 s`, `45 s`; another
    exercise (`then`) by its name."""
    if ex.name != written.name:
        return ex.name
    spec = written.progress
    if spec is not None and spec.add in ("hold", "duration"):
        seconds = format_seconds_short(ex.rep_seconds)
        return f"hold {seconds} s" if spec.add == "hold" else f"{seconds} s"
    if len(set(ex.reps)) == 1:
        return f"{ex.sets} x {ex.reps[0]}" if ex.sets > 1 else str(ex.reps[0])
    return "-".join(str(r) for r in ex.reps)


def starting(routine: Routine, stages: Mapping[str, Stage]) -> list[StartedStage]:
    """Each progressing exercise of `routine` at its stage in `stages` (missing: 0),
    clamped to what the file allows now."""
    found = []
    for index, (key, ex) in enumerate(zip(exercise_keys(routine), routine.exercises, strict=True)):
        if ex.progress is None:
            continue
        top = top_stage(ex)
        held = stages.get(key, Stage())
        stage = max(0, min(held.stage, top))
        grown = [dose_at(ex, s) for s in range(top + 1)]
        doses = tuple(dose_words(g, ex) for g in grown)
        short = tuple(short_words(g, ex) for g in grown)
        found.append(StartedStage(key, index, grown[stage].name, stage, ex.progress.every, top,
                                  doses, short, held.settled))  # fmt: skip
    return found


def staged(routine: Routine, started: list[StartedStage]) -> Routine:
    """`routine` with each exercise of `started` at its stage (the rest as written)."""
    if not any(s.stage for s in started):
        return routine
    exercises = list(routine.exercises)
    for s in started:
        if 0 <= s.exercise_index < len(exercises):
            exercises[s.exercise_index] = dose_at(exercises[s.exercise_index], s.stage)
    return routine._replace(exercises=tuple(exercises))


def todays_plan(
    entry: Valid, read: Callable[[], Mapping[str, Stage] | None]
) -> tuple[Plan, str | None]:
    """The plan of `entry` at today's stages (`read` from the store: None when it
    cannot be), and the JSON of those stages, which the session keeps; `entry`'s
    own plan and None when nothing in it progresses (then nothing is read: a
    workout's first frame waits for this)."""
    # Imported here: `today` and `plan status` read stages and need no plan (the
    # Plan dataclass brings `dataclasses`, a sixth of their time).
    from tui.core.plan import build_plan

    routine = entry.routine
    if not progressing(routine):
        return entry.plan, None
    started = starting(routine, read() or {})
    today = staged(routine, started)
    return (entry.plan if today is routine else build_plan(today)), stages_json(started)


def dose_today(started: Sequence[StartedStage], log: Sequence[LogEntry]) -> list[str]:
    """Each progressing exercise's dose today, in the words `show` uses (with units:
    reps, s), and the last change made and why (`Bird dog: 4-3-2 reps, tempo 2-8-2
    (was 3-2-1 reps, tempo 2-8-2): two settled sessions (step up)`), or that it is as
    written. The dose before a change is said in the same words, from its stage: the
    log keeps it short (`3-2-1`), and `today` listed `Pelvic tilt: 6, as written`
    with no unit beside `show`'s `6 reps, tempo 3-2-3` (found by a tester)."""
    lines = []
    for s in started:
        now = s.dose(s.stage)
        changes = [e for e in log if e.exercise == s.key and e.stage_after != e.stage_before]
        if not changes:
            lines.append(f"{s.key}: {now} (as written)")
            continue
        last = changes[-1]
        why = last.reason if last.rule in last.reason else f"{last.reason} ({last.rule})"
        lines.append(f"{s.key}: {now} (was {s.dose(last.stage_before)}): {why}")
    return lines

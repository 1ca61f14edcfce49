"""The back-care library: the nine programmes and the exercises they are made of.

This is health content, so the rules the sources insist on are checked here:
every routine and get-ready carries a caution, programmes start easy, and what
a summary promises about time is true.
"""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.doubles import FakeClock
from tui.core import paths
from tui.core.catalog import sources
from tui.core.engine.session import Session
from tui.core.plan import build_plan
from tui.core.present.view import build_view

PROGRAMMES = {
    "core-basics": "beginner",
    "strength-and-mobility": "beginner",
    "strength-and-stretch": "beginner",
    "daily-back-stretch": "beginner",
    "pilates-core": "beginner",
    "yoga-flexibility": "beginner",
    "light-strength": "intermediate",
    "gentle-start": "beginner",
    "big-three": "intermediate",
}
REQUIRED_EXERCISES = [
    "plank",
    "side-plank",
    "curl-up",
    "crunch",
    "glute-bridge",
    "russian-twist",
    "bicycle-crunch",
    "bird-dog",
    "dead-bug",
    "leg-raise",
    "pelvic-tilt",
    "knee-to-chest",
    "piriformis-stretch",
    "supine-twist",
    "cat-cow",
    "childs-pose",
    "downward-dog",
    "hamstring-stretch",
    "hip-flexor-stretch",
    "squat",
    "romanian-deadlift",
    "row",
]
WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}


def bundled(rid: str):
    ref = sources.find(rid)
    assert ref is not None and ref.origin == "bundled", rid
    return sources.load(ref)


def library_table() -> dict[str, dict]:
    return tomllib.loads(paths.bundled_exercises_file().read_text(encoding="utf-8"))


def test_all_nine_programmes_are_found_and_nothing_else():
    found = {ref.id for ref in sources.discover() if ref.origin == "bundled"}
    assert found == set(PROGRAMMES)


@pytest.mark.parametrize(("rid", "level"), PROGRAMMES.items())
def test_each_programme_starts_easy_and_carries_a_caution(rid, level):
    routine = bundled(rid)
    assert routine.level == level
    assert routine.caution and routine.summary
    assert all(ex.caution for ex in routine.exercises), "every get-ready shows a caution"


@pytest.mark.parametrize("rid", PROGRAMMES)
def test_the_time_a_summary_promises_is_true(rid):
    routine = bundled(rid)
    total = build_plan(routine).total_seconds / 60
    said = re.search(r"(?i)\b(\d+|" + "|".join(WORDS) + r")[ -]minutes?\b", routine.summary)
    if said is None:
        pytest.skip(f"{rid}'s summary names no time")
    promised = int(said.group(1)) if said.group(1).isdigit() else WORDS[said.group(1).lower()]
    assert abs(total - promised) <= max(1.0, 0.15 * promised), (rid, total, promised)


@pytest.mark.parametrize("rid", PROGRAMMES)
def test_each_programme_can_be_followed_to_the_end(rid):
    clock = FakeClock()
    session = Session(build_plan(bundled(rid)), clock)
    session.start()
    seen_cautions = set()
    while not session.finished:
        view = build_view(session)
        if view.kind == "prepare":
            assert view.caution, f"{rid}: get-ready for {view.exercise} shows no caution"
            seen_cautions.add(view.exercise)
        if session.step.self_paced:
            clock.advance(30)
            session.confirm()
        else:
            clock.advance(1)
            session.advance()
    assert not session.ended_early and seen_cautions


def test_the_library_holds_every_exercise_the_programmes_need():
    table = library_table()
    assert set(REQUIRED_EXERCISES) <= set(table)
    pilates = [eid for eid in table if eid.startswith("pilates-") or eid == "clam"]
    assert len(pilates) >= 3


@pytest.mark.parametrize("eid", sorted(library_table()))
def test_each_library_entry_is_complete(eid):
    entry = library_table()[eid]
    assert entry["name"] and entry["setup"]
    assert entry["kind"] in ("strength", "stability", "stretch", "mobility")
    assert entry["level"] in ("beginner", "intermediate", "advanced")
    assert entry["muscles"]
    assert len(entry["tips"]) >= 3
    assert all(len(tip) <= 80 for tip in entry["tips"]), "tips fit a terminal line"
    timing = [key for key in ("hold", "tempo", "duration", "self_paced") if key in entry]
    assert len(timing) == 1, "a sensible default timing"


def test_every_library_entry_is_used_or_named_in_the_readme():
    used = set()
    for rid in PROGRAMMES:
        text = (paths.bundled_routines_dir() / f"{rid}.toml").read_text(encoding="utf-8")
        used |= set(re.findall(r'use\s*=\s*"([^"]+)"', text))
    readme = paths.bundled_routines_dir().parent / "README.md"
    named = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    unused = [eid for eid in library_table() if eid not in used and f"`{eid}`" not in named]
    assert not unused

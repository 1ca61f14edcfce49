"""One record of the Free Exercise DB -> the fields of an exercise library entry.

The Free Exercise DB (public domain, github.com/yuhonas/free-exercise-db) gives
each exercise a name, a list of instructions, a level, muscles, a category and
a `force`. This module decides what an entry made from one looks like:

- `name`; `setup` from the first instruction; `tips` from the rest (whitespace
  tidied, long ones cut at a sentence end, "repeat for the recommended
  repetitions" and calorie counts left out, at most five); a sentence starting
  "Caution:" or "Warning:" becomes `caution`.
- `level`: beginner and intermediate as they are, expert -> advanced.
- `muscles`: the primary muscles, then the secondary ones.
- `kind` and timing from the category, and from the text where it says so
  ("Hold for 15 seconds", "for 20-30 seconds": the lower end of a range, since
  an imported exercise should start easy):
  stretching -> stretch, a hold (20 s unless the text says);
  strength and powerlifting -> strength, 8 reps at tempo 2-1-2, or a hold
  (10 s, 3 reps) for a static exercise such as a plank;
  olympic weightlifting, strongman, plyometrics -> strength, 5 self-paced reps
  (a fast or loaded lift cannot follow a slow tempo), or a timed effort where
  the text gives its seconds; cardio -> no kind, one minute of work unless
  the text gives its seconds.
- `sides = "both"` where the text says to switch sides or repeat on the other
  side; `"alternate"` where it alternates legs, arms or sides rep by rep (not
  within one timed or self-paced effort).
- `source = "free-exercise-db:<id>"`, which is also how a re-import knows it.

A record that cannot become an entry raises `Unusable` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

SOURCE_PREFIX = "free-exercise-db:"
CATEGORIES: dict[str, str | None] = {
    "stretching": "stretch",
    "strength": "strength",
    "powerlifting": "strength",
    "olympic weightlifting": "strength",
    "strongman": "strength",
    "plyometrics": "strength",
    "cardio": None,
}
LEVELS = {"beginner": "beginner", "intermediate": "intermediate", "expert": "advanced"}
EXPLOSIVE = ("olympic weightlifting", "strongman", "plyometrics")
MAX_TIPS = 5
MAX_TIP_CHARS = 200
#: The longest hold or timed effort taken from a text, in seconds.
MAX_TEXT_SECONDS = 120

_SECONDS = r"(\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*-?\s*sec(?:ond)?s?\b"
_TIMING_PHRASES = [
    re.compile(rf"\bfor\s+(?:about\s+|around\s+)?{_SECONDS}", re.I),
    re.compile(rf"\bafter\s+{_SECONDS}", re.I),
    re.compile(rf"\b(?:around|about)\s+{_SECONDS}", re.I),
    re.compile(rf"\b{_SECONDS}\s+(?:hold|stretch)\b", re.I),
]
_BOTH_SIDES = re.compile(
    r"\b(switch(?:ing)?\s+(?:sides|legs|arms|feet)|(?:the\s+)?other\s+(?:side|leg|arm|foot)"
    r"|opposite\s+side|each\s+(?:side|leg|arm))\b",
    re.I,
)
_ALTERNATE = re.compile(
    r"\balternat(?:e|ing)\b[^.]{0,30}?\b(?:legs?|arms?|sides?|feet|fashion)\b", re.I
)
_FILLER = re.compile(r"\brecommended\s+(?:amount|number)\b|\bcalories\b", re.I)
_CAUTION = re.compile(r"\b(?:caution|warning):\s*", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class Unusable(Exception):
    """Why a record cannot become an exercise entry."""


def source_of(record_id: str) -> str:
    return SOURCE_PREFIX + record_id


def tidy(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str) -> str:
    """Whole sentences up to MAX_TIP_CHARS (always at least the first sentence)."""
    if len(text) <= MAX_TIP_CHARS:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if kept and len(kept) + 1 + len(sentence) > MAX_TIP_CHARS:
            break
        kept = f"{kept} {sentence}".strip()
    return kept


def _split_caution(text: str) -> tuple[str, str]:
    """(the text without its caution sentences, the caution sentences)."""
    keep, caution = [], []
    for sentence in _SENTENCE_END.split(text):
        match = _CAUTION.match(sentence)
        if match:
            caution.append(sentence[match.end():])
        else:
            keep.append(sentence)
    return " ".join(keep), " ".join(caution)


def text_seconds(text: str) -> float | None:
    """The first number of seconds the text gives for a hold or an effort, if any."""
    found: list[tuple[int, float]] = []
    for phrase in _TIMING_PHRASES:
        match = phrase.search(text)
        if match:
            found.append((match.start(), float(match.group(1))))
    if not found:
        return None
    seconds = min(found)[1]
    return seconds if 0 < seconds <= MAX_TEXT_SECONDS else None


def sides_of(text: str) -> str | None:
    if _ALTERNATE.search(text):
        return "alternate"
    if _BOTH_SIDES.search(text):
        return "both"
    return None


def timing(category: str, force: Any, text: str) -> dict[str, Any]:
    """The timing keys (and reps) of an entry, from its category and its text."""
    seconds = text_seconds(text)
    if category == "stretching":
        hold = seconds or 20
        return {"reps": 1 if hold >= 10 else 5, "hold": _number(hold)}
    if category in EXPLOSIVE or category == "cardio":
        if seconds is not None:
            return {"reps": 1, "duration": _number(seconds)}
        if category == "cardio":
            return {"reps": 1, "duration": 60}
        return {"reps": 5, "self_paced": True}
    if force == "static":
        return {"reps": 3, "hold": _number(seconds or 10)}
    return {"reps": 8, "tempo": "2-1-2"}


def _number(seconds: float) -> int | float:
    return int(seconds) if float(seconds).is_integer() else seconds


def entry_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of the library entry made from a (checked) record, in file order."""
    instructions = [tidy(line) for line in record.get("instructions", []) if tidy(line)]
    if not instructions:
        raise Unusable("no instructions: there would be nothing to tell about how to do it")
    category = record["category"]
    cautions: list[str] = []
    setup, caution = _split_caution(instructions[0])
    cautions += [caution] if caution else []
    tips: list[str] = []
    for line in instructions[1:]:
        rest, caution = _split_caution(line)
        cautions += [caution] if caution else []
        if rest and not _FILLER.search(rest) and len(tips) < MAX_TIPS:
            tips.append(_shorten(rest))
    text = " ".join(instructions)
    fields: dict[str, Any] = {"name": tidy(record["name"])}
    kind = CATEGORIES[category]
    if kind:
        fields["kind"] = kind
    level = LEVELS.get(record.get("level") or "")
    if level:
        fields["level"] = level
    muscles = _muscles(record)
    if muscles:
        fields["muscles"] = muscles
    if setup:
        fields["setup"] = _shorten(setup) if len(setup) > 2 * MAX_TIP_CHARS else setup
    if tips:
        fields["tips"] = tips
    if cautions:
        fields["caution"] = " ".join(cautions)
    timed = timing(category, record.get("force"), text)
    sides = sides_of(text)
    if sides == "alternate" and ("duration" in timed or "self_paced" in timed):
        sides = None  # the legs alternate within one effort, not rep by rep
    if sides:
        fields["sides"] = sides
    fields.update(timed)
    fields["source"] = source_of(record["id"])
    return fields


def _muscles(record: Mapping[str, Any]) -> list[str]:
    muscles: list[str] = []
    for key in ("primaryMuscles", "secondaryMuscles"):
        for muscle in record.get(key) or []:
            if isinstance(muscle, str) and tidy(muscle) and tidy(muscle) not in muscles:
                muscles.append(tidy(muscle))
    return muscles

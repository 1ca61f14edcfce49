"""The summary's last word follows the zone of the worst pain given (issue 15,
found by a tester: at pain 3 the `!` dialog said "fine to carry on gently", then
the summary said "Something hurt today... see a professional")."""

from __future__ import annotations

import pytest

from tui.core.present import summary
from tui.core.present.pain import before_words
from tui.core.programme.zones import (
    BEFORE_RED,
    EASE_OFF_RED,
    HURT_AMBER,
    HURT_GREEN,
    HURT_UNKNOWN,
    CheckIn,
    Kind,
)
from tui.core.store.record import SessionRecord


def record(hurt: tuple[str, ...] = ()) -> SessionRecord:
    return SessionRecord(
        1, "care", "Care", "completed", 0.0, 600.0, 600.0, ("Bird dog", "Plank"), (), hurt
    )


def during(exercise: str, pain: int | None) -> CheckIn:
    return CheckIn(Kind.DURING, 10.0, pain=pain, exercise=exercise)


@pytest.mark.parametrize(
    ("hurt", "told", "after", "said"),
    [
        ((), (), None, summary.WELL_DONE),
        ((), (), 2, summary.WELL_DONE),
        ((), (), 4, HURT_AMBER),  # amber after: fine if it settles by the morning
        ((), (), 7, EASE_OFF_RED),
        (("Plank",), (during("Plank", 3),), None, HURT_GREEN),
        (("Plank",), (during("Plank", 3),), 1, HURT_GREEN),
        (("Plank",), (during("Plank", 5),), None, HURT_AMBER),
        (("Plank",), (during("Plank", 3),), 5, HURT_AMBER),  # the worst decides
        (("Plank",), (during("Plank", 6),), None, EASE_OFF_RED),
        (("Plank",), (during("Plank", 2),), 8, EASE_OFF_RED),
        (("Plank",), (), None, HURT_UNKNOWN),  # `!` with no pain given: conservative
        (("Plank", "Bird dog"), (during("Plank", 2),), None, HURT_UNKNOWN),
        (("Plank", "Bird dog"), (during("Plank", 7),), None, EASE_OFF_RED),  # red still first
    ],
)
def test_the_closing_follows_the_worst_zone(hurt, told, after, said):
    assert summary.closing(record(hurt), after, told=told) == said


def test_sharp_comes_before_any_zone():
    told = (during("Plank", 1),)
    assert summary.closing(record(("Plank",)), 0, sharp=True, told=told) == summary.SHARP_STOP


def test_the_green_words_say_what_the_bang_dialog_said_and_claim_nothing():
    assert "carry on gently" in HURT_GREEN and "professional" not in HURT_GREEN
    assert "tomorrow morning" in HURT_AMBER and "ease off" in HURT_AMBER
    assert "professional" in HURT_UNKNOWN


@pytest.mark.parametrize(
    ("pain", "said"),
    [
        (0, "Pain before: 0 (green), noted"),
        (5, "Pain before: 5 (amber), noted"),
        (6, f"Pain before: 6 (red), noted. {BEFORE_RED}"),
        (10, f"Pain before: 10 (red), noted. {BEFORE_RED}"),
    ],
)
def test_red_before_a_session_adds_one_conservative_sentence(pain, said):
    assert before_words(pain) == said

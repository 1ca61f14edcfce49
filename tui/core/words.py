"""Counted nouns in a person's words: "1 exercise", "3 exercises".

One helper, used everywhere a count is shown, because a hand-written
`f"{n} exercises"` said "1 exercises", "1 problems" and "1 steps" (issue 14).
English only: a noun's plural is the noun plus "s" unless one is given.
"""

from __future__ import annotations

__all__ = ["count", "minutes_count", "minutes_text"]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and `noun`, the noun plural unless `n` is exactly 1.

    >>> count(1, "exercise"), count(0, "exercise"), count(2, "body", "bodies")
    ('1 exercise', '0 exercises', '2 bodies')
    """
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def minutes_text(minutes: float) -> str:
    """Minutes as a whole number to read, "<1" for some but less than a minute: a few
    seconds of work read "0", as no work at all, beside a bar (found by a tester).
    Every place that shows minutes whole says them through this.

    >>> minutes_text(0), minutes_text(0.2), minutes_text(0.99), minutes_text(41.6)
    ('0', '<1', '<1', '42')
    """
    return "<1" if 0 < minutes < 1 else f"{minutes:.0f}"


def minutes_count(minutes: float) -> str:
    """`minutes_text` with its noun: "<1 minute", "1 minute", "42 minutes".

    >>> minutes_count(0.2), minutes_count(1.2), minutes_count(0)
    ('<1 minute', '1 minute', '0 minutes')
    """
    shown = minutes_text(minutes)
    return f"{shown} minute" if shown in ("<1", "1") else f"{shown} minutes"

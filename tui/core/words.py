"""Counted nouns in a person's words: "1 exercise", "3 exercises".

One helper, used everywhere a count is shown, because a hand-written
`f"{n} exercises"` said "1 exercises", "1 problems" and "1 steps" (issue 14).
English only: a noun's plural is the noun plus "s" unless one is given.
"""

from __future__ import annotations

__all__ = ["count"]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and `noun`, the noun plural unless `n` is exactly 1.

    >>> count(1, "exercise"), count(0, "exercise"), count(2, "body", "bodies")
    ('1 exercise', '0 exercises', '2 bodies')
    """
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"

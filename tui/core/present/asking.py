"""The words and keys of the pain questions (issue 15), shared by the screens.

One key each: pain is 0-9 and t for 10, so no answer needs Enter. Nothing is
imported here: the first get-ready's question is on a workout's first frame.
The keys that answer with the zones' words, and the table cells, are `pain`.
"""

from __future__ import annotations

ASK_BEFORE = "Back pain now? 0-9, t for 10, Enter skips"
ASK_PAIN_AFTER = "Back pain now? 0-9, t for 10, Enter skips"
ASK_EFFORT = "How hard was that? e easy, r about right, h hard, Enter skips"
ASK_NEXT_DAY = (
    "Your back this morning, compared with before yesterday's session: "
    "b better, s same, w worse (Enter dismisses)"
)


def pain_of_key(key: str) -> int | None:
    """The pain a key gives: "0".."9" as themselves, "t" for 10; None for any other."""
    if len(key) == 1 and key.isdigit():
        return int(key)
    return 10 if key == "t" else None


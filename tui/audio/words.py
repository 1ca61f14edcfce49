"""Numbers and durations as words, for speech: "six", "one minute thirty seconds"."""

from __future__ import annotations

ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """0..99 in words ("six", "thirty-five"); larger numbers as digits."""
    if 0 <= n < 20:
        return ONES[n]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    return str(n)


def duration_words(seconds: float) -> str:
    """`thirty seconds`, `one minute`, `one minute thirty seconds`."""
    total = int(seconds + 0.5)
    minutes, secs = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(f"{number_words(minutes)} minute{'s' if minutes != 1 else ''}")
    if secs or not minutes:
        parts.append(f"{number_words(secs)} second{'s' if secs != 1 else ''}")
    return " ".join(parts)

"""Argument types shared by several commands, kept light: `remind fire` starts
through the same parser and must stay within 1.2x of `check` (bench_remind.py)."""

from __future__ import annotations

import argparse


def weekdays(text: str) -> tuple[int, ...]:
    """`--days mon,wed,fri` -> (0, 2, 4) (`schedule.parse_days`); a word it does not
    know, or a day given twice (`mon,...,mon`, `wed,wednesday`), is argparse's usage
    error (exit 2), naming the word: a list typed twice over is more likely a slip
    than a wish (`plan start`, `plan days` and `remind set` all take it)."""
    from tui.core.programme.schedule import WEEKDAYS, parse_days

    try:
        days = parse_days(text)
        seen: dict[int, str] = {}
        for word in text.replace(",", " ").split():
            (day,) = parse_days(word)
            if day in seen:
                both = "" if word.lower() == seen[day].lower() else f" (as {seen[day]} and {word})"
                raise ValueError(f"{WEEKDAYS[day]} is given twice{both}; give each day once, "
                                 "such as mon,wed,fri")
            seen[day] = word
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return days

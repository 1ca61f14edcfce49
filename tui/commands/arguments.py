"""Argument types shared by several commands, kept light: `remind fire` starts
through the same parser and must stay within 1.2x of `check` (bench_remind.py)."""

from __future__ import annotations

import argparse


def weekdays(text: str) -> tuple[int, ...]:
    """`--days mon,wed,fri` -> (0, 2, 4) (`schedule.parse_days`); a word it does not
    know is argparse's usage error (exit 2), naming the word."""
    from tui.core.programme.schedule import parse_days

    try:
        return parse_days(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None

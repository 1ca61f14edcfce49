"""A person's words for what SQLite says when the session database cannot be used:
one line, and the likely cause first ("the disk is full (database or disk is
full)"). Kept apart from `schema` (which re-exports them) to keep it by its job.
"""

from __future__ import annotations

import sqlite3

__all__ = ["describe", "one_line"]


def one_line(text: str, limit: int = 160) -> str:
    """SQLite's text as part of one sentence: `quick_check` reports over several
    lines ("*** in database main ***\nPage 5: ..."), and can be long."""
    flat = " ".join(text.replace("***", " ").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def describe(exc: sqlite3.Error | OSError) -> str:
    """A person's words for why the database cannot be written (one line)."""
    text = one_line(str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc))
    lowered = text.lower()
    for needle, words in (
        ("readonly", "the file or its folder is read-only"),
        ("read-only", "the file or its folder is read-only"),
        ("permission", "permission denied"),
        ("full", "the disk is full"),
        ("no space", "the disk is full"),
        ("disk i/o", "a disk input/output error"),
        ("unable to open", "the file cannot be opened"),
        ("locked", "another spinewise is holding the database"),
        ("busy", "another spinewise is holding the database"),
    ):
        if needle in lowered:
            return f"{words} ({text})"
    return text

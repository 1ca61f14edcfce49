"""Ids made from names: lowercase letters, digits and hyphens."""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    """`"Evening stretch!"` -> `evening-stretch`; `"Ça va"` -> `ca-va`;
    `"World's best"` -> `worlds-best`; may be empty."""
    name = re.sub(r"(?<=\w)['’](?=\w)", "", name)
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")

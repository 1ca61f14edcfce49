"""`Store.each_session_json` and `Store.standalone_json`: the whole-history JSON
writers' way into the store, apart from `json_rows`, which holds how SQLite writes
the text. `Store` is defined on the way to a workout's first frame, and
`json_rows` (its templates, its NamedTuples) is needed only by `history --json`
and the JSON Lines export, so it is imported when one of them asks (1.9 M
instructions of the first frame, callgrind).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.store.json_rows import Style, Texts


class JsonRowMethods:
    """`Store.each_session_json` and `Store.standalone_json` (a mixin: `Store`
    supplies `_read`)."""

    if TYPE_CHECKING:

        def _read(self, read: Callable[[sqlite3.Connection], Any]) -> Any: ...

    def each_session_json(
        self,
        style: Style,
        dates: Callable[[float | None], str],
        page: int = 100,
        *,
        include_active: bool = False,
    ) -> Iterator[Texts]:
        """Every ended session (and the active one, if `include_active`), newest first,
        with its steps' and check-ins' text as `style` lays them out (dates by `dates`
        where SQLite cannot write them: `fill_in`), `page` sessions a read (each read
        handles damage and undecodable text as any read of the store). Memory holds
        one page: some 2 MB of text at 100 sessions of 58 steps."""
        from tui.core.store.json_rows import page_texts

        at = 0
        while True:

            def read(conn: sqlite3.Connection, at: int = at) -> list[Texts]:
                return page_texts(conn, style, dates, page, at, include_active=include_active)

            batch: list[Texts] = self._read(read)
            if not batch:
                return
            yield from batch
            at += len(batch)

    def standalone_json(
        self, dates: Callable[[float | None], str], style: Style | None = None
    ) -> list[str]:
        """The check-ins of no session, oldest first, as JSON Lines lines (with "\\n"),
        or, `INDENTED`, as items of `history --json`'s list (ASCII, no newline)."""
        from tui.core.store.json_rows import LINES, standalone_texts

        chosen = LINES if style is None else style
        lines: list[str] = self._read(lambda conn: standalone_texts(conn, chosen, dates))
        return lines

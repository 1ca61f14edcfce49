"""A TextArea for TOML: highlighted when tree-sitter can, with lines that have mistakes marked.

Highlighting needs the small `tree-sitter` and `tree-sitter-toml` packages
(dependencies of spinewise); the TOML grammar is registered with
`TextArea.register_language` and the query below. Without them the text is
plain and everything else works the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import TextArea

if TYPE_CHECKING:  # tree-sitter is imported when an editor opens, not at start
    from tree_sitter import Language

LANGUAGE = "toml"


def _toml_language() -> Language | None:
    """The tree-sitter TOML grammar, or None when it cannot be loaded here."""
    try:
        import tree_sitter_toml
        from tree_sitter import Language

        return Language(tree_sitter_toml.language())
    except Exception:  # not installed, or built for another tree-sitter
        return None


#: Which parts of the TOML syntax tree get which highlight (names the TextArea themes style).
HIGHLIGHT_QUERY = """
(comment) @comment
(bare_key) @yaml.field
(quoted_key) @yaml.field
(table (bare_key) @toml.type)
(table_array_element (bare_key) @toml.type)
(string) @string
(integer) @number
(float) @number
(boolean) @boolean
["=" "."] @operator
["[" "]" "[[" "]]" "{" "}"] @punctuation.bracket
"," @punctuation.delimiter
"""


class TomlEditor(TextArea):
    """The routine's text; `mark_lines` underlines the lines that have problems."""

    COMPONENT_CLASSES = {"toml-editor--problem-line"}

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(
            text,
            soft_wrap=False,
            tab_behavior="indent",
            show_line_numbers=True,
            highlight_cursor_line=True,
            **kwargs,
        )
        self.problem_lines: frozenset[int] = frozenset()
        language = _toml_language()
        if language is not None:
            try:
                self.register_language(LANGUAGE, language, HIGHLIGHT_QUERY)
                self.language = LANGUAGE
            except Exception:  # a grammar this query does not fit: plain text
                self.language = None

    @property
    def highlighted(self) -> bool:
        """True when the text is syntax highlighted."""
        return self.language == LANGUAGE

    def mark_lines(self, lines: Iterable[int]) -> None:
        """Mark these lines (counted from 1) as having problems."""
        marked = frozenset(lines)
        if marked != self.problem_lines:
            self.problem_lines = marked
            self.notify_style_update()  # drops the rendered lines TextArea keeps
            self.refresh()

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if line_index + 1 in self.problem_lines:
            line.stylize(self.get_component_rich_style("toml-editor--problem-line"))
            if not line.plain:
                line.append(" ", self.get_component_rich_style("toml-editor--problem-line"))
        return line

    def go_to(self, line: int, col: int = 1) -> None:
        """Put the cursor at a line and column (both from 1) and show it."""
        row = max(0, min(line - 1, self.document.line_count - 1))
        column = max(0, col - 1)
        self.move_cursor((row, column), center=True)
        self.focus()

"""The mistakes of the text being edited, by line; choosing one goes to it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.routine.problems import Problem


class ProblemList(OptionList):
    class Chosen(Message):
        """Go to this line and column (both from 1)."""

        def __init__(self, line: int, col: int) -> None:
            super().__init__()
            self.line = line
            self.col = col

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems: tuple[Problem, ...] = ()

    def show(self, problems: Sequence[Problem]) -> None:
        problems = tuple(problems)
        if problems == self.problems:
            return
        self.problems = problems
        self.clear_options()
        self.add_options(
            Option(Content(f"line {p.line}: {p.field}: {p.message}"), id=f"p{i}")
            for i, p in enumerate(problems)
        )
        self.display = bool(problems)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        problem = self.problems[event.option_index]
        self.post_message(self.Chosen(problem.line, problem.col))

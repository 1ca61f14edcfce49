"""The house rules, enforced: the core never imports Textual or Rich, and the
commands that are not the interface never import Textual (start-up matters).

Every module is found by walking the package, so a new one is covered at once.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tui.commands
import tui.core

CORE = sorted(m.name for m in pkgutil.iter_modules(tui.core.__path__, "tui.core."))
COMMANDS = [m.name for m in pkgutil.iter_modules(tui.commands.__path__, "tui.commands.")]
QUICK_COMMANDS = sorted(
    {*COMMANDS, "tui.cli"} - {"tui.commands.workout"}  # `workout` is the interface itself
)


def imported_roots(module: str) -> set[str]:
    code = (
        f"import sys, {module}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_walk_finds_the_modules():
    assert "tui.core.engine" in CORE and "tui.commands.check" in QUICK_COMMANDS


@pytest.mark.parametrize("module", CORE)
def test_core_imports_neither_textual_nor_rich(module: str):
    assert not imported_roots(module) & {"textual", "rich"}


@pytest.mark.parametrize("module", QUICK_COMMANDS)
def test_quick_commands_do_not_import_textual(module: str):
    assert "textual" not in imported_roots(module)

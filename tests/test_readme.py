"""What the README promises stays true: its example routine is valid, and
its two opening commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from tui.core.catalog import sources
from tui.core.plan import build_plan
from tui.core.routine.parse import parse_routine

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_example_routine_is_valid():
    [example] = re.findall(r"```toml\n(.*?)```", README, flags=re.S)
    routine = parse_routine(example, "README.md", sources.exercise_library())
    assert build_plan(routine).total_seconds > 0


def test_ci_runs_the_test_command_the_readme_gives():
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    install_and_test = blocks[1].strip()
    assert install_and_test.endswith("pytest")
    assert install_and_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

"""`today` and `plan status` start in at most 1.2x the time of `check` on one file
(issue 16; tests/bench/bench_today.py measures it). What they import decides most
of it: `dataclasses` alone (with `inspect`, `ast`, `dis`, `tokenize`) cost 42 M
instructions, a sixth of `today`, and took it to 1.24x of `check` (callgrind)
once `check` itself got cheaper. A whole run of each, with a plan started and a
session done, must load none of what `check` does without."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from tests.programme.helpers import ended
from tui.core.store.database import Store

#: What neither command needs (`check` loads none of these either; json: 5 M).
HEAVY = {"dataclasses", "inspect", "ast", "dis", "tokenize", "json", "textual", "rich"}

WHOLE_RUN = """
import sys
from tui.cli import main
code = main(sys.argv[1:])
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
sys.exit(code)
"""


def loaded(*argv: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", WHOLE_RUN, *argv], capture_output=True,
                         text=True, stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
    assert out.returncode in (0, 1), out.stderr
    return set(out.stderr.splitlines()[-1].split())


@pytest.fixture
def plan_followed(isolated_home):
    from tui.cli import main

    assert main(["plan", "start", "back-care-12-weeks"]) == 0
    began = datetime.now() - timedelta(days=9)
    with Store.open() as store:
        ended(store, "gentle-start", began)
    return isolated_home


@pytest.mark.parametrize("argv", [["today"], ["plan", "status"]], ids=" ".join)
def test_today_and_plan_status_load_nothing_heavy(plan_followed, argv):
    modules = loaded(*argv)
    assert "tui" in modules and not modules & HEAVY, modules & HEAVY

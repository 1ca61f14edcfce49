"""Standard output that cannot be written (`> /dev/full`) gives one line on
stderr and exit 1, never a traceback, for every command that prints, including
the interpreter's own flush at exit. Found by a tester: each ended with
`OSError: [Errno 28] No space left on device` and a full traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROUTINE = ROOT / "routines" / "core-basics.toml"

#: Every command that prints to standard output, as words after `spinewise`.
PRINTING = [
    ["list"], ["list", "--json"], ["show", "core-basics"], ["show", "--json", "core-basics"],
    ["history"], ["history", "--json"], ["today"], ["plan", "list"], ["plan", "status"],
    ["plan", "export", "--ics"], ["check", str(ROUTINE)], ["export", "gentle-start"],
    # argparse ignores a failed write of help and version: they exited 0, silent (a tester)
    ["--help"], ["--version"], ["check", "--help"], ["plan", "start", "-h"],
]

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def _spinewise(words: list[str], stdout: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", *words],
        stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        env=dict(os.environ), timeout=60, check=False,
    )



@pytest.mark.parametrize("words", PRINTING, ids=" ".join)
def test_a_full_output_is_one_line_and_exit_1(words: list[str]) -> None:
    with open("/dev/null", "w") as null:
        started = _spinewise(["plan", "start", "back-care-12-weeks"], null)
    assert started.returncode == 0, started.stderr
    with open("/dev/full", "w") as full:
        done = _spinewise(words, full)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "spinewise: cannot write the output: No space left on device\n"


def test_help_and_version_still_print_and_exit_0() -> None:
    for words in (["--help"], ["--version"], ["remind", "--help"]):
        done = _spinewise(words, subprocess.PIPE)
        assert done.returncode == 0 and done.stderr == ""
        assert done.stdout.startswith(("usage: spinewise", "spinewise "))
    assert _spinewise(["--version"], subprocess.PIPE).stdout.startswith("spinewise 0.")


def test_a_closed_pipe_is_still_a_quiet_success() -> None:
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)
    assert reader.stdin is not None
    done = _spinewise(["show", "--json", "core-basics"], reader.stdin)
    reader.stdin.close()
    reader.wait(timeout=30)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr

"""The wheel carries the routines and sounds, and the quick commands stay quick."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("spinewise-*.whl")
    return built


def test_the_wheel_ships_routines_sounds_styles_and_the_console_script(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/routines/exercises.toml" in names
    assert "tui/routines/gentle-start.toml" in names
    assert "tui/routines/plans/back-care-12-weeks.toml" in names
    assert "tui/routines/plan.schema.json" in names
    assert "tui/sounds/tick.wav" in names
    assert "tui/app.tcss" in names and "tui/toasts.tcss" in names
    screens = ("dialog", "editor", "routine_library", "split", "summary")
    assert {f"tui/screens/{name}.tcss" for name in screens} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "spinewise = tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_an_installed_wheel_finds_its_routines_outside_the_checkout(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {
        "PYTHONPATH": str(target),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_STATE_HOME": str(tmp_path / "s"),
    }
    # Run from an empty folder with the checkout out of sys.path; deps come from this venv.
    site = [p for p in sys.path if p.endswith("site-packages")]
    env["PYTHONPATH"] += ":" + ":".join(site)
    out = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            "import sys; sys.path[:0] = __import__('os').environ['PYTHONPATH'].split(':');"
            "import tui, tui.cli; assert 'site' in tui.__file__, tui.__file__;"
            "raise SystemExit(tui.cli.main(['show', 'big-three', '--json']))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    plan = json.loads(out.stdout)
    assert plan["name"] == "Big three" and plan["total_seconds"] > 0


@pytest.mark.parametrize(
    "argv", [["check", "routines"], ["show", "big-three"], ["list"], ["plan", "list"]]
)
def test_quick_commands_do_not_import_textual(argv: list[str]):
    code = (
        "import sys, io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({argv!r})\n"
        "assert code == 0, code\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr

"""What the benchmark scripts share: paths, a private home, the tmux driver, statistics.

The scripts are run as `python tests/bench/NAME.py` (not collected by pytest),
so this puts the repository root on `sys.path` to reuse the end-to-end helpers.
"""

from __future__ import annotations

import atexit
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.e2e.app import Spinewise  # noqa: E402

#: The installed console script of this venv.
SPINEWISE = Path(sys.executable).parent / "spinewise"


def private_home() -> Path:
    """Point every XDG folder (and HOME) at a new temporary folder, for this
    process and its children; a person's own routines and history stay out.
    The folder is removed when the script ends."""
    home = Path(tempfile.mkdtemp(prefix="spinewise-bench-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / sub).mkdir()
        os.environ[var] = str(home / sub)
    os.environ["HOME"] = str(home)
    config = home / "config" / "spinewise"
    config.mkdir()
    (config / "config.toml").write_text("notice_seen = true\n")  # no first-run notice
    return home


def spinewise_in_tmux(home: Path, name: str) -> Spinewise:
    """The installed spinewise in a tmux of its own (socket `name`), working in `home`."""
    if not SPINEWISE.exists():
        sys.exit(f"no spinewise console script beside {sys.executable}")
    workdir = home / name
    workdir.mkdir(exist_ok=True)
    return Spinewise(SPINEWISE, f"{name}-{os.getpid()}", workdir, os.environ)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between the nearest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:.2f}x (target <= {target}x: {'ok' if ratio <= target else 'MISSED'})"


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    took = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def interleaved(
    commands: Mapping[str, list[str]], runs: int, before: Callable[[str], None] | None = None
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU seconds of each named command, `runs` times each, taken in turn
    (one of each per round, so load on a shared machine falls on all alike);
    `before(name)`, if given, runs ahead of each timing. Returns (walls, cpus) by name."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if before is not None:
                before(name)
            gc.collect()
            took, cpu = timed(command)
            walls[name].append(took)
            cpus[name].append(cpu)
    return walls, cpus

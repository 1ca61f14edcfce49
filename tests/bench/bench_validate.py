"""Issue 2: how dear is validation, and how fast does `spinewise check` start?

1. Validating 1,000 routine files (varied copies of the bundled ones) against
   merely reading and parsing them with tomllib, in this process (target <= 3x).
2. `spinewise check FILE` start-up against `python -c "import rich.console,
   rich.table"`, median of 15 runs each, alternating (target <= 1.5x).

Run: python tests/bench/bench_validate.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from benchlib import ROOT, SPINEWISE, median, private_home, verdict

from tui.core.catalog.checking import check_path
from tui.core.catalog.sources import exercise_library

FILES = 1000
ROUNDS = 5
STARTS = 15
HOLD_FORMS = ("{n}", '"{n}s"', '"0:{n:02d}"', "{n}.0")


def vary(text: str, i: int) -> str:
    """A valid variation of a routine: its name, rep counts, hold spelling, tempo form."""
    text = re.sub(r'^name = "(.*)"', rf'name = "\1 {i}"', text, count=1, flags=re.M)
    text = re.sub(r"^reps = (\d+)$", lambda m: f"reps = {int(m[1]) + i % 3}", text, flags=re.M)
    form = HOLD_FORMS[i % len(HOLD_FORMS)]
    text = re.sub(
        r"^hold = (\d+)$", lambda m: "hold = " + form.format(n=int(m[1])), text, flags=re.M
    )
    if i % 2:
        text = re.sub(
            r'^tempo = "(\d+)-(\d+)-(\d+)"',
            lambda m: f"tempo = [{m[1]}, {m[2]}, {m[3]}]",
            text,
            flags=re.M,
        )
    return text


def write_files(folder: Path) -> list[Path]:
    sources = sorted(p for p in (ROOT / "routines").glob("*.toml") if p.name != "exercises.toml")
    texts = [p.read_text(encoding="utf-8") for p in sources]
    files = []
    for i in range(FILES):
        path = folder / f"routine-{i:04d}.toml"
        path.write_text(vary(texts[i % len(texts)], i), encoding="utf-8")
        files.append(path)
    return files


def parse_all(files: list[Path]) -> None:
    for path in files:
        tomllib.loads(path.read_text(encoding="utf-8"))


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def validation(files: list[Path]) -> float:
    library = exercise_library()
    problems = [p for path in files for p in check_path(path, library)]
    if problems:
        sys.exit(f"the generated files should be valid; first problem: {problems[0]}")
    parse, check = [], []
    for _ in range(ROUNDS):  # alternate, so a noisy neighbour hits both alike
        parse.append(timed(lambda: parse_all(files)))
        check.append(timed(lambda: [check_path(path, library) for path in files]))
    p, c = median(parse), median(check)
    print(
        f"validating {FILES} routine files: {c * 1000:.0f} ms; parsing them with tomllib: "
        f"{p * 1000:.0f} ms (median of {ROUNDS})"
    )
    print(f"  validation / parsing: {verdict(c / p, 3)}")
    return c / p


def start_up(sample: Path) -> float:
    commands = {
        "check": [str(SPINEWISE), "check", str(sample)],
        "rich": [sys.executable, "-c", "import rich.console, rich.table"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(STARTS):
        for name, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True)
            times[name].append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"{command} failed: {done.stderr.decode()}")
    check, rich = median(times["check"]), median(times["rich"])
    print(
        f"`spinewise check FILE` start-up: {check * 1000:.0f} ms; python importing rich.console "
        f"and rich.table: {rich * 1000:.0f} ms (median of {STARTS})"
    )
    print(f"  check / rich import: {verdict(check / rich, 1.5)}")
    return check / rich


def main() -> None:
    home = private_home()
    folder = home / "routines"
    folder.mkdir()
    files = write_files(folder)
    validation(files)
    start_up(files[0])


if __name__ == "__main__":
    main()

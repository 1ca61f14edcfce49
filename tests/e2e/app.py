"""`Spinewise`: the installed console script in a tmux terminal, and its database."""

from __future__ import annotations

import json
import math
import sqlite3
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.e2e.tmux import Terminal

TEMPO_ROUTINE = """\
name = "Tempo test"

[defaults]
prepare = 6

[[exercise]]
name = "Slow bridge"
reps = 4
tempo = "3-2-3"
phases = ["Lower", "Hold", "Raise"]
tips = ["Breathe out as you lift."]

[[exercise]]
name = "Side plank"
sides = "both"
hold = 10
reps = 2
rep_rest = 2
prepare = 3
"""


class Spinewise(Terminal):
    def __init__(self, script: Path, socket: str, workdir: Path, env: Mapping[str, str]) -> None:
        super().__init__(socket, workdir, env)
        self.script = script

    @property
    def db_path(self) -> Path:
        return Path(self.env["XDG_STATE_HOME"]) / "spinewise" / "spinewise.db"

    @property
    def config_dir(self) -> Path:
        return Path(self.env["XDG_CONFIG_HOME"]) / "spinewise"

    def run(self, *args: str, width: int = 100, height: int = 30) -> None:
        """`spinewise ARGS --sound off` in a fresh terminal (closing the last one)."""
        self.start([str(self.script), *args, "--sound", "off"], width=width, height=height)

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A command that needs no terminal (`show`, `check`...)."""
        return subprocess.run(
            [str(self.script), *args], env=self.env, capture_output=True, text=True, timeout=30
        )

    def plan(self, routine: str | Path) -> dict[str, Any]:
        done = self.command("show", str(routine), "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def write_routine(self, name: str = "tempo.toml", text: str = TEMPO_ROUTINE) -> Path:
        path = self.workdir / name
        path.write_text(text, encoding="utf-8")
        return path

    # -- the database, read only ---------------------------------------------------

    def sessions(self) -> list[dict[str, Any]]:
        """Every stored session, oldest first, with `snapshot` decoded."""
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=5)
        try:
            conn.row_factory = sqlite3.Row
            rows = [dict(row) for row in conn.execute("SELECT * FROM sessions ORDER BY id")]
            for row in rows:
                row["snapshot"] = json.loads(row["snapshot"])
                row["steps"] = conn.execute(
                    "SELECT COUNT(*) FROM steps WHERE session_id = ?", (row["id"],)
                ).fetchone()[0]
        finally:
            conn.close()
        return rows

    def active(self) -> dict[str, Any] | None:
        return next((row for row in self.sessions() if row["status"] == "active"), None)


def expected_screen(plan: dict[str, Any], snapshot: dict[str, Any]) -> tuple[str, int, int]:
    """(exercise, countdown, seconds left) the screen shows at a stored position."""
    index, elapsed = snapshot["index"], snapshot["elapsed"]
    step = plan["steps"][index]
    remaining = step["seconds"] + snapshot["extension"] - elapsed
    later = sum(s["seconds"] or 0 for s in plan["steps"][index + 1 :])
    return step["exercise"], math.ceil(remaining - 1e-9), round(remaining + later)

"""The house rules, enforced: the core never imports Textual or Rich, and the
commands that are not the interface never import Textual (start-up matters).

Every module is found by walking the packages and their sub-packages
(`pkgutil.walk_packages`), so a new or moved one is covered at once.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys

import pytest

import tui.commands
import tui.core
import tui.plain

CORE = sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core."))
COMMANDS = [m.name for m in pkgutil.walk_packages(tui.commands.__path__, "tui.commands.")]
PLAIN = [m.name for m in pkgutil.walk_packages(tui.plain.__path__, "tui.plain.")]
QUICK_COMMANDS = sorted(
    {*COMMANDS, *PLAIN, "tui.cli"} - {"tui.commands.workout"}  # `workout` is the interface
)


def imported_roots(module: str) -> set[str]:
    code = (
        f"import sys, {module}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_walk_finds_the_modules_in_sub_packages():
    assert {"tui.core.engine", "tui.core.engine.session", "tui.core.routine.parse"} <= set(CORE)
    assert "tui.commands.check" in QUICK_COMMANDS
    assert {"tui.plain.follow", "tui.plain.keys", "tui.plain.run"} <= set(QUICK_COMMANDS)


@pytest.mark.parametrize("module", CORE)
def test_core_imports_neither_textual_nor_rich(module: str):
    assert not imported_roots(module) & {"textual", "rich"}


@pytest.mark.parametrize("module", QUICK_COMMANDS)
def test_quick_commands_do_not_import_textual(module: str):
    assert "textual" not in imported_roots(module)


#: What the first frame of `spinewise run` does without: each is imported where
#: it is first used (the library, the summary, dialogs, history, sound players);
#: hashlib loads OpenSSL (some 3 ms of start-up, measured).
NOT_BEFORE_THE_FIRST_FRAME = {
    "hashlib",
    "tui.screens.routine_library",
    "tui.widgets.tall",  # the 7-row font: only where the terminal has room
    "tui.widgets.tallfont",
    "tui.screens.summary",
    "tui.screens.confirm",
    "tui.screens.history",
    "tui.screens.editor",
    "tui.screens.name_dialog",
    "tui.core.store.history",
    "tui.core.store.record",  # made as the session ends (the summary), or read by history
    "tui.core.present.summary",
    "tui.core.authoring.files",
    "tui.core.atomic",  # writing files (settings among them): rare, not at start-up
    "tui.audio.players",
    "tui.audio.voice",
    "tui.audio.probing",
    "tui.plain.run",  # --plain lines: never on the screen's way
    "tui.core.programme.zones",  # check-ins: read and written after the first frame
    "tui.core.programme.progression",  # progression is decided after a session
    "tui.core.store.stage_rows",
    "tui.core.present.next_time",
    "tui.core.engine.variants",  # swaps: made only when e or h is pressed
    "tui.core.routine.ladders",  # checked by spinewise check only
    "tui.core.store.json_rows",  # history --json and the JSON Lines export only
    "tui.screens.checkins",
    "plotext",  # charts: the History screen's Pain tab imports them when it opens
    "textual_plotext",
    "tui.widgets.chart_plot",
}

FIRST_FRAME = """
import asyncio, sys
from tui.app import SpinewiseApp

async def headless(self):
    async with self.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(self.screen).__name__ == "WorkoutScreen", self.screen
        print(" ".join(sorted(sys.modules)))

SpinewiseApp.run = lambda self, **kw: asyncio.run(headless(self))
SpinewiseApp._find_player = lambda self: None  # the players are found after the first frame
import tui.commands.workout
tui.commands.workout.screen_problem = lambda: None  # no terminal here: run_test draws none
tui.commands.workout.plain_reason = lambda: None  # ... and yet the screen, not plain lines
from tui.cli import main
sys.exit(main(["run", sys.argv[1], "--sound", "off"]))
"""


@pytest.mark.parametrize("routine", ["own", "gentle-start", "big-three"])  # big-three progresses
def test_the_first_frame_of_a_workout_loads_only_what_it_shows(
    routine: str, tmp_path, isolated_home
):
    config = isolated_home / "config" / "spinewise"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("notice_seen = true\n")  # no health notice first
    if routine == "own":
        routine = str(tmp_path / "own.toml")
        (tmp_path / "own.toml").write_text('name = "Own"\n[[exercise]]\nname = "Hold"\nhold = 5\n')
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, routine], capture_output=True, text=True, check=True
    )
    loaded = set(out.stdout.split())
    assert "tui.screens.workout" in loaded
    assert not loaded & NOT_BEFORE_THE_FIRST_FRAME


FIRST_FRAME_MODULES = """
import re, sys
compiled = []
compile = re.compile
def recorded(pattern, flags=0):
    if sys._getframe(1).f_globals.get("__name__", "").startswith("tui."):
        compiled.append(pattern)
    return compile(pattern, flags)
re.compile = recorded
import tui.commands.workout, tui.core.workout, tui.core.settings
print(compiled)
"""


def test_the_core_on_the_first_frame_s_way_compiles_no_pattern_at_import():
    """Each pattern is compiled where first used (`re` caches it): about 0.7 M
    instructions each, none of which a workout's first frame uses."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_MODULES], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


FIRST_FRAME_RECORDS = """
import sys, typing
import tui.app, tui.commands.workout
strings = {}
for name, module in sorted(sys.modules.items()):
    for value in vars(module).values() if name.startswith("tui.") else ():
        if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == name:
            refs = [f for f, kind in getattr(value, "__annotations__", {}).items()
                    if isinstance(kind, typing.ForwardRef)]
            if refs:
                strings[value.__qualname__] = refs
print(strings)
"""


def test_the_records_on_the_first_frame_s_way_are_typed_with_objects_not_strings():
    """typing compiles every string annotation of a NamedTuple (a ForwardRef, some
    0.1 M instructions a field), and `from __future__ import annotations` makes
    them all strings: the modules whose records a workout's first frame defines
    go without it (7.5 M instructions, callgrind). Left as strings: a forward
    reference each in `Plan` and `Exercise`, and the store's small records
    (their modules name many types imported only for the type checker)."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_RECORDS], capture_output=True, text=True, check=True
    )
    assert ast.literal_eval(out.stdout) == {
        "Plan": ["swaps"],
        "Exercise": ["progress"],
        "Tally": ["done", "skipped"],
        "ExerciseStats": ["exercise", "sessions", "skipped", "hurt", "worst_pain"],
        "Enrolment": ["id", "plan_id", "plan_path", "plan_name", "plan_text", "started_on",
                      "started_at", "days", "stopped_at"],
    }


PLAIN_WORKOUT = """
import sys
from tui.cli import main
code = main(["run", "gentle-start", "--plain", "--speed", "200", "--sound", "off"])
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
sys.exit(code)
"""


def test_a_whole_plain_workout_never_imports_textual_or_rich(isolated_home):
    config = isolated_home / "config" / "spinewise"
    config.mkdir(parents=True)
    (config / "config.toml").write_text("notice_seen = true\n")
    out = subprocess.run([sys.executable, "-c", PLAIN_WORKOUT], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, check=True, timeout=60)
    assert out.stdout.splitlines()[-5] == "Preview ended."  # at --speed: a preview (issue 14)
    loaded = set(out.stderr.splitlines()[-1].split())
    assert "tui" in loaded and not loaded & {"textual", "rich"}


HISTORY_TABS = """
import asyncio, sys
from datetime import date, datetime
from textual.app import App
from tui.core.programme.zones import CheckIn, Kind
from tui.core.store.database import Store
from tui.screens.history import history_screen

store = Store.open(":memory:")
started = datetime(2026, 3, 4, 8, 0).timestamp()
sid = store.begin("care", None, "Care", "x", 600.0, 1, {}, started)
store.add_checkin(CheckIn(Kind.BEFORE, started - 60, pain=3, session_id=sid))

class One(App[None]):
    def on_mount(self) -> None:
        self.push_screen(history_screen(store, today=date(2026, 3, 5)))

def charts() -> bool:
    return bool({"plotext", "textual_plotext"} & set(sys.modules))

async def main() -> None:
    app = One()
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen.append(charts())
        for key in ("2", "4", "1", "3"):  # Calendar, Exercises, Sessions, then Pain
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            seen.append(charts())
        seen.append(len(app.screen.query("#history-pain-chart")))
    print(seen)

asyncio.run(main())
"""


def test_plotext_comes_with_the_pain_tab_not_before():
    out = subprocess.run([sys.executable, "-c", HISTORY_TABS], capture_output=True, text=True,
                         check=True, timeout=60)  # fmt: skip
    # opened, Calendar, Exercises, Sessions: no plotext; Pain: plotext and its chart
    assert out.stdout.split("\n")[-2] == "[False, False, False, False, True, 1]"


#: The house's limit on a module's length (issue 12: "no module over 400 lines"):
#: past it, a module holds more than one job and is split by job, not squeezed.
MODULE_LINES_MAX = 400


def test_no_module_is_over_the_house_limit():
    from pathlib import Path

    package = Path(tui.core.__file__).parent.parent
    over = {
        str(path.relative_to(package.parent)): lines
        for path in sorted(package.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES_MAX
    }
    assert not over, f"over {MODULE_LINES_MAX} lines: {over}"

"""`spinewise edit ROUTINE`, end to end: EDITOR is a script, the answers come on stdin."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.authoring.helpers import VALID, own_routine
from tui.commands.edit import find_editor
from tui.core import paths

INVALID = VALID.replace("hold = 5", "holdd = 5")
FIXED = VALID.replace('name = "Quiet core"', 'name = "Quiet core, fixed"')


@pytest.fixture
def editor(tmp_path: Path):
    """An editor script that writes the given versions, one per time it is opened,
    and records the paths it was opened on."""

    def make(*versions: str) -> Path:
        for old in (*tmp_path.glob("version*.toml"), tmp_path / "count"):
            old.unlink(missing_ok=True)
        for number, text in enumerate(versions, start=1):
            (tmp_path / f"version{number}.toml").write_text(text)
        script = tmp_path / "fake-editor"
        script.write_text(
            "#!/bin/sh\n"
            f'cd "{tmp_path}"\n'
            "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count\n"
            'echo "$1" >> opened\n'
            'if [ -f "version$n.toml" ]; then cat "version$n.toml" > "$1"; fi\n'
        )
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        return script

    if sys.platform == "win32":
        pytest.skip("the fake editor is a shell script")
    return make


def spinewise_edit(routine: str, script: Path, answers: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "EDITOR": str(script)}
    env.pop("VISUAL", None)
    return subprocess.run(
        [sys.executable, "-m", "tui", "edit", routine],
        input=answers, capture_output=True, text=True, env=env, timeout=60,
    )


def backups(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob("*.bak"))


def test_a_valid_edit_is_kept_and_leaves_no_backup(editor):
    path = own_routine()
    result = spinewise_edit("quiet-core", editor(FIXED))
    assert result.returncode == 0, result.stderr
    assert "Saved" in result.stdout
    assert path.read_text() == FIXED
    assert backups(path) == []


def test_an_invalid_edit_then_edit_again_then_valid(editor, tmp_path):
    path = own_routine()
    result = spinewise_edit("quiet-core", editor(INVALID, FIXED), answers="e\n")
    assert result.returncode == 0, result.stderr
    assert f"{path}:9:1: exercise[1].holdd: unknown key; did you mean \"hold\"?" in result.stderr
    assert "[e]dit again, [k]eep anyway, or [d]iscard the change?" in result.stdout
    assert (tmp_path / "count").read_text().strip() == "2"
    assert path.read_text() == FIXED
    assert backups(path) == []


def test_an_invalid_edit_kept_anyway_keeps_the_backup(editor):
    path = own_routine()
    result = spinewise_edit("quiet-core", editor(INVALID), answers="k\n")
    assert result.returncode == 1
    assert path.read_text() == INVALID
    assert (path.parent / "quiet-core.toml.bak").read_text() == VALID
    assert "the version before is in" in result.stdout


def test_an_invalid_edit_discarded_puts_the_file_back(editor):
    path = own_routine()
    result = spinewise_edit("quiet-core", editor(INVALID), answers="what?\nd\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("[e]dit again") == 2  # a wrong answer asks again
    assert path.read_text() == VALID
    assert backups(path) == []


def test_with_no_answer_it_stops_and_keeps_the_backup(editor):
    path = own_routine()
    result = spinewise_edit("quiet-core", editor(INVALID), answers="")
    assert result.returncode == 1
    assert "No answer" in result.stdout
    assert path.read_text() == INVALID
    assert (path.parent / "quiet-core.toml.bak").read_text() == VALID


def test_answering_edit_forever_without_a_terminal_still_ends(editor, tmp_path):
    own_routine()
    result = spinewise_edit("quiet-core", editor(*[INVALID] * 10), answers="e\n" * 50)
    assert result.returncode == 1
    assert (tmp_path / "count").read_text().strip() == "5"


def test_an_earlier_backup_is_kept_until_the_routine_is_valid(editor):
    path = own_routine(text=INVALID)
    backup = path.parent / "quiet-core.toml.bak"
    backup.write_text(VALID)
    result = spinewise_edit("quiet-core", editor(INVALID.replace("reps = 4", "reps = 5")),
                            answers="d\n")
    assert result.returncode == 0
    assert "An earlier backup is kept" in result.stdout
    assert path.read_text() == INVALID  # as it was before this edit
    assert backup.read_text() == VALID  # still the good version
    result = spinewise_edit("quiet-core", editor(FIXED))
    assert result.returncode == 0
    assert backups(path) == []


def test_a_bundled_routine_is_copied_first_and_the_package_is_never_edited(editor, tmp_path):
    bundled = paths.bundled_routines_dir() / "gentle-start.toml"
    before = bundled.read_text()
    changed = before.replace('name = "Gentle start"', 'name = "My gentle start"')
    result = spinewise_edit("gentle-start", editor(changed))
    assert result.returncode == 0, result.stderr
    copy = paths.user_routines_dir() / "gentle-start.toml"
    assert f"gentle-start is a bundled routine: editing your own copy, {copy}" in result.stdout
    assert (tmp_path / "opened").read_text().strip() == str(copy)
    assert copy.read_text() == changed
    assert (copy.parent / "schema.json").is_file()
    assert bundled.read_text() == before


def test_a_bundled_routine_left_unchanged_leaves_no_copy(editor):
    result = spinewise_edit("gentle-start", editor())
    assert result.returncode == 0, result.stderr
    assert "the copy is removed" in result.stdout
    assert not (paths.user_routines_dir() / "gentle-start.toml").exists()


def test_a_bundled_copy_discarded_is_removed(editor):
    bundled = (paths.bundled_routines_dir() / "gentle-start.toml").read_text()
    result = spinewise_edit("gentle-start", editor(bundled + "\nholdd = 3\n"), answers="d\n")
    assert result.returncode == 0
    assert "removed the copy" in result.stdout
    assert list(paths.user_routines_dir().glob("gentle-start*")) == []


def test_an_unknown_routine_or_a_missing_editor_says_so(tmp_path):
    result = spinewise_edit("nope", tmp_path / "no-editor")
    assert result.returncode == 1 and "no routine 'nope'" in result.stderr
    path = own_routine()
    result = spinewise_edit("quiet-core", tmp_path / "no-editor")
    assert result.returncode == 1
    assert "cannot start the editor" in result.stderr
    assert path.read_text() == VALID and backups(path) == []


def test_the_editor_comes_from_visual_then_editor_then_a_fallback(monkeypatch):
    assert find_editor({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert find_editor({"EDITOR": "nano -w"}) == ["nano", "-w"]
    monkeypatch.setenv("PATH", "")
    assert find_editor({}) is None

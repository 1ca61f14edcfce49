"""Writing files safely, the edit backup, and watching files: the core, without the app."""

from __future__ import annotations

import os

import pytest

from tests.authoring.helpers import VALID, own_routine
from tui.core import atomic
from tui.core.atomic import write_atomic, write_new
from tui.core.authoring.draft import check_draft, preview
from tui.core.authoring.edit_round import EditRound
from tui.core.catalog import sources
from tui.core.catalog.watch import FileWatch

INVALID = VALID.replace("hold = 5", "holdd = 5")


def test_an_atomic_write_replaces_the_file_and_keeps_its_mode(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text("old")
    path.chmod(0o600)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.toml"
    path.write_text("old")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


def test_temporaries_of_a_killed_write_are_removed_by_the_next_write(tmp_path):
    """kill -9 during `library import` left its `.tmp` files for ever (issue 13)."""
    import signal
    import subprocess
    import sys
    import time

    child = subprocess.Popen([sys.executable, "-c", (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from tui.core import atomic\n"
        "atomic.os.replace = lambda *a: (print('written', flush=True), time.sleep(60))\n"
        f"atomic.write_atomic(Path({str(tmp_path / 'big.toml')!r}), 'x' * 700_000)\n"
    )], stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline() == "written\n"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    [left] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert left.name.startswith(f".big.toml.{child.pid}.") and left.stat().st_size == 700_000
    alive = tmp_path / f".other.toml.{os.getpid()}.abcd1234.tmp"  # a write going on now
    old_style = tmp_path / ".old.toml.abcd_123.tmp"  # before the pid was in the name
    kept = tmp_path / "notes.tmp"  # not ours
    for path in (alive, old_style, kept):
        path.write_text("")
    hour_ago = time.time() - 3700
    os.utime(old_style, (hour_ago, hour_ago))
    write_atomic(tmp_path / "small.toml", "y")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [alive.name, kept.name, "small.toml"]
    )


def test_write_new_never_overwrites(tmp_path):
    path = tmp_path / "sub" / "a.toml"
    write_new(path, "first")
    with pytest.raises(FileExistsError):
        write_new(path, "second")
    assert path.read_text() == "first"
    assert [p.name for p in path.parent.iterdir()] == ["a.toml"]


def test_an_editing_round_keeps_a_backup_until_the_file_is_valid():
    path = own_routine()
    editing = EditRound(path, sources.exercise_library())
    backup = path.parent / "quiet-core.toml.bak"
    assert backup.read_text() == VALID and editing.original_valid
    path.write_text(INVALID)
    assert editing.changed() and [p.field for p in editing.problems()] == ["exercise[1].holdd"]
    editing.discard()
    assert path.read_text() == VALID and not backup.exists()


def test_accepting_a_valid_edit_drops_the_backup():
    path = own_routine()
    editing = EditRound(path, sources.exercise_library())
    path.write_text(VALID.replace("reps = 4", "reps = 5"))
    assert editing.problems() == []
    editing.accept()
    assert not (path.parent / "quiet-core.toml.bak").exists()


def test_a_watch_sees_a_changed_a_new_and_a_removed_file(tmp_path):
    a = tmp_path / "a.toml"
    a.write_text("1")
    watch = FileWatch([a, tmp_path])
    assert watch.changed() == []
    a.write_text("22")
    assert watch.changed() == [a]
    assert watch.changed() == []
    (tmp_path / "b.toml").write_text("new")
    assert watch.changed() == [tmp_path]
    a.unlink()
    assert set(watch.changed()) == {a, tmp_path}


def test_a_watch_made_since_another_remembers_what_that_one_saw(tmp_path):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text("1")
    b.write_text("1")
    old = FileWatch([a])
    old.changed()  # the look that started a reload
    a.write_text("22")  # saved while the routines were read
    new = FileWatch([a, b], since=old)
    assert new.changed() == [a, b]  # a: changed after that look; b: not seen by it
    assert new.changed() == []


def test_an_atomic_save_is_seen_even_at_the_same_size_and_time(tmp_path):
    a = tmp_path / "a.toml"
    a.write_text("1")
    watch = FileWatch([a])
    stamp = a.stat()
    write_atomic(a, "2")
    os.utime(a, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert watch.changed() == [a]  # a new inode


def test_the_preview_of_a_draft():
    check = check_draft(VALID, "quiet-core.toml", sources.exercise_library())
    assert check.valid
    shown = preview(check.plan, steps=3)
    assert shown.headline == "Quiet core · 1:44 · 2 exercises · 14 steps"
    assert shown.exercises == ("1. Dead bug: 4 reps, hold 5 s",
                               "2. Bird dog: 4 reps, hold 8 s each side, alternating")
    assert shown.steps == (" 0:00  Get ready 10 s · Dead bug",
                           " 0:10  Dead bug · rep 1/4 · Hold 5 s",
                           " 0:15  Dead bug · rep 2/4 · Hold 5 s",
                           "… and 11 more steps")
    bad = check_draft(INVALID, "quiet-core.toml", sources.exercise_library())
    assert not bad.valid and bad.problem_lines == {9}

"""Every `-o FILE` follows one rule (`atomic.output_target`): a device, named pipe
or folder is never replaced; a symbolic link is written through to its target; the
folder must exist and be a folder; an existing file is kept unless --force.
Found by a tester: `history export -o /dev/full` (as root) replaced the device with
a regular file, and `-o link.csv` replaced the link."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.atomic import NotAFileError, write_atomic

#: Each command that writes a file a person names, as words before `-o FILE`.
COMMANDS = [["history", "export", "--format", "csv"], ["export", "big-three"]]


def _export(words: list[str], out: Path | str, *more: str) -> int:
    return main([*words, "-o", str(out), *more])


@pytest.mark.parametrize("words", COMMANDS)
def test_a_named_pipe_or_device_is_refused_and_left_as_it_was(
    words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert _export(words, fifo, "--force") == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert "is a named pipe, not a regular file; nothing written" in capsys.readouterr().err
    assert _export(words, "/dev/null", "--force") == 1
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert "a character device" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["fifo"]


@pytest.mark.parametrize("words", COMMANDS)
def test_a_link_is_written_through_to_its_target_and_kept(
    words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "real" / "out.txt"
    target.parent.mkdir()
    link = tmp_path / "link.txt"
    link.symlink_to(target)  # dangling: the target is made
    assert _export(words, link) == 0
    assert link.is_symlink() and target.read_text() != ""
    assert "link" in capsys.readouterr().err
    assert _export(words, link) == 1  # the target exists now: the same rule
    assert "exists already" in capsys.readouterr().err and link.is_symlink()
    target.write_text("old")
    assert _export(words, link, "--force") == 0
    assert link.is_symlink() and target.read_text() != "old"


@pytest.mark.parametrize("words", COMMANDS)
def test_the_folder_must_exist_and_be_a_folder(
    words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(words, tmp_path / "missing" / "out.csv") == 1
    assert f"the folder {tmp_path / 'missing'} does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()
    (tmp_path / "file").write_text("x")
    assert _export(words, tmp_path / "file" / "out.csv") == 1
    assert f"{tmp_path / 'file'} is not a folder; nothing written" in capsys.readouterr().err
    assert _export(words, tmp_path) == 1
    assert "folder" in capsys.readouterr().err


@pytest.mark.parametrize("words", COMMANDS)
def test_an_existing_file_is_kept_unless_forced(
    words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")
    assert _export(words, out) == 1
    assert out.read_text() == "old"
    assert "exists already; nothing written (add --force to replace it)" in (
        capsys.readouterr().err)
    assert _export(words, out, "--force") == 0 and out.read_text() != "old"


def test_every_o_says_the_rule_in_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    for words in (["history", "--help"], ["export", "--help"]):
        with pytest.raises(SystemExit):
            main(words)
        text = " ".join(capsys.readouterr().out.split())
        assert "kept unless --force" in text and "written through" in text


def test_write_atomic_never_replaces_what_is_not_a_file_and_writes_links_through(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(NotAFileError):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    target = tmp_path / "settings.toml"
    target.write_text("old")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert write_atomic(link, "new") == target
    assert link.is_symlink() and target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "link.toml", "settings.toml"]

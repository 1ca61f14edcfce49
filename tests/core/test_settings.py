"""config.toml: defaults, round trip, broken files, atomic writes."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tui.core import atomic as atomic_module
from tui.core.paths import config_file
from tui.core.settings import Settings, load_settings, save_settings, updated


@pytest.fixture(autouse=True)
def isolated_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))


def write(text: str) -> Path:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_no_file_means_the_defaults(tmp_path: Path):
    assert config_file().is_relative_to(tmp_path)
    loaded = load_settings()
    assert loaded == Settings()
    assert (loaded.sound, loaded.voice, loaded.notice_seen) == ("auto", False, False)
    assert loaded.warnings == ()


def test_round_trip_creates_the_folder():
    chosen = Settings(sound="bell", voice=True, notice_seen=True, checkins="after")
    path = save_settings(chosen)
    assert path == config_file()
    assert load_settings() == chosen
    assert tomllib.loads(path.read_text()) == {
        "sound": "bell", "voice": True, "notice_seen": True, "checkins": "after",
    }


def test_a_file_that_is_not_toml_gives_the_defaults_and_a_warning_with_its_place():
    path = write('sound = "bell"\nvoice = yes please\n')
    loaded = load_settings()
    assert loaded == Settings()
    (warning,) = loaded.warnings
    assert warning.startswith(f"{path}:2:9: ")
    assert warning.endswith("; using the defaults")


def test_a_bad_value_names_file_line_and_key_and_keeps_the_other_keys():
    path = write('# mine\nvoice = true\nsound = "loud"\nnotice_seen = 1\n')
    loaded = load_settings()
    assert (loaded.sound, loaded.voice, loaded.notice_seen) == ("auto", True, False)
    assert loaded.warnings == (
        f'{path}:3:1: sound: must be one of auto, beep, bell, off, not "loud"; using "auto"',
        f"{path}:4:1: notice_seen: must be true or false, not 1; using false",
    )


def test_checkins_must_be_one_of_the_modes():
    path = write('checkins = "sometimes"\n')
    loaded = load_settings()
    assert loaded.checkins == "before-after"
    assert loaded.warnings == (
        f'{path}:1:1: checkins: must be one of before-after, after, off, not "sometimes"; '
        'using "before-after"',
    )


def test_unknown_keys_are_kept_when_saving():
    write('sound = "off"\ntheme = "nord"\n[future]\nx = 1\n')
    loaded = load_settings()
    assert loaded.sound == "off" and loaded.warnings == ()
    save_settings(updated(loaded, voice=True))
    assert tomllib.loads(config_file().read_text()) == {
        "sound": "off", "voice": True, "notice_seen": False, "checkins": "before-after",
        "theme": "nord", "future": {"x": 1},
    }


def test_an_unreadable_file_is_a_warning_not_a_traceback():
    path = config_file()
    path.mkdir(parents=True)  # a folder where the file should be
    loaded = load_settings()
    assert loaded == Settings()
    assert loaded.warnings == (f"{path}:1:1: file: is a folder, not a file; using the defaults",)


def test_a_fifo_or_a_huge_file_is_a_warning_and_never_blocks():
    path = config_file()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert load_settings().warnings == (
        f"{path}:1:1: file: is a FIFO, not a regular file; using the defaults",
    )
    path.unlink()
    path.write_text("# " + "x" * 2_000_000 + "\n")
    assert load_settings().warnings == (
        f"{path}:1:1: file: is larger than the size limit of 1 MB; using the defaults",
    )


def test_saving_is_atomic_and_leaves_no_temporary_file():
    path = write('sound = "bell"\n')
    os.chmod(path, 0o640)
    save_settings(Settings(sound="off"))
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]
    assert path.stat().st_mode & 0o777 == 0o640
    assert load_settings().sound == "off"


def test_a_failed_save_keeps_the_old_file_and_cleans_up(monkeypatch: pytest.MonkeyPatch):
    path = write('sound = "bell"\n')

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic_module.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_settings(Settings(sound="off"))
    assert path.read_text() == 'sound = "bell"\n'
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]


BROKEN = 'voice = true\ncheckins = "after"\n\n# mine\ncheckins = "off"\n'


def test_a_file_not_read_whole_is_never_written_over():
    """Found by a tester: a duplicate key made spinewise save the defaults (and its
    sound notice) over the person's file. It is refused, naming the place to fix."""
    from tui.core.settings import ConfigUnreadable

    path = write(BROKEN)
    loaded = load_settings()
    assert loaded.unreadable == f"{path}:5:17"
    for change in ({"sound_notice": "No sound player"}, {"checkins": "off"}, {}):
        with pytest.raises(ConfigUnreadable) as refused:
            save_settings(updated(loaded, **change))
        assert str(refused.value) == (
            f"it can't be saved until the error at {path}:5:17 is fixed "
            "(nothing in the file was changed)"
        )
    assert path.read_text() == BROKEN


def test_a_wrong_value_is_written_back_as_it_was_when_another_key_is_saved():
    path = write('checkins = "sometimes"\nsound = "loud"\n')
    loaded = load_settings()
    assert loaded.checkins == "before-after"  # used for now
    save_settings(updated(loaded, voice=True))
    written = tomllib.loads(path.read_text())
    assert (written["checkins"], written["sound"], written["voice"]) == ("sometimes", "loud", True)
    # the person's own change of that key replaces it
    save_settings(updated(load_settings(), checkins="off"))
    written = tomllib.loads(path.read_text())
    assert (written["checkins"], written["sound"]) == ("off", "loud")


def test_the_sound_notice_never_rewrites_a_broken_file():
    from tui.audio.setup import SoundSetup

    path = write(BROKEN)
    said: list[str] = []
    setup = SoundSetup(object(), load_settings())  # type: ignore[arg-type]
    setup._say_once("No working sound player: the terminal bell instead", said.append)
    setup.remember_notice_seen()
    assert said and path.read_text() == BROKEN

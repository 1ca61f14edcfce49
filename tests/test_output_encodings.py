"""Output that the terminal cannot encode is replaced, never a UnicodeEncodeError: a
routine named "Café 🧘" under PYTHONIOENCODING=ascii (or a Latin-1 terminal) used to
crash `list` and `show` (issue 13, kind 6). Every command, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.core.store_writes import played_and_stored
from tui.core import paths

ROUTINE = 'name = "Café 🧘"\n[[exercise]]\nname = "Étirement 🧘"\nhold = 5\n'
BROKEN = 'name = "Thé"\nlevel = "débutant"\n[[exercise]]\nname = "Ça"\nhold = 5\n'


def spinewise(*args: str, encoding: str = "ascii") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True,
                          timeout=60, env=env)


@pytest.fixture
def own_routines():
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cafe.toml").write_text(ROUTINE, encoding="utf-8")
    (folder / "the.toml").write_text(BROKEN, encoding="utf-8")
    return folder


def a_session_of_cafe() -> None:
    def play(session, clock):
        events = session.start()
        clock.advance(20)
        return events + session.advance()

    played_and_stored("cafe", "cafe.toml", ROUTINE, 1, play)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_list_show_check_and_history_print_what_cannot_be_encoded_as_replaced(
    own_routines, encoding
):
    a_session_of_cafe()
    runs = {
        "list": spinewise("list", encoding=encoding),
        "show": spinewise("show", "cafe", encoding=encoding),
        "history": spinewise("history", encoding=encoding),
        "check": spinewise("check", str(own_routines / "the.toml"), encoding=encoding),
        "unknown": spinewise("show", "thé-🧘", encoding=encoding),
    }
    for name, run in runs.items():
        assert b"Traceback" not in run.stderr, (name, run.stderr.decode(encoding))
        assert b"UnicodeEncodeError" not in run.stderr
    assert runs["list"].returncode == 0 and b"Caf" in runs["list"].stdout
    assert runs["show"].returncode == 0 and b"tirement ?" in runs["show"].stdout
    assert runs["history"].returncode == 0 and b"Caf" in runs["history"].stdout
    # problems go to standard error with escapes, so what was written can still be read
    assert runs["check"].returncode == 1
    written = b"d\\xe9butant" if encoding == "ascii" else "débutant".encode(encoding)
    assert b'got "' + written + b'"' in runs["check"].stderr
    assert runs["unknown"].returncode == 1 and b"no routine" in runs["unknown"].stderr
    if encoding == "ascii":
        assert b"Caf? ?" in runs["list"].stdout
    else:
        assert "Café ?".encode("latin-1") in runs["list"].stdout


def test_json_output_stays_exact_whatever_the_encoding(own_routines):
    shown = spinewise("show", "--json", "cafe")
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["name"] == "Café 🧘"
    listed = spinewise("list", "--json")
    assert "Café 🧘" in {row["name"] for row in json.loads(listed.stdout)}

"""`main` parses with a parser of one command; it must read words as the whole one does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.cli import COMMANDS, build_parser, main

EXAMPLES = [
    ["run", "gentle-start", "--speed", "4", "--sound", "off", "--discard"],
    ["run", "my.toml", "--cue-log", "cues.jsonl", "--no-voice"],
    ["resume", "--voice"],
    ["run", "core-basics", "--plain", "--speed", "20"],
    ["resume", "--plain"],
    ["show", "big-three", "--format", "markdown"],
    ["list", "--json"],
    ["show", "big-three"],
    ["show", "big-three", "--as-written", "--json"],
    ["progress", "big-three", "--reset", "Bird dog"],
    ["progress", "big-three"],
    ["history"],
    ["checkin", "4", "--vs", "better", "--effort", "right", "--note", "stiff"],
    ["check", "a.toml", "routines/"],
    ["today"],
    ["plan", "start", "back-care-12-weeks", "--days", "mon,wed,fri", "--replace"],
    ["new", "Evening stretch", "--from", "gentle-start"],
    ["edit", "gentle-start"],
    ["export", "big-three", "-o", "b3.toml", "--force"],
    ["import", "b3.toml", "--as", "my-three", "--replace"],
    ["remind", "set", "07:30", "--days", "mon,wed,fri"],
    ["library", "import", "exercises.json", "--category", "stretching", "--id", "Cat_Stretch"],
    ["serve", "--host", "0.0.0.0", "--port", "0", "--open", "--token", "t0k", "--sound", "off"],
]


def test_every_command_has_an_example():
    assert {words[0] for words in EXAMPLES} == set(COMMANDS)


@pytest.mark.parametrize("words", EXAMPLES, ids=lambda words: words[0])
def test_one_command_parses_as_the_whole_command_line(words: list[str]):
    whole = build_parser().parse_args(words)
    alone = build_parser(words[0]).parse_args(words)
    assert vars(alone) == vars(whole)


@pytest.mark.parametrize(
    "words",
    [["run"], ["run", "x", "--speed", "0"], ["check"], ["show", "x", "--bogus"]],
    ids=" ".join,
)
def test_mistakes_are_told_as_the_whole_command_line_tells_them(words, capsys):
    with pytest.raises(SystemExit) as whole:
        build_parser().parse_args(words)
    expected = capsys.readouterr().err
    with pytest.raises(SystemExit) as alone:
        main(words)
    assert alone.value.code == whole.value.code == 2
    assert capsys.readouterr().err == expected


def test_the_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)


ONLY_ONE = """
import contextlib, io, sys
from tui.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(code, " ".join(sorted(m for m in sys.modules if m.startswith("tui.commands."))))
"""


@pytest.mark.parametrize(
    ("words", "modules"),
    [
        (["list", "--json"], {"tui.commands.list_routines", "tui.commands.plain"}),
        (["show", "big-three", "--json"],
         {"tui.commands.show", "tui.commands.common", "tui.commands.plain"}),
        (["check", "no-such.toml"], {"tui.commands.check"}),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else "",
)
def test_main_imports_only_the_command_asked_for(words, modules, isolated_home):
    out = subprocess.run(
        [sys.executable, "-c", ONLY_ONE, *words], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) in (0, 1)
    assert set(out[1:]) == modules


#: Each workout option (the common options), as words and the value it sets.
COMMON = [
    (["--sound", "off"], "sound", "off"),
    (["--voice"], "voice", True),
    (["--no-voice"], "voice", False),
    (["--speed", "4"], "speed", 4.0),
]
#: The commands that take the workout options after their name too.
TAKES_COMMON = [["run", "gentle-start"], ["resume"], ["serve"]]


@pytest.mark.parametrize(("option", "field", "value"), COMMON, ids=lambda v: str(v))
@pytest.mark.parametrize("words", TAKES_COMMON, ids=lambda words: words[0])
def test_a_workout_option_works_before_and_after_the_command(words, option, field, value):
    """Found by a tester: `spinewise --sound off run X` played sound, as the sub-command's
    defaults were set over the top level's value."""
    for line in ([*option, *words], [*words, *option]):
        for parser in (build_parser(), build_parser(words[0])):
            assert getattr(parser.parse_args(line), field) == value, line
    defaults = build_parser().parse_args(words)
    assert (defaults.sound, defaults.voice, defaults.speed) == (None, None, 1.0)


def test_after_the_command_wins_when_an_option_is_given_twice():
    args = build_parser().parse_args(["--sound", "off", "--speed", "2", "run", "x",
                                      "--sound", "beep"])
    assert (args.sound, args.speed) == ("beep", 2.0)


def test_main_builds_only_the_command_named_after_workout_options(monkeypatch):
    built: list[str | None] = []
    real = build_parser

    def spy(only: str | None = None):
        built.append(only)
        return real(only)

    monkeypatch.setattr("tui.cli.build_parser", spy)
    with pytest.raises(SystemExit):
        main(["--sound", "off", "--speed", "2", "check"])  # no PATH: a usage error
    assert built == ["check"]

"""`spinewise show ROUTINE --format text|markdown|json`: a printable handout.

The Markdown of every bundled routine is parsed back with a Markdown library
(markdown-it-py, which Rich already brings) and must name the routine and
every exercise, in order, as headings; punctuation in names survives."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from tui.cli import main
from tui.core.catalog import sources
from tui.core.plan import build_plan

BUNDLED = sorted(ref.id for ref in sources.discover() if ref.origin == "bundled")


def headings(markdown: str) -> list[tuple[str, str]]:
    """(tag, text) of every heading, as a Markdown reader sees them."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            text = "".join(child.content for child in inline.children or [])
            found.append((token.tag, text))
    return found


def show(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(["show", *words]) == 0
    return capsys.readouterr().out


def test_every_bundled_routine_is_covered():
    assert len(BUNDLED) >= 9 and "gentle-start" in BUNDLED


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_the_markdown_handout_renders_and_names_every_exercise(routine_id, capsys):
    markdown = show(capsys, routine_id, "--format", "markdown")
    routine = sources.load(sources.find(routine_id))
    html = MarkdownIt("commonmark").render(markdown)
    assert "<h1>" in html and "<li>" in html
    expected = [("h1", routine.name)] + [
        ("h2", f"{n}. {exercise.name}") for n, exercise in enumerate(routine.exercises, 1)
    ]
    assert headings(markdown) == expected
    for exercise in routine.exercises:
        assert exercise.dosage().split(",")[0] in markdown
    if routine.caution:
        assert "Caution:" in markdown


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_the_text_handout_names_every_exercise_with_dosage_and_time(routine_id, capsys):
    text = show(capsys, routine_id, "--format", "text")
    plan = build_plan(sources.load(sources.find(routine_id)))
    lines = text.splitlines()
    assert lines[0] == plan.name
    for n, exercise in enumerate(plan.routine.exercises, 1):
        at = lines.index(f"{n}. {exercise.name}")
        assert lines[at + 1] == f"   Dosage: {exercise.dosage()}"
        assert lines[at + 2].startswith("   Time: ")
    assert "\x1b" not in text


def test_an_exercise_time_counts_its_get_ready_work_and_rests(capsys):
    text = show(capsys, "gentle-start", "--format", "text")
    plan = build_plan(sources.load(sources.find("gentle-start")))
    breathing = sum(s.seconds or 0 for s in plan.steps if s.exercise_index == 0)
    assert breathing == 60  # 10 s to get ready, 5 reps of 4 + 6 s
    assert "1. Belly breathing\n   Dosage: 5 reps, tempo 4-6\n   Time: 1:00\n" in text
    assert f"Total: 6 exercises, {4}:{58}" in text


def test_punctuation_in_names_survives_markdown(tmp_path, capsys):
    own = tmp_path / "own.toml"
    own.write_text(
        'name = "Back *care* [1] #2"\nsummary = "- not a list"\n'
        '[[exercise]]\nname = "Hold_it <now>"\nhold = 5\ntips = ["1. not a list either"]\n'
    )
    markdown = show(capsys, str(own), "--format", "markdown")
    assert headings(markdown) == [("h1", "Back *care* [1] #2"), ("h2", "1. Hold_it <now>")]
    html = MarkdownIt("commonmark").render(markdown)
    assert "<p>- not a list</p>" in html
    assert "<li>1. not a list either</li>" in html


def test_format_json_is_json(capsys):
    as_json = show(capsys, "big-three", "--json")
    assert show(capsys, "big-three", "--format", "json") == as_json
    assert json.loads(as_json)["name"] == "Big three"


def test_json_and_another_format_together_is_wrong_usage(capsys):
    assert main(["show", "big-three", "--json", "--format", "markdown"]) == 2
    assert "--json and --format markdown" in capsys.readouterr().err

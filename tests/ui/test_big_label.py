"""Tests for the 3-row big font and the BigLabel widget."""

from __future__ import annotations

import string

import pytest
from textual.app import App, ComposeResult

from tui.widgets.big_label import BigLabel
from tui.widgets.bigfont import GLYPHS, HEIGHT, UNKNOWN, big_width, glyph_for, render_big

PHASES = ["LOWER", "HOLD", "RAISE", "REST", "GET READY", "INHALE COW", "REACH"]


# --- font ---------------------------------------------------------------------


@pytest.mark.parametrize("char", string.ascii_uppercase + string.digits)
def test_font_has_glyph_for_letters_and_digits(char: str) -> None:
    assert char in GLYPHS
    assert glyph_for(char) is not UNKNOWN
    assert glyph_for(char.lower()) == glyph_for(char)


@pytest.mark.parametrize("char", sorted(GLYPHS))
def test_every_glyph_is_three_rows_of_equal_width(char: str) -> None:
    rows = GLYPHS[char]
    assert len(rows) == HEIGHT
    widths = {len(row) for row in rows}
    assert len(widths) == 1, (char, rows)
    assert 1 <= widths.pop() <= 5


@pytest.mark.parametrize("char", string.ascii_uppercase + string.digits)
def test_letters_and_digits_are_not_blank(char: str) -> None:
    assert "".join(GLYPHS[char]).strip()


def test_punctuation_present() -> None:
    for char in " -':.!?":
        assert char in GLYPHS


@pytest.mark.parametrize(
    "text",
    [*PHASES, "", "a", "Child's pose", "01:30", "Cat-cow!", "ok?", "Café", "x~y", "ß"],
)
def test_render_big_width_matches_big_width(text: str) -> None:
    lines = render_big(text)
    assert len(lines) == HEIGHT
    assert [len(line) for line in lines] == [big_width(text)] * HEIGHT


def test_render_big_is_case_insensitive_with_one_column_gap() -> None:
    assert render_big("hold") == render_big("HOLD")
    h, o = GLYPHS["H"], GLYPHS["O"]
    assert render_big("HO") == [h[row] + " " + o[row] for row in range(HEIGHT)]


def test_unknown_characters_become_a_small_dot() -> None:
    assert glyph_for("~") == UNKNOWN
    assert render_big("~") == list(UNKNOWN)
    # Accents are folded onto the base letter rather than dropped.
    assert glyph_for("é") == GLYPHS["E"]


def test_digits_match_textual_digits() -> None:
    from textual.renderables.digits import DIGITS, DIGITS3X3

    for digit in string.digits:
        pos = DIGITS.index(digit) * 3
        expected = tuple(DIGITS3X3[pos + row].ljust(3) for row in range(HEIGHT))
        assert GLYPHS[digit] == expected, digit


# --- widget -------------------------------------------------------------------


class BigLabelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield BigLabel("hold", id="short")
        yield BigLabel("get ready", id="long")


def shown(widget: BigLabel) -> list[str]:
    """The rendered text lines of a widget (trailing spaces stripped)."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def test_lines_for_width_decides_the_form() -> None:
    label = BigLabel("Get ready")
    width = big_width("GET READY")
    assert label.fits(width)
    assert label.lines_for_width(width) == render_big("GET READY")
    assert not label.fits(width - 1)
    assert label.lines_for_width(width - 1) == ["GET READY"]


async def test_big_form_when_wide_and_fallback_when_narrow() -> None:
    app = BigLabelApp()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        short = app.query_one("#short", BigLabel)
        long = app.query_one("#long", BigLabel)

        # 40 columns: both fit, each drawn as 3 centred rows of the big font.
        assert short.is_big and long.is_big
        assert short.size.height == 3
        lines = shown(short)
        expected = render_big("HOLD")
        pad = (40 - big_width("HOLD")) // 2
        assert lines == [(" " * pad + row).rstrip() for row in expected]

        # 20 columns: "GET READY" (34 wide) no longer fits -> one bold line, centred.
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        assert short.is_big  # "HOLD" is 15 wide, still fits
        assert not long.is_big
        assert long.size.height == 1
        assert [line.strip() for line in shown(long)] == ["GET READY"]
        assert shown(long)[0].startswith(" ")  # centred, not flush left
        text_segments = [seg for seg in long.render_line(0) if seg.text.strip()]
        assert text_segments
        assert all(seg.style is not None and seg.style.bold for seg in text_segments)

        # Back to wide: big form again.
        await pilot.resize_terminal(40, 6)
        await pilot.pause()
        assert long.is_big
        assert shown(long) == [
            (" " * ((40 - big_width("GET READY")) // 2) + row).rstrip()
            for row in render_big("GET READY")
        ]


async def test_changing_text_switches_form() -> None:
    app = BigLabelApp()
    async with app.run_test(size=(40, 6)) as pilot:
        label = app.query_one("#short", BigLabel)
        label.text = "breathe out slowly"  # far wider than 40 in the big font
        await pilot.pause()
        assert not label.is_big
        assert [line.strip() for line in shown(label)] == ["BREATHE OUT SLOWLY"]
        label.update("rest")
        await pilot.pause()
        assert label.is_big
        assert [line.strip() for line in shown(label)] == [r.strip() for r in render_big("REST")]

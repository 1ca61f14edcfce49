"""The History screen's calendar (`present.calendar`): a row a weekday, a column a
week, this week last and highlighted; days shaded by minutes, red days in red
and marked `!` (so they read without colour)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.core.present.calendar import RED_MARK, SHADE_STEP, SHADES, Day

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def grid_text(rows: list[list[Day]]) -> Text:
    text = Text()
    if not rows or not rows[0]:
        return text
    text.append("     ")
    for day in rows[0]:
        text.append(f"{day.day:%d} ", style="dim")
    text.append("\n")
    for name, row in zip(WEEKDAYS, rows, strict=True):
        text.append(f"{name}  ")
        for day in row:
            style = "bold red" if day.red else "green" if day.minutes > 0 else "dim"
            if day.this_week:
                style += " on grey23"
            text.append(day.cell, style=style)
            text.append(" ")
        text.append("\n")
    step = int(SHADE_STEP)
    text.append("\n" + "  ".join(
        f"{shade} {label}" for shade, label in zip(SHADES, (
            "none", f"under {step} min", f"under {2 * step}", f"under {3 * step}",
            f"{3 * step} or more"), strict=True)
    ), style="dim")  # fmt: skip
    text.append("\n")
    text.append(f"█{RED_MARK}", style="bold red")
    text.append(" pain of 6 or more that day", style="dim")
    return text


class DayGrid(Static):
    """Shows `grid_text` of the rows given (none until they are read)."""

    def show_days(self, rows: list[list[Day]]) -> None:
        self.update(grid_text(rows))

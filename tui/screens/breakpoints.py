"""A screen's breakpoint classes (`-narrow`, `-short`...), known before it mounts.

Textual sets them on a screen's first resize, after its widgets are mounted
and styled, and then styles every widget again. A screen that takes them
while it composes is styled once, and draws its first frame sooner.
"""

from __future__ import annotations

from textual.app import App


def breakpoint_classes(app: App[object]) -> dict[str, bool]:
    """Each breakpoint class of the app, and whether its current size is in it
    (as Textual decides: the largest breakpoint not above the size)."""
    width, height = app.size
    classes: dict[str, bool] = {}
    for size, breakpoints in (
        (width, app.HORIZONTAL_BREAKPOINTS or []),
        (height, app.VERTICAL_BREAKPOINTS or []),
    ):
        reached = [(at, name) for at, name in breakpoints if size >= at]
        chosen = max(reached)[1] if reached else None
        classes.update({name: name == chosen for _, name in breakpoints})
    return classes

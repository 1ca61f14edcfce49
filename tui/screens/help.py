"""`?`: the keys, and how to do less."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
[b]Keys during a workout[/b]

  [b]space[/b]  pause / carry on
  [b]n[/b]      next step          [b]N[/b]  next exercise
  [b]p[/b]      restart this step; in its first 2 s, the one before
  [b]+[/b]      10 more seconds of rest
  [b]Enter[/b]  a self-paced set is done
  [b]![/b]      this hurts: pauses and asks how bad (0-9, t for 10);
         then carry on, skip, try easier, or end
  [b]0-9[/b] [b]t[/b]  first get-ready: pain now (t for 10); Enter skips
  [b]e[/b] / [b]h[/b]  easier / harder version, for the rest of the session
  [b]m[/b]      mute / unmute sounds
  [b]q[/b]      quit; the session is kept: [b]spinewise resume[/b]
  [b]ctrl+p[/b] any routine, history, sound and voice

Move slowly and stop anything that causes sharp, shooting or radiating pain.
This is general exercise guidance, not medical advice.

Press Escape or ? to close."""


#: Said above the keys when opening help paused the workout.
PAUSED = "[b]Paused[/b] while this is open; closing it carries on.\n"


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, *, paused: bool = False) -> None:
        """`paused`: opening help paused the workout (and closing it carries on)."""
        super().__init__()
        self.paused = paused

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="dialog -info"):
            if self.paused:
                yield Static(PAUSED, id="help-paused")
            yield Static(HELP)

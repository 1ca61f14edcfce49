"""The commented starter routine `spinewise new` writes: a small lesson in the format.

It is a valid routine as written (a test runs it through the validator), so a
person can run it straight away and change it one line at a time.
"""

from __future__ import annotations

import tomli_w

SCHEMA_LINE = "#:schema ./schema.json"

_TEMPLATE = """\
{schema_line}

# {title}: your own routine, in TOML.
# Lines starting with # are comments. Every key is described in ROUTINE_FORMAT.md;
# editors with Taplo (VS Code: "Even Better TOML") complete keys from the schema above.
# After a change:  spinewise check {id}   then   spinewise run {id}

format = 1
{name_line}
summary = "What this routine is for, in a sentence or two."
level = "beginner"                 # beginner | intermediate | advanced
tags = ["stretch", "core"]         # free words for filtering in the library
caution = "Stop any exercise that causes sharp or radiating pain."

[defaults]                         # for every exercise; an exercise may give its own
prepare = 10                       # get-ready countdown before each exercise, in seconds
rest = 20                          # rest between two sets of one exercise
switch = 5                         # pause between the left and the right side

# An exercise from the library: its name, setup, tips and timing come with it.
[[exercise]]
use = "cat-cow"

# A library exercise with your own dosage: keys written here win.
[[exercise]]
use = "knee-to-chest"
sides = "both"                     # every rep on the left, a switch, then the right
reps = 2
hold = "20s"                       # one rep is one hold: 20, "20s", "1m" or "1:30"

# An exercise of your own: a name and exactly one timing
# (hold, tempo, duration or self_paced = true).
[[exercise]]
name = "Pelvic tilt"
setup = "Lie on your back, knees bent, feet flat and hip-width apart."
tips = ["Press the lower back gently into the floor.", "Breathe out as you tilt."]
sets = 2
reps = 8
tempo = "3-2-3"                    # seconds of each phase of one rep
phases = ["Tilt", "Hold", "Release"]
rest = 15                          # this exercise's own rest between its sets

# A timed flow at your own pace, to finish.
[[exercise]]
use = "breathing"
reps = 1
duration = "1m"                    # replaces the library's tempo: one minute of work
"""


def name_line(name: str) -> str:
    """`name = "..."`, quoted the way TOML needs whatever the name holds."""
    return tomli_w.dumps({"name": name}).strip()


def starter_text(name: str, routine_id: str) -> str:
    """The starter routine called `name`, saved as `routine_id`.toml."""
    title = " ".join(name.split())
    return _TEMPLATE.format(
        schema_line=SCHEMA_LINE, title=title, id=routine_id, name_line=name_line(name)
    )

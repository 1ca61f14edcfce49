"""The routine format: TOML text to a validated `Routine`, or every problem with line and column.

`source` reads and parses the text, `positions` finds where each key was written,
`problems` carries what went wrong, `durations`, `validators` and `fields` check
each value, `exercise_library` reads `exercises.toml`, `models` holds the
validated shapes, `parse` puts them together, and `schema` writes the JSON
schemas editors read.
"""

"""A workout followed as plain lines (`--plain`): for screen readers, braille
displays, pipes and logs. No Textual here (import-linter and
tests/test_boundaries.py hold that); the text itself is `tui/core/present/plain.py`."""

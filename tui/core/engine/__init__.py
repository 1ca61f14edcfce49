"""The workout engine: a `Session` follows a `Plan` on an injected `Clock`.

`clock` (time sources), `states` (the one transition table), `events` (what
happened, for cues and the step log), `session` (position, remaining time,
pause and skip, computed from deadlines) and `snapshot` (what is saved to
resume exactly).
"""

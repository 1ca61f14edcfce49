"""The SQLite database in `$XDG_STATE_HOME/spinewise/`: its schema and migrations
(`schema`), the one active session (`active`), the step log (`step_log`), the
record of past sessions (`history`) and the `Store` that opens it (`database`).
"""

"""The programme over weeks: how a session's dose is judged (`zones`)."""

"""Free Exercise DB records (`fedb`) turned into exercise-library entries (`exercise_import`)."""

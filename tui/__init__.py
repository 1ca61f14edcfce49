"""spinewise: a terminal guided-workout timer for back care."""

__version__ = "0.1.0"

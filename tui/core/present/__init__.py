"""What screens and commands show, computed without I/O: view models and text."""

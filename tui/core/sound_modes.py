"""The ways cues can be played (`--sound`, `config.toml`), with what each means.

A module of its own, importing nothing: the command line reads it at start-up."""

SOUND_MODES: dict[str, str] = {
    "auto": "A sound player found on this machine, else the terminal bell",
    "beep": "A sound player only",
    "bell": "The terminal bell only",
    "off": "No sound",
}

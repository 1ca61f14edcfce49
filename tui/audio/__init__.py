"""Sound cues and spoken guidance, driven by engine events. No Textual here.

- `players`: play a cue (`sounds/<cue>.wav`) without blocking; `choose_player`.
- `voice`: speak through espeak-ng / espeak / spd-say / say; `choose_voice`.
- `cues`: pure mapping from events to cues and spoken text.
- `dispatcher`: `CueDispatcher.handle(events)`, mute, and the cue log.
"""

from .cues import Priority, cues_for, select_cues, select_speech, speech_for
from .dispatcher import CueDispatcher, monotonic_to_epoch
from .players import (
    SOUND_MODES,
    BellPlayer,
    CuePlayer,
    NullPlayer,
    Player,
    RecordingPlayer,
    SystemPlayer,
    choose_player,
)
from .voice import RecordingVoice, Speaker, Voice, choose_voice

__all__ = [
    "SOUND_MODES",
    "BellPlayer",
    "CueDispatcher",
    "CuePlayer",
    "NullPlayer",
    "Player",
    "Priority",
    "RecordingPlayer",
    "RecordingVoice",
    "Speaker",
    "SystemPlayer",
    "Voice",
    "choose_player",
    "choose_voice",
    "cues_for",
    "monotonic_to_epoch",
    "select_cues",
    "select_speech",
    "speech_for",
]

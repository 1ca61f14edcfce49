"""Sound cues and spoken guidance, driven by engine events. No Textual here.

- `players`: play a cue (`sounds/<cue>.wav`) without blocking; `choose_player`.
- `voice`: speak through espeak-ng / espeak / spd-say / say; `choose_voice`.
- `cues`: pure mapping from events to cues and spoken text.
- `dispatcher`: `CueDispatcher.handle(events)`, mute, and the cue log.
- `setup`: the person's sound and voice choice, applied and remembered.

Import the module you need: each one loads only what it uses.
"""

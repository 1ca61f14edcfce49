"""Writing a file so that it is either the old version or the new one, never half.

The new bytes go to a temporary file in the same folder, are flushed and
fsynced, take the old file's permissions, and replace it with one rename;
then the folder is fsynced so the rename itself survives a power cut.

The temporary name carries the writer's process id (`.NAME.PID.XXXXXXXX.tmp`):
a `kill -9` during `library import` left ~700 KB `.tmp` files that nothing
removed (issue 13). Each write first removes the temporaries in its folder
whose process is gone (and those of the older, pid-less name once an hour old).

A rename replaces whatever has the name: `history export -o /dev/full` (as root)
replaced the device with a file, and `-o link.csv` the link. So a write never
replaces what is not a regular file, and goes through a symbolic link to its
target, as editors do (`write_atomic`). `output_target` is the one rule for every
`-o FILE` a person names: what is there, and the folder, are checked first.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

#: A temporary file of ours: `.NAME.PID.XXXXXXXX.tmp` (before, `.NAME.XXXXXXXX.tmp`).
_TEMP = re.compile(r"^\..+?\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}\.tmp$")
#: A pid-less temporary this old (seconds) is stale: no write takes an hour.
_STALE_AFTER = 3600.0


class NotAFileError(OSError):
    """What is at a path is not a regular file (a device, a pipe, a socket, a folder):
    it is never replaced. `str()` is the sentence to show."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not a regular file"


def _kind(mode: int) -> str:
    """A file type in words ('a folder', 'a character device', ...)."""
    for test, words in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return words
    return "not a regular file"


def real_target(path: Path) -> Path:
    """`path`, or the file its symbolic links lead to (the link kept, the target
    written, as editors do); a dangling link leads to where its target would be."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def output_target(path: Path, *, force: bool) -> Path:
    """The file to write for a person's `-o FILE`: `path`, or its symbolic link's
    target. The one rule for every command that writes a file someone names:

    - a folder, device, named pipe or socket is never replaced;
    - the folder must exist already (none is created) and be a folder;
    - an existing file is replaced only with `force` (`--force`).

    Raises NotAFileError, or FileExistsError / FileNotFoundError /
    NotADirectoryError, each with a sentence ending "nothing written".
    """
    target = real_target(path)
    via = f" (the link {path} leads to {target})" if target != Path(path) else ""
    parent = target.parent
    if not parent.exists():
        raise FileNotFoundError(f"the folder {parent} does not exist{via}; nothing written "
                                "(create it first)")
    if not parent.is_dir():
        raise NotADirectoryError(f"{parent} is not a folder{via}; nothing written")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(mode):
        raise NotAFileError(f"{target} is {_kind(mode)}, not a regular file{via}; "
                            "nothing written")
    if not force:
        raise FileExistsError(f"{target} exists already{via}; nothing written "
                              "(add --force to replace it)")
    return target


def _refuse_special(path: Path) -> None:
    """NotAFileError when something other than a regular file is at `path`."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotAFileError(f"{path} is {_kind(mode)}, not a regular file; nothing written")


def write_atomic(
    path: Path, data: bytes | str | Iterable[str], *, durable: bool = True
) -> Path:
    """Replace `path` with `data` (text is written as UTF-8; pieces of text as they
    come, so a large export is never held whole); returns the path written.

    A symbolic link is written through: its target is replaced and the link kept
    (the target's path is returned). The folder is created when missing. Only a
    regular file is ever replaced: NotAFileError (an OSError) for a folder, device,
    named pipe or socket, nothing written. The new file keeps the old file's
    permissions (0o644 for a new one). On any failure the old file is left as it
    was and the temporary file is removed. With `durable=False` nothing is
    fsynced: the file is still never half-written, but a power cut may bring the
    old one back (for a small memo such as `remind.json`, where the two fsyncs
    were most of the time `remind fire` took on a busy disk).
    """
    path = real_target(Path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    _refuse_special(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    remove_stale_temporaries(path.parent)
    fd, temp = _new_temporary(path)
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                for piece in data:
                    out.write(piece.encode("utf-8"))
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.chmod(temp, mode)
        _refuse_special(path)  # appeared since: still never replaced
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)
    return path


def _new_temporary(path: Path) -> tuple[int, str]:
    """A new file `.NAME.PID.XXXXXXXX.tmp` beside `path`, opened for writing (mode 0o600).

    As `tempfile.mkstemp` makes it, without importing tempfile: it brings shutil and
    random (and through them bz2, lzma and hashlib), some 4 ms of `remind fire`'s
    start-up, measured.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, flags, 0o600), str(temp)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporaries `write_atomic` left in `folder` when its process
    died (`kill -9`, a power cut); the paths removed. Never raises."""
    removed: list[Path] = []
    try:
        names = [entry for entry in os.scandir(folder) if entry.name.endswith(".tmp")]
    except OSError:
        return removed
    now = time.time() if now is None else now
    for entry in names:
        match = _TEMP.match(entry.name)
        if match is None:
            continue
        pid = match.group("pid")
        try:
            stale = (
                _process_gone(int(pid))
                if pid
                else now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
            )
            if stale and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except (OSError, ValueError):
            continue  # gone already, or not ours to remove
    return removed


def _process_gone(pid: int) -> bool:
    """Whether no process `pid` exists (on Windows `os.kill` would end it: never asked)."""
    if pid <= 0 or pid == os.getpid() or sys.platform == "win32":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):
        return False
    return False


def fsync_dir(folder: Path) -> None:
    """Make a rename or removal in `folder` durable (a no-op where it cannot be done)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes | str) -> Path:
    """Create `path` with `data`, all at once; FileExistsError if it exists already.

    The bytes are written and fsynced under a temporary name, then linked to
    `path` (a link, unlike a rename, never replaces a file that is there).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise FileExistsError(str(path))
    temp = path.with_name(f".{path.name}.new")
    write_atomic(temp, data)
    try:
        os.link(temp, path)
    except (AttributeError, NotImplementedError, PermissionError):  # no hard links here
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return path

"""Writing a file so that it is either the old version or the new one, never half.

The new bytes go to a temporary file in the same folder, are flushed and
fsynced, take the old file's permissions, and replace it with one rename;
then the folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Replace `path` with `data` (text is written as UTF-8); returns the path.

    The folder is created when missing. The new file keeps the old file's
    permissions (0o644 for a new one). On any failure the old file is left as it was
    and the temporary file is removed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return path


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

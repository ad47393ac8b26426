"""Files written whole or not at all: a temporary file beside the target, flushed to the disk,
renamed over it, and the rename itself made durable. A crash, a kill or a full disk leaves
either the old file or the new one, never half of one. Settings, plans and the imported packs'
state all save this way.

The temporary file is named `.<target name>.<random>.tmp`, so whoever cleans up after a killed
save can recognise its own leftovers.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, make_folder: bool = False) -> None:
    """Writes `data` to `path` atomically; the new file keeps the mode of the one it replaces.
    `make_folder`: create the missing folders first (a first save into the user's folders)."""
    folder = path.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        give_file_mode(fd, path)
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def give_file_mode(fd: int, path: Path) -> None:
    """The temporary file gets the mode of the file it replaces, or that of a new file
    (mkstemp makes it private to the user, which a plan shared on a PC should not be)."""
    if os.name == "nt":
        return
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    try:
        os.fchmod(fd, mode)
    except OSError:
        pass  # a FAT USB stick has no modes


def fsync_folder(folder: Path) -> None:
    """Makes a rename in `folder` durable (POSIX). Windows cannot open a folder: the rename is
    enough there."""
    if os.name != "posix":
        return
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

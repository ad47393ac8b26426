"""What the kit created in an index's place, and what it did not.

A build never removes what it did not make. Its destination must be nothing, an empty
folder, an empty file or a kit index (`check_destination`); anything else is refused with a
message, before anything is written. Every folder a build creates carries a marker file
(`MARKER_FILE`, holding the builder's process id while it builds): by its name pattern
(`.index.building-*`, `.index.old-*`), its marker and its files-only content, a killed
build's leftover is recognised and removed at the next start (`clean_leftovers`), unless its
builder still runs.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import re
import shutil
from pathlib import Path

from mediation_kit.core.i18n import _

META_FILE = "mediation-kit-index.json"
# Written first into every folder a build creates: what makes a leftover the kit's own.
MARKER_FILE = ".mediation-kit-index"


class IndexBuildError(Exception):
    """The index could not be built (the message names the folder and the problem)."""


class DestinationError(IndexBuildError):
    """The destination holds something that is not a kit index; nothing was touched."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def write_marker(folder: Path, building: bool = True) -> None:
    """Marks `folder` as the kit's; while `building`, with this process's id (a finished
    index carries no id, so that two builds of the same packs give the same files)."""
    content = {"pid": os.getpid()} if building else {}
    try:
        (folder / MARKER_FILE).write_text(json.dumps(content), encoding="utf-8")
    except OSError:
        pass  # a read-only index is left as it is (META_FILE still names it the kit's)


def is_kit_index(folder: Path) -> bool:
    """True for a folder the kit made: its marker or metadata file, and files only."""
    folder = Path(folder)
    if folder.is_symlink() or not folder.is_dir():
        return False
    try:
        entries = list(folder.iterdir())
    except OSError:
        return False
    names = {p.name for p in entries}
    if not names & {MARKER_FILE, META_FILE}:
        return False
    return all(p.is_file() and not p.is_symlink() for p in entries)


def check_destination(output_dir: Path) -> Path:
    """The folder a build may replace at `output_dir` (a symbolic link to a folder gives the
    folder). Raises DestinationError, touching nothing, when something there is not the kit's:
    a non-empty folder that is not a kit index, a file with content, a dangling link."""
    output_dir = Path(output_dir)
    if output_dir.is_symlink():
        if not output_dir.exists():
            raise DestinationError(_("{path} is a link to {target}, which does not exist.")
                                   .format(path=output_dir, target=os.readlink(output_dir)),
                                   output_dir)
        real = output_dir.resolve()
        if not real.is_dir():
            raise DestinationError(_("{path} is a link to a file, not to a folder.")
                                   .format(path=output_dir), output_dir)
        return check_destination(real)
    if not os.path.lexists(output_dir):
        return output_dir
    if output_dir.is_dir():
        try:
            empty = not any(output_dir.iterdir())
        except OSError as error:
            raise DestinationError(_("{path} cannot be read: {error}").format(
                path=output_dir, error=error.strerror or error), output_dir) from error
        if empty or is_kit_index(output_dir):
            return output_dir
        raise DestinationError(_(
            "{path} is not empty and is not a search index of the kit (it has no {meta}): "
            "nothing was written, so that none of its files is lost. Choose a new or empty "
            "folder.").format(path=output_dir, meta=META_FILE), output_dir)
    if output_dir.is_file() and output_dir.stat().st_size == 0:
        return output_dir  # an empty file holds nothing to lose
    raise DestinationError(_("{path} is a file, not an index folder: nothing was written.")
                           .format(path=output_dir), output_dir)


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:building|old)-[0-9a-f]{8}")


def clean_leftovers(index_dir: Path) -> list[Path]:
    """Removes what killed builds of `index_dir` left beside it; returns what was removed.

    Only folders named like the kit's temporaries AND holding its marker (or metadata) and
    files only are removed, and never one whose builder is still running."""
    index_dir = Path(index_dir)
    parent = index_dir.parent
    removed = []
    try:
        candidates = list(parent.iterdir())
    except OSError:
        return removed
    for path in candidates:
        match = _LEFTOVER.fullmatch(path.name)
        if match is None or match["name"] != index_dir.name:
            continue
        if not is_kit_index(path) and not _empty_folder(path):
            continue
        if _builder_running(path):
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.lexists(path):
            removed.append(path)
    return removed


def _empty_folder(path: Path) -> bool:
    """A folder killed before its marker was written: removing it loses nothing."""
    try:
        return path.is_dir() and not path.is_symlink() and not any(path.iterdir())
    except OSError:
        return False


def _builder_running(folder: Path) -> bool:
    try:
        pid = json.loads((folder / MARKER_FILE).read_text(encoding="utf-8"))["pid"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not isinstance(pid, int) or pid == os.getpid():
        return False  # our own leftovers: this process is not building them any more
    return _process_exists(pid)


def _process_exists(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def move_aside(path: Path) -> Path:
    """Renames what is at `path` to `<name>.moved-aside-<date>` (numbered, never over
    anything) and returns the new name."""
    stem = f"{path.name}.moved-aside-{datetime.date.today().isoformat()}"
    for n in range(1, 1000):
        candidate = path.with_name(stem if n == 1 else f"{stem}-{n}")
        if not os.path.lexists(candidate):
            os.rename(path, candidate)
            return candidate
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))

"""Opening a pack's files without trusting them.

A pack comes from a USB stick or a hand-made folder: a file may be a named pipe (opening it
blocks forever), a link to `/dev/zero` (reading it never ends), a link out of the pack, or far
bigger than any real pack file. Only regular files inside the pack are read, and never more
than their limit (limits.py, resources/README.md "Limits"): every refusal is a
`PackFileError` whose message says why, for the problem list.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from mediation_kit.core.i18n import _, format_number

from mediation_kit.core.packs.limits import MIB

# Without O_NONBLOCK, opening a FIFO waits for a writer; Windows has neither.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) \
    | getattr(os, "O_CLOEXEC", 0)


class PackFileError(Exception):
    """A pack file that is not read; `str()` is the translated reason."""


class OutsidePack(PackFileError):
    """A path that leads out of the pack folder (`..`, an absolute path, a link)."""


def size_text(size: int) -> str:
    """A byte count for a message, in the user's number format: "2 MB", "2.5 MB", "3 kB"."""
    if size >= MIB:
        value = round(size / MIB, 1) if size < 10 * MIB else size // MIB
        return _("{count} MB").format(count=format_number(int(value) if value == int(value)
                                                           else value))
    return _("{count} kB").format(count=format_number(max(1, round(size / 1024))))


def control_characters(name: str) -> bool:
    return any(ord(char) < 32 or ord(char) == 127 for char in name)


def shown_name(name: str) -> str:
    """`name` with its control characters written as \\xNN, for a message."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 32 or ord(c) == 127 else c for c in name)


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def reason(error: OSError) -> str:
    return error.strerror or str(error)


def exists(path: Path) -> bool:
    """Whether something is at `path` (a broken link counts). When the question cannot be
    answered (a folder that cannot be read), True: reading it then names the problem."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True
    return True


def inside(root: Path, relative: str, base: Path | None = None) -> Path:
    """The real path of `relative` (to `base`, by default `root`), which must stay in `root`.
    Raises PackFileError when it cannot name a file or leads out of the pack."""
    if "\0" in relative or control_characters(relative):
        raise PackFileError(_("the file name holds a control character"))
    try:
        path = ((base or root) / relative).resolve()
    except (OSError, RuntimeError, ValueError) as error:  # RuntimeError: a loop of links
        raise PackFileError(_("the path cannot be followed ({reason})").format(
            reason=reason(error) if isinstance(error, OSError) else error)) from error
    if not path.is_relative_to(root):
        raise OutsidePack(_("it leads outside the pack folder: it is not read"))
    return path


def open_regular(path: Path, root: Path, limit: int) -> tuple[BinaryIO, int]:
    """(binary file, size) of `path`, a regular file inside `root` of at most `limit` bytes.
    The caller closes the file."""
    real = inside(root, str(path))
    try:
        before = os.stat(real)
    except FileNotFoundError as error:
        raise PackFileError(_("no such file")) from error
    except OSError as error:
        raise PackFileError(_("cannot be read: {reason}").format(reason=reason(error))) from error
    if not stat.S_ISREG(before.st_mode):
        raise PackFileError(_("is {kind}, not a file: it is not read").format(
            kind=kind_of(before.st_mode)))
    _check_size(before.st_size, limit)
    try:
        descriptor = os.open(real, _OPEN_FLAGS)
    except OSError as error:
        raise PackFileError(_("cannot be read: {reason}").format(reason=reason(error))) from error
    # The file may have been swapped between stat and open: judge what was opened.
    opened = os.fstat(descriptor)
    if not stat.S_ISREG(opened.st_mode):
        os.close(descriptor)
        raise PackFileError(_("is {kind}, not a file: it is not read").format(
            kind=kind_of(opened.st_mode)))
    return os.fdopen(descriptor, "rb"), opened.st_size


def read_bytes(path: Path, root: Path, limit: int) -> bytes:
    """The content of `path` (see `open_regular`); never more than `limit` bytes read."""
    fp, _size = open_regular(path, root, limit)
    with fp:
        try:
            data = fp.read(limit + 1)
        except OSError as error:
            raise PackFileError(_("cannot be read: {reason}").format(
                reason=reason(error))) from error
    _check_size(len(data), limit)  # it grew after it was measured
    return data


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise PackFileError(_("too big ({size}): a file of this kind may hold {limit} at most")
                            .format(size=size_text(size), limit=size_text(limit)))

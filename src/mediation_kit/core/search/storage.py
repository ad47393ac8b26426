"""Read-only access to an index folder through memory maps.

Whoosh's FileStorage reads through a file object: every step of a walk in the term
dictionary (prefixes, spelling) is a seek and a read system call. Its compound files avoid
that by copying the index into memory on every open. A memory map does neither: the
operating system pages the files in on demand and shares them between processes.
"""

from __future__ import annotations

import mmap

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile


class MappedStorage(FileStorage):
    def __init__(self, path: str) -> None:
        super().__init__(path, readonly=True)

    def open_file(self, name, **kwargs):
        with open(self._fpath(name), "rb") as fp:
            try:
                mapped = mmap.mmap(fp.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
        return StructFile(mapped, name=name, **kwargs)

"""Updating an index for one pack, without rebuilding it for the whole library.

The import copies the index in use into its staging folder (hard links where the file system
allows: Whoosh never rewrites a file it wrote, and `_LinkSafeStorage` unlinks a name before
writing it, so the index in use is never touched through a shared link), then deletes the
documents of the packs that change and adds those of the new versions. The frequent terms
saved with the index are kept, so that the new documents get the same pair terms as the
others (pairs.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.model import Pack
from mediation_kit.core.search import documents
from mediation_kit.core.search.index import (
    _file_checksums, _Labels, _write_meta, add_pack_documents, read_meta)
from mediation_kit.core.search.index_folders import MARKER_FILE, META_FILE, write_marker
from mediation_kit.core.tasks import CancelToken, ProgressCallback, report

_REPORT_EVERY = 200


class IndexUpdateError(Exception):
    """The index to start from cannot be used (the import then builds a whole one)."""


def copy_index(source: Path, destination: Path) -> None:
    """Copies the index files listed in `source`'s metadata to the new folder `destination`,
    by hard link when possible (instant, no space), else by copy."""
    meta = read_meta(source)
    if meta is None or not isinstance(meta.get("files"), dict):
        raise IndexUpdateError(_("{path} is not an index of the kit").format(path=source))
    destination.mkdir(parents=True)
    write_marker(destination)
    for name in [*meta["files"], META_FILE]:
        link_or_copy(Path(source) / name, destination / name)


def link_or_copy(source: Path, destination: Path) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another file system, FAT, no permission: a real copy
        shutil.copyfile(source, destination)


def _storage(index_dir: Path):
    from whoosh.filedb.filestore import FileStorage

    class _LinkSafeStorage(FileStorage):
        """Writes a file under a new inode even when its name exists as a hard link."""

        def create_file(self, name, excl=False, mode="wb", **kwargs):
            path = self._fpath(name)
            if not excl and os.path.lexists(path):
                os.unlink(path)
            return super().create_file(name, excl=excl, mode=mode, **kwargs)

    return _LinkSafeStorage(str(index_dir))


def update_index(index_dir: Path, remove: Iterable[str], add: Iterable[Pack], fingerprint: str,
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> int:
    """Deletes the documents of the pack ids in `remove`, adds those of the packs in `add`,
    and rewrites the metadata for `fingerprint`; returns the index's document count.
    `index_dir` is a copy made by `copy_index` (the index in use is never opened to write)."""
    index_dir = Path(index_dir)
    meta = read_meta(index_dir)
    if meta is None:
        raise IndexUpdateError(_("{path} is not an index of the kit").format(path=index_dir))
    frequent = {lang: frozenset(terms) for lang, terms in meta.get("frequent_terms", {}).items()}
    labels = _Labels()
    labels.labels = {facet: dict(values) for facet, values in meta.get("labels", {}).items()}
    for facet in ("event", "speaker", "theme"):
        labels.labels.setdefault(facet, {})
    add = list(add)
    total = sum(documents.count_documents(p) for p in add)
    ix = _storage(index_dir).open_index()
    try:
        writer = ix.writer(limitmb=32, compound=False)
        try:
            for pack_id in remove:
                writer.delete_by_term("pack", pack_id)
                labels.labels["event"].pop(pack_id, None)
            done = 0
            for pack in add:
                labels.add_pack(pack)
                for _added in add_pack_documents(writer, pack, frequent):
                    done += 1
                    if done % _REPORT_EVERY == 0:
                        if cancel is not None:
                            cancel.raise_if_cancelled()
                        report(progress, done, total, _("Indexed {done} of {total} resources")
                               .format(done=done, total=total))
            if cancel is not None:
                cancel.raise_if_cancelled()
            report(progress, done, total, _("Writing the index…"))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        count = ix.doc_count()
    finally:
        ix.close()
    _write_meta(index_dir, fingerprint, count, labels, frequent)
    write_marker(index_dir, building=False)
    return count


def index_files_match(index_dir: Path) -> bool:
    """True when every Whoosh file is the one the metadata describes (size and CRC-32)."""
    meta = read_meta(index_dir)
    try:
        return meta is not None and _file_checksums(Path(index_dir)) == meta.get("files")
    except OSError:
        return False


__all__ = ["IndexUpdateError", "copy_index", "index_files_match", "link_or_copy",
           "update_index", "MARKER_FILE"]

"""Building, checking and choosing the search index.

An index is a folder: Whoosh's files plus `mediation-kit-index.json`, which records the schema
version, the fingerprint of the packs it was built from, a checksum of every Whoosh file and the
labels of facet values. At start-up `ensure_index` uses the shipped index (read-only) when it is
valid and fresh, else the one in the user's cache, else rebuilds into the cache. A build always
goes into a temporary folder beside its destination and is renamed into place when complete, so
an interrupted build never leaves a broken index behind.

Nothing the kit did not create is ever removed (index_folders.py): a build refuses a
destination that holds anything but a kit index, at start-up the cache's destination is moved
aside instead, and the leftovers of killed builds are removed at the next start.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import shutil
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.model import Pack
from mediation_kit.core.search import documents, pairs
from mediation_kit.core.search.analysis import keyword_value
from mediation_kit.core.search.index_folders import (
    MARKER_FILE,
    META_FILE,
    DestinationError,
    IndexBuildError,
    check_destination,
    clean_leftovers,
    is_kit_index,
    move_aside,
    write_marker,
)
from mediation_kit.core.search.schema import SCHEMA_VERSION, body_field, make_schema, pair_field
from mediation_kit.core.tasks import CancelToken, Cancelled, ProgressCallback, report

# Files at most this big are hashed whole for the fingerprint; bigger ones by size and ends.
_WHOLE_HASH_LIMIT = 1 << 20
_EDGE = 1 << 16
_REPORT_EVERY = 200
# Lock files come and go with writers: not part of the index's content.
_LOCKS = (".lock", "WRITELOCK")


class IndexState(enum.StrEnum):
    OK = "ok"
    REBUILT = "rebuilt"
    MISSING = "missing"
    STALE_PACKS = "stale-packs"
    STALE_SCHEMA = "stale-schema"
    CORRUPT = "corrupt"
    # Out of date, and could not be rebuilt (a full disk): used as it is, better than nothing.
    KEPT = "kept"


class IndexSource(enum.StrEnum):
    SHIPPED = "shipped"
    CACHE = "cache"


USABLE_STATES = frozenset({IndexState.OK, IndexState.REBUILT, IndexState.KEPT})


@dataclass(frozen=True)
class IndexStatus:
    path: Path
    state: IndexState
    source: IndexSource
    message: str  # translated, for a person
    doc_count: int = 0
    reason: IndexState | None = None  # why a rebuild was (or would be) needed
    # What a person should know even though the index works (translated): something moved
    # aside, an out-of-date index used.
    warnings: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return self.state in USABLE_STATES


# --- fingerprint ---------------------------------------------------------------------------


PackFolders = Path | list[Path] | tuple[Path, ...]


def index_fingerprint(packs_dir: PackFolders) -> str:
    """A hash of every file below `packs_dir`: names and content (big files by size and ends).

    `packs_dir` may also be a list of pack folders (bundled and imported packs together): the
    hash is then the one of a folder holding them all."""
    digest = hashlib.sha256()
    if isinstance(packs_dir, (list, tuple)):
        # (folder to walk, folder names are relative to)
        walks = [(Path(f), Path(f).parent) for f in packs_dir if Path(f).is_dir()]
    else:
        root = Path(packs_dir)
        if not root.is_dir():
            return "no-packs"
        walks = [(root, root)]
    files = sorted((p.relative_to(base).as_posix(), p) for folder, base in walks
                   for p in folder.rglob("*")
                   if p.is_file() and not _ignored(p.relative_to(base)))
    for rel, path in files:
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        try:
            size = path.stat().st_size
            with path.open("rb") as fp:
                if size <= _WHOLE_HASH_LIMIT:
                    digest.update(fp.read())
                else:
                    digest.update(str(size).encode() + fp.read(_EDGE))
                    fp.seek(-_EDGE, os.SEEK_END)
                    digest.update(fp.read(_EDGE))
        except OSError:
            digest.update(b"unreadable")
        digest.update(b"\0")
    return digest.hexdigest()


def _ignored(relative: Path) -> bool:
    """Files that are not content: hidden ones, caches, editor backups (the release leaves
    them out of its copy of the packs, so they must not change the fingerprint)."""
    return (any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
            or relative.name.endswith("~") or relative.name == "Thumbs.db")


# --- metadata ------------------------------------------------------------------------------


def read_meta(index_dir: Path) -> dict | None:
    try:
        with (Path(index_dir) / META_FILE).open("rb") as fp:
            meta = json.load(fp)
    except (OSError, ValueError, RecursionError):
        return None
    return meta if isinstance(meta, dict) else None


def meta_is_well_formed(meta: dict) -> bool:
    """True when every field the engine reads has the type it expects (a hand-edited or
    foreign file must be called damaged, not crash a search later)."""

    def strings(value) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    def count(value) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0

    files, labels, frequent = meta.get("files"), meta.get("labels"), meta.get("frequent_terms")
    return (count(meta.get("schema"))
            and isinstance(meta.get("fingerprint"), str)
            and count(meta.get("doc_count"))
            and isinstance(files, dict) and bool(files)
            and all(isinstance(v, list) and len(v) == 2 and all(count(n) for n in v)
                    for v in files.values())
            and isinstance(labels, dict)
            and all(isinstance(values, dict)
                    and all(isinstance(k, str) and isinstance(v, str) for k, v in values.items())
                    for values in labels.values())
            and isinstance(frequent, dict) and all(strings(v) for v in frequent.values()))


def _file_checksums(index_dir: Path) -> dict[str, list[int]]:
    sums = {}
    for path in sorted(index_dir.iterdir()):
        if (path.is_file() and path.name not in (META_FILE, MARKER_FILE)
                and not path.name.endswith(_LOCKS)):
            data = path.read_bytes()
            sums[path.name] = [len(data), zlib.crc32(data)]
    return sums


def inspect_index(index_dir: Path, fingerprint: str) -> tuple[IndexState, int]:
    """The state of the index in `index_dir` for packs of `fingerprint`, and its doc count.

    Fast enough for every start-up (a few ms): reads the metadata and checks the size and
    CRC-32 of every Whoosh file against it, which catches truncated and garbled files without
    parsing them.
    """
    index_dir = Path(index_dir)
    try:
        if not index_dir.is_dir() or not any(index_dir.iterdir()):
            return IndexState.MISSING, 0
    except OSError:
        return IndexState.MISSING, 0
    meta = read_meta(index_dir)
    if meta is None or not isinstance(meta.get("files"), dict) or not meta["files"]:
        return IndexState.CORRUPT, 0
    if meta.get("schema") != SCHEMA_VERSION:
        return IndexState.STALE_SCHEMA, 0
    if not meta_is_well_formed(meta):
        return IndexState.CORRUPT, 0
    try:
        if _file_checksums(index_dir) != meta["files"]:
            return IndexState.CORRUPT, 0
    except OSError:
        return IndexState.CORRUPT, 0
    count = meta.get("doc_count") if isinstance(meta.get("doc_count"), int) else 0
    if meta.get("fingerprint") != fingerprint:
        return IndexState.STALE_PACKS, count
    return IndexState.OK, count


# --- build ---------------------------------------------------------------------------------


class _Labels:
    """Display labels of facet values, saved with the index (values are folded)."""

    def __init__(self) -> None:
        self.labels: dict[str, dict[str, str]] = {"event": {}, "speaker": {}, "theme": {}}

    def add_pack(self, pack: Pack) -> None:
        self.labels["event"][pack.id] = pack.event.name
        for person in _people(pack):
            self.labels["speaker"].setdefault(keyword_value(person), person)
        for theme in _themes(pack):
            self.labels["theme"].setdefault(keyword_value(theme), theme)


def _people(pack: Pack):
    for item in (*pack.summaries, *pack.replays):
        for p in item.speakers:
            if p.name.strip():
                yield p.name.strip()


def _themes(pack: Pack):
    for item in (*pack.summaries, *pack.replays):
        for t in item.themes:
            if t.strip():
                yield t.strip()


def build_index(packs: Iterable[Pack], output_dir: Path, progress: ProgressCallback | None = None,
                cancel: CancelToken | None = None, fingerprint: str = "") -> int:
    """Indexes every resource of `packs` into `output_dir`; returns the number of documents.

    Builds in a temporary folder beside `output_dir` and renames it into place when complete;
    on Cancelled or any error nothing is left behind and the previous index stays.
    """
    from whoosh import index as whoosh_index

    output_dir = check_destination(Path(output_dir))
    packs = list(packs)
    total = sum(documents.count_documents(p) for p in packs)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = output_dir.parent / f".{output_dir.name}.building-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        write_marker(tmp)
        report(progress, 0, total, _("Indexing {count} resources…").format(count=total))
        ix = whoosh_index.create_in(str(tmp), make_schema())
        # Separate files, not one compound file: Whoosh copies the parts of a compound file into
        # memory on every open (about 20 MB at 20,000 documents).
        writer = ix.writer(limitmb=32, compound=False)
        labels = _Labels()
        report(progress, 0, total, _("Counting words…"))
        frequent = pairs.frequent_terms(_cancellable(
            (d for p in packs for d in documents.pack_documents(p)), cancel))
        done = 0
        try:
            for pack in packs:
                labels.add_pack(pack)
                for doc in documents.pack_documents(pack):
                    for lang, terms in frequent.items():
                        if terms and doc.get(body_field(lang)) is not None:
                            doc[pair_field(lang)] = pairs.pairs_text(doc, lang, terms)
                    writer.add_document(**{k: v for k, v in doc.items() if v is not None})
                    done += 1
                    if done % _REPORT_EVERY == 0:
                        if cancel is not None:
                            cancel.raise_if_cancelled()
                        report(progress, done, total,
                               _("Indexed {done} of {total} resources").format(done=done,
                                                                               total=total))
            if cancel is not None:
                cancel.raise_if_cancelled()
            report(progress, done, total, _("Writing the index…"))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        finally:
            ix.close()
        _write_meta(tmp, fingerprint, done, labels, frequent)
        write_marker(tmp, building=False)
        _replace_dir(tmp, output_dir)
        report(progress, total, total, _("Index ready: {count} resources").format(count=done))
        return done
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _cancellable(items: Iterable, cancel: CancelToken | None) -> Iterable:
    for n, item in enumerate(items, 1):
        if cancel is not None and n % _REPORT_EVERY == 0:
            cancel.raise_if_cancelled()
        yield item


def _write_meta(index_dir: Path, fingerprint: str, doc_count: int, labels: _Labels,
                frequent: dict[str, frozenset[str]]) -> None:
    files = _file_checksums(index_dir)
    meta = {
        "schema": SCHEMA_VERSION,
        "fingerprint": fingerprint,
        "doc_count": doc_count,
        # From the content, not random: two builds of the same packs give the same file
        # (the release build is reproducible).
        "build_id": hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16],
        "labels": labels.labels,
        "frequent_terms": {lang: sorted(terms) for lang, terms in frequent.items()},
        "files": files,
    }
    tmp = index_dir / (META_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, index_dir / META_FILE)


def _replace_dir(new: Path, target: Path) -> None:
    """Puts the finished folder `new` at `target`, the old one being removed only after.

    `target` was checked by `check_destination`: a kit index, an empty folder, an empty file
    or nothing."""
    old = None
    if target.is_dir():
        old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
        write_marker(target)  # ours now, for whoever finds it if we are killed
        os.replace(target, old)
    elif os.path.lexists(target):
        target.unlink()  # an empty file: nothing is lost
    try:
        os.replace(new, target)
    except BaseException:  # also SIGTERM or Ctrl+C between the two renames
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# --- choosing the index at start-up ----------------------------------------------------------


def _problem_message(state: IndexState) -> str:
    return {
        IndexState.MISSING: _("there is no index yet"),
        IndexState.STALE_PACKS: _("the content packs changed since it was built"),
        IndexState.STALE_SCHEMA: _("it was built by another version of the kit"),
        IndexState.CORRUPT: _("its files are damaged"),
    }.get(state, "")


def _source_name(source: IndexSource) -> str:
    return _("shipped index") if source is IndexSource.SHIPPED else _("index in the cache")


def _choose(packs_dir: PackFolders, shipped_dir: Path, cache_dir: Path, fingerprint: str):
    shipped_state, shipped_count = inspect_index(shipped_dir, fingerprint)
    if shipped_state is IndexState.OK:
        return IndexStatus(Path(shipped_dir), IndexState.OK, IndexSource.SHIPPED,
                           _("Using the shipped index ({count} resources).").format(
                               count=shipped_count), shipped_count), None
    cache_state, cache_count = inspect_index(cache_dir, fingerprint)
    if cache_state is IndexState.OK:
        return IndexStatus(Path(cache_dir), IndexState.OK, IndexSource.CACHE,
                           _("Using the index in the cache ({count} resources).").format(
                               count=cache_count), cache_count), None
    # Name the problem of the index that would otherwise have been used.
    if cache_state is not IndexState.MISSING or shipped_state is IndexState.MISSING:
        return None, (cache_state, IndexSource.CACHE)
    return None, (shipped_state, IndexSource.SHIPPED)


def check_index(packs_dir: PackFolders, shipped_dir: Path, cache_dir: Path) -> IndexStatus:
    """Which index would be used, and its state, without rebuilding anything."""
    status, problem = _choose(packs_dir, shipped_dir, cache_dir, index_fingerprint(packs_dir))
    if status is not None:
        return status
    state, source = problem
    path = Path(shipped_dir if source is IndexSource.SHIPPED else cache_dir)
    message = _("The {which} cannot be used: {problem}.").format(
        which=_source_name(source), problem=_problem_message(state))
    if source is IndexSource.CACHE:
        try:
            check_destination(path)
        except DestinationError:
            message = _("{path} is not an index of the kit (a file, a broken link or someone's "
                        "folder): the kit will keep it aside, under another name, and build "
                        "its index there at the next start.").format(path=path)
    return IndexStatus(path, state, source, message, 0, state)


def ensure_index(packs_dir: PackFolders, shipped_dir: Path, cache_dir: Path,
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> IndexStatus:
    """A usable index for the packs in `packs_dir`, rebuilding into `cache_dir` when needed.

    First removes what killed builds left in the cache. Whatever is at `cache_dir` and is not
    a kit index (a file, a dangling link, someone's folder) is moved aside, never deleted.
    When the rebuild fails (a full disk) and an out-of-date index is still readable, that one
    is used. Raises IndexBuildError (with a message for a person) when the packs cannot be
    read or the cache cannot be written, and Cancelled when cancelled.
    """
    cache_dir = Path(cache_dir)
    clean_leftovers(cache_dir)
    fingerprint = index_fingerprint(packs_dir)
    status, problem = _choose(packs_dir, shipped_dir, cache_dir, fingerprint)
    if status is not None:
        return status
    state, _source = problem
    notes = []
    parent = cache_dir.parent
    if os.path.lexists(parent) and not parent.is_dir():  # the kit's cache folder is a file
        try:
            moved = move_aside(parent)
        except OSError as error:
            raise IndexBuildError(_("Cannot build the index in {folder}: {error}").format(
                folder=cache_dir, error=error.strerror or error)) from error
        notes.append(_("{path} was not a folder: it was kept as {moved}.").format(
            path=parent, moved=moved.name))
    try:
        check_destination(cache_dir)
    except DestinationError:
        # The entry itself moves (a link, not the folder it points to): nothing is lost and
        # nothing outside the cache is touched.
        try:
            moved = move_aside(cache_dir)
        except OSError as error:
            raise IndexBuildError(_("Cannot build the index in {folder}: {error}").format(
                folder=cache_dir, error=error.strerror or error)) from error
        notes.append(_("{path} was not an index of the kit: it was kept as {moved}.").format(
            path=cache_dir, moved=moved.name))
    warnings = tuple(notes)
    packs = load_packs_for_index(packs_dir)
    try:
        count = build_index(packs, cache_dir, progress, cancel, fingerprint=fingerprint)
    except Cancelled:
        raise
    except OSError as exc:
        error = exc.strerror or str(exc)
        kept = _out_of_date_index(shipped_dir, cache_dir, fingerprint, error)
        if kept is not None:
            return dataclasses.replace(kept, warnings=(*warnings, kept.message))
        raise IndexBuildError(_("Cannot build the index in {folder}: {error}").format(
            folder=cache_dir, error=error)) from exc
    notes.append(_("The index was rebuilt because {problem} ({count} resources).").format(
        problem=_problem_message(state), count=count))
    return IndexStatus(cache_dir, IndexState.REBUILT, IndexSource.CACHE, " ".join(notes),
                       count, state, warnings)


def _out_of_date_index(shipped_dir: Path, cache_dir: Path, fingerprint: str,
                       error: str) -> IndexStatus | None:
    """An index that is whole but older than the packs, for when none can be built."""
    for path, source in ((cache_dir, IndexSource.CACHE), (shipped_dir, IndexSource.SHIPPED)):
        state, count = inspect_index(path, fingerprint)
        if state is IndexState.STALE_PACKS:
            return IndexStatus(Path(path), IndexState.KEPT, source, _(
                "The index could not be rebuilt ({error}): the previous one is used, and may "
                "miss the latest changes of the content packs ({count} resources).").format(
                    error=error, count=count), count, IndexState.STALE_PACKS)
    return None


def load_packs_for_index(packs_dir: PackFolders) -> list[Pack]:
    """The packs of `packs_dir` (or of a list of pack folders) that load; a pack's problems
    are the validator's business (`mediation-kit pack validate`): its usable records are
    indexed all the same."""
    from mediation_kit.core.packs import load_packs
    from mediation_kit.core.packs.library import load_pack_folders

    if isinstance(packs_dir, (list, tuple)):
        return list(load_pack_folders(packs_dir))
    packs_dir = Path(packs_dir)
    if not packs_dir.is_dir():
        return []
    return list(load_packs(packs_dir))


__all__ = [
    "MARKER_FILE", "META_FILE", "DestinationError", "IndexBuildError", "IndexSource",
    "IndexState", "IndexStatus", "build_index", "check_destination", "check_index",
    "clean_leftovers", "ensure_index", "index_fingerprint", "inspect_index", "is_kit_index",
    "load_packs_for_index", "meta_is_well_formed", "move_aside", "read_meta",
]

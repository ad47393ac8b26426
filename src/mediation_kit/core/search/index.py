"""Building, checking and choosing the search index.

An index is a folder: Whoosh's files plus `mediation-kit-index.json`, which records the schema
version, the fingerprint of the packs it was built from, a checksum of every Whoosh file and the
labels of facet values. At start-up `ensure_index` uses the shipped index (read-only) when it is
valid and fresh, else the one in the user's cache, else rebuilds into the cache. A build always
goes into a temporary folder beside its destination and is renamed into place when complete, so
an interrupted build never leaves a broken index behind.

Whether the index is stale is known cheaply at every start: the packs' fingerprint comes from
the files' sizes and times, a file being read (hashed) only when they changed since the stat
cache beside the index was written; the index's own files are checked by size, and by CRC-32
of whole small files and of the ends of big ones (`inspect_index`).

Nothing the kit did not create is ever removed (index_folders.py): a build refuses a
destination that holds anything but a kit index, at start-up the cache's destination is moved
aside instead, and the leftovers of killed builds are removed at the next start.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import itertools
import json
import os
import shutil
import stat
import time
import uuid
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mediation_kit.core.i18n import _, format_number
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
# A file modified this recently is hashed again at each check (see index_fingerprint).
_RACY_NS = 2_000_000_000
_REPORT_EVERY = 200
# Documents at most read by the pass that counts the frequent terms (see build_index).
_COUNT_SAMPLE = 20_000
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


def index_fingerprint(packs_dir: PackFolders, stat_cache: Path | None = None) -> str:
    """A hash of every file below `packs_dir`: names and content (big files by size and ends).

    `packs_dir` may also be a list of pack folders (bundled and imported packs together): the
    hash is then the one of a folder holding them all.

    With `stat_cache` (a file of the kit's own), a file whose size and modification time are
    those recorded there is not read again: its recorded hash is used. At start-up this costs
    one `stat` a file instead of reading 17,000 files (0.5 s at 20,000 resources). A file
    modified in the last seconds is always read again, as its time may not have ticked yet
    for a change made right after (git's "racy" files)."""
    files = _pack_files(packs_dir)
    if files is None:
        return "no-packs"
    known = _read_stat_cache(stat_cache) if stat_cache is not None else {}
    now = time.time_ns()
    digest = hashlib.sha256()
    recorded: dict[str, list] = {}
    for rel, path, size, mtime in files:
        entry = known.get(rel)
        if entry is not None and entry[0] == size and entry[1] == mtime and size >= 0:
            file_hash = entry[2]
        else:
            file_hash = _file_hash(path, size)
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0"
                      + file_hash.encode("ascii") + b"\0")
        if size >= 0 and now - mtime > _RACY_NS:
            recorded[rel] = [size, mtime, file_hash]
    if stat_cache is not None and recorded != known:
        _write_stat_cache(stat_cache, recorded)
    return digest.hexdigest()


def _pack_files(packs_dir: PackFolders) -> list[tuple[str, str, int, int]] | None:
    """(name relative to the packs folder, path, size, mtime in ns) of every content file,
    by name; size -1 for a file that cannot be read. None when there is no packs folder.
    Strings and `os.scandir` only: this runs at every start over 20,000 files."""
    if isinstance(packs_dir, (list, tuple)):
        # (folder to walk, its name relative to the folder the names start from)
        walks = [(str(f), Path(f).name) for f in packs_dir if Path(f).is_dir()]
    else:
        root = Path(packs_dir)
        if not root.is_dir():
            return None
        walks = [(str(root), "")]
    files: list[tuple[str, str, int, int]] = []
    for folder, rel in walks:
        if rel and _ignored(Path(rel)):
            continue
        _scan(folder, rel, files)
    files.sort(key=lambda f: f[0])
    return files


def _scan(folder: str, rel: str, files: list) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        # Hidden files and folders, caches, editor backups are not content (see _ignored).
        if name.startswith(".") or name == "__pycache__" or name.endswith("~") \
                or name == "Thumbs.db":
            continue
        relative = f"{rel}/{name}" if rel else name
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, relative, files)
                continue
            info = entry.stat()
        except OSError:
            files.append((relative, entry.path, -1, 0))
            continue
        if stat.S_ISREG(info.st_mode):
            files.append((relative, entry.path, info.st_size, info.st_mtime_ns))


def _file_hash(path: str, size: int) -> str:
    """The content hash of one pack file (big files by size and ends)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fp:
            if size <= _WHOLE_HASH_LIMIT:
                digest.update(fp.read())
            else:
                digest.update(str(size).encode() + fp.read(_EDGE))
                fp.seek(-_EDGE, os.SEEK_END)
                digest.update(fp.read(_EDGE))
    except OSError:
        return "unreadable"
    return digest.hexdigest()[:32]


def stat_cache_for(cache_dir: Path) -> Path:
    """Where the pack files' sizes, times and hashes are kept, beside the index cache."""
    cache_dir = Path(cache_dir)
    return cache_dir.parent / f".{cache_dir.name}.pack-stats.json"


def _read_stat_cache(path: Path) -> dict[str, list]:
    try:
        with Path(path).open("rb") as fp:
            data = json.load(fp)
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != 1:
        return {}
    files = data.get("files")
    if not isinstance(files, dict):
        return {}
    return {rel: entry for rel, entry in files.items()
            if isinstance(entry, list) and len(entry) == 3
            and all(isinstance(n, int) and not isinstance(n, bool) for n in entry[:2])
            and isinstance(entry[2], str)}


def _write_stat_cache(path: Path, files: dict[str, list]) -> None:
    """Written to a temporary file, then renamed; a cache that cannot be written (a
    read-only folder) only costs the hashing next time."""
    path = Path(path)
    tmp = path.parent / f"{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"version": 1, "files": files}, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


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


def _edge_checksums(index_dir: Path, names) -> dict[str, int]:
    """CRC-32 of the first and last _EDGE bytes of each big Whoosh file."""
    sums = {}
    for name in names:
        path = Path(index_dir) / name
        size = path.stat().st_size
        if size > _WHOLE_HASH_LIMIT:
            with path.open("rb") as fp:
                head = fp.read(_EDGE)
                fp.seek(-_EDGE, os.SEEK_END)
                sums[name] = zlib.crc32(fp.read(_EDGE), zlib.crc32(head))
    return sums


def _files_look_whole(index_dir: Path, meta: dict) -> bool:
    """The same files as the metadata lists, each of its size; small files by their CRC-32,
    big ones by the CRC-32 of their ends (recorded as "edges"): a start-up never reads the
    whole postings file (75 MB at 20,000 resources). An index without "edges" is checked
    whole."""
    files, edges = meta["files"], meta.get("edges")
    if not isinstance(edges, dict) or not all(isinstance(v, int) for v in edges.values()):
        return _file_checksums(index_dir) == files
    present = {path.name for path in index_dir.iterdir()
               if path.name not in (META_FILE, MARKER_FILE) and not path.name.endswith(_LOCKS)}
    if present != set(files):
        return False
    for name, (size, crc) in files.items():
        path = index_dir / name
        if not path.is_file() or path.stat().st_size != size:
            return False
        if size <= _WHOLE_HASH_LIMIT and zlib.crc32(path.read_bytes()) != crc:
            return False
    return _edge_checksums(index_dir, files) == edges


def inspect_index(index_dir: Path, fingerprint: str) -> tuple[IndexState, int]:
    """The state of the index in `index_dir` for packs of `fingerprint`, and its doc count.

    Fast enough for every start-up (a few ms): reads the metadata and checks the size of
    every Whoosh file against it, and the CRC-32 of small files and of the ends of big ones,
    which catches truncated and garbled files without parsing them or reading them whole.
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
        if not _files_look_whole(index_dir, meta):
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


def add_pack_documents(writer, pack: Pack,
                       frequent: dict[str, frozenset[str]]) -> Iterator[None]:
    """Adds the pack's documents to the index being written, with their word pairs (built on
    the index's frequent terms); yields after each one, for progress and cancel."""
    for doc in documents.pack_documents(pack):
        for lang, terms in frequent.items():
            if terms and doc.get(body_field(lang)) is not None:
                doc[pair_field(lang)] = pairs.pairs_text(doc, lang, terms)
        writer.add_document(**{k: v for k, v in doc.items() if v is not None})
        yield


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
        # Before the writer opens its files: a cancel here has nothing of Whoosh's to close.
        # At scale the frequent terms are counted on an even sample (every k-th document):
        # a share of 0.5 % is as well measured on 20,000 documents as on 70,000, and this pass
        # analysed every text once more than the index itself does (20 s at 20,000 resources).
        step = max(1, total // _COUNT_SAMPLE)
        frequent = pairs.frequent_terms(itertools.islice(_counting(
            (d for p in packs for d in documents.pack_documents(p)), total, progress, cancel),
            0, None, step))
        ix = whoosh_index.create_in(str(tmp), make_schema())
        # Separate files, not one compound file: Whoosh copies the parts of a compound file into
        # memory on every open (about 20 MB at 20,000 documents).
        writer = ix.writer(limitmb=32, compound=False)
        labels = _Labels()
        postings = _count_postings(writer, progress)
        done = 0
        report(progress, 0, total,
               _("Indexed {done} of {total} resources").format(done=0, total=total))
        try:
            for pack in packs:
                labels.add_pack(pack)
                for _added in add_pack_documents(writer, pack, frequent):
                    done += 1
                    if done % _REPORT_EVERY == 0:
                        if cancel is not None:
                            cancel.raise_if_cancelled()
                        report(progress, done, total,
                               _("Indexed {done} of {total} resources").format(done=done,
                                                                               total=total))
            if cancel is not None:
                cancel.raise_if_cancelled()
            postings.start_writing()
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


def _counting(docs: Iterable, total: int, progress: ProgressCallback | None,
              cancel: CancelToken | None) -> Iterable:
    """The documents, with progress of the first pass (which counts the frequent words)."""
    report(progress, 0, total, _("Counting words…"))
    for n, doc in enumerate(docs, 1):
        if n % _REPORT_EVERY == 0:
            if cancel is not None:
                cancel.raise_if_cancelled()
            report(progress, n, total,
                   _("Counted the words of {done} of {total} resources").format(done=n,
                                                                                total=total))
        yield doc


class _count_postings:  # noqa: N801 - used like a function
    """Counts the postings Whoosh's pool receives, so that writing them (the sort and merge
    of `commit`, the longest phase) reports its progress instead of sitting at 100 %."""

    def __init__(self, writer, progress: ProgressCallback | None) -> None:
        self.progress = progress
        self.count = 0
        pool = writer.pool
        add, iterate = pool.add, pool.iter_postings

        def counting_add(item):
            self.count += 1
            add(item)

        def reporting_iter():
            total = max(self.count, 1)
            step = max(total // 100, 1)
            report(self.progress, 0, total, _("Writing the index…"))
            for n, item in enumerate(iterate(), 1):
                if n % step == 0:
                    report(self.progress, n, total, _(
                        "Writing the index: {done} of {total} entries").format(
                            done=format_number(n), total=format_number(total)))
                yield item

        pool.add = counting_add
        pool.iter_postings = reporting_iter

    def start_writing(self) -> None:
        report(self.progress, 0, max(self.count, 1), _("Writing the index…"))


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
        "edges": _edge_checksums(index_dir, files),
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
    status, problem = _choose(packs_dir, shipped_dir, cache_dir,
                              index_fingerprint(packs_dir, stat_cache_for(cache_dir)))
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


def usable_index(packs_dir: PackFolders, shipped_dir: Path, cache_dir: Path
                 ) -> tuple[IndexStatus | None, Path | None]:
    """(the index to use as it is, None) when one is up to date; else (None, the folder of
    an index that is whole but older than the packs, or None): search can use that one
    while the new one is built. Builds nothing, moves nothing."""
    fingerprint = index_fingerprint(packs_dir, stat_cache_for(cache_dir))
    status, _problem = _choose(packs_dir, shipped_dir, cache_dir, fingerprint)
    if status is not None:
        return status, None
    for path in (cache_dir, shipped_dir):
        state, _count = inspect_index(path, fingerprint)
        if state is IndexState.STALE_PACKS:
            return None, Path(path)
    return None, None


def ensure_index(packs_dir: PackFolders, shipped_dir: Path, cache_dir: Path,
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None, *, in_process: bool = True,
                 packs: list[Pack] | None = None) -> IndexStatus:
    """A usable index for the packs in `packs_dir`, rebuilding into `cache_dir` when needed.

    `packs`: the packs already loaded from `packs_dir` (not read again). `in_process=False`
    builds in a child process (build_process.py), which reads the packs itself: a window
    building its index then never freezes on Whoosh's sorting.

    First removes what killed builds left in the cache. Whatever is at `cache_dir` and is not
    a kit index (a file, a dangling link, someone's folder) is moved aside, never deleted.
    When the rebuild fails (a full disk) and an out-of-date index is still readable, that one
    is used. Raises IndexBuildError (with a message for a person) when the packs cannot be
    read or the cache cannot be written, and Cancelled when cancelled.
    """
    cache_dir = Path(cache_dir)
    clean_leftovers(cache_dir)
    fingerprint = index_fingerprint(packs_dir, stat_cache_for(cache_dir))
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
    try:
        if in_process:
            if packs is None:
                packs = load_packs_for_index(packs_dir)
            count = build_index(packs, cache_dir, progress, cancel, fingerprint=fingerprint)
        else:
            from mediation_kit.core.search.build_process import build_in_process

            count = build_in_process(packs_dir, cache_dir, progress, cancel, fingerprint)
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
    "clean_leftovers", "ensure_index", "usable_index", "index_fingerprint", "inspect_index",
    "is_kit_index", "load_packs_for_index", "meta_is_well_formed", "move_aside", "read_meta",
    "stat_cache_for",
]

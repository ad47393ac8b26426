"""What the window shows, loaded off the GUI thread: the packs and the search engine.

This is the one place that knows how the core's packs loader and search engine are called;
the widgets see `Content` only. Heavy imports (Whoosh, the loader) happen inside
`load_content`, in a worker thread, after the window is already on screen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediation_kit.core.model import KitAsset, Pack, Replay, ResourceType, Summary
from mediation_kit.core.search.api import Hit, SearchQuery, SearchResults, hit_from_stored
from mediation_kit.core.tasks import CancelToken, Cancelled, ProgressCallback

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexJob:
    """What `ensure_index` needs to build the index later."""

    packs_dir: Path | list[Path]
    shipped_index_dir: Path
    index_cache_dir: Path


@dataclass
class BuiltIndex:
    """What a build gives the window: the engine, its message and any problems."""

    engine: Any | None
    message: str
    problems: list[Any] = field(default_factory=list)


@dataclass
class Content:
    library: Any  # core.packs.Library, None when the packs could not be read
    engine: Any | None  # core.search.engine.SearchEngine, None when the index is unusable
    # What went wrong while loading, each with a `file`, a `line` (or None) and a `message`:
    # the packs' problems, and the index's when it is unusable or something was moved aside.
    problems: list[Any] = field(default_factory=list)
    index_message: str = ""  # why the engine is None, or what was rebuilt
    # The index still to build (the window builds it in another process, see
    # `build_pending_index`); `engine` meanwhile is the previous index, or None.
    index_job: IndexJob | None = None

    @property
    def packs(self) -> tuple[Pack, ...]:
        return tuple(getattr(self.library, "packs", ()) or ())

    def close(self) -> None:
        """Closes the index files (the window is closing)."""
        close = getattr(self.engine, "close", None)
        if close is not None:
            close()

    def search(self, query: SearchQuery) -> SearchResults:
        if self.engine is None:
            raise RuntimeError(self.index_message or "no search index")
        return self.engine.search(query)

    def record(self, key: str) -> Any | None:
        """The record behind a key; a cue key gives its replay."""
        if self.library is None:
            return None
        found = self.library.get(key)
        if isinstance(found, tuple):  # (replay, cue) for a transcript cue
            return found[0]
        return found

    def pack(self, pack_id: str) -> Pack | None:
        return self.library.pack(pack_id) if self.library is not None else None


def browse_hits(pack: Pack, kind: ResourceType) -> tuple[Hit, ...]:
    """An event's summaries, replays or kit as result rows, for browsing without a query."""
    records: tuple[Summary | Replay | KitAsset, ...]
    if kind is ResourceType.SUMMARY:
        records = pack.summaries
    elif kind is ResourceType.REPLAY:
        records = pack.replays
    else:
        records = pack.kit
    from mediation_kit.core.search.documents import (
        kit_document, replay_document, summary_document)
    from mediation_kit.core.search.snippets import make_snippet

    document = {ResourceType.SUMMARY: summary_document, ResourceType.REPLAY: replay_document,
                ResourceType.KIT: kit_document}[kind]
    hits = []
    for record in records:
        # The same stored fields, snippet and date as the search results show for it.
        stored = document(pack, record)
        hits.append(hit_from_stored(stored, make_snippet(stored.get("text") or "", None)))
    return tuple(sorted(hits, key=lambda h: (h.date or pack.event.start, h.title)))


_cleaned_up = False


def ready_engine(engine: Any) -> Any:
    """The engine with its facet tables built (here, off the GUI thread), and every object
    loaded so far moved out of the garbage collector's sight (`gc.freeze`): the packs and
    tables are kept for the whole session, and full collections over their 300,000 objects
    froze the window for 0.2-0.6 s while typing at 20,000 resources."""
    import gc

    engine.warm_up()
    gc.freeze()
    return engine


def load_installed_content(*, progress: ProgressCallback | None = None,
                           cancel: CancelToken | None = None,
                           build_later: bool = True) -> Content:
    """The bundled and imported packs in use (what killed imports left is cleaned first).
    An index to build is left to the window (`build_later`, see `load_content`)."""
    from mediation_kit.core.packs.installed import default_content_sources
    from mediation_kit.core.packs.problems import Problem

    global _cleaned_up
    # Once per process, at start: a reload after an import keeps the previous state, whose
    # index the window may still have open.
    sources = default_content_sources(clean_up=not _cleaned_up)
    _cleaned_up = True
    content = load_content(sources.packs, sources.shipped_index_dir, sources.index_dir,
                           progress=progress, cancel=cancel, build_later=build_later)
    content.problems += [Problem("", None, problem) for problem in sources.problems]
    return content


def load_content(packs_dir: Path | list[Path], shipped_index_dir: Path, index_cache_dir: Path,
                 *, progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None, build_later: bool = False) -> Content:
    """Loads the packs (a packs folder, or a list of pack folders), makes sure the index is
    usable (rebuilding it if needed, with the packs already loaded) and opens it.

    `build_later`: an index that must be built is not built here; the content comes back at
    once with an `index_job` (and the previous index, whole but out of date, when there is
    one), so that the events can be browsed while `build_pending_index` runs."""
    from mediation_kit.core.i18n import _
    from mediation_kit.core.packs import Library
    from mediation_kit.core.packs.library import load_pack_folders
    from mediation_kit.core.packs.problems import Problem

    import gc

    # Everything the loader makes is kept: collecting meanwhile finds nothing, and its full
    # collections (over 300,000 objects at 20,000 resources) held the interpreter's lock for
    # 0.1-0.15 s in this thread, freezing the window. What was loaded is then frozen.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if isinstance(packs_dir, list):
            loaded = load_pack_folders(packs_dir)
            library, pack_problems = loaded.library, loaded.problems
            parents, base = {folder.name: folder.parent for folder in packs_dir}, Path()
        else:
            library, pack_problems = Library.load(packs_dir)
            parents, base = {}, Path(packs_dir)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    # A pack names its files from the packs folder: the window gives the whole path, so that
    # the file can be found on this PC.
    problems: list[Any] = [
        Problem(str(parents.get(p.file.split("/")[0], base) / p.file), p.line,
                p.message) for p in pack_problems]
    engine = None
    message = ""
    try:
        from mediation_kit.core.search.engine import SearchEngine
        from mediation_kit.core.search.index import ensure_index, usable_index

        if build_later:
            status, previous = usable_index(packs_dir, shipped_index_dir, index_cache_dir)
            if status is None:
                job = IndexJob(packs_dir, shipped_index_dir, index_cache_dir)
                engine = ready_engine(SearchEngine(previous)) if previous is not None else None
                if engine is not None:
                    message = _("The content packs changed: search uses the previous index "
                                "until the new one is built.")
                else:
                    message = _("The search index is being built…")
                return Content(library=library, engine=engine, problems=problems,
                               index_message=message, index_job=job)
        else:
            status = ensure_index(packs_dir, shipped_index_dir, index_cache_dir,
                                  progress=progress, cancel=cancel,
                                  packs=list(library.packs) if library is not None else None)
        message = getattr(status, "message", "") or ""
        problems += [Problem(str(status.path), None, warning)
                     for warning in getattr(status, "warnings", ())]
        engine = ready_engine(SearchEngine(status.path))
    except Exception as error:  # the window stays usable for browsing
        log.exception("the search index could not be opened")
        message = _("Search is unavailable: {error}").format(error=error)
        if not isinstance(error, Cancelled):  # cancelled: the window is closing
            problems.append(Problem(str(index_cache_dir), None, message))
    return Content(library=library, engine=engine, problems=problems, index_message=message)


def build_pending_index(job: IndexJob, *, progress: ProgressCallback | None = None,
                        cancel: CancelToken | None = None) -> BuiltIndex:
    """Builds the index of `job` in a process of its own and opens it (run off the GUI
    thread: this thread only waits for the child's reports)."""
    from mediation_kit.core.i18n import _
    from mediation_kit.core.packs.problems import Problem
    from mediation_kit.core.search.engine import SearchEngine
    from mediation_kit.core.search.index import ensure_index

    try:
        status = ensure_index(job.packs_dir, job.shipped_index_dir, job.index_cache_dir,
                              progress=progress, cancel=cancel, in_process=False)
        problems = [Problem(str(status.path), None, w) for w in status.warnings]
        return BuiltIndex(ready_engine(SearchEngine(status.path)), status.message, problems)
    except Cancelled:
        raise
    except Exception as error:  # the window stays usable for browsing
        log.exception("the search index could not be built")
        message = _("Search is unavailable: {error}").format(error=error)
        return BuiltIndex(None, message, [Problem(str(job.index_cache_dir), None, message)])

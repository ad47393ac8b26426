"""Which index the kit uses at start-up, and how it recovers: missing, stale (packs or schema
changed) and corrupt (truncated or garbled files) all lead to a rebuild in the cache, done in
a temporary folder renamed into place."""

import json
import os

import pytest

from mediation_kit.core.search import index as search_index
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import (
    META_FILE,
    IndexSource,
    IndexState,
    build_index,
    check_index,
    ensure_index,
    index_fingerprint,
)
from mediation_kit.core.tasks import CancelToken, Cancelled


@pytest.fixture
def dirs(tmp_path, corpus, monkeypatch):
    """A packs folder (its files only feed the fingerprint: the packs themselves come from
    the test corpus), an empty shipped-index folder and an empty cache."""
    packs = tmp_path / "packs"
    (packs / "nec-2025").mkdir(parents=True)
    (packs / "nec-2025" / "pack.toml").write_text('id = "nec-2025"\n', encoding="utf-8")
    monkeypatch.setattr(search_index, "load_packs_for_index", lambda _folder: list(corpus))
    return packs, tmp_path / "shipped", tmp_path / "cache"


def whoosh_files(index_dir, pattern):
    return sorted(p for p in index_dir.iterdir() if p.match(pattern))


def leftovers(folder):
    return [p.name for p in folder.parent.iterdir() if ".building-" in p.name or ".old-" in p.name]


def test_missing_index_is_built_into_the_cache(dirs):
    packs, shipped, cache = dirs
    assert check_index(packs, shipped, cache).state is IndexState.MISSING
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and status.reason is IndexState.MISSING
    assert status.source is IndexSource.CACHE and status.path == cache
    assert status.doc_count == 18 and status.usable
    assert "rebuilt" in status.message
    # and the next start uses it as it is
    again = ensure_index(packs, shipped, cache)
    assert again.state is IndexState.OK and again.source is IndexSource.CACHE
    assert leftovers(cache) == []


def test_a_valid_shipped_index_is_used_read_only(dirs, corpus):
    packs, shipped, cache = dirs
    build_index(corpus, shipped, fingerprint=index_fingerprint(packs))
    before = {p.name: p.stat().st_mtime_ns for p in shipped.iterdir()}
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.OK and status.source is IndexSource.SHIPPED
    assert status.path == shipped
    assert not cache.exists()
    with SearchEngine(shipped) as engine:
        from mediation_kit.core.search.api import SearchQuery

        assert engine.search(SearchQuery("theatre")).total == 3
    assert {p.name: p.stat().st_mtime_ns for p in shipped.iterdir()} == before


def test_changed_packs_make_the_shipped_index_stale(dirs, corpus):
    packs, shipped, cache = dirs
    build_index(corpus, shipped, fingerprint=index_fingerprint(packs))
    # When a pack file changes
    (packs / "nec-2025" / "pack.toml").write_text('id = "nec-2025"\nversion = "2"\n',
                                                  encoding="utf-8")
    assert check_index(packs, shipped, cache).state is IndexState.STALE_PACKS
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and status.reason is IndexState.STALE_PACKS
    assert status.source is IndexSource.CACHE
    assert "changed" in status.message


def test_an_added_pack_file_changes_the_fingerprint(dirs):
    packs, _shipped, _cache = dirs
    before = index_fingerprint(packs)
    (packs / "nec-2025" / "summary.md").write_text("x", encoding="utf-8")
    assert index_fingerprint(packs) != before


def test_another_schema_version_is_stale(dirs):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    meta = json.loads((cache / META_FILE).read_text(encoding="utf-8"))
    meta["schema"] = -1
    (cache / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    assert check_index(packs, shipped, cache).state is IndexState.STALE_SCHEMA
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and status.reason is IndexState.STALE_SCHEMA


# The term index, the postings, the stored fields and the table of contents.
@pytest.mark.parametrize("pattern", ["*.trm", "*.pst", "*_stored.col", "_MAIN_*.toc"])
def test_a_truncated_file_is_corrupt_and_rebuilt(dirs, pattern):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    victim = whoosh_files(cache, pattern)[0]
    data = victim.read_bytes()
    victim.write_bytes(data[: len(data) // 2])
    assert check_index(packs, shipped, cache).state is IndexState.CORRUPT
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and status.reason is IndexState.CORRUPT
    with SearchEngine(status.path) as engine:
        from mediation_kit.core.search.api import SearchQuery

        assert engine.search(SearchQuery("theatre")).total == 3


@pytest.mark.parametrize("pattern", ["*.trm", "*.pst", "*_stored.col", "_MAIN_*.toc"])
def test_a_garbled_file_of_the_same_size_is_corrupt_and_rebuilt(dirs, pattern):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    victim = whoosh_files(cache, pattern)[0]
    data = bytearray(victim.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8] = bytes(b ^ 0xFF for b in data[middle:middle + 8])
    victim.write_bytes(bytes(data))
    assert check_index(packs, shipped, cache).state is IndexState.CORRUPT
    assert ensure_index(packs, shipped, cache).state is IndexState.REBUILT
    assert check_index(packs, shipped, cache).state is IndexState.OK


def test_a_missing_metadata_file_is_corrupt(dirs):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    (cache / META_FILE).unlink()
    assert check_index(packs, shipped, cache).state is IndexState.CORRUPT


def test_a_corrupt_shipped_index_falls_back_to_a_rebuilt_cache(dirs, corpus):
    packs, shipped, cache = dirs
    build_index(corpus, shipped, fingerprint=index_fingerprint(packs))
    for toc in whoosh_files(shipped, "*.toc"):
        toc.write_bytes(b"garbage")
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and status.source is IndexSource.CACHE
    assert status.reason is IndexState.CORRUPT
    assert shipped.exists()  # the shipped index is never touched


def test_progress_is_reported_while_building(dirs):
    packs, shipped, cache = dirs
    reports = []
    ensure_index(packs, shipped, cache, progress=reports.append)
    assert reports[0].done == 0 and reports[-1].done == reports[-1].total == 18
    assert all(r.message for r in reports)


def test_a_cancelled_build_leaves_nothing_and_keeps_the_previous_index(dirs, corpus):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    before = sorted(p.name for p in cache.iterdir())
    token = CancelToken()

    def cancel_when_writing(progress):
        if progress.done > 0:
            token.cancel()

    many = corpus * 30  # enough documents for a progress report mid-way
    with pytest.raises(Cancelled):
        build_index(many, cache, progress=cancel_when_writing, cancel=token, fingerprint="x")
    assert sorted(p.name for p in cache.iterdir()) == before
    assert leftovers(cache) == []
    assert check_index(packs, shipped, cache).state is IndexState.OK


def test_a_cancelled_first_build_leaves_no_folder(dirs):
    packs, shipped, cache = dirs
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ensure_index(packs, shipped, cache, cancel=token)
    assert not cache.exists()
    assert leftovers(cache) == []


def test_a_crash_mid_build_leaves_the_installed_index_whole(dirs, corpus, monkeypatch):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)

    def power_cut(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(search_index, "_write_meta", power_cut)
    with pytest.raises(OSError):
        build_index(corpus, cache, fingerprint="y")
    assert check_index(packs, shipped, cache).state is IndexState.OK
    assert leftovers(cache) == []


def test_an_unwritable_cache_gives_a_clear_error(dirs, tmp_path):
    packs, shipped, _cache = dirs
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(search_index.IndexBuildError) as error:
        ensure_index(packs, shipped, blocker / "cache" / "index")
    assert str(blocker) in str(error.value)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_checking_does_not_build(dirs):
    packs, shipped, cache = dirs
    status = check_index(packs, shipped, cache)
    assert not status.usable and not cache.exists()
    assert "no index" in status.message


def test_nothing_is_left_in_the_index_folder_but_whoosh_files_and_metadata(dirs):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    names = os.listdir(cache)
    assert META_FILE in names
    assert not [n for n in names if n.endswith(".tmp")]


def test_two_builds_of_the_same_packs_are_identical(corpus, tmp_path):
    # The release seeds `random` (Whoosh names its files at random) for reproducible builds
    import random

    contents = []
    for name in ("a", "b"):
        random.seed(1234)
        build_index(corpus, tmp_path / name, fingerprint="same")
        contents.append({p.name: p.read_bytes() for p in (tmp_path / name).iterdir()})
    assert contents[0] == contents[1]

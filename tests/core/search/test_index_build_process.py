"""The index is built in a process of its own, reports every phase, can be cancelled; whether
it is stale is known from the files' sizes and times, without reading every pack file."""

import multiprocessing
import os
import shutil

import pytest

from mediation_kit.core import paths
from mediation_kit.core.search import index as search_index
from mediation_kit.core.search.build_process import build_in_process
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import (
    IndexState,
    ensure_index,
    index_fingerprint,
    inspect_index,
    read_meta,
    stat_cache_for,
)
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.tasks import CancelToken, Cancelled

BUILDER_NAME = "mediation-kit-index-build"


@pytest.fixture
def packs(tmp_path):
    """A copy of one bundled pack (real content, a few dozen resources)."""
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copytree(paths.packs_dir() / "rns-2024", folder / "rns-2024")
    return folder


def test_the_build_runs_in_a_child_process_and_reports_every_phase(packs, tmp_path):
    reports, builders = [], set()

    def progress(report):
        reports.append(report)
        builders.update(p.name for p in multiprocessing.active_children())

    count = build_in_process(packs, tmp_path / "index", progress, fingerprint="f")

    assert count > 10
    assert BUILDER_NAME in builders  # the work happened in the child, not in this process
    messages = [r.message for r in reports]
    phases = ["Reading the content packs", "Counting words", "Indexed 0 of", "Writing the index",
              "Index ready"]
    firsts = [next(i for i, m in enumerate(messages) if m.startswith(p)) for p in phases]
    assert firsts == sorted(firsts), messages
    # Writing the index moves from 0 to its total, not one message at 100 %.
    writing = [r for r in reports if r.message.startswith("Writing the index")]
    assert writing[0].done == 0 and writing[-1].done > 0 and len({r.done for r in writing}) > 2
    assert all(r.done <= r.total for r in writing)
    with SearchEngine(tmp_path / "index") as engine:
        assert engine.search(SearchQuery("Strasbourg")).total > 0
    assert multiprocessing.active_children() == []


def test_a_cancelled_child_build_leaves_nothing(packs, tmp_path):
    token = CancelToken()

    def progress(report):
        if report.message.startswith("Counting words"):
            token.cancel()

    with pytest.raises(Cancelled):
        build_in_process(packs, tmp_path / "index", progress, token, fingerprint="f")
    assert not (tmp_path / "index").exists()
    assert [p.name for p in tmp_path.iterdir() if ".building-" in p.name] == []
    assert multiprocessing.active_children() == []


def test_ensure_index_can_build_out_of_process(packs, tmp_path):
    status = ensure_index(packs, tmp_path / "shipped", tmp_path / "cache", in_process=False)
    assert status.state is IndexState.REBUILT and status.doc_count > 10
    assert ensure_index(packs, tmp_path / "shipped", tmp_path / "cache").state is IndexState.OK


def _age(folder, seconds=3600):
    """Files written a while ago (a file modified in the last seconds is always re-read)."""
    old = os.stat(folder).st_mtime - seconds
    for root, _dirs, names in os.walk(folder):
        for name in names:
            os.utime(os.path.join(root, name), (old, old))


def test_staleness_is_known_from_sizes_and_times_hashing_only_changed_files(
        packs, tmp_path, monkeypatch):
    _age(packs)
    cache = stat_cache_for(tmp_path / "cache")
    full = index_fingerprint(packs)
    assert index_fingerprint(packs, cache) == full  # the same value, with or without cache
    hashed = []
    real_hash = search_index._file_hash
    monkeypatch.setattr(search_index, "_file_hash",
                        lambda path, size: hashed.append(path) or real_hash(path, size))

    assert index_fingerprint(packs, cache) == full
    assert hashed == []  # nothing read: every file's size and time matched

    summary = next((packs / "rns-2024" / "summaries").glob("*.md"))
    summary.write_text(summary.read_text(encoding="utf-8") + "\nUne ligne de plus.\n",
                       encoding="utf-8")
    _age(packs, 60)
    changed = index_fingerprint(packs, cache)
    assert changed != full
    assert len(hashed) == len(list(packs.rglob("*.*")))  # every time moved: all read again
    hashed.clear()
    assert index_fingerprint(packs, cache) == changed and hashed == []


def test_a_file_changed_with_the_same_size_and_time_as_recorded_is_hashed_when_recent(
        packs, tmp_path):
    """A file just written is never trusted to its time (it may not have ticked yet)."""
    cache = stat_cache_for(tmp_path / "cache")
    pack_toml = packs / "rns-2024" / "pack.toml"
    os.utime(pack_toml)  # written just now
    before = index_fingerprint(packs, cache)
    text = pack_toml.read_text(encoding="utf-8")
    stat = pack_toml.stat()
    pack_toml.write_text(text.replace("1.3.0", "1.3.1"), encoding="utf-8")  # same size
    os.utime(pack_toml, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert index_fingerprint(packs, cache) != before


def test_the_start_up_check_does_not_read_big_index_files_whole(packs, tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    build_in_process(packs, index_dir, fingerprint="f")
    meta = read_meta(index_dir)
    assert isinstance(meta["edges"], dict)
    # Pretend files over 64 bytes are big: the check then reads their ends only.
    monkeypatch.setattr(search_index, "_WHOLE_HASH_LIMIT", 64)
    monkeypatch.setattr(search_index, "_EDGE", 16)
    search_index._write_meta(index_dir, "f", meta["doc_count"], search_index._Labels(), {})
    read = []
    real_read = search_index.Path.read_bytes
    monkeypatch.setattr(search_index.Path, "read_bytes",
                        lambda self: read.append(self.name) or real_read(self))
    assert inspect_index(index_dir, "f")[0] is IndexState.OK
    assert all((index_dir / name).stat().st_size <= 64 for name in read)
    # and a damaged end is still found
    postings = max(index_dir.glob("*.pst"), key=lambda p: p.stat().st_size)
    data = bytearray(postings.read_bytes())
    data[-1] ^= 0xFF
    postings.write_bytes(bytes(data))
    assert inspect_index(index_dir, "f")[0] is IndexState.CORRUPT


def test_facets_count_every_value_and_list_years_in_order(packs, tmp_path):
    build_in_process(packs, tmp_path / "index", fingerprint="f")
    with SearchEngine(tmp_path / "index") as engine:
        results = engine.search(SearchQuery("", filters={"type": frozenset({"summary"})}))
        for facet, counts in results.facets.items():
            assert results.facet_totals[facet] >= len(counts)
        every = engine.facet_values(SearchQuery("", filters={"type": frozenset({"summary"})}),
                                    "speaker")
        assert len(every) == results.facet_totals["speaker"]
        years = [c.value for c in results.facets.get("year", ())]
        assert years == sorted(years, reverse=True)

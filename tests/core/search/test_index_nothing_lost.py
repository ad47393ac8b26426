"""Building an index never removes what the kit did not create, and interrupted builds leave
nothing behind after the next start: `index build --output`, the cache at start-up, killed
builds (SIGKILL, SIGTERM), a full disk, and metadata of the wrong types."""

import errno
import gc
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mediation_kit.cli import run_cli
from mediation_kit.core.search import index as search_index
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import (
    META_FILE,
    IndexSource,
    IndexState,
    check_index,
    clean_leftovers,
    ensure_index,
)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its content: what must not change."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.parent.iterdir()
                  if ".building-" in p.name or ".old-" in p.name)


@pytest.fixture
def packs(tmp_path, disk_pack):
    root = tmp_path / "resources" / "packs"
    disk_pack(root)
    return root


@pytest.fixture
def dirs(tmp_path, corpus, monkeypatch):
    """As in test_index_states: packs (for the fingerprint), shipped index, cache."""
    packs = tmp_path / "packs"
    (packs / "nec-2025").mkdir(parents=True)
    (packs / "nec-2025" / "pack.toml").write_text('id = "nec-2025"\n', encoding="utf-8")
    monkeypatch.setattr(search_index, "load_packs_for_index", lambda _folder: list(corpus))
    return packs, tmp_path / "shipped", tmp_path / "cache" / "index"


# --- index build --output ------------------------------------------------------------------


def test_build_refuses_the_resources_folder_and_leaves_every_pack(packs, capsys):
    resources = packs.parent
    before = snapshot(resources)
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(resources)]) == 2
    err = capsys.readouterr().err
    assert str(resources) in err
    assert "is not empty and is not a search index of the kit" in err
    assert "Traceback" not in err
    assert snapshot(resources) == before
    assert leftovers(resources) == []


def test_build_refuses_a_folder_of_someones_files(packs, tmp_path, capsys):
    folder = tmp_path / "Documents"
    (folder / "photos").mkdir(parents=True)
    (folder / "letter.odt").write_bytes(b"dear...")
    (folder / "photos" / "a.jpg").write_bytes(b"\xff\xd8")
    before = snapshot(folder)
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(folder)]) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert snapshot(folder) == before


def test_build_refuses_a_file_with_content(packs, tmp_path, capsys):
    target = tmp_path / "notes.txt"
    target.write_text("my notes", encoding="utf-8")
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(target)]) == 2
    assert "is a file, not an index folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my notes"


def test_build_replaces_its_own_index_and_an_empty_folder(packs, tmp_path, capsys):
    output = tmp_path / "ix"
    output.mkdir()
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(output)]) == 0
    assert (output / META_FILE).is_file()
    # again, over the kit's own index
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(output)]) == 0
    assert "Indexed 5 resources" in capsys.readouterr().out
    assert leftovers(output) == []


def test_replacing_an_empty_file_at_the_index_path_leaves_nothing_behind(packs, tmp_path):
    output = tmp_path / "ix"
    output.write_bytes(b"")
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(output)]) == 0
    assert (output / META_FILE).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ix", "resources"]


# --- the cache at start-up -----------------------------------------------------------------


def test_a_file_at_the_cache_path_is_kept_aside_and_the_index_rebuilt(dirs, capsys):
    packs, shipped, cache = dirs
    cache.parent.mkdir(parents=True)
    cache.write_text("someone's notes", encoding="utf-8")
    # index check says what is there and what will be done, touching nothing
    assert run_cli(["index", "check", "--packs", str(packs), "--shipped", str(shipped),
                    "--cache", str(cache)]) == 1
    out = capsys.readouterr().out
    assert f"{cache} is not an index of the kit" in out and "keep it aside" in out
    assert cache.read_text(encoding="utf-8") == "someone's notes"
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and status.usable
    (kept,) = [p for p in cache.parent.iterdir() if p.name.startswith("index.moved-aside-")]
    assert kept.read_text(encoding="utf-8") == "someone's notes"
    assert kept.name in status.message and "was not an index of the kit" in status.message
    assert check_index(packs, shipped, cache).state is IndexState.OK


def test_a_dangling_link_at_the_cache_path_is_kept_aside_and_the_index_rebuilt(dirs, tmp_path):
    packs, shipped, cache = dirs
    cache.parent.mkdir(parents=True)
    cache.symlink_to(tmp_path / "unplugged-drive" / "index")
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and cache.is_dir() and not cache.is_symlink()
    (kept,) = [p for p in cache.parent.iterdir() if p.name.startswith("index.moved-aside-")]
    assert kept.is_symlink() and os.readlink(kept) == str(tmp_path / "unplugged-drive" / "index")
    # and the next start just uses it
    assert ensure_index(packs, shipped, cache).state is IndexState.OK


@pytest.mark.parametrize("kind", ["file", "dangling link"])
def test_a_cache_folder_that_is_not_a_folder_is_kept_aside(dirs, tmp_path, kind):
    packs, shipped, cache = dirs
    # ~/.cache/mediation-kit itself is a file or a link to nowhere
    if kind == "file":
        cache.parent.write_text("someone's notes", encoding="utf-8")
    else:
        cache.parent.symlink_to(tmp_path / "unplugged")
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and (cache / META_FILE).is_file()
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("cache.moved-aside-")]
    if kind == "file":
        assert kept.read_text(encoding="utf-8") == "someone's notes"
    else:
        assert kept.is_symlink()
    assert f"{cache.parent} was not a folder" in status.message
    assert status.warnings and kept.name in status.warnings[0]


def test_a_link_to_a_folder_is_followed(dirs, tmp_path):
    packs, shipped, cache = dirs
    elsewhere = tmp_path / "big-disk" / "index"
    elsewhere.mkdir(parents=True)
    cache.parent.mkdir(parents=True)
    cache.symlink_to(elsewhere)
    assert ensure_index(packs, shipped, cache).state is IndexState.REBUILT
    assert cache.is_symlink() and (elsewhere / META_FILE).is_file()
    assert ensure_index(packs, shipped, cache).state is IndexState.OK


def test_a_link_to_someones_folder_is_moved_aside_not_the_folder(dirs, tmp_path):
    packs, shipped, cache = dirs
    photos = tmp_path / "Photos"
    photos.mkdir()
    (photos / "a.jpg").write_bytes(b"\xff\xd8")
    cache.parent.mkdir(parents=True)
    cache.symlink_to(photos)
    assert ensure_index(packs, shipped, cache).state is IndexState.REBUILT
    assert snapshot(photos) == {"a.jpg": b"\xff\xd8"}
    (kept,) = [p for p in cache.parent.iterdir() if p.name.startswith("index.moved-aside-")]
    assert kept.is_symlink() and kept.resolve() == photos
    assert not cache.is_symlink() and (cache / META_FILE).is_file()


def test_someones_folder_at_the_cache_path_is_kept_whole(dirs):
    packs, shipped, cache = dirs
    (cache / "sub").mkdir(parents=True)
    (cache / "sub" / "mine.txt").write_text("keep me", encoding="utf-8")
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT
    (kept,) = [p for p in cache.parent.iterdir() if p.name.startswith("index.moved-aside-")]
    assert (kept / "sub" / "mine.txt").read_text(encoding="utf-8") == "keep me"


# --- a full disk ---------------------------------------------------------------------------


# Whoosh leaves the file it failed to write open until it is garbage: collected in the test.
FULL_DISK_WARNINGS = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")


@FULL_DISK_WARNINGS
def test_on_a_full_disk_the_old_index_is_kept_and_used(dirs, corpus, monkeypatch):
    from whoosh.filedb.structfile import StructFile

    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    before = snapshot(cache)
    # Given packs that changed since, and a disk that fills up while writing
    (packs / "nec-2025" / "pack.toml").write_text('id = "nec-2025"\nversion = "2"\n',
                                                  encoding="utf-8")

    def disk_full(self, *_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(StructFile, "write", disk_full)
    status = ensure_index(packs, shipped, cache)
    monkeypatch.undo()
    # Then the old index is used, and the message says why
    assert status.usable and status.state is IndexState.KEPT and status.path == cache
    assert status.source is IndexSource.CACHE and status.doc_count == 18
    assert os.strerror(errno.ENOSPC) in status.message
    assert "previous one is used" in status.message
    assert snapshot(cache) == before and leftovers(cache) == []
    with SearchEngine(status.path) as engine:
        assert engine.search(SearchQuery("theatre")).total == 3
    gc.collect()


@FULL_DISK_WARNINGS
def test_on_a_full_disk_with_no_old_index_the_error_is_clear(dirs, monkeypatch):
    from whoosh.filedb.structfile import StructFile

    packs, shipped, cache = dirs

    def disk_full(self, *_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(StructFile, "write", disk_full)
    with pytest.raises(search_index.IndexBuildError) as error:
        ensure_index(packs, shipped, cache)
    assert os.strerror(errno.ENOSPC) in str(error.value) and str(cache) in str(error.value)
    assert leftovers(cache) == []
    del error
    gc.collect()


# --- metadata of the wrong types -----------------------------------------------------------


@pytest.mark.parametrize("field, value", [
    ("labels", []),
    ("labels", {"event": ["x"]}),
    ("frequent_terms", {"fr": 5}),
    ("frequent_terms", ["a"]),
    ("doc_count", "18"),
    ("fingerprint", 7),
    ("files", {"a.seg": "x"}),
])
def test_metadata_of_the_wrong_type_is_damaged_and_rebuilt(dirs, field, value, capsys):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    meta = json.loads((cache / META_FILE).read_text(encoding="utf-8"))
    meta[field] = value
    (cache / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    # index check calls it damaged
    assert run_cli(["index", "check", "--packs", str(packs), "--shipped", str(shipped),
                    "--cache", str(cache)]) == 1
    assert "State: damaged" in capsys.readouterr().out
    # and the next start rebuilds it, so that search works
    status = ensure_index(packs, shipped, cache)
    assert status.state is IndexState.REBUILT and status.reason is IndexState.CORRUPT
    with SearchEngine(status.path) as engine:
        assert engine.search(SearchQuery("theatre")).total == 3


# --- leftovers of killed builds ------------------------------------------------------------


def test_only_the_kits_own_leftovers_are_removed(dirs, tmp_path):
    packs, shipped, cache = dirs
    ensure_index(packs, shipped, cache)
    # a leftover of the kit (its files, its marker) and look-alikes that are not the kit's
    ours = cache.parent / ".index.building-0123abcd"
    ours.mkdir()
    (ours / search_index.MARKER_FILE).write_text('{"pid": 999999999}', encoding="utf-8")
    (ours / "_MAIN_1.toc").write_bytes(b"x" * 1000)
    empty = cache.parent / ".index.old-89abcdef"
    empty.mkdir()
    not_ours = cache.parent / ".index.building-feedf00d"
    not_ours.mkdir()
    (not_ours / "holiday.jpg").write_bytes(b"\xff\xd8")
    other_name = cache.parent / ".photos.old-0123abcd"
    other_name.mkdir()
    (other_name / META_FILE).write_text("{}", encoding="utf-8")
    removed = clean_leftovers(cache)
    assert sorted(p.name for p in removed) == [".index.building-0123abcd", ".index.old-89abcdef"]
    assert (not_ours / "holiday.jpg").exists() and (other_name / META_FILE).exists()


def test_the_leftover_of_a_build_still_running_is_left_alone(dirs):
    packs, shipped, cache = dirs
    cache.parent.mkdir(parents=True)
    running = cache.parent / ".index.building-0123abcd"
    running.mkdir()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as other:
        try:
            (running / search_index.MARKER_FILE).write_text(json.dumps({"pid": other.pid}),
                                                            encoding="utf-8")
            assert clean_leftovers(cache) == [] and running.exists()
        finally:
            other.kill()
    assert [p.name for p in clean_leftovers(cache)] == [running.name]


# A build that stops for a long time once its temporary folder exists, so that it can be
# killed mid-way; the rest is the real `mediation-kit index build`.
SLOW_BUILD = textwrap.dedent("""
    import sys, time
    from mediation_kit.core.search import index
    from mediation_kit.cli import run_cli

    real_report = index.report

    def slow_report(progress, done, total, message):
        real_report(progress, done, total, message)
        print("building", flush=True)
        time.sleep(60)

    index.report = slow_report
    sys.exit(run_cli(sys.argv[1:]))
""")


def start_slow_build(packs: Path, output: Path) -> subprocess.Popen:
    env = {**os.environ, "LANGUAGE": "en"}
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, "index", "build", "--packs", str(packs),
         "--output", str(output)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env)
    assert process.stdout.readline().strip() == "building", process.stderr.read()
    return process


def test_a_sigkilled_build_leaves_nothing_after_the_next_start(packs, tmp_path, capsys):
    output = tmp_path / "ix"
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(output)]) == 0
    before = snapshot(output)
    for _kill in range(3):
        process = start_slow_build(packs, output)
        process.kill()
        process.wait(10)
        process.stdout.close()
        process.stderr.close()
        # A killed process cannot clean up: its temporary is there (each start removed the
        # one before, so they never pile up)...
        assert len(leftovers(output)) == 1
        assert snapshot(output) == before  # ...and the index in place is whole
    # When the kit starts again (here a build; the window's start-up calls the same clean-up)
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(output)]) == 0
    assert "left by an interrupted build" in capsys.readouterr().err
    assert leftovers(output) == []


def test_the_app_start_up_removes_what_a_killed_build_left(packs, tmp_path):
    cache = tmp_path / "cache" / "index"
    process = start_slow_build(packs, cache)
    process.kill()
    process.wait(10)
    process.stdout.close()
    process.stderr.close()
    assert len(leftovers(cache)) == 1
    status = ensure_index(packs, tmp_path / "no-shipped-index", cache)
    assert status.usable and leftovers(cache) == []


def test_a_sigterm_during_a_build_cleans_up_at_once(packs, tmp_path):
    output = tmp_path / "ix"
    assert run_cli(["index", "build", "--packs", str(packs), "--output", str(output)]) == 0
    before = snapshot(output)
    process = start_slow_build(packs, output)
    assert len(leftovers(output)) == 1
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=20)
    assert process.returncode == 128 + signal.SIGTERM
    assert "Interrupted: the index in" in err and "Traceback" not in err
    assert leftovers(output) == []
    assert snapshot(output) == before


def test_a_sigterm_during_a_first_build_leaves_no_folder(packs, tmp_path):
    output = tmp_path / "first" / "ix"
    process = start_slow_build(packs, output)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=20)
    assert process.returncode == 128 + signal.SIGTERM
    assert not output.exists() and leftovers(output) == []

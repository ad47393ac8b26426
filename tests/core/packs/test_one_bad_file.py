"""One bad file costs only its pack (or only its record): the other packs load, and the broken
one is named with its problem, by the loader and by every command that loads packs."""

from __future__ import annotations

import json
import os
import threading

import pytest

from mediation_kit.__main__ import main
from mediation_kit.core.packs import load_pack, load_packs
from pack_samples import KIT_TOML, PACK_TOML

BROKEN_PACK_TOML = PACK_TOML.replace('id = "demo-2025"', 'id = "broken"')
DEEP = "deep = " + "[" * 100_000 + "]" * 100_000 + "\n"


@pytest.fixture
def two_packs(tmp_path, make_pack):
    """make two_packs({...}): a valid pack "demo-2025" beside a pack "broken" with these files
    changed; returns the folder holding both."""

    def make(changes: dict) -> object:
        make_pack()
        make_pack({"pack.toml": BROKEN_PACK_TOML, **changes}, pack_id="broken")
        return tmp_path

    return make


def assert_only_the_good_pack_loads(result, file: str, message: str) -> None:
    assert [pack.id for pack in result.packs] == ["demo-2025"]
    good = result.library.pack("demo-2025")
    assert (len(good.summaries), len(good.replays), len(good.kit)) == (2, 2, 2)
    named = [p for p in result.problems if p.file == file]
    assert named and message in named[0].message, [str(p) for p in result.problems]
    assert not [p for p in result.problems if p.file.startswith("demo-2025")]


def test_a_deeply_nested_array_costs_only_its_pack(two_packs):
    folder = two_packs({"pack.toml": BROKEN_PACK_TOML.replace("[event]", DEEP + "[event]")})
    result = load_packs(folder)
    assert_only_the_good_pack_loads(result, "broken/pack.toml",
                                    "lists or tables are nested inside each other too deeply")


def test_a_deeply_nested_table_in_a_summary_costs_only_that_summary(make_pack):
    nested = "x = " + "{a = " * 50_000 + "1" + "}" * 50_000 + "\n"
    root = make_pack({"summaries/zz.md": f"+++\n{nested}+++\nText\n"})
    result = load_pack(root)
    assert sorted(s.id for s in result.pack.summaries) == ["ouverture", "ouverture-en"]
    [problem] = result.problems
    assert problem.file == "demo-2025/summaries/zz.md"
    assert "nested inside each other too deeply" in problem.message


def test_a_nul_in_a_kit_file_name_costs_only_that_asset(two_packs):
    folder = two_packs({"kit/kit.toml": KIT_TOML.replace('"affiche.svg"', '"affi\\u0000che.svg"')})
    result = load_packs(folder)
    broken = result.library.pack("broken")
    assert [asset.id for asset in broken.kit] == ["communique"]
    [problem] = [p for p in result.problems if p.file == "broken/kit/kit.toml"]
    assert problem.line == 4
    assert problem.message == ('file "affi\\x00che.svg" in [[asset]] "affiche": the file name '
                               "holds a control character")


def test_a_nul_in_a_transcript_name_costs_only_the_transcript(make_pack):
    from pack_samples import REPLAYS_TOML

    root = make_pack({"replays.toml": REPLAYS_TOML.replace(
        '"replays/ouverture.vtt"', '"replays/\\u0000.vtt"')})
    result = load_pack(root)
    replay = result.pack.replays[0]
    assert replay.id == "ouverture" and replay.cues == ()
    [problem] = result.problems
    assert "the file name holds a control character" in problem.message


def _deny(monkeypatch, denied) -> None:
    """Makes listing `denied` fail as it does for a folder without read permission (the
    tests run as root, whom chmod does not stop)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(denied):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_pack_folder_costs_only_its_pack(two_packs, tmp_path, monkeypatch):
    folder = two_packs({})
    _deny(monkeypatch, (tmp_path / "broken").resolve())
    result = load_packs(folder)
    assert_only_the_good_pack_loads(
        result, "broken", "the pack folder cannot be read (Permission denied): the pack is "
                          "left out")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads a folder whatever its permissions: the test above "
                           "simulates it")
def test_an_unreadable_pack_folder_for_a_user_who_cannot_read_it(two_packs, tmp_path):
    folder = two_packs({})
    (folder / "broken").chmod(0)
    try:
        result = load_packs(folder)
    finally:
        (folder / "broken").chmod(0o755)
    assert_only_the_good_pack_loads(result, "broken", "the pack folder cannot be read")


def test_an_unreadable_summaries_folder_is_named(make_pack, monkeypatch):
    root = make_pack()
    _deny(monkeypatch, root.resolve() / "summaries")
    result = load_pack(root)
    assert result.pack is not None and result.pack.summaries == ()
    assert len(result.pack.replays) == 2 and len(result.pack.kit) == 2
    messages = [str(p) for p in result.problems]
    assert ("demo-2025/summaries: the folder cannot be read (Permission denied): its summaries "
            "are left out") in messages


def test_a_missing_pack_toml_is_named(two_packs, tmp_path):
    folder = two_packs({})
    (tmp_path / "broken" / "pack.toml").unlink()
    result = load_packs(folder)
    assert_only_the_good_pack_loads(result, "broken/pack.toml",
                                    "missing: a pack folder must contain a pack.toml file")


def test_an_unexpected_error_costs_only_its_pack(two_packs, monkeypatch):
    """Whatever a pack holds, a bug while reading it is a problem named for that pack."""
    from mediation_kit.core.packs import loader

    folder = two_packs({})
    real = loader._PackLoader.load

    def load(self):
        if self.root.name == "broken":
            raise KeyError("boom")
        return real(self)

    monkeypatch.setattr(loader._PackLoader, "load", load)
    result = load_packs(folder)
    assert_only_the_good_pack_loads(result, "broken", "unexpected error (KeyError: 'boom')")


# --- every command that loads packs names the broken one ---------------------------------

def test_validate_names_the_broken_pack_without_a_traceback(two_packs, tmp_path, capsys):
    two_packs({"pack.toml": BROKEN_PACK_TOML.replace("[event]", DEEP + "[event]")})
    code = main(["pack", "validate", str(tmp_path / "demo-2025"), str(tmp_path / "broken")])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.splitlines() == [
        "broken/pack.toml: not usable: lists or tables are nested inside each other too deeply",
        "1 problem in 1 pack"]
    assert "Traceback" not in captured.err


def test_validate_names_an_unreadable_pack_folder(two_packs, tmp_path, monkeypatch, capsys):
    two_packs({})
    _deny(monkeypatch, (tmp_path / "broken").resolve())
    code = main(["pack", "validate", str(tmp_path / "demo-2025"), str(tmp_path / "broken")])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.splitlines() == [
        "broken: the pack folder cannot be read (Permission denied): the pack is left out",
        "1 problem in 1 pack"]


def test_list_and_build_name_the_broken_pack(two_packs, tmp_path, capsys):
    two_packs({"pack.toml": BROKEN_PACK_TOML.replace("[event]", DEEP + "[event]")})
    assert main(["pack", "list", "--packs", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("demo-2025 1.0.0")
    assert "broken/pack.toml: not usable" in captured.err
    code = main(["index", "build", "--packs", str(tmp_path), "--output",
                 str(tmp_path / "index")])
    captured = capsys.readouterr()
    assert code == 0
    assert "broken/pack.toml: not usable" in captured.err
    assert "Traceback" not in captured.err


def test_self_test_names_the_broken_pack(two_packs, tmp_path, monkeypatch):
    from mediation_kit.cli import selftest
    from mediation_kit.core import paths

    two_packs({"pack.toml": BROKEN_PACK_TOML.replace("[event]", DEEP + "[event]")})
    monkeypatch.setattr(paths, "packs_dir", lambda: tmp_path)
    details = selftest.CoreChecks().check_library()
    assert details["packs"] == ["demo-2025"]
    assert details["problems"] == 1
    assert details["left_out"] == [
        "broken/pack.toml: not usable: lists or tables are nested inside each other too deeply"]
    json.dumps(details)


# --- hangs ------------------------------------------------------------------------------

def _load_within(root, seconds: float = 20):
    """load_pack in a thread, failing the test (instead of hanging it) when it blocks."""
    result = []
    worker = threading.Thread(target=lambda: result.append(load_pack(root)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"loading {root} did not finish in {seconds} s"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_summary_does_not_block(make_pack):
    root = make_pack()
    os.mkfifo(root / "summaries" / "x.md")
    result = _load_within(root)
    assert len(result.pack.summaries) == 2
    [problem] = result.problems
    assert str(problem) == "demo-2025/summaries/x.md: is a named pipe, not a file: it is not read"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_summary_linked_to_dev_zero_is_not_read(make_pack):
    root = make_pack()
    (root / "summaries" / "zero.md").symlink_to("/dev/zero")
    result = _load_within(root)
    assert len(result.pack.summaries) == 2
    [problem] = result.problems
    assert problem.file == "demo-2025/summaries/zero.md"
    assert "outside the pack folder" in problem.message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_never_read(tmp_path):
    """Seen from a pack rooted at /dev, /dev/zero is inside: it is refused as a device."""
    from pathlib import Path

    from mediation_kit.core.packs.files import PackFileError, read_bytes

    with pytest.raises(PackFileError, match="is a device, not a file"):
        read_bytes(Path("/dev/zero"), Path("/dev"), 1000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_fifos_as_pack_files_do_not_block(two_packs, tmp_path):
    folder = two_packs({"replays.toml": None, "kit/kit.toml": None, "replays/ouverture.vtt": None})
    os.mkfifo(tmp_path / "broken" / "replays.toml")
    os.mkfifo(tmp_path / "broken" / "kit" / "kit.toml")
    result = load_packs(folder)
    broken = result.library.pack("broken")
    assert (len(broken.summaries), broken.replays, broken.kit) == (2, (), ())
    assert sorted(str(p) for p in result.problems) == [
        "broken/kit/kit.toml: is a named pipe, not a file: it is not read",
        "broken/replays.toml: is a named pipe, not a file: it is not read"]


def test_a_summary_linked_outside_the_pack_is_refused(make_pack, tmp_path):
    from pack_samples import SUMMARY_EN

    root = make_pack()
    outside = tmp_path / "elsewhere.md"
    outside.write_text(SUMMARY_EN.replace('"ouverture-en"', '"dehors"', 1), encoding="utf-8")
    (root / "summaries" / "dehors.md").symlink_to(outside)
    result = load_pack(root)
    assert sorted(s.id for s in result.pack.summaries) == ["ouverture", "ouverture-en"]
    [problem] = result.problems
    assert str(problem) == ("demo-2025/summaries/dehors.md: it leads outside the pack folder: "
                            "it is not read")


def test_a_summary_linked_inside_the_pack_is_read(make_pack):
    from pack_samples import SUMMARY_EN

    root = make_pack({"notes/other.md": SUMMARY_EN.replace('"ouverture-en"', '"autre"', 1)
                      .replace('translation = "ouverture"\n', "")})
    (root / "summaries" / "autre.md").symlink_to(root / "notes" / "other.md")
    result = load_pack(root)
    assert "autre" in [s.id for s in result.pack.summaries]
    assert result.problems == []

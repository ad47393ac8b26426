"""Limits a pack must keep (resources/README.md, "Limits") and file names that travel to
Windows: each is a problem the validator names, and only what breaks a limit is lost."""

from __future__ import annotations

import pytest

from mediation_kit.core.packs import limits, load_pack, load_packs
from mediation_kit.core.packs.portable_names import name_problem
from pack_samples import PACK_TOML, REPLAYS_TOML, SUMMARY_EN

WHOLE_PACK = (2, 2, 2)  # summaries, replays, kit files of the sample pack


def counts(pack) -> tuple[int, int, int]:
    return len(pack.summaries), len(pack.replays), len(pack.kit)


@pytest.mark.parametrize("name, message", [
    ("CON.md", "CON is the name of a device on Windows, even with an extension"),
    ("aux.png", "AUX is the name of a device on Windows"),
    ("nul", "NUL is the name of a device on Windows"),
    ("com1.tar.gz", "COM1 is the name of a device on Windows"),
    ("LPT9 .txt", "LPT9 is the name of a device on Windows"),
    ("a:b?.png", "the name holds : ?, which Windows does not allow in a file name"),
    ('say "hi" <now>|.md', 'the name holds " < > |, which Windows does not allow'),
    ("back\\slash.md", "the name holds \\, which Windows does not allow"),
    ("trailing.", "the name ends with a dot or a space, which Windows removes"),
    ("trailing ", "the name ends with a dot or a space"),
    ("tab\there", "the name holds a control character"),
    ("x" * 256, "the name is longer than 255 characters"),
])
def test_names_windows_cannot_hold(name, message):
    assert message in name_problem(name)


@pytest.mark.parametrize("name", ["affiche.png", "console.md", "auxiliaire.png", "com10.txt",
                                  "con-2025.md", "été 2025.md", "a.b.c", "LPT.txt"])
def test_names_windows_can_hold(name):
    assert name_problem(name) is None


def test_the_validator_names_every_file_windows_cannot_hold(make_pack):
    # Given a pack with files whose names Windows refuses, none of them used by a record
    root = make_pack({"kit/aux.png": "x", "kit/a:b?.png": "x", "notes/CON.md": "x",
                      "notes/dot.": "x", "Notes2 /x.md": "x", "kit/Affiche.SVG": "x"})
    # When it is loaded
    result = load_pack(root)
    # Then each name is a problem naming the file, and the pack loses nothing
    assert counts(result.pack) == WHOLE_PACK
    assert sorted((p.file, p.message) for p in result.problems) == [
        ("demo-2025/Notes2 ", "the name ends with a dot or a space, which Windows removes"),
        ("demo-2025/kit/a:b?.png",
         "the name holds : ?, which Windows does not allow in a file name"),
        ("demo-2025/kit/affiche.svg", 'only the case of its letters tells it from '
                                      '"Affiche.SVG": Windows and macOS see one file'),
        ("demo-2025/kit/aux.png",
         "AUX is the name of a device on Windows, even with an extension: rename the file"),
        ("demo-2025/notes/CON.md",
         "CON is the name of a device on Windows, even with an extension: rename the file"),
        ("demo-2025/notes/dot.", "the name ends with a dot or a space, which Windows removes"),
    ]


def test_a_pack_whose_folder_windows_cannot_hold_is_named(make_pack):
    root = make_pack({"pack.toml": PACK_TOML.replace('"demo-2025"', '"nul"')}, pack_id="nul")
    result = load_pack(root)
    assert counts(result.pack) == WHOLE_PACK
    assert [str(p) for p in result.problems] == [
        "nul: NUL is the name of a device on Windows, even with an extension: rename the file"]


def test_hidden_files_are_not_content(make_pack):
    root = make_pack({".git/CON": "x", "kit/.DS_Store": "x"})
    assert load_pack(root).problems == []


def test_a_text_file_over_its_limit_is_named_and_left_out(make_pack):
    # Given a summary one byte over the limit for text files
    summary = SUMMARY_EN.replace('"ouverture-en"', '"long"', 1).replace(
        'translation = "ouverture"\n', "")
    body = "x" * (limits.MAX_TEXT_BYTES - len(summary.encode()) + 1)
    root = make_pack({"summaries/long.md": summary + body})
    # When the pack is loaded
    result = load_pack(root)
    # Then that summary alone is left out, with its size and the limit
    [problem] = result.problems
    assert str(problem) == ("demo-2025/summaries/long.md: too big (2 MB): a file of this kind "
                            "may hold 2 MB at most")
    assert counts(result.pack) == WHOLE_PACK


def test_a_50_mb_press_text_is_refused(make_pack):
    root = make_pack()
    with open(root / "kit" / "communique.md", "wb") as big:
        big.truncate(50 * 1024 * 1024)  # 50 MB of zeros, without writing them
    result = load_pack(root)
    [problem] = result.problems
    assert str(problem) == ("demo-2025/kit/communique.md: too big (50 MB): a file of this kind "
                            "may hold 2 MB at most")
    assert [asset.id for asset in result.pack.kit] == ["affiche"]


def test_a_transcript_over_the_cue_limit_is_left_out_not_the_replay(make_pack, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TRANSCRIPT_CUES", 1)
    result = load_pack(make_pack())
    [problem] = result.problems
    assert str(problem) == ("demo-2025/replays/ouverture.vtt: 2 cues, more than the 1 a "
                            "transcript may hold: the transcript is left out")
    replay = result.pack.replays[0]
    assert replay.id == "ouverture" and replay.cues == () and len(replay.chapters) == 2


def test_transcripts_over_the_pack_cue_limit_are_left_out(make_pack, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PACK_CUES", 3)
    second = REPLAYS_TOML.replace('language = "en"\n',
                                  'language = "en"\ntranscript = "replays/ouverture.vtt"\n')
    result = load_pack(make_pack({"replays.toml": second}))
    assert [len(replay.cues) for replay in result.pack.replays] == [2, 0]
    [problem] = result.problems
    assert problem.message == ("the pack's transcripts would hold more than 3 cues: this one "
                               "is left out")


def test_a_pack_over_its_size_limit_is_left_out_alone(make_pack, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PACK_BYTES", 4000)
    make_pack()
    make_pack({"pack.toml": PACK_TOML.replace('"demo-2025"', '"big"'),
               "kit/extra.bin": "x" * 5000}, pack_id="big")
    result = load_packs(tmp_path)
    assert [pack.id for pack in result.packs] == ["demo-2025"]
    assert [str(p) for p in result.problems] == [
        "big: the pack holds more than 4 kB: it is left out"]
    assert [str(p) for p in result.left_out] == [str(p) for p in result.problems]


def test_a_pack_of_too_many_files_is_left_out(make_pack, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PACK_FILES", 12)
    root = make_pack({f"notes/{n}.md": "x" for n in range(20)})
    result = load_pack(root)
    assert result.pack is None
    assert [str(p) for p in result.problems] == [
        "demo-2025: the pack holds more than 12 files: it is left out"]


def test_folders_nested_without_end_are_not_walked(make_pack, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PACK_DEPTH", 3)
    root = make_pack({"a/b/c/d/e/f.md": "x"})
    result = load_pack(root)
    assert counts(result.pack) == WHOLE_PACK
    assert [str(p) for p in result.problems] == [
        "demo-2025/a/b/c: folders are nested more than 3 deep: the folders below are not "
        "checked"]

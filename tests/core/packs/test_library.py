"""The library of loaded packs and its lookups by key, session and translation."""

from mediation_kit.core.model import Replay, Summary, TranscriptCue
from mediation_kit.core.packs import Library, load_packs
from pack_samples import PACK_TOML, VALID_FILES


def edit(text, old, new):
    assert old in text
    return text.replace(old, new)


def older_pack_toml():
    return edit(PACK_TOML, 'id = "demo-2025"', 'id = "demo-2019"')


def older_pack():
    """The sample pack moved to May 2019, its records' dates with it (a date must fall within
    the event's dates)."""
    files = {name: text.replace("2025-10-29", "2019-05-02").replace("2025-10-30", "2019-05-03")
             for name, text in VALID_FILES.items() if text is not None}
    return {**files, "pack.toml": older_pack_toml().replace("2025-10-29", "2019-05-02")
            .replace("2025-10-30", "2019-05-03")}


def test_packs_are_loaded_newest_first_and_broken_ones_reported(tmp_path, make_pack):
    # Given an older pack, a newer one, one that cannot be used, and a folder without pack.toml
    make_pack(older_pack(), pack_id="demo-2019")
    make_pack()
    make_pack({"pack.toml": "format = 3\n"}, pack_id="future")
    (tmp_path / "notes").mkdir()
    # When the library is loaded
    library, problems = Library.load(tmp_path)
    # Then the usable packs are in, newest event first, and the broken ones are named
    assert [pack.id for pack in library.packs] == ["demo-2025", "demo-2019"]
    assert len(library) == 2
    assert [p.file for p in problems] == ["future/pack.toml", "notes/pack.toml"]
    assert problems[1].message == "missing: a pack folder must contain a pack.toml file"
    assert library.pack("demo-2019").event.start.year == 2019
    assert library.pack("nope") is None


def test_iterating_a_load_result_gives_the_packs(tmp_path, make_pack):
    make_pack()
    result = load_packs(tmp_path)
    assert [pack.id for pack in result] == ["demo-2025"] == [p.id for p in result.packs]


def test_a_pack_id_used_twice_keeps_the_first(tmp_path, make_pack):
    make_pack()
    make_pack(pack_id="demo-copy")  # its id "demo-2025" is not its folder name
    result = load_packs(tmp_path)
    assert [p.id for p in result.library.packs] == ["demo-2025"]
    assert result.library.pack("demo-2025").root.name == "demo-2025"
    messages = [str(p) for p in result.problems]
    assert any('pack id "demo-2025" is already used by the pack in "demo-2025"' in m
               for m in messages)
    assert any("is not the name of the pack's folder" in m for m in messages)


def test_a_missing_packs_folder_is_an_empty_library(tmp_path):
    library, problems = Library.load(tmp_path / "nowhere")
    assert library.packs == () and list(library.all_resources()) == []
    assert [p.message for p in problems] == ["packs folder not found"]


def test_get_finds_every_kind_of_record(make_pack, tmp_path):
    make_pack()
    library, _ = Library.load(tmp_path)
    summary = library.get("demo-2025:summary:ouverture")
    assert isinstance(summary, Summary) and summary.title == "Ouverture"
    assert isinstance(library.get("demo-2025:replay:ouverture"), Replay)
    assert library.get("demo-2025:kit:affiche").title == "Affiche"
    replay, cue = library.get("demo-2025:cue:ouverture#1")
    assert isinstance(cue, TranscriptCue) and replay.id == "ouverture"
    assert cue.text == "Les communs & la médiation."
    assert replay.cue_key(cue) == "demo-2025:cue:ouverture#1"


def test_get_returns_none_for_unknown_or_malformed_keys(make_pack, tmp_path):
    make_pack()
    library, _ = Library.load(tmp_path)
    for key in ["demo-2025:summary:nope", "other:replay:ouverture", "demo-2025:cue:ouverture#9",
                "demo-2025:cue:ouverture#x", "demo-2025:cue:atelier#0", "demo-2025:cue:nope#0",
                "garbage", "demo-2025:film:ouverture", ""]:
        assert library.get(key) is None, key


def test_related_records_share_the_session(make_pack, tmp_path):
    make_pack()
    library, _ = Library.load(tmp_path)
    replay = library.get("demo-2025:replay:ouverture")
    related = library.related(replay)
    assert sorted(record.key for record in related) == [
        "demo-2025:kit:affiche", "demo-2025:summary:ouverture", "demo-2025:summary:ouverture-en"]
    assert library.related(library.get("demo-2025:replay:atelier")) == []


def test_translations_and_summaries_of_a_session(make_pack, tmp_path):
    make_pack()
    library, _ = Library.load(tmp_path)
    fr = library.get("demo-2025:summary:ouverture")
    en = library.translation(fr)
    assert en.language == "en" and library.translation(en) == fr
    assert {s.id for s in library.summaries_for("ouverture")} == {"ouverture", "ouverture-en"}
    assert {s.id for s in library.summaries_for("ouverture", "demo-2025")} == {
        "ouverture", "ouverture-en"}
    assert library.summaries_for("ouverture", "other") == []


def test_all_resources_iterates_every_record_once(make_pack, tmp_path):
    make_pack()
    make_pack(older_pack(), pack_id="demo-2019")
    library, _ = Library.load(tmp_path)
    keys = [record.key for record in library.all_resources()]
    assert len(keys) == len(set(keys)) == 2 * (2 + 2 + 2)
    assert keys[0].startswith("demo-2025:")


def test_a_copy_claiming_a_pack_id_does_not_push_the_pack_out(tmp_path, make_pack):
    # Given a folder sorted before the real pack, whose pack.toml claims the real pack's id
    make_pack(pack_id="a-copy")
    make_pack()
    # When the library is loaded
    result = load_packs(tmp_path)
    # Then the pack in the folder of its own name is kept, and the copy is named
    assert [p.root.name for p in result.library.packs] == ["demo-2025"]
    assert [str(p) for p in result.left_out] == [
        'a-copy/pack.toml: pack id "demo-2025" is already used by the pack in "demo-2025": '
        'this one is left out']

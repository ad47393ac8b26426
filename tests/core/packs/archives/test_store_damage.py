"""A damaged store of imported packs never stops the kit: the bundled packs are used and the
problem is named. The clean-up at start removes only what the kit made."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from archive_samples import FEST, write_pack

from mediation_kit.core.packs.installed import content_sources
from mediation_kit.core.packs.signing import load_trusted_keys

REPO = Path(__file__).resolve().parents[4]


def _sources(kit):
    return content_sources(kit.resources / "packs", kit.resources / "index",
                           kit.portable / "cache" / "index", kit.context().store, clean_up=True)


def _import(kit):
    archive = kit.build(write_pack(kit.root / "src", "fest-2025", "1.0.0", FEST),
                        kit.maintainers_key)
    assert kit.run("pack", "import", archive)[0] == 0


def test_a_garbled_current_file_gives_the_bundled_packs_and_says_why(kit):
    _import(kit)
    (kit.data / "packs" / "current.json").write_text("{garbled", encoding="utf-8")
    sources = _sources(kit)
    assert sources.packs == kit.resources / "packs"
    assert "current.json cannot be read" in sources.problems[0]
    assert (kit.data / "packs" / "gen-000001").is_dir()  # kept for a person to look at


def test_a_missing_state_gives_the_bundled_packs(kit):
    _import(kit)
    (kit.data / "packs" / "current.json").write_text(json.dumps({"generation": "gen-000042"}))
    sources = _sources(kit)
    assert sources.packs == kit.resources / "packs" and sources.problems


def test_an_imported_pack_folder_gone_costs_only_itself(kit):
    _import(kit)
    state = kit.context().installed().state
    folder = kit.data / "packs" / state.generation / "packs" / "fest-2025"
    folder.rename(folder.with_name("elsewhere"))
    sources = _sources(kit)
    assert [f.name for f in sources.packs] == ["bundled-2024"]
    assert "fest-2025: the folder of this imported pack is missing" in sources.problems[0]


def test_the_search_still_works_when_the_store_is_damaged(kit):
    _import(kit)
    (kit.data / "packs" / "current.json").write_text("[]", encoding="utf-8")
    code, out, _err = kit.run("search", "médiathèques", "--json")
    assert code == 0 and "bundled-2024:summary:bienvenue" in out


def test_clean_up_removes_only_what_the_kit_made(kit):
    _import(kit)
    store = kit.data / "packs"
    someone = store / "gen-000009"  # named like a state, but not made by the kit
    someone.mkdir()
    (someone / "notes.txt").write_text("à garder", encoding="utf-8")
    killed = store / ".staging-0123456789ab"
    killed.mkdir()
    (killed / ".mediation-kit-packs").write_text(json.dumps({"pid": 2 ** 22 + 7}))
    _sources(kit)
    assert (someone / "notes.txt").is_file()
    assert not killed.exists()


def test_the_maintainers_public_key_ships_with_the_kit():
    keys = load_trusted_keys(REPO / "resources" / "keys", None)
    assert [key.name for key in keys.keys] == ["maintainers"] and not keys.problems
    for path in (REPO / "resources" / "keys").iterdir():  # never a private key
        assert path.suffix == ".pub" and b"PRIVATE" not in path.read_bytes()


def test_a_previous_state_half_removed_is_finished_at_the_next_start(kit):
    _import(kit)
    archive = kit.build(write_pack(kit.root / "src2", "fest-2025", "1.1.0", FEST),
                        kit.maintainers_key)
    assert kit.run("pack", "import", archive)[0] == 0
    previous = kit.data / "packs" / "gen-000001"
    shutil.rmtree(previous / "index")  # a removal killed half-way: the marker is still there
    assert (previous / ".mediation-kit-packs").is_file()
    _sources(kit)
    assert not previous.exists()
    assert sorted(p.name for p in (kit.data / "packs").iterdir()) == ["current.json",
                                                                     "gen-000002"]

"""Real archives built with `pack build`, imported, searched, updated and removed."""

from __future__ import annotations

import json
import zipfile

from archive_samples import FEST, write_pack

from mediation_kit.core.packs.importer import import_archive, inspect_archive
from mediation_kit.core.packs.library import load_pack_folders
from mediation_kit.core.plans import item_for_record, save_plan
from mediation_kit.core.plans.model import WorkshopPlan
from mediation_kit.core.search.index import IndexState, index_fingerprint, inspect_index


def _keys(kit, word: str) -> list[str]:
    code, out, err = kit.run("search", word, "--json", "--limit", "50")
    assert code in (0, 1), err
    return sorted(hit["id"] for hit in json.loads(out)["results"]) if out.strip() else []


def test_build_gives_the_same_bytes_and_a_signed_manifest(kit):
    folder = write_pack(kit.root / "src", "fest-2025", "1.0.0", FEST)
    first = kit.build(folder, kit.maintainers_key, "a.mkpack")
    second = kit.build(folder, kit.maintainers_key, "b.mkpack")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
    assert names[:2] == ["manifest.json", "manifest.sig"]
    assert manifest["pack_id"] == "fest-2025" and manifest["version"] == "1.0.0"
    assert {f["path"] for f in manifest["files"]} == set(names[2:])


def test_build_refuses_an_invalid_pack_and_writes_nothing(kit):
    folder = write_pack(kit.root / "src", "fest-2025", "1.0.0", FEST)
    (folder / "pack.toml").write_text("format = 1\n", encoding="utf-8")
    code, _out, err = kit.run("pack", "build", folder, "--key", kit.maintainers_key,
                              "-o", kit.root / "x.mkpack")
    assert code == 1 and "not a valid pack" in err
    assert not (kit.root / "x.mkpack").exists()
    assert not list(kit.root.glob(".x.mkpack*"))


def test_import_search_update_remove(kit):
    src = kit.root / "src"
    v1 = kit.build(write_pack(src, "fest-2025", "1.0.0", FEST), kit.maintainers_key, "v1.mkpack")

    code, out, err = kit.run("pack", "import", v1)
    assert code == 0, err
    assert "New pack: fest-2025" in out
    assert _keys(kit, "zéphyrine") == ["fest-2025:summary:ouverture"]
    assert _keys(kit, "médiathèques") == ["bundled-2024:summary:bienvenue"]
    code, out, _err = kit.run("pack", "list")
    assert "fest-2025 1.0.0" in out and "imported from v1.mkpack, signed by maintainers" in out
    assert "bundled with the kit" in out

    # A plan cites the summaries that the update removes and changes.
    library = load_pack_folders(kit.context().installed().folders).library
    plan = WorkshopPlan(title="Atelier de juin", items=[
        item_for_record(library.get(f"fest-2025:summary:{sid}"), library)
        for sid in ("ouverture", "atelier", "cloture")])
    (kit.data / "plans").mkdir(parents=True, exist_ok=True)
    save_plan(plan, kit.data / "plans" / "juin.mkplan")

    # 1.1.0: one added, one removed, one text changed, one with other themes (metadata).
    changed = dict(FEST)
    del changed["ouverture"]
    changed["atelier"] = ("Atelier logiciels libres", "On installe un xylophone libre.",
                          ["libre"])
    changed["cloture"] = ("Clôture", FEST["cloture"][1], ["merci", "bénévolat"])
    changed["nouveau"] = ("Nouveauté", "Un quokka visite la médiathèque.", ["nouveau"])
    v2 = kit.build(write_pack(src, "fest-2025", "1.1.0", changed), kit.maintainers_key,
                   "v2.mkpack")

    info = inspect_archive(v2, kit.context())
    assert info.diff.added == ["fest-2025:summary:nouveau"]
    assert info.diff.removed == ["fest-2025:summary:ouverture"]
    assert info.diff.text_changed == ["fest-2025:summary:atelier"]
    assert info.diff.metadata_changed == ["fest-2025:summary:cloture"]
    [impact] = info.diff.plans
    assert impact.title == "Atelier de juin"
    assert impact.removed == ("Ouverture de la fête",)
    assert set(impact.changed) == {"Atelier logiciels libres", "Clôture"}

    code, out, _err = kit.run("pack", "diff", v2)
    assert code == 0
    for line in ("Update of fest-2025 1.0.0 to 1.1.0", "1 resource added", "1 resource removed",
                 "1 resource with its text changed", "1 resource with its details changed",
                 "1 workshop plan cites a removed or changed resource",
                 "plan “Atelier de juin”: Ouverture de la fête (removed)"):
        assert line in out

    code, _out, err = kit.run("pack", "import", v2)
    assert code == 0, err
    assert _keys(kit, "xylophone") == ["fest-2025:summary:atelier"]
    assert _keys(kit, "quokka") == ["fest-2025:summary:nouveau"]
    assert _keys(kit, "zéphyrine") == []
    assert _keys(kit, "navigateur") == []

    code, out, err = kit.run("pack", "remove", "fest-2025")
    assert code == 0, err
    assert _keys(kit, "quokka") == []
    assert _keys(kit, "médiathèques") == ["bundled-2024:summary:bienvenue"]
    code, out, _err = kit.run("pack", "list")
    assert "fest-2025" not in out


def test_the_update_is_indexed_for_its_pack_only(kit):
    """The index in use is copied and updated, not rebuilt: same documents as a full build."""
    src = kit.root / "src"
    v1 = kit.build(write_pack(src, "fest-2025", "1.0.0", FEST), kit.maintainers_key, "v1.mkpack")
    first = import_archive(v1, kit.context())
    assert first.incremental is False  # no index yet at all: a whole one is built
    v2 = kit.build(write_pack(src, "fest-2025", "1.1.0", {
        **FEST, "nouveau": ("Nouveauté", "Un quokka.", [])}), kit.maintainers_key, "v2.mkpack")
    second = import_archive(v2, kit.context())
    assert second.incremental is True
    assert second.doc_count == first.doc_count + 1
    installed = kit.context().installed()
    state, count = inspect_index(installed.index_dir, index_fingerprint(installed.folders))
    assert state is IndexState.OK and count == second.doc_count


def test_a_newer_bundled_pack_signed_by_the_maintainers_replaces_it_and_comes_back(kit):
    newer = write_pack(kit.root / "src", "bundled-2024", "1.1.0",
                       {"bienvenue": ("Bienvenue", "Le kit parle de ludothèques.", ["kit"])},
                       name="Rencontre livrée", day=1)
    code, _out, err = kit.run("pack", "import", kit.build(newer, kit.maintainers_key))
    assert code == 0, err
    assert _keys(kit, "ludothèques") == ["bundled-2024:summary:bienvenue"]
    assert _keys(kit, "médiathèques") == []
    code, out, _err = kit.run("pack", "list")
    assert "replaced by an imported version" in out
    code, _out, err = kit.run("pack", "remove", "bundled-2024")
    assert code == 0, err
    assert _keys(kit, "médiathèques") == ["bundled-2024:summary:bienvenue"]


def test_a_bundled_pack_is_hidden_not_deleted(kit):
    code, _out, err = kit.run("pack", "remove", "bundled-2024")
    assert code == 1 and "came with the kit" in err
    assert kit.run("pack", "remove", "bundled-2024", "--hide")[0] == 0
    assert _keys(kit, "médiathèques") == []
    assert (kit.resources / "packs" / "bundled-2024" / "pack.toml").is_file()
    assert kit.run("pack", "remove", "bundled-2024", "--unhide")[0] == 0
    assert _keys(kit, "médiathèques") == ["bundled-2024:summary:bienvenue"]


def test_unsigned_and_unknown_key_packs_need_the_explicit_flag(kit):
    src = kit.root / "src"
    unsigned = kit.build(write_pack(src, "fest-2025", "1.0.0", FEST), None, "u.mkpack")
    code, out, err = kit.run("pack", "import", unsigned)
    assert code == 1 and "not signed" in err
    code, _out, err = kit.run("pack", "import", unsigned, "--allow-unsigned")
    assert code == 0, err
    other = kit.build(write_pack(src, "autre-2025", "1.0.0", FEST), kit.stranger_key, "s.mkpack")
    fingerprint = kit.run("pack", "diff", other)[1]
    code, _out, err = kit.run("pack", "import", other)
    assert code == 1 and "a key the kit does not know" in err
    assert fingerprint.split("unknown key: ")[1].split("\n")[0] in err
    assert kit.run("pack", "import", other, "--allow-unsigned")[0] == 0


def test_a_pack_signed_by_the_it_teams_key_is_trusted(kit):
    folder = write_pack(kit.root / "src", "fest-2025", "1.0.0", FEST)
    code, out, err = kit.run("pack", "import", kit.build(folder, kit.it_key))
    assert code == 0, err
    assert "signed by it-team" in out


def test_an_older_version_is_imported_only_when_asked(kit):
    src = kit.root / "src"
    v2 = kit.build(write_pack(src, "fest-2025", "1.2.0", FEST), kit.maintainers_key, "v2.mkpack")
    v1 = kit.build(write_pack(src, "fest-2025", "1.0.0", FEST), kit.maintainers_key, "v1.mkpack")
    assert kit.run("pack", "import", v2)[0] == 0
    code, _out, err = kit.run("pack", "import", v1)
    assert code == 1 and "older than the installed version 1.2.0" in err
    code, _out, err = kit.run("pack", "import", v1, "--allow-older")
    assert code == 0, err
    assert "fest-2025 1.0.0" in kit.run("pack", "list")[1]


def test_index_check_looks_at_the_index_of_the_imported_packs(kit):
    archive = kit.build(write_pack(kit.root / "src", "fest-2025", "1.0.0", FEST),
                        kit.maintainers_key)
    assert kit.run("pack", "import", archive)[0] == 0
    code, out, _err = kit.run("index", "check")
    assert code == 0, out
    assert str(kit.data / "packs" / "gen-000001" / "index") in out


def test_a_switch_whose_new_state_does_not_check_rolls_back(kit, monkeypatch):
    import pytest

    from mediation_kit.core.search import index as index_module

    src = kit.root / "src"
    v1 = kit.build(write_pack(src, "fest-2025", "1.0.0", FEST), kit.maintainers_key, "v1.mkpack")
    import_archive(v1, kit.context())
    v2 = kit.build(write_pack(src, "fest-2025", "1.1.0", FEST), kit.maintainers_key, "v2.mkpack")
    real = index_module.inspect_index

    def damaged_after_the_switch(path, fingerprint):
        if "gen-000002" in str(path):
            return IndexState.CORRUPT, 0
        return real(path, fingerprint)

    monkeypatch.setattr(index_module, "inspect_index", damaged_after_the_switch)
    with pytest.raises(OSError, match="the previous one is kept"):
        import_archive(v2, kit.context())
    monkeypatch.setattr(index_module, "inspect_index", real)
    installed = kit.context().installed()
    assert installed.state.generation == "gen-000001"
    assert [p.version for p in installed.in_use if p.id == "fest-2025"] == ["1.0.0"]
    assert _keys(kit, "zéphyrine") == ["fest-2025:summary:ouverture"]


def test_an_import_where_files_cannot_be_linked_copies_them(kit, monkeypatch):
    """A FAT or exFAT stick (portable mode) has no hard links: the files are copied."""
    import os

    src = kit.root / "src"
    v1 = kit.build(write_pack(src, "fest-2025", "1.0.0", FEST), kit.maintainers_key, "v1.mkpack")
    import_archive(v1, kit.context())

    def no_links(*_args, **_kwargs):
        raise OSError(1, "Operation not permitted")

    real_link = os.link
    monkeypatch.setattr(os, "link", no_links)
    other = kit.build(write_pack(src, "autre-2025", "1.0.0", FEST, name="Autre fête"),
                      kit.maintainers_key, "other.mkpack")
    result = import_archive(other, kit.context())
    assert result.incremental
    monkeypatch.setattr(os, "link", real_link)
    for name in ("fest-2025", "autre-2025"):
        assert kit.context().installed().get(name) is not None
    index = kit.data / "packs" / result.generation / "index"
    assert all(path.stat().st_nlink == 1 for path in index.iterdir())

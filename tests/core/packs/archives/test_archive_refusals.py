"""One archive for every refusal of the import: its message names the archive and the reason,
and nothing is written (the data folder's files and hashes are unchanged)."""

from __future__ import annotations

import shutil
import stat
import zipfile
from collections import namedtuple

import pytest
from archive_samples import FEST, craft_archive, folder_files, snapshot, write_pack

from mediation_kit.core.packs import archive as archive_module
from mediation_kit.core.packs import importer
from mediation_kit.core.packs.refusal import PackRefused, Refusal


@pytest.fixture
def installed(kit):
    """fest-2025 1.1.0 already imported (signed by the maintainers): the state to protect."""
    folder = write_pack(kit.root / "src", "fest-2025", "1.1.0", FEST)
    code, _out, err = kit.run("pack", "import", kit.build(folder, kit.maintainers_key))
    assert code == 0, err
    return kit


def _new_pack(kit, version="1.0.0", pack_id="neuf-2025"):
    return folder_files(write_pack(kit.root / "new", pack_id, version, FEST, name="Neuf"))


def _refused(kit, archive, *flags, reason: str, name: str | None = None):
    before = snapshot(kit.portable)
    code, out, err = kit.run("pack", "import", archive, *flags)
    assert code == 1, out + err
    assert f"{(name or archive.name)}: refused: " in err
    assert reason in err, err
    assert snapshot(kit.portable) == before


def test_a_manifest_changed_after_signing_is_refused_even_with_allow_unsigned(installed):
    kit = installed
    good = kit.build(write_pack(kit.root / "new", "neuf-2025", "1.0.0", FEST),
                     kit.maintainers_key)
    bad = kit.root / "changed.mkpack"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "manifest.json":
                data = data.replace(b'"1.0.0"', b'"9.0.0"')
            target.writestr(info, data)
    _refused(kit, bad, "--allow-unsigned", reason="its signature does not match its manifest")


@pytest.mark.parametrize("name, reason", [
    ("neuf-2025/../evil.txt", 'goes up with ".."'),
    ("/etc/evil.txt", "is an absolute path"),
    ("C:/evil.txt", "is an absolute path"),
    ("neuf-2025\\evil.txt", "contains a backslash"),
])
def test_unsafe_paths_are_refused(installed, name, reason):
    kit = installed
    files = {**_new_pack(kit), name: b"evil"}
    archive = craft_archive(kit.root / "unsafe.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025")
    _refused(kit, archive, reason=reason)


@pytest.mark.parametrize("mode", [stat.S_IFLNK | 0o777, stat.S_IFCHR | 0o600])
def test_links_and_devices_are_refused(installed, mode):
    kit = installed
    files = {**_new_pack(kit), "neuf-2025/kit/link": b"/etc/passwd"}
    archive = craft_archive(kit.root / "link.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025", modes={"neuf-2025/kit/link": mode})
    _refused(kit, archive, reason="is a link or a device, not a file")


def test_names_that_collide_on_a_usb_stick_are_refused(installed):
    kit = installed
    files = {**_new_pack(kit), "neuf-2025/kit/Notes.md": b"a", "neuf-2025/kit/notes.md": b"b"}
    archive = craft_archive(kit.root / "case.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025")
    _refused(kit, archive, reason="would be the same file on a USB stick")


def test_a_file_not_in_the_manifest_is_refused(installed):
    kit = installed
    archive = craft_archive(kit.root / "extra.mkpack", _new_pack(kit), key=kit.maintainers_key,
                            pack_id="neuf-2025", extra_entries={"neuf-2025/extra.md": b"x"})
    _refused(kit, archive, reason='"neuf-2025/extra.md" is in the archive but not in its manifest')


def test_a_listed_file_absent_from_the_archive_is_refused(installed):
    kit = installed
    files = _new_pack(kit)
    archive = craft_archive(kit.root / "absent.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025",
                            listed={**files, "neuf-2025/kit/gone.md": b"gone"})
    _refused(kit, archive, reason='"neuf-2025/kit/gone.md" is listed in the manifest but absent')


def test_a_size_that_differs_is_refused(installed):
    kit = installed
    files = _new_pack(kit)
    listed = dict(files)
    listed["neuf-2025/pack.toml"] += b"\n"
    archive = craft_archive(kit.root / "size.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025", listed=listed)
    _refused(kit, archive, reason='"neuf-2025/pack.toml" is')


def test_a_checksum_that_differs_is_refused_and_the_staging_folder_removed(installed):
    kit = installed
    files = _new_pack(kit)
    changed = dict(files)
    name = "neuf-2025/summaries/atelier.md"
    changed[name] = changed[name].replace(b"navigateur", b"NAVIGATEUR")
    archive = craft_archive(kit.root / "sum.mkpack", changed, key=kit.maintainers_key,
                            pack_id="neuf-2025", listed=files)
    _refused(kit, archive, reason="its SHA-256 does not match")


def test_a_zip_bomb_is_refused_by_its_ratio(installed):
    kit = installed
    files = {**_new_pack(kit), "neuf-2025/kit/zeros.md": bytes(20 << 20)}
    archive = craft_archive(kit.root / "bomb.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025")
    _refused(kit, archive, reason="a ZIP bomb")


def test_a_zip_bomb_is_refused_by_its_total(installed, monkeypatch):
    kit = installed
    monkeypatch.setattr(archive_module, "MAX_TOTAL", 100)
    archive = kit.build(write_pack(kit.root / "new", "neuf-2025", "1.0.0", FEST),
                        kit.maintainers_key)
    _refused(kit, archive, reason="MB once extracted")


def test_a_truncated_archive_is_refused(installed):
    kit = installed
    good = kit.build(write_pack(kit.root / "new", "neuf-2025", "1.0.0", FEST),
                     kit.maintainers_key)
    cut = kit.root / "cut.mkpack"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(kit, cut, reason="damaged or incomplete copy")


def test_a_file_that_is_not_a_zip_is_refused(installed):
    kit = installed
    text = kit.root / "notes.mkpack"
    text.write_text("Ceci n'est pas un pack.\n", encoding="utf-8")
    _refused(kit, text, reason="not a pack archive")


def test_an_unknown_pack_format_is_refused(installed):
    kit = installed
    archive = craft_archive(kit.root / "format.mkpack", _new_pack(kit), key=kit.maintainers_key,
                            pack_id="neuf-2025", manifest_changes={"pack_format": 2})
    _refused(kit, archive, reason="pack format 2 is unknown to this version of the kit")


def test_a_kit_too_old_is_refused(installed):
    kit = installed
    archive = craft_archive(kit.root / "future.mkpack", _new_pack(kit), key=kit.maintainers_key,
                            pack_id="neuf-2025", manifest_changes={"min_kit_version": "99.0"})
    _refused(kit, archive, reason="the pack needs Mediation Kit 99.0 or newer")


def test_an_older_version_is_refused(installed):
    kit = installed
    old = kit.build(write_pack(kit.root / "old", "fest-2025", "1.0.0", FEST), kit.maintainers_key)
    _refused(kit, old, reason="version 1.0.0 is older than the installed version 1.1.0")


def test_a_pack_id_installed_under_another_signers_key_is_refused(installed):
    kit = installed
    newer = kit.build(write_pack(kit.root / "other", "fest-2025", "2.0.0", FEST), kit.it_key)
    _refused(kit, newer, reason="is installed under another signer's key")


def test_a_bundled_pack_is_replaced_only_by_the_maintainers(installed):
    kit = installed
    newer = kit.build(write_pack(kit.root / "other", "bundled-2024", "2.0.0", FEST), kit.it_key)
    _refused(kit, newer, reason="only a pack signed by the kit's maintainers may replace it")


def test_not_enough_disk_space_is_refused(installed, monkeypatch):
    kit = installed
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(importer.shutil, "disk_usage", lambda _path: usage(10, 10, 1024))
    archive = kit.build(write_pack(kit.root / "new", "neuf-2025", "1.0.0", FEST),
                        kit.maintainers_key)
    _refused(kit, archive, reason="not enough free disk space")


def test_an_unsigned_pack_without_consent_is_refused(installed):
    kit = installed
    archive = kit.build(write_pack(kit.root / "new", "neuf-2025", "1.0.0", FEST), None)
    _refused(kit, archive, reason="the pack is not signed")


def test_every_refusal_reason_has_a_test():
    """A new refusal needs its archive here (BUSY and INVALID_PACK: see below)."""
    tested = {Refusal.BAD_SIGNATURE, Refusal.UNSAFE_PATH, Refusal.LINK_OR_DEVICE,
              Refusal.NAME_COLLISION, Refusal.NOT_LISTED, Refusal.ABSENT, Refusal.SIZE_MISMATCH,
              Refusal.CHECKSUM_MISMATCH, Refusal.ZIP_BOMB, Refusal.NOT_ZIP,
              Refusal.UNKNOWN_FORMAT, Refusal.KIT_TOO_OLD, Refusal.OLDER_VERSION,
              Refusal.OTHER_SIGNER, Refusal.NO_SPACE, Refusal.UNSIGNED, Refusal.SAME_VERSION,
              Refusal.BAD_MANIFEST, Refusal.BUSY, Refusal.INVALID_PACK}
    assert tested == set(Refusal)


def test_the_same_version_again_is_refused(installed):
    kit = installed
    again = kit.build(write_pack(kit.root / "again", "fest-2025", "1.1.0", FEST),
                      kit.maintainers_key)
    _refused(kit, again, reason="version 1.1.0 is already installed")


def test_a_manifest_that_is_not_json_is_refused(installed):
    kit = installed
    archive = kit.root / "json.mkpack"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("manifest.json", b"{not json")
    _refused(kit, archive, "--allow-unsigned", reason="manifest.json is not valid JSON")


def test_a_pack_that_does_not_load_is_refused(installed):
    kit = installed
    files = _new_pack(kit)
    files["neuf-2025/pack.toml"] = files["neuf-2025/pack.toml"].replace(b"[event]", b"[evnt]")
    archive = craft_archive(kit.root / "invalid.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025")
    _refused(kit, archive, reason="the pack inside is not valid")


def test_a_second_import_while_one_runs_is_refused(installed):
    kit = installed
    archive = kit.build(write_pack(kit.root / "new", "neuf-2025", "1.0.0", FEST),
                        kit.maintainers_key)
    with kit.context().store.lock():
        with pytest.raises(PackRefused) as refused:
            importer.import_archive(archive, kit.context())
    assert refused.value.refusal is Refusal.BUSY


def test_a_cancelled_import_leaves_nothing(installed):
    from mediation_kit.core.tasks import Cancelled, CancelToken

    kit = installed
    archive = kit.build(write_pack(kit.root / "new", "neuf-2025", "1.0.0", FEST),
                        kit.maintainers_key)
    before = snapshot(kit.portable)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        importer.import_archive(archive, kit.context(), cancel=token)
    assert snapshot(kit.portable) == before
    shutil.rmtree(kit.root / "new")


@pytest.mark.parametrize("name", ["neuf-2025/kit/CON.md", "neuf-2025/kit/notes?.md",
                                  "neuf-2025/kit/fin."])
def test_names_a_windows_pc_cannot_hold_are_refused(installed, name):
    kit = installed
    files = {**_new_pack(kit), name: b"x"}
    archive = craft_archive(kit.root / "windows.mkpack", files, key=kit.maintainers_key,
                            pack_id="neuf-2025")
    _refused(kit, archive, reason="is not a valid file name on Windows")

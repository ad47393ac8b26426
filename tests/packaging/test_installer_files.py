"""The installer's own files and helpers, without building anything: icons, desktop entry,
AppStream data, Inno Setup script, what the bundle leaves out, reproducible archives, build
information, `--version --verbose` and `--self-test` from source."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import mediation_kit

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
APP_ID = mediation_kit.APP_ID


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icons_exist_at_every_size_the_platforms_want():
    import icons

    for size in icons.PNG_SIZES:
        assert _png_size(icons.png_path(size)) == (size, size)
    # The Windows .ico holds one image per size, 256 written as 0
    data = (INSTALLER / "icons" / "mediation-kit.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    widths = [data[6 + 16 * i] or 256 for i in range(count)]
    assert widths == list(icons.ICO_SIZES)


def test_icon_pngs_are_rendered_from_the_committed_svg(qapp, tmp_path, monkeypatch):
    # Given the SVG rendered again into a scratch folder (with the suite's QApplication:
    # a bare QGuiApplication made here would be the wrong class for every later Qt test)
    import icons

    monkeypatch.setattr(icons, "ICONS", tmp_path)
    shutil.copy(INSTALLER / "icons" / "mediation-kit.svg", tmp_path)
    monkeypatch.setattr(icons, "SVG", tmp_path / "mediation-kit.svg")
    icons.render_pngs((48,))
    # Then it has the committed icon's size (a stale PNG after an SVG change shows here)
    assert _png_size(tmp_path / "mediation-kit-48.png") == (48, 48)


def test_desktop_entry_is_valid_and_names_the_app_id():
    desktop = INSTALLER / "linux" / f"{APP_ID}.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in text and "Exec=mediation-kit" in text
    assert shutil.which("desktop-file-validate"), \
        "desktop-file-validate missing: scripts/setup.sh installs desktop-file-utils"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout


def test_metainfo_announces_this_version_and_validates():
    metainfo = INSTALLER / "linux" / f"{APP_ID}.metainfo.xml"
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    versions = [release.get("version") for release in root.iter("release")]
    assert versions[0] == mediation_kit.__version__
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_inno_setup_script_installs_per_user_with_start_menu_and_silent_switches():
    script = (INSTALLER / "windows" / "mediation-kit.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script  # no administrator rights
    assert "{localappdata}\\Programs" in script
    assert "{autoprograms}" in script  # Start-menu entry
    assert "/VERYSILENT" in script and "/SUPPRESSMSGBOXES" in script  # documented for IT
    assert "unins000.exe" in script  # the uninstaller, and how to run it silently


def test_spec_reads_version_and_app_id_from_the_package():
    spec = (INSTALLER / "mediation-kit.spec").read_text(encoding="utf-8")
    assert "import mediation_kit" in spec
    assert "mediation_kit.__version__" in spec and "mediation_kit.APP_ID" in spec
    assert not re.search(r"version\s*=\s*['\"]\d", spec), "a version written in the spec"


def test_release_workflow_runs_the_same_command_on_three_systems():
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "python installer/build.py" in workflow
    for runner in ("ubuntu", "windows", "macos"):
        assert runner in workflow
    assert "tags:" in workflow and "gh release create" in workflow


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/translations/qtbase_fr.qm", True),
    ("PySide6/Qt/translations/qtbase_ja.qm", False),
    ("PySide6/Qt/translations/qtmultimedia_fr.qm", False),
    ("babel/locale-data/fr_BE.dat", True),
    ("babel/locale-data/ja.dat", False),
    ("libQt6WebEngineCore.so.6", False),
    ("libQt6Pdf.so.6", False),
    ("libQt6Quick.so.6", True),  # the FFmpeg plugin links it
    ("libavcodec.so.63", True),
    ("libGL.so.1", False),
    ("libxcb-cursor.so.0", False),
    ("libcairo.so.2", False),
    ("libcups.so.2", False),  # the host's, with its security updates (.deb: libcups2)
    ("libgnutls.so.30", False),
    ("libicudata.so.73", True),
])
def test_trim_keeps_what_the_kit_uses_and_leaves_out_the_rest(dest, kept):
    import trim

    assert trim.keep(dest) is kept


def test_icu_slimming_keeps_root_and_the_kits_languages():
    import slim_icu

    items = ["root.res", "fr.res", "fr_CA.res", "de_.res", "en_001.res", "ja.res",
             "coll/ja.res", "coll/fr.res", "pool.res", "res_index.res", "supplementalData.res",
             "ibm-1390_P110-2003.cnv", "brkitr/cjdict.dict", "translit/ja.res", "unames.icu"]
    removed = slim_icu.items_to_remove(items)
    assert removed == ["ja.res", "coll/ja.res", "ibm-1390_P110-2003.cnv"]


def test_archives_are_reproducible(tmp_path):
    # Given a folder packed twice, at two moments, with different file dates
    import os

    import archive

    folder = tmp_path / "bundle"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("b")
    (folder / "sub" / "a.bin").write_bytes(b"\x00\x01")
    (folder / "run").write_text("#!/bin/sh\n")
    (folder / "run").chmod(0o700)
    first = archive.write_tar_gz(folder, tmp_path / "one.tar.gz", "kit", 1_700_000_000)
    os.utime(folder / "b.txt", (1, 1))
    second = archive.write_tar_gz(folder, tmp_path / "two.tar.gz", "kit", 1_700_000_000)
    # Then both archives are byte for byte the same, sorted, owned by root, dated the epoch
    assert first.read_bytes() == second.read_bytes()
    import tarfile

    with tarfile.open(first) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == ["kit", "kit/b.txt", "kit/run", "kit/sub", "kit/sub/a.bin"]
    assert {(m.uid, m.gid, m.mtime) for m in members} == {(0, 0, 1_700_000_000)}
    assert {m.name: m.mode for m in members}["kit/run"] == 0o755


def test_sha256sums_lines_are_what_sha256sum_checks(tmp_path):
    import archive

    (tmp_path / "a.deb").write_bytes(b"deb")
    sums = archive.write_sha256sums([tmp_path / "a.deb"], tmp_path / "SHA256SUMS")
    result = subprocess.run(["sha256sum", "-c", sums.name], cwd=tmp_path, capture_output=True,
                            text=True)
    assert result.returncode == 0 and "a.deb: OK" in result.stdout


def test_build_info_round_trips_through_its_json_file():
    from mediation_kit.core.build_info import BuildInfo, PackVersion

    info = BuildInfo(version="1.2.3", commit="a" * 40, date="2026-01-02T03:04:05Z",
                     packs=(PackVersion("nec-2025", "1.0.0"),))
    again = BuildInfo.from_json(info.to_json())
    assert (again.version, again.commit, again.date, again.packs) == \
        (info.version, info.commit, info.date, info.packs)
    assert again.source == "release"
    with pytest.raises(ValueError):
        BuildInfo.from_json("[]")


def test_version_verbose_from_source_names_commit_and_packs():
    from mediation_kit.core.build_info import pack_versions
    from mediation_kit.core.paths import packs_dir

    result = subprocess.run([sys.executable, "-m", "mediation_kit", "--version", "--verbose"],
                            capture_output=True, text=True, cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin", "LANGUAGE": "en",
                                 "PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 0, result.stderr
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    assert head[:10] in result.stdout
    assert "source checkout" in result.stdout
    packs = pack_versions(packs_dir())
    assert packs
    for pack in packs:
        assert pack.id in result.stdout


def test_self_test_from_source_prints_one_json_report(tmp_path):
    # When the self-test runs from the source tree, with a throwaway user folder
    result = subprocess.run([sys.executable, "-m", "mediation_kit", "--self-test"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                 "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src"),
                                 "MEDIATION_KIT_PORTABLE_DIR": str(tmp_path / "data")})
    # Then stdout is exactly one JSON document, whose exit status matches its verdict
    report = json.loads(result.stdout)
    names = [check["name"] for check in report["checks"]]
    assert names == ["paths", "index", "search", "accents", "library", "translations",
                     "signatures", "qt", "main_window", "qt_translations", "multimedia",
                     "playback"]
    assert result.returncode == (0 if report["ok"] else 1)
    assert report["failed"] == [c["name"] for c in report["checks"] if not c["ok"]]
    assert report["frozen"] is False


def test_plan_files_open_with_the_kit_on_linux():
    # The desktop entry takes a file and declares the plan type...
    desktop = (INSTALLER / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "Exec=mediation-kit %f" in desktop
    assert "MimeType=application/x-mediation-kit-plan;" in desktop
    # ...which the shared-mime-info file the .deb installs defines, by its suffix
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(INSTALLER / "linux" / f"{APP_ID}.mime.xml").getroot()
    kinds = root.findall("m:mime-type", ns)
    assert [k.get("type") for k in kinds] == ["application/x-mediation-kit-plan"]
    assert [g.get("pattern") for g in kinds[0].findall("m:glob", ns)] == ["*.mkplan"]
    import debian

    assert f"usr/share/mime/packages/{APP_ID}.xml" in debian.expected_files(APP_ID)


def test_shared_mime_info_reads_the_plan_type(tmp_path):
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database (shared-mime-info) is not installed")
    (tmp_path / "packages").mkdir()
    shutil.copy(INSTALLER / "linux" / f"{APP_ID}.mime.xml",
                tmp_path / "packages" / f"{APP_ID}.xml")
    subprocess.run(["update-mime-database", str(tmp_path)], check=True, capture_output=True)
    globs = (tmp_path / "globs2").read_text(encoding="utf-8")
    assert "application/x-mediation-kit-plan:*.mkplan" in globs


def test_plan_files_open_with_the_kit_on_windows_for_this_user_only():
    script = (INSTALLER / "windows" / "mediation-kit.iss").read_text(encoding="utf-8")
    assert "ChangesAssociations=yes" in script
    registry = [line for line in script.splitlines() if line.startswith("Root:")]
    assert registry and all(line.startswith("Root: HKA;") for line in registry)  # no admin
    assert any('"Software\\Classes\\.mkplan"' in line and "MediationKit.Plan" in line
               for line in registry)
    assert any("shell\\open\\command" in line and '""%1""' in line for line in registry)

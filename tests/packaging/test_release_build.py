"""The Linux release, built once by installer/build.py: what it writes, what it holds, whether
the frozen app works with no network, and whether a second build gives the same file lists."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile

import pytest

import mediation_kit
from release_helpers import everything_below, isolated_env, no_network_prefix

pytestmark = pytest.mark.slow

MIB = 1024 * 1024
VERSION = mediation_kit.__version__
APP_ID = mediation_kit.APP_ID


def test_release_writes_the_archive_the_deb_and_checksums(release):
    # Given the release command has run
    # Then dist/ holds exactly the Linux archive, the Debian package and SHA256SUMS
    names = sorted(p.name for p in release.dist.iterdir())
    assert names == sorted([f"mediation-kit-{VERSION}-linux-x86_64.tar.gz",
                            f"mediation-kit_{VERSION}_amd64.deb", "SHA256SUMS"])
    # And the command printed the measured sizes
    assert "unpacked folder:" in release.log and "MiB" in release.log


def test_sha256sums_verify_with_sha256sum(release):
    # When sha256sum checks the files listed in SHA256SUMS, from dist/
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release.dist,
                            capture_output=True, text=True)
    # Then every file is listed and matches
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == 2


def test_frozen_self_test_passes_with_no_network(release, tmp_path):
    # Given a way to cut the network (root here: `unshare -n`)
    prefix = no_network_prefix()
    assert prefix, "unshare cannot cut the network here: the offline claim is not checked"
    home = tmp_path / "home"
    home.mkdir()
    before = _snapshot(release.bundle)
    # When the frozen app runs its self-test in a network namespace with only a down loopback
    result = subprocess.run([*prefix, str(release.executable), "--self-test"],
                            capture_output=True, text=True, timeout=300,
                            env=isolated_env(home, MEDIATION_KIT_PORTABLE_DIR=str(tmp_path / "data")))
    # Then it prints one JSON report that says every check passed
    report = json.loads(result.stdout)
    failed = {c["name"]: c.get("error") for c in report["checks"] if not c["ok"]}
    assert result.returncode == 0 and report["ok"], failed
    assert report["frozen"] is True
    checks = {c["name"]: c for c in report["checks"]}
    # And the prebuilt index shipped in the bundle was opened, not rebuilt
    assert checks["index"]["details"]["source"] == "shipped"
    assert checks["multimedia"]["details"]["decodes"]
    # And a real video frame was decoded: FFmpeg works in the bundle
    assert checks["playback"]["details"]["first_frame"] == [160, 90]
    assert report["build"]["source"] == "release"
    # And nothing in the install folder was written: the index is opened read-only
    assert _snapshot(release.bundle) == before


def _snapshot(folder):
    """Every entry below `folder` with its size and modification time."""
    return {path: (path.lstat().st_size, path.lstat().st_mtime_ns)
            for path in folder.rglob("*")}


def test_frozen_version_verbose_shows_the_build_information(release, tmp_path):
    # When the frozen app is asked for its version, verbosely
    result = subprocess.run([str(release.executable), "--version", "--verbose"],
                            capture_output=True, text=True, timeout=120,
                            env=isolated_env(tmp_path, LANGUAGE="en"))
    # Then it names the version, the commit, the commit date and every pack with its version
    assert result.returncode == 0, result.stderr
    info = json.loads((release.bundle / "_internal" / "build-info.json").read_text())
    assert f"Mediation Kit {VERSION}" in result.stdout
    assert info["commit"][:10] in result.stdout
    assert info["date"] in result.stdout
    assert info["packs"], "no pack recorded in build-info.json"
    for pack in info["packs"]:
        assert pack["id"] in result.stdout and pack["version"] in result.stdout
    assert "release" in result.stdout


def test_deb_installs_its_files_and_a_valid_desktop_entry(release, tmp_path):
    # Given the .deb unpacked into a scratch root, as dpkg would install it
    deb = release.output(".deb")
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    # Then the kit is under /opt with a command in /usr/bin, a menu entry, icons, AppStream data
    import debian

    assert debian.missing_files(root, APP_ID) == []
    link = root / "usr/bin/mediation-kit"
    assert link.is_symlink() and str(link.readlink()) == "/opt/mediation-kit/mediation-kit"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    # And the installed copy works (its data survived packaging)
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run([str(root / "opt/mediation-kit/mediation-kit"), "--self-test"],
                            capture_output=True, text=True, timeout=300,
                            env=isolated_env(home, MEDIATION_KIT_PORTABLE_DIR=str(tmp_path / "d")))
    assert json.loads(result.stdout)["ok"], result.stdout[-3000:]
    # And the desktop entry and the AppStream data are valid
    desktop = root / f"usr/share/applications/{APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Icon={APP_ID}" in desktop.read_text()
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed: the AppStream data was not validated")
    result = subprocess.run(["appstreamcli", "validate", "--no-net",
                             str(root / f"usr/share/metainfo/{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deb_control_names_the_package_and_its_dependencies(release):
    control = subprocess.run(["dpkg-deb", "-f", str(release.output(".deb"))],
                             capture_output=True, text=True, check=True).stdout
    assert "Package: mediation-kit" in control
    assert f"Version: {VERSION}" in control
    assert "Architecture: amd64" in control
    # The host libraries the bundle leaves out are declared, so apt installs them.
    assert "libxcb-cursor0" in control and "libpulse0" in control


def test_sizes_are_within_the_bounds(release):
    # The archive as downloaded, and the folder as unpacked (sum of the files' sizes)
    # (the bounds are build.py's, where they are explained: one place to raise them)
    import build

    archive = release.output(".tar.gz")
    assert archive.stat().st_size <= build.MAX_TAR_GZ == 60 * MIB
    with tarfile.open(archive) as tar:
        unpacked = sum(m.size for m in tar.getmembers() if m.isfile())
    assert unpacked <= build.MAX_UNPACKED


def test_bundle_keeps_video_playback_and_leaves_out_what_is_unused(release):
    files = everything_below(release.bundle)
    # Video playback: QtMultimedia, its FFmpeg backend and FFmpeg itself
    assert any(f.endswith("plugins/multimedia/libffmpegmediaplugin.so") for f in files)
    assert any("libavcodec.so" in f for f in files)
    # Never QtWebEngine or QtPdf, nor Qt3D
    assert not [f for f in files if "WebEngine" in f or "Qt6Pdf" in f or "Qt63D" in f]
    # Qt's own translations: the kit's languages only
    qms = sorted(f.rsplit("/", 1)[1] for f in files if f.endswith(".qm"))
    assert qms == ["qtbase_de.qm", "qtbase_en.qm", "qtbase_fr.qm"]
    # The data the kit reads, where core/paths.py looks for it
    data = release.bundle / "_internal"
    assert (data / "resources" / "index").is_dir()
    assert sorted(p.name for p in (data / "resources" / "packs").iterdir())
    assert (data / "translations" / "fr" / "LC_MESSAGES" / "mediation_kit.mo").is_file()


def test_two_builds_of_one_commit_give_identical_file_lists(release, second_release):
    # Given the release command run twice, from the same commit, into two folders
    import archive

    first_tar, second_tar = release.output(".tar.gz"), second_release.output(".tar.gz")
    # Then the archives list the same files, in the same order
    assert archive.tar_listing(first_tar) == archive.tar_listing(second_tar)

    def deb_listing(deb):
        out = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
        return [line.split(None, 5)[5] for line in out.splitlines()]

    assert deb_listing(release.output(".deb")) == deb_listing(second_release.output(".deb"))
    # (Same names, not always the same bytes: the index records a random build id.)

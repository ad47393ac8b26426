"""The .deb's paperwork, on the release the test session builds: copyright (DEP-5),
changelog, lintian overrides, the maintainer, library permissions, no lock file."""

from __future__ import annotations

import gzip
import stat
import subprocess

import pytest

import debian
import mediation_kit

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def unpacked(release, tmp_path_factory):
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(release.output(".deb")), str(root)], check=True)
    return root


def test_copyright_is_machine_readable_and_names_every_component(unpacked, release):
    text = (unpacked / "usr/share/doc/mediation-kit/copyright").read_text(encoding="utf-8")
    assert text.startswith(f"Format: {debian.DEP5_FORMAT}\n")
    assert "Files: *\nCopyright: Mediation Kit contributors\nLicense: GPL-3+" in text
    for comment in ("Comment: Qt ", "Comment: FFmpeg ", "Comment: Python ",
                    "Comment: babel ", "Comment: cryptography "):
        assert comment in text
    # full common licences are referred to, not repeated (lintian's copyright-file-contains-*)
    assert text.count("GNU GENERAL PUBLIC LICENSE\n Version 2") == 0
    assert "/usr/share/common-licenses/LGPL-3" in text
    # every paragraph is "Field: value" lines and continuation lines
    for paragraph in text.split("\n\n"):
        for line in paragraph.splitlines():
            assert line.startswith(" ") or ":" in line.split(" ", 1)[0], line


def test_changelog_and_overrides_are_installed(unpacked):
    changes = gzip.decompress(
        (unpacked / "usr/share/doc/mediation-kit/changelog.gz").read_bytes()).decode()
    assert changes.startswith(f"mediation-kit ({mediation_kit.__version__}) stable;")
    overrides = (unpacked / "usr/share/lintian/overrides/mediation-kit").read_text()
    assert "mediation-kit: dir-or-file-in-opt" in overrides
    assert "mediation-kit: embedded-library" in overrides
    # each override has its reason just above it
    lines = overrides.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("mediation-kit:"):
            assert lines[number - 1].startswith("#"), line


def test_maintainer_is_the_documented_placeholder_unless_set(release):
    control = subprocess.run(["dpkg-deb", "-f", str(release.output(".deb")), "Maintainer"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert control == debian.PLACEHOLDER_MAINTAINER
    assert "localhost" not in control


def test_libraries_are_not_executable_and_no_lock_file_ships(unpacked):
    opt = unpacked / "opt/mediation-kit"
    libraries = [p for p in opt.rglob("*") if p.is_file() and not p.is_symlink()
                 and debian.SHARED_LIBRARY.search(p.name)]
    assert len(libraries) > 30
    assert [p for p in libraries if p.stat().st_mode & stat.S_IXUSR] == []
    assert not list(opt.rglob("*WRITELOCK")) and not list(opt.rglob("__pycache__"))
    assert (opt / "LICENSE.txt").is_file() and (opt / "THIRD-PARTY-NOTICES.txt").is_file()

"""CHANGELOG.md is the one description of releases: the AppStream releases and the Debian
changelog are generated from it (installer/changelog.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import changelog
import mediation_kit


def test_changelog_describes_this_version_and_the_metainfo_follows_it():
    releases = changelog.parse()
    assert mediation_kit.__version__ in [r.version for r in releases]
    assert all(release.items for release in releases)
    assert changelog.main(["--check"]) == 0


def test_a_heading_without_a_date_is_refused_with_its_line(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text("# Changelog\n\n## 1.0.0\n\n- something\n", encoding="utf-8")
    with pytest.raises(changelog.ChangelogError, match="line 3"):
        changelog.parse(path)


def test_updating_the_metainfo_replaces_only_its_releases(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text("## 2.0.0 - 2030-01-02\n\n- New & better `thing`\n  on two lines.\n\n"
                    "## 1.0.0 - 2029-05-06\n\n- First.\n", encoding="utf-8")
    metainfo = tmp_path / "app.metainfo.xml"
    metainfo.write_text("<component>\n  <id>x</id>\n  <releases>\n    <release version=\"0\"/>"
                        "\n  </releases>\n</component>\n", encoding="utf-8")
    assert changelog.update_metainfo(metainfo, changelog.parse(path))
    text = metainfo.read_text(encoding="utf-8")
    assert '<release version="2.0.0" date="2030-01-02">' in text
    assert "<li>New &amp; better thing on two lines.</li>" in text
    assert '<release version="0"/>' not in text and "<id>x</id>" in text
    assert not changelog.update_metainfo(metainfo, changelog.parse(path))  # already so


@pytest.mark.skipif(not shutil.which("dpkg-parsechangelog"), reason="needs dpkg-dev")
def test_the_debian_changelog_parses(tmp_path):
    target = tmp_path / "changelog"
    target.write_text(changelog.debian_changelog(changelog.parse(), "mediation-kit",
                                                 "Someone <someone@example.org>"),
                      encoding="utf-8")
    fields = subprocess.run(["dpkg-parsechangelog", "-l", str(target)], capture_output=True,
                            text=True, check=True).stdout
    assert f"Version: {mediation_kit.__version__}" in fields
    assert "Maintainer: Someone <someone@example.org>" in fields

"""The third-party notices (installer/notices.py): collected from what a bundle holds, and
refused when something in it has no licence text."""

from __future__ import annotations

import importlib.metadata as metadata
import json
import shutil
from pathlib import Path

import pytest

import notices

ROOT = Path(__file__).resolve().parents[2]
COMMON = Path("/usr/share/common-licenses")


@pytest.mark.parametrize("copy, original", [
    (ROOT / "LICENSE", COMMON / "GPL-3"),
    (ROOT / "installer/licences/LGPL-3.0.txt", COMMON / "LGPL-3"),
    (ROOT / "installer/licences/LGPL-2.1.txt", COMMON / "LGPL-2.1"),
    (ROOT / "installer/licences/GPL-2.0.txt", COMMON / "GPL-2"),
])
def test_licence_texts_are_the_official_ones(copy, original):
    text = copy.read_text(encoding="utf-8")
    assert "GENERAL PUBLIC LICENSE" in text and len(text) > 7000
    if original.is_file():  # Debian's base-files: the copy is the same, byte for byte
        assert copy.read_bytes() == original.read_bytes()


def _fake_bundle(tmp_path: Path) -> Path:
    """A bundle with platformdirs (as PyInstaller lays it out, compiled) and its dist-info."""
    bundle = tmp_path / "mediation-kit"
    internal = bundle / "_internal"
    dist = metadata.distribution("platformdirs")
    for file in dist.files:
        if file.suffix == ".py" and file.parts[0] == "platformdirs":
            target = internal / Path(*file.parts).with_suffix(".pyc")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"compiled")
    (internal / f"platformdirs-{dist.version}.dist-info").mkdir()
    return bundle


def test_a_bundled_distribution_is_listed_with_its_version_licence_and_text(tmp_path):
    bundle = _fake_bundle(tmp_path)
    components = notices.collect(bundle)
    platformdirs = next(c for c in components if c.distribution == "platformdirs")
    assert platformdirs.version == metadata.version("platformdirs")
    assert platformdirs.licence == "MIT"
    assert any("Permission is hereby granted" in text for _title, text in platformdirs.texts)
    assert platformdirs.paths and all(p.startswith("_internal/platformdirs/")
                                      for p in platformdirs.paths)
    # the Python runtime is always there, with its licence
    python = next(c for c in components if c.name == "Python")
    assert python.texts and python.texts[0][1].strip()
    assert notices.problems(bundle, components) == []


def test_a_library_or_distribution_nobody_claims_fails_the_check(tmp_path):
    bundle = _fake_bundle(tmp_path)
    internal = bundle / "_internal"
    # a native library from nowhere (an ELF file no package owns)
    shutil.copyfile(Path("/bin/true") if Path("/bin/true").is_file() else Path(
        "/usr/bin/true"), internal / "libmystery.so.1")
    # metadata of a distribution that is not installed here
    (internal / "ghostpkg-1.0.dist-info").mkdir()
    components = notices.collect(bundle)
    found = notices.problems(bundle, components)
    assert "_internal/libmystery.so.1: no component claims this library" in found
    assert "ghostpkg-1.0.dist-info is in the bundle but not in the notices" in found


def test_a_component_without_licence_text_fails_the_check(tmp_path):
    bundle = _fake_bundle(tmp_path)
    components = notices.collect(bundle)
    platformdirs = next(c for c in components if c.distribution == "platformdirs")
    platformdirs.texts = []
    assert f"platformdirs {platformdirs.version}: no licence text" in \
        notices.problems(bundle, components)


def test_written_notices_say_how_to_replace_qt_and_list_every_component(tmp_path):
    bundle = _fake_bundle(tmp_path)
    components = notices.collect(bundle)
    written = notices.write(tmp_path / "out", components, "Mediation Kit", "9.9.9")
    text = written[0].read_text(encoding="utf-8")
    assert text.startswith("Mediation Kit 9.9.9: third-party notices")
    assert "Replacing the Qt libraries (GNU LGPL)" in text and "--self-test" in text
    for component in components:
        assert f"  {component.name} {component.version}: {component.licence}" in text
    listed = json.loads(written[1].read_text(encoding="utf-8"))
    assert [item["name"] for item in listed] == [c.name for c in components]
    assert not list((tmp_path / "out").glob("*.part"))


@pytest.mark.slow
def test_the_release_bundle_carries_complete_notices(release):
    bundle = release.bundle
    assert (bundle / "LICENSE.txt").read_bytes() == (ROOT / "LICENSE").read_bytes()
    text = (bundle / notices.NOTICES_TXT).read_text(encoding="utf-8")
    listed = json.loads((bundle / notices.NOTICES_JSON).read_text(encoding="utf-8"))
    names = {item["name"] for item in listed}
    # Qt, FFmpeg (from its own libraries), ICU, the Python runtime and the bootloader
    assert {"Qt", "FFmpeg", "ICU", "Python", "PyInstaller bootloader"} <= names
    assert "LGPL version 2.1 or later" in text  # what FFmpeg's libraries say of themselves
    # every distribution PyInstaller copied metadata of is in the notices, with a text
    assert notices.problems(bundle, notices.collect(bundle)) == []
    assert all(item["texts"] for item in listed)

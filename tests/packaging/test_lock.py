"""requirements/lock.txt: every dependency pinned with its hashes, within pyproject.toml's ranges,
for every platform the release is built on, and what this venv runs."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import locked  # installer/locked.py (tests/packaging/conftest.py puts installer/ on the path)

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The release runs on these (.github/workflows/release.yml), with CPython 3.11.
BASE = {"python_version": "3.11", "python_full_version": "3.11.2",
        "platform_python_implementation": "CPython", "implementation_name": "cpython",
        "extra": ""}
PLATFORMS = {
    "linux": {**BASE, "sys_platform": "linux", "platform_system": "Linux"},
    "windows": {**BASE, "sys_platform": "win32", "platform_system": "Windows"},
    "macos": {**BASE, "sys_platform": "darwin", "platform_system": "Darwin"},
}
PINS = locked.read_lock()


def declared_requirements() -> list[Requirement]:
    project = PYPROJECT["project"]
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    declared += PYPROJECT["build-system"]["requires"]
    return [Requirement(r) for r in declared]


def test_every_locked_package_is_pinned_with_sha256_hashes():
    # (read_lock refuses a line that is not name==version)
    assert PINS
    for name, pins in PINS.items():
        for pin in pins:
            assert pin.hashes, f"{name} has no hash"
            assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in pin.hashes), name


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_every_declared_dependency_is_locked_within_its_range_on_every_platform(platform):
    for requirement in declared_requirements():
        name = canonicalize_name(requirement.name)
        pins = [p for p in PINS.get(name, []) if p.applies(PLATFORMS[platform])]
        assert len(pins) == 1, f"{name}: {len(pins)} pins for {platform}"
        assert requirement.specifier.contains(pins[0].version, prereleases=True), (
            f"{name} {pins[0].version} is outside pyproject.toml's {requirement.specifier}")


def test_pyinstallers_platform_dependencies_are_locked_for_windows_and_macos():
    # What PyInstaller needs only there (pefile, pywin32-ctypes on Windows, macholib on macOS)
    pyinstaller = [Requirement(r) for r in metadata.distribution("pyinstaller").requires or []]
    for platform in ("windows", "macos"):
        environment = PLATFORMS[platform]
        needed = {canonicalize_name(r.name) for r in pyinstaller
                  if r.marker is None or r.marker.evaluate(environment)}
        for name in needed:
            assert any(p.applies(environment) for p in PINS.get(name, [])), (
                f"{name} (PyInstaller on {platform}) is not in the lock")
    assert "pefile" in PINS and "macholib" in PINS


def test_this_venv_runs_the_locked_versions():
    # scripts/setup.sh installs the lock: what is installed here is what the lock says
    wrong = locked.mismatches()
    assert not wrong, f"run scripts/setup.sh: {wrong}"


def test_a_venv_that_drifted_from_the_lock_is_named(tmp_path):
    # Given a lock that asks for another Babel than the one installed here
    lock = tmp_path / "lock.txt"
    lock.write_text(f"babel==1.0 \\\n    --hash=sha256:{'0' * 64}\n", encoding="utf-8")
    # Then the difference names the package and both versions
    assert locked.mismatches(lock) == {
        "babel": f"{metadata.version('babel')} installed, 1.0 locked"}


def test_an_unpinned_line_in_the_lock_is_refused(tmp_path):
    lock = tmp_path / "lock.txt"
    lock.write_text("babel>=2.14\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lock.txt:1: babel is not pinned"):
        locked.read_lock(lock)

"""requirements/lock.txt: every dependency pinned with its hashes, within pyproject.toml's ranges,
for every platform the release is built on, and what this venv runs."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "lock.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The release runs on these (.github/workflows/release.yml), with Python 3.11.
PLATFORMS = {
    "linux": {"sys_platform": "linux", "platform_system": "Linux"},
    "windows": {"sys_platform": "win32", "platform_system": "Windows"},
    "macos": {"sys_platform": "darwin", "platform_system": "Darwin"},
}


@dataclass
class Pin:
    name: str
    version: Version
    marker: Marker | None
    hashes: list[str] = field(default_factory=list)

    def applies(self, **environment: str) -> bool:
        base = {"python_version": "3.11", "python_full_version": "3.11.2",
                "platform_python_implementation": "CPython", "implementation_name": "cpython"}
        return self.marker is None or self.marker.evaluate({**base, **environment})


def read_lock() -> dict[str, list[Pin]]:
    pins: dict[str, list[Pin]] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        stripped = line.strip().rstrip("\\").strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("--hash="):
            assert current is not None, f"a hash before any package: {line}"
            current.hashes.append(stripped.removeprefix("--hash="))
            continue
        requirement = Requirement(stripped)
        [specifier] = requirement.specifier
        assert specifier.operator == "==", f"not pinned: {stripped}"
        current = Pin(canonicalize_name(requirement.name), Version(specifier.version),
                      requirement.marker)
        pins.setdefault(current.name, []).append(current)
    return pins


PINS = read_lock()


def declared_requirements() -> list[Requirement]:
    project = PYPROJECT["project"]
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    declared += PYPROJECT["build-system"]["requires"]
    return [Requirement(r) for r in declared]


def test_every_locked_package_is_pinned_with_sha256_hashes():
    assert PINS
    for name, pins in PINS.items():
        for pin in pins:
            assert pin.hashes, f"{name} has no hash"
            assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in pin.hashes), name


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_every_declared_dependency_is_locked_within_its_range_on_every_platform(platform):
    for requirement in declared_requirements():
        name = canonicalize_name(requirement.name)
        pins = [p for p in PINS.get(name, []) if p.applies(**PLATFORMS[platform])]
        assert len(pins) == 1, f"{name}: {len(pins)} pins for {platform}"
        assert requirement.specifier.contains(pins[0].version, prereleases=True), (
            f"{name} {pins[0].version} is outside pyproject.toml's {requirement.specifier}")


def test_pyinstallers_platform_dependencies_are_locked_for_windows_and_macos():
    # What PyInstaller needs only there (pefile, pywin32-ctypes on Windows, macholib on macOS)
    pyinstaller = metadata.distribution("pyinstaller").requires or []
    for platform in ("windows", "macos"):
        environment = {**PLATFORMS[platform], "python_version": "3.11",
                       "platform_python_implementation": "CPython", "implementation_name": "cpython",
                       "python_full_version": "3.11.2", "extra": ""}
        needed = {canonicalize_name(Requirement(r).name) for r in pyinstaller
                  if Requirement(r).marker is None or Requirement(r).marker.evaluate(environment)}
        for name in needed:
            assert any(p.applies(**PLATFORMS[platform]) for p in PINS.get(name, [])), (
                f"{name} (PyInstaller on {platform}) is not in the lock")
    assert "pefile" in PINS and "macholib" in PINS


def test_this_venv_runs_the_locked_versions():
    # scripts/setup.sh installs the lock: what is installed here is what the lock says
    wrong = {}
    for name, pins in PINS.items():
        pin = next((p for p in pins if p.marker is None or p.marker.evaluate()), None)
        if pin is None:
            continue
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            wrong[name] = "not installed"
            continue
        if installed != pin.version:
            wrong[name] = f"{installed} installed, {pin.version} locked"
    assert not wrong, f"run scripts/setup.sh: {wrong}"

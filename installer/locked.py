"""The exact versions of requirements/lock.txt, and whether an environment has them.

The release command refuses to build from a venv that drifted from the lock (a release is
built from what the tests ran on), and tests/packaging/test_lock.py checks the lock itself.
Needs `packaging`, which the lock installs (PyInstaller depends on it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

LOCK = Path(__file__).resolve().parents[1] / "requirements" / "lock.txt"


@dataclass
class Pin:
    """One `name==version ; marker` line of the lock and the hashes below it."""

    name: str
    version: Version
    marker: Marker | None
    hashes: list[str] = field(default_factory=list)

    def applies(self, environment: dict[str, str] | None = None) -> bool:
        """Whether the line is for `environment` (marker values), else for this interpreter."""
        return self.marker is None or self.marker.evaluate(environment)


def read_lock(path: Path = LOCK) -> dict[str, list[Pin]]:
    """Every pin of the lock by normalised name (a name may have one pin per platform)."""
    pins: dict[str, list[Pin]] = {}
    current = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip().removesuffix("\\").strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("--hash="):
            if current is None:
                raise ValueError(f"{path}:{number}: a hash before any package")
            current.hashes.append(text.removeprefix("--hash="))
            continue
        requirement = Requirement(text)
        specifiers = list(requirement.specifier)
        if len(specifiers) != 1 or specifiers[0].operator != "==":
            raise ValueError(f"{path}:{number}: {requirement.name} is not pinned with ==")
        current = Pin(canonicalize_name(requirement.name), Version(specifiers[0].version),
                      requirement.marker)
        pins.setdefault(current.name, []).append(current)
    return pins


def mismatches(path: Path = LOCK) -> dict[str, str]:
    """{package: what is wrong} for the running interpreter's environment; {} when it has
    exactly the locked version of every package the lock gives this platform."""
    wrong = {}
    for name, pins in read_lock(path).items():
        pin = next((p for p in pins if p.applies()), None)
        if pin is None:
            continue
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            wrong[name] = f"not installed ({pin.version} locked)"
            continue
        if installed != pin.version:
            wrong[name] = f"{installed} installed, {pin.version} locked"
    return wrong

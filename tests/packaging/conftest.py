"""The release, built once per test session (PyInstaller is slow on two cores).

`release` runs `installer/build.py` exactly as a maintainer does, into a temporary folder, but
without its own self-test step: test_release_build.py runs the frozen self-test itself (with no
network) so that a failing check is reported by the test that names it, while the archive,
package and size tests still run. `second_release` builds again from the same commit, for the
reproducibility test only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))


@dataclass(frozen=True)
class Release:
    work: Path
    dist: Path
    bundle: Path
    log: str
    seconds: float

    @property
    def executable(self) -> Path:
        return self.bundle / "mediation-kit"

    def output(self, suffix: str) -> Path:
        found = sorted(p for p in self.dist.iterdir() if p.name.endswith(suffix))
        assert len(found) == 1, f"expected one *{suffix} in {self.dist}: {found}"
        return found[0]


def _build(base: Path) -> Release:
    work, dist = base / "work", base / "dist"
    started = time.monotonic()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--work", str(work),
         "--dist", str(dist), "--skip-self-test"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=900)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"installer/build.py failed (exit {result.returncode}):\n{log[-4000:]}")
    return Release(work, dist, work / "dist" / "mediation-kit", log, time.monotonic() - started)


@pytest.fixture(scope="session")
def release(tmp_path_factory) -> Release:
    return _build(tmp_path_factory.mktemp("release-1"))


@pytest.fixture(scope="session")
def second_release(tmp_path_factory, release) -> Release:
    return _build(tmp_path_factory.mktemp("release-2"))

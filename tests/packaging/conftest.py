"""The release, built once per test session (PyInstaller is slow on two cores).

`release` runs `installer/build.py` exactly as a maintainer does, into a temporary folder, but
without its own self-test step, unsigned (the maintainers' key stays with them) and without
the release checks (lintian, the copyright parser: installer/README.md), which CI need not run: test_release_build.py runs the frozen self-test itself (with no
network) so that a failing check is reported by the test that names it, while the archive,
package and size tests still run. `second_release` builds again from the same commit, for the
reproducibility test only.

Both builds run from one clean clone of HEAD taken when the session starts, as a release is
built from a clean checkout of a tagged commit: files not committed are not in it, and other
work committed meanwhile cannot make the two builds differ.
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


def _build(checkout: Path, base: Path) -> Release:
    work, dist = base / "work", base / "dist"
    started = time.monotonic()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, str(checkout / "installer" / "build.py"), "--work", str(work),
         "--dist", str(dist), "--skip-self-test", "--unsigned", "--skip-release-checks"],
        capture_output=True, text=True, cwd=checkout, env=env, timeout=900)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"installer/build.py failed (exit {result.returncode}):\n{log[-4000:]}")
    return Release(work, dist, work / "dist" / "mediation-kit", log, time.monotonic() - started)


@pytest.fixture(scope="session")
def checkout(tmp_path_factory) -> Path:
    """A clean clone of this repository's HEAD."""
    target = tmp_path_factory.mktemp("checkout") / "mediation-kit"
    subprocess.run(["git", "clone", "--quiet", "--local", "--no-hardlinks", str(ROOT),
                    str(target)], check=True)
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    subprocess.run(["git", "-C", str(target), "checkout", "--quiet", "--detach", head],
                   check=True)
    return target


@pytest.fixture(scope="session")
def release(checkout, tmp_path_factory) -> Release:
    return _build(checkout, tmp_path_factory.mktemp("release-1"))


@pytest.fixture(scope="session")
def second_release(checkout, tmp_path_factory, release) -> Release:
    return _build(checkout, tmp_path_factory.mktemp("release-2"))

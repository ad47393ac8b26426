"""Portable mode: with a `portable` file beside the executable, the kit keeps settings, plans,
caches and logs in `data/` beside itself and writes nothing anywhere else.

The user's home, every XDG folder and TMPDIR point into folders that start empty and are made
read-only; because the tests may run as root (who writes through read-only permissions), each
folder is also checked to be still empty afterwards. From source, MEDIATION_KIT_PORTABLE_DIR
stands for the marker (the source tree has no executable of its own); the frozen test uses the
real marker file beside a copy of the frozen executable.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from release_helpers import everything_below, isolated_env

ROOT = Path(__file__).resolve().parents[2]


def _read_only_folders(tmp_path: Path) -> tuple[Path, Path]:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    for folder in (home, tmp):
        folder.mkdir()
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    return home, tmp


def _run(cmd: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def _runs_in_portable_mode(command: list[str], usb: Path, env: dict[str, str],
                           home: Path, tmp: Path) -> Path:
    """Runs the self-test, then the app itself until its content is loaded; returns data/."""
    # When the self-test runs
    selftest = _run([*command, "--self-test"], env, usb)
    report = json.loads(selftest.stdout)
    paths_check = next(c for c in report["checks"] if c["name"] == "paths")
    # Then it reports the portable data folder beside the executable
    assert paths_check["details"]["portable_data"] == str(usb / "data")
    # When the app starts, shows its window, loads packs and index, and quits (start-up marker)
    app = _run(command, {**env, "MEDIATION_KIT_STARTUP_MARKER": "1"}, usb)
    assert app.returncode == 0, app.stderr[-2000:]
    assert "mediation-kit-ready" in app.stdout
    # Then nothing was written in the home folder, the XDG folders or the temporary folder
    assert everything_below(home) == []
    assert everything_below(tmp) == []
    # And the settings and the log are in data/ beside the executable
    data = usb / "data"
    assert (data / "config" / "settings.toml").is_file()
    assert (data / "logs" / "mediation-kit.log").is_file()
    return data


def test_from_source_portable_mode_writes_only_in_its_own_folder(tmp_path):
    # Given an empty read-only home and temporary folder, and a "USB stick" folder
    home, tmp = _read_only_folders(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    env = isolated_env(home, TMPDIR=str(tmp), MEDIATION_KIT_PORTABLE_DIR=str(usb / "data"),
                       PYTHONPATH=str(ROOT / "src"))
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ written in the source tree either
    # When and then: see _runs_in_portable_mode
    data = _runs_in_portable_mode([sys.executable, "-m", "mediation_kit"], usb, env, home, tmp)
    # And the data folder is the only thing created on the stick
    assert sorted(p.name for p in usb.iterdir()) == ["data"]
    assert data.is_dir()


@pytest.mark.slow
def test_frozen_portable_mode_with_the_marker_writes_only_beside_itself(release, tmp_path):
    # Given a copy of the frozen kit on a "USB stick", with the `portable` marker beside it
    home, tmp = _read_only_folders(tmp_path)
    usb = tmp_path / "usb" / "mediation-kit"
    shutil.copytree(release.bundle, usb, symlinks=True)
    (usb / "portable").write_text("")
    before = set(everything_below(usb))
    env = isolated_env(home, TMPDIR=str(tmp))
    assert "MEDIATION_KIT_PORTABLE_DIR" not in env
    # When and then: see _runs_in_portable_mode
    _runs_in_portable_mode([str(usb / "mediation-kit")], usb, env, home, tmp)
    # And everything new on the stick is inside data/
    new = set(everything_below(usb)) - before
    assert new and all(path == "data" or path.startswith("data/") for path in new), new


def test_portable_marker_is_ignored_when_not_frozen(tmp_path, monkeypatch):
    # Given a source run (not frozen) with a `portable` file beside the Python executable's
    # folder stand-in and no MEDIATION_KIT_PORTABLE_DIR
    from mediation_kit.core import paths

    monkeypatch.delenv("MEDIATION_KIT_PORTABLE_DIR", raising=False)
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    (tmp_path / "portable").write_text("")
    # Then the marker does not apply: from source, only the variable turns portable mode on
    assert paths.portable_root() is None


def test_portable_marker_beside_a_frozen_executable_selects_data_beside_it(tmp_path,
                                                                            monkeypatch):
    from mediation_kit.core import paths

    monkeypatch.delenv("MEDIATION_KIT_PORTABLE_DIR", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    # Given no marker: the platform's folders
    assert paths.portable_root() is None
    # Given the marker: data/ beside the executable, for every kind of user folder
    (tmp_path / "portable").write_text("")
    dirs = paths.user_dirs()
    assert paths.portable_root() == tmp_path / "data"
    for folder in (dirs.config, dirs.data, dirs.cache, dirs.log, dirs.plans, dirs.index_cache):
        assert tmp_path / "data" in folder.parents
    assert os.environ.get("MEDIATION_KIT_PORTABLE_DIR") is None

"""The test run writes nothing into the user's own folders and leaves no folder behind."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"


def test_home_and_the_xdg_folders_are_the_run_s_temporary_folder(qapp):
    root = Path(os.environ["MEDIATION_KIT_PORTABLE_DIR"]).parent  # tests/conftest.py's
    assert root.name.startswith("mediation-kit-tests-")
    real_home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                     "XDG_STATE_HOME", "MEDIATION_KIT_PORTABLE_DIR"):
        assert Path(os.environ[variable]).is_relative_to(root), variable
    assert not root.is_relative_to(real_home)
    # What Qt and the libraries it loads (PulseAudio writes its cookie under
    # ~/.config/pulse) take as the user's folders
    for location in (QStandardPaths.StandardLocation.HomeLocation,
                     QStandardPaths.StandardLocation.ConfigLocation,
                     QStandardPaths.StandardLocation.GenericCacheLocation,
                     QStandardPaths.StandardLocation.DocumentsLocation):
        assert Path(QStandardPaths.writableLocation(location)).is_relative_to(root), location


def test_the_run_s_temporary_folder_is_removed_when_the_run_ends(tmp_path):
    # Given a process that sets the test folders up as a run does, then exits
    script = ("import runpy, sys; ns = runpy.run_path(sys.argv[1]); "
              "print(ns['TEST_ROOT'], flush=True)")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "-c", script, str(CONFTEST)], env=env,
                          capture_output=True, text=True, timeout=60,
                          cwd=CONFTEST.parent)
    assert done.returncode == 0, done.stderr
    root = Path(done.stdout.strip().splitlines()[-1])
    # Then its folder existed under the system's temporary folder, and is gone
    assert root.name.startswith("mediation-kit-tests-")
    assert not root.exists()

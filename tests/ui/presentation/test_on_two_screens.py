"""Runs the presenting tests on an Xvfb with two screens (see on_screens/).

The main suite is offscreen, where there is no second screen to present on; so this test
starts its own X server with an operator screen and an unpluggable projector
(`xvfb-screens`) and runs the tests in on_screens/ in a child pytest with Qt's xcb platform.
It fails, never skips, when Xvfb or xrandr is missing: `apt-get install xvfb
x11-xserver-utils` (scripts/setup.sh installs them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
XVFB_SCREENS = HERE / "xvfb-screens"


def free_display() -> str:
    for number in range(140, 240):
        if not Path(f"/tmp/.X{number}-lock").exists() and \
                not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    raise RuntimeError("no free X display number between 140 and 239")


def test_presenting_on_a_desk_and_a_projector(tmp_path):
    missing = [tool for tool in ("Xvfb", "xrandr") if shutil.which(tool) is None]
    assert not missing, (f"presenting tests need {', '.join(missing)}: "
                         "apt-get install xvfb x11-xserver-utils")
    display = free_display()
    subprocess.run(["bash", str(XVFB_SCREENS), "start", display], check=True, timeout=30,
                   capture_output=True)
    try:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                   MEDIATION_KIT_PRESENT_DISPLAY=display)
        env.pop("WAYLAND_DISPLAY", None)
        child = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
             str(HERE / "on_screens")],
            env=env, cwd=HERE.parents[2], capture_output=True, text=True, timeout=300)
    finally:
        subprocess.run(["bash", str(XVFB_SCREENS), "stop", display], timeout=30)
    report = child.stdout[-6000:] + child.stderr[-3000:]
    assert child.returncode == 0, report
    assert " passed" in child.stdout and "skipped" not in child.stdout, report

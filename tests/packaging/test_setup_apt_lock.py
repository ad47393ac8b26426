"""scripts/setup.sh waits when another package manager holds the apt/dpkg lock, and says so.

apt-get is replaced by a stand-in on PATH that answers as apt 2.6 does while the lock is held,
so the real lock of this machine is never touched.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK_ERROR = ("E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 "
              "(unattended-upgr)\nE: Unable to lock directory /var/lib/apt/lists/")

FAKE_APT_GET = """#!/usr/bin/env bash
# Records its arguments; fails like apt-get on a held lock until {held} calls have been made.
echo "$*" >> "{calls}"
count=$(wc -l < "{calls}")
if [ "$count" -le {held} ]; then
  printf '%s\\n' "{lock_error}" >&2
  exit 100
fi
if [ -n "{other_error}" ]; then
  echo "{other_error}" >&2
  exit 100
fi
echo "Reading package lists..."
"""


def run_apt_get(tmp_path, *args, held: int, timeout: int, other_error: str = ""):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.txt"
    fake = bin_dir / "apt-get"
    fake.write_text(FAKE_APT_GET.format(calls=calls, held=held, lock_error=LOCK_ERROR,
                                        other_error=other_error), encoding="utf-8")
    fake.chmod(0o755)
    script = (f'set -euo pipefail; SUDO=""; source "{ROOT}/scripts/apt_get.sh"; '
              'apt_get "$@"; echo "apt_get returned"')
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "APT_LOCK_TIMEOUT": str(timeout)}
    started = time.monotonic()
    result = subprocess.run(["bash", "-c", script, "apt_get", *args], capture_output=True,
                            text=True, env=env, timeout=120)
    lines = calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []
    return result, lines, time.monotonic() - started


def test_a_held_lock_is_waited_for_and_the_wait_is_announced(tmp_path):
    # Given another package manager that releases the lock after two attempts
    result, calls, _ = run_apt_get(tmp_path, "update", "-qq", held=2, timeout=60)
    # Then apt-get ran again until it got the lock, and the user was told who was waited for
    assert result.returncode == 0, result.stderr
    assert "apt_get returned" in result.stdout
    assert len(calls) == 3
    assert "Waiting for another package manager (unattended-upgr, process 4242)" in result.stderr
    # And every attempt asked apt itself to wait for the dpkg lock as well
    assert all(call.startswith("-o DPkg::Lock::Timeout=") and call.endswith("update -qq")
               for call in calls)


def test_a_lock_held_past_the_timeout_stops_the_set_up_with_a_clear_message(tmp_path):
    # Given a lock that is never released and a timeout of 3 s
    result, calls, seconds = run_apt_get(tmp_path, "install", "-y", "poppler-utils",
                                         held=10_000, timeout=3)
    # Then the set-up stops with apt's status, after about the timeout, naming the holder,
    # what to do, and without going on
    assert result.returncode == 100
    assert "apt_get returned" not in result.stdout
    assert "unattended-upgr, process 4242" in result.stderr
    assert "still holds the apt/dpkg lock after 3 s; nothing was installed" in result.stderr
    assert "APT_LOCK_TIMEOUT=" in result.stderr
    assert 2 <= seconds < 30 and len(calls) >= 2  # $SECONDS counts whole seconds


def test_other_apt_errors_are_shown_at_once_and_not_retried(tmp_path):
    result, calls, _ = run_apt_get(tmp_path, "install", "-y", "no-such-package", held=0,
                                   timeout=60, other_error="E: Unable to locate package x")
    assert result.returncode == 100
    assert "E: Unable to locate package x" in result.stderr
    assert "apt-get install failed (exit status 100)" in result.stderr
    assert "Waiting" not in result.stderr and len(calls) == 1


def test_setup_installs_the_system_packages_the_tests_use():
    # xrandr (presenting on two Xvfb screens), pdftotext and pdffonts (PDF tests)
    text = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    packages = text.split('DEB_PACKAGES="', 1)[1].split('"', 1)[0].split()
    assert {"x11-xserver-utils", "poppler-utils", "dbus-daemon", "gettext", "xvfb"} <= set(packages)

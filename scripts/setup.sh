#!/usr/bin/env bash
# Installs everything the kit needs on Debian/Ubuntu, idempotently: the system libraries Qt
# loads, a virtual environment in .venv with the kit and its test tools at the versions of
# requirements/lock.txt (hashes checked), compiled translations.
# Run by scripts/run.sh and scripts/test.sh; safe to run again (it skips what is there).
# APT_LOCK_TIMEOUT (seconds, default 300): how long to wait for another apt or dpkg to finish.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# Qt 6's xcb and offscreen platforms, QtMultimedia (FFmpeg backend, PulseAudio) and Xvfb.
DEB_PACKAGES="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libdbus-1-3 libpulse0
 libfontconfig1 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
 libwayland-client0 libwayland-cursor0 libwayland-egl1 libdrm2 xvfb xauth gettext
 desktop-file-utils appstream icu-devtools binutils
 x11-xserver-utils poppler-utils dbus-daemon"
# gettext: msgfmt checks; desktop-file-utils, appstream: the Linux installer's metadata;
# icu-devtools, binutils: the release build; x11-xserver-utils: xrandr for the presenting tests
# (two screens on Xvfb); poppler-utils: pdftotext and pdffonts for the PDF tests; dbus-daemon:
# a private session bus for the screensaver test.

# apt_get: apt-get that waits for another package manager (APT_LOCK_TIMEOUT, default 300 s).
source "$ROOT/scripts/apt_get.sh"

if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $DEB_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "Installing system packages:$missing"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    apt_get update -qq
    apt_get install -y -qq --no-install-recommends $missing
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the lock or the project's metadata changed since the last install.
# Every dependency comes from the lock, hashes checked; then the kit itself, editable, with the
# locked setuptools and nothing else fetched (upgrading a dependency: README, "For maintainers").
stamp=.venv/.mediation-kit-installed
if [ ! -f "$stamp" ] || [ requirements/lock.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "Installing the locked Python packages into .venv (requirements/lock.txt)"
  .venv/bin/python -m pip install -q --require-hashes -r requirements/lock.txt
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  touch "$stamp"
fi

# Compiled catalogs are build products, never committed.
if compgen -G "translations/*/LC_MESSAGES/*.po" >/dev/null; then
  .venv/bin/pybabel -q compile -d translations -D mediation_kit --use-fuzzy 2>/dev/null \
    || .venv/bin/pybabel -q compile -d translations -D mediation_kit
fi

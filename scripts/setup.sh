#!/usr/bin/env bash
# Installs everything the kit needs on Debian/Ubuntu, idempotently: the system libraries Qt
# loads, a virtual environment in .venv with the kit and its test tools, compiled translations.
# Sourced by scripts/run.sh and scripts/test.sh; safe to run again (it skips what is there).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# Qt 6's xcb and offscreen platforms, QtMultimedia (FFmpeg backend, PulseAudio) and Xvfb.
DEB_PACKAGES="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libdbus-1-3 libpulse0
 libfontconfig1 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
 libwayland-client0 libwayland-cursor0 libwayland-egl1 libdrm2 xvfb xauth gettext
 desktop-file-utils appstream icu-devtools binutils"

if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $DEB_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "Installing system packages:$missing"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the project's metadata changed since the last install.
stamp=.venv/.mediation-kit-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,build]"
  touch "$stamp"
fi

# Compiled catalogs are build products, never committed.
if compgen -G "translations/*/LC_MESSAGES/*.po" >/dev/null; then
  .venv/bin/pybabel -q compile -d translations -D mediation_kit --use-fuzzy 2>/dev/null \
    || .venv/bin/pybabel -q compile -d translations -D mediation_kit
fi

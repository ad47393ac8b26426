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
 x11-xserver-utils poppler-utils"
# gettext: msgfmt checks; desktop-file-utils, appstream: the Linux installer's metadata;
# icu-devtools, binutils: the release build; x11-xserver-utils: xrandr for the presenting tests
# (two screens on Xvfb); poppler-utils: pdftotext and pdffonts for the PDF tests.

APT_LOCK_TIMEOUT=${APT_LOCK_TIMEOUT:-300}
# apt-get that waits for another package manager (an update running in the background, a
# second set-up) instead of failing at once, and says so plainly when the wait runs out.
# DPkg::Lock::Timeout makes `install` wait for the dpkg lock, here in slices of 10 s so that the
# wait is reported; `apt-get update` (apt 2.6) does not wait for the lists lock at all, so a
# lock error is retried until the same deadline.
apt_get() {
  local log status holder slice waited=0 deadline=$((SECONDS + APT_LOCK_TIMEOUT))
  log=$(mktemp)
  while :; do
    status=0
    slice=$((deadline - SECONDS))
    [ "$slice" -gt 10 ] && slice=10
    [ "$slice" -lt 0 ] && slice=0
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$slice" \
      "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -eq 0 ]; then
      grep "^W:" "$log" >&2 || true
      rm -f "$log"
      return 0
    fi
    if ! grep -q -e "Could not get lock" -e "Unable to lock" -e "Unable to acquire the dpkg" "$log"; then
      cat "$log" >&2
      rm -f "$log"
      echo "scripts/setup.sh: apt-get $1 failed (exit status $status), see above." >&2
      exit "$status"
    fi
    holder=$(sed -n 's/.*held by process \([0-9]*\) (\(.*\)).*/\2, process \1/p' "$log" | tail -1)
    if [ "$SECONDS" -ge "$deadline" ]; then
      rm -f "$log"
      echo "scripts/setup.sh: another package manager${holder:+ ($holder)} still holds the" \
        "apt/dpkg lock after ${APT_LOCK_TIMEOUT} s; nothing was installed." >&2
      echo "Let it finish (or close the software updater), then run this again. To wait" \
        "longer: APT_LOCK_TIMEOUT=900 bash scripts/setup.sh" >&2
      exit "$status"
    fi
    if [ "$waited" -eq 0 ]; then
      echo "Waiting for another package manager${holder:+ ($holder)} to finish" \
        "(at most ${APT_LOCK_TIMEOUT} s)..." >&2
      waited=1
    fi
    sleep 2
  done
}

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

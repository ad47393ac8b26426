#!/usr/bin/env bash
# Regenerates requirements/lock.txt, the exact versions (with their hashes) that scripts/setup.sh,
# CI and the release workflow install. pyproject.toml keeps ranges for people who install the
# package; the lock is what the project itself runs and ships.
#
#   bash scripts/lock.sh                            after editing pyproject.toml: adds what is new,
#                                                   keeps every version already locked
#   bash scripts/lock.sh --upgrade-package babel    upgrades one dependency (and only what it needs)
#   bash scripts/lock.sh --upgrade                  everything to the newest allowed version
#
# One lock for Linux, Windows and macOS and every Python from 3.11 (uv's universal resolution),
# hashes of every file of each version. uv is used here only; nothing else needs it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
UV_VERSION=0.13.9  # the lock's format and resolution follow uv: change it in a commit of its own
TOOLS=${MEDIATION_KIT_LOCK_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/mediation-kit/lock-tools}
if [ "$("$TOOLS/bin/uv" --version 2>/dev/null | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  "${PYTHON:-python3}" -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install -q "uv==$UV_VERSION"
fi
"$TOOLS/bin/uv" pip compile --quiet pyproject.toml requirements/backend.in \
  --all-extras --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command "bash scripts/lock.sh" \
  --output-file requirements/lock.txt "$@"
echo "requirements/lock.txt written: review it with 'git diff requirements/lock.txt'," \
  "then run bash scripts/test.sh before committing it."

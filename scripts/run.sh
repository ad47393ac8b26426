#!/usr/bin/env bash
# Installs what is missing, then starts Mediation Kit. Extra arguments go to the app.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/scripts/setup.sh"
exec "$ROOT/.venv/bin/mediation-kit" "$@"

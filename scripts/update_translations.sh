#!/usr/bin/env bash
# Brings the translations up to date with the sources, then reports what is left to do:
#   1. extracts every marked string of src/ into translations/mediation_kit.pot (pybabel extract,
#      mapping in babel.cfg),
#   2. merges the template into translations/{fr,en,de}/LC_MESSAGES/mediation_kit.po (pybabel
#      update; a language without a catalog gets one with pybabel init),
#   3. prints per language the translated, fuzzy and untranslated counts, and every problem
#      (untranslated, fuzzy, placeholder mismatch) the tests would fail on.
# `scripts/update_translations.sh check` only does step 3 and exits non-zero on a problem.
# The exact pybabel commands: `.venv/bin/python -m mediation_kit.core.i18n_tools commands`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON="$ROOT/.venv/bin/python"
[ -x "$PYTHON" ] || PYTHON=python3
exec "$PYTHON" -m mediation_kit.core.i18n_tools "${1:-update}" "$ROOT"

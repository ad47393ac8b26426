#!/usr/bin/env bash
# Retakes plan-run-sheet.png and plan-handout.png: the example plan printed in French by the
# command line, first page of each PDF rendered by pdftoppm (poppler-utils) at 100 dpi.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PLAN="$ROOT/resources/plans/atelier-souverainete-numerique.mkplan"
OUT="$ROOT/docs/screenshots"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LANGUAGE=fr QT_QPA_PLATFORM=offscreen
"$ROOT/.venv/bin/python" -m mediation_kit plan print "$PLAN" --pdf "$TMP/run-sheet.pdf"
"$ROOT/.venv/bin/python" -m mediation_kit plan print "$PLAN" --pdf "$TMP/handout.pdf" --handout
pdftoppm -r 100 -png -singlefile -f 1 -l 1 "$TMP/run-sheet.pdf" "$OUT/plan-run-sheet"
pdftoppm -r 100 -png -singlefile -f 1 -l 1 "$TMP/handout.pdf" "$OUT/plan-handout"

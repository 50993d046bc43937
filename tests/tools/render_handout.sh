#!/usr/bin/env bash
# Prints a scenario's handout to PDF with headless Chromium on A4 and on Letter and turns the
# pages into PNGs, for looking at the print layout (not run by CTest: CI needs no browser).
# usage: tests/tools/render_handout.sh [BUILD_DIR] [SCENARIO.json] [OUT_DIR]
# Needs Debian's chromium and poppler-utils (pdftoppm, pdfinfo). The README's
# assets/screenshots/handout.png is page 1 of the A4 print of fear-friend-fight at 96 dpi.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$here/build/release}"
scenario="${2:-$here/scenarios/fear-friend-fight.json}"
out="${3:-$(mktemp -d)}"
app="$build/src/empathy-trainer"
for tool in chromium pdftoppm pdfinfo; do
    if ! command -v "$tool" >/dev/null; then
        echo "render_handout.sh: $tool is not installed (apt-get install chromium poppler-utils)" >&2
        exit 2
    fi
done
[[ -x "$app" ]] || { echo "render_handout.sh: no $app; build first" >&2; exit 2; }
mkdir -p "$out"
name="$(basename "$scenario" .json)"
for paper in a4 letter; do
    html="$out/$name-$paper.html"
    "$app" handout --scenario "$scenario" --paper "$paper" --out "$html"
    # --no-pdf-header-footer: the page's own @page footer replaces the browser's URL and date.
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/$name-$paper.pdf" "file://$html" 2>/dev/null
    pdftoppm -png -r 96 "$out/$name-$paper.pdf" "$out/$name-$paper"
    echo "$paper: $(pdfinfo "$out/$name-$paper.pdf" | awk '/^Pages/ {print $2}') pages," \
        "$out/$name-$paper-*.png"
done

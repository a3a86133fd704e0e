#!/usr/bin/env bash
# Redraws docs/images/breakdown.png and review.png (the README's pictures) from the reference plan:
# salesplan writes the plan's workbook and a review workbook, LibreOffice prints both to PDF, and
# pdftoppm draws the page of the T1 cross-tab and the page of the T1 burn-up chart at 60 dpi,
# cropped to what the page holds. Needs soffice and poppler-utils (pdftoppm, pdftotext, pdfinfo).
set -euo pipefail
cd "$(dirname "$0")/../.."
salesplan=${SALESPLAN:-.venv/bin/salesplan}
plan=examples/reference/reference-plan.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$salesplan" export "$plan" -o "$work/plan.xlsx" --force
"$salesplan" review "$plan" --actuals tests/review/fixtures/actuals.csv --as-of 2026-08-31 \
  -o "$work/review.xlsx" --force
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" \
  "$work/plan.xlsx" "$work/review.xlsx" >/dev/null 2>&1

# page PDF TEXT N: the first page whose text holds TEXT at least N times
page() {
  local pages p
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    if [ "$(pdftotext -f "$p" -l "$p" "$1" - | grep -o "$2" | wc -l)" -ge "$3" ]; then
      echo "$p"
      return
    fi
  done
  echo "regen.sh: no page of $1 shows '$2'" >&2
  exit 1
}

# draw PDF PAGE OUT X Y W H: that page at 60 dpi (an A4 landscape page is 702 x 496), cropped
draw() {
  pdftoppm -png -r 60 -f "$2" -l "$2" -singlefile -x "$4" -y "$5" -W "$6" -H "$7" "$1" "${3%.png}"
  echo "wrote $3 ($(wc -c <"$3") bytes)"
}

draw "$work/plan.pdf" "$(page "$work/plan.pdf" 拆解项 1)" docs/images/breakdown.png 36 50 390 200
draw "$work/review.pdf" "$(page "$work/review.pdf" 'T1 累计完成与计划' 2)" docs/images/review.png 36 50 600 190

#!/usr/bin/env bash
# Measures the shelf's search across every report (issue budgets; numbers go in the README,
# never in a test):
#  1. bytes (gzip, as nginx sends them: the .gz beside each file) of the search text a site of
#     100 reports fetches on the box's first use, and of the shelf's own wasm; and, as a bound
#     for reports that share no wording, each source report's search text alone;
#  2. keystroke latency in Chromium on that site (benches/shelf-search-browser.mjs).
# The 100 reports are those of scripts/bench-site.sh (site-lib.sh: bench_reports).
#
#   scripts/bench-shelf-search.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
source scripts/site-lib.sh
build_site_tools

work=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-bench-shelf-XXXXXX")
trap 'rm -rf "$work"' EXIT
bench_reports "$work/reports"
"$GONGKAI_BIN" site "$work/reports"/*.txt --out "$work/site" --viewer dist >/dev/null

gz() { if [ -f "$1.gz" ]; then stat -c %s "$1.gz"; else gzip -9 -n -c "$1" | wc -c; fi; }
search=$(find "$work/site" -maxdepth 1 -name 'search-*.json')
echo "| file (gzip, as served) | bytes |"
echo "|---|---|"
echo "| search text of $(find "$work/reports" -name '*.txt' | wc -l) reports ($(basename "$search"), $(wc -c < "$search") B raw) | $(gz "$search") |"
for f in "$work/site/assets/shelf"/*; do
  case "$f" in *.gz) continue ;; esac
  echo "| assets/shelf/$(basename "$f") | $(gz "$f") |"
done
echo
echo "Each source report's search text alone (no wording shared with any other report):"
echo
echo "| report | gzip bytes |"
echo "|---|---|"
for src in reports/*.txt tests/reports/*.txt; do
  "$GONGKAI_BIN" parse "$src" >/dev/null 2>&1 || continue
  rm -rf "$work/one"
  "$GONGKAI_BIN" site "$src" --out "$work/one" --viewer dist >/dev/null
  echo "| $(basename "$src") | $(gz "$(find "$work/one" -maxdepth 1 -name 'search-*.json')") |"
done
echo
node benches/shelf-search-browser.mjs "$work/site" shelf-100

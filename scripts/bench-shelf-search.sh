#!/usr/bin/env bash
# Measures the shelf's search across every report (issue budgets; numbers go in the README,
# never in a test):
#  1. bytes as nginx sends them (the .gz beside a file when there is one, else the file) of
#     the search text a site of 100 reports fetches on the box's first use, and of the
#     shelf's own wasm; and each source report's search text alone;
#  2. keystroke latency in Chromium on that site (benches/shelf-search-browser.mjs);
#  3. both again for 100 reports that share no wording but the genre's
#     (benches/data/work-reports-2026.tar.xz: extracts of 30 provinces' work reports).
# The first 100 reports are those of scripts/bench-site.sh (site-lib.sh: bench_reports):
# yearly copies of 12 reports, so they share most of their text.
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

gz() { if [ -f "$1.gz" ]; then stat -c %s "$1.gz"; else stat -c %s "$1"; fi; }
# The site's search file: packed (.bin) or, when gzip sends it smaller, JSON (.json + .gz).
search_file() { find "$1" -maxdepth 1 \( -name 'search-*.bin' -o -name 'search-*.json' \); }
search=$(search_file "$work/site")
echo "| file (as served) | bytes |"
echo "|---|---|"
echo "| search text of $(find "$work/reports" -name '*.txt' | wc -l) reports ($(basename "$search"), $(wc -c < "$search") B raw) | $(gz "$search") |"
for f in "$work/site/assets/shelf"/*; do
  case "$f" in *.gz) continue ;; esac
  echo "| assets/shelf/$(basename "$f") | $(gz "$f") |"
done
echo
echo "Each source report's search text alone (no wording shared with any other report):"
echo
echo "| report | bytes as served |"
echo "|---|---|"
for src in reports/*.txt tests/reports/*.txt; do
  "$GONGKAI_BIN" parse "$src" >/dev/null 2>&1 || continue
  rm -rf "$work/one"
  "$GONGKAI_BIN" site "$src" --out "$work/one" --viewer dist >/dev/null
  one=$(search_file "$work/one")
  echo "| $(basename "$src") | $(gz "$one") ($(basename "$one")) |"
done
echo
node benches/shelf-search-browser.mjs "$work/site" shelf-100

echo
echo "100 reports sharing no wording but the genre's (benches/data/work-reports-2026.tar.xz):"
echo
mkdir -p "$work/unrelated-src"
tar -xJf benches/data/work-reports-2026.tar.xz -C "$work/unrelated-src"
"$GONGKAI_BIN" site "$work/unrelated-src"/unrelated/*.txt --out "$work/unrelated" --viewer dist >/dev/null
search=$(search_file "$work/unrelated")
case "$search" in
  *.bin) json_gz=$("$GONGKAI_BIN" unpack "$search" | gzip -9 -n | wc -c) ;;
  *) json_gz=$(gz "$search") ;;
esac
echo "| search text of $(ls "$work/unrelated-src"/unrelated/*.txt | wc -l) reports | bytes |"
echo "|---|---|"
echo "| as served ($(basename "$search")) | $(gz "$search") |"
echo "| the same JSON, gzip -9 (as before packing) | $json_gz |"
echo
node benches/shelf-search-browser.mjs "$work/unrelated" unrelated-100

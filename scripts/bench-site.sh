#!/usr/bin/env bash
# Measures `gongkai site` (issue budgets; numbers go in the README, never in a test):
#  1. wall time of `gongkai site` on 100 report files, release binary, median of 3 runs. The
#     files are the repository's real report and test reports (every encoding they come in),
#     each copied 8 or 9 times with its years moved back 0–8 years (titles, dates and text);
#  2. gzip bytes as nginx sends them (the .gz file beside each file, gzip_static; gzip -9 of
#     the file when there is none): the real report's page, what a first visit to it downloads (page and the
#     viewer files it loads), and a second report's page on the same site;
#  3. whether the wasm is byte-identical in two sites built from different reports.
#
#   scripts/bench-site.sh      (RUNS=5 for more runs)
#
# Uses the viewer in dist/ (built first when missing: after changing the viewer, run
# scripts/build-viewer.sh) and the release `gongkai` binary as the release profile
# builds it (opt-level z, for the wasm's sake; the native CLI gets it too).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
source scripts/site-lib.sh

runs=${RUNS:-3}
build_site_tools

work=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-bench-site-XXXXXX")
trap 'rm -rf "$work"' EXIT

# ---- 100 report files ---------------------------------------------------------------------
bench_reports "$work/reports"
count=$(find "$work/reports" -name '*.txt' | wc -l)
bytes=$(cat "$work/reports"/*.txt | wc -c)
titles=$(for f in "$work/reports"/*.txt; do "$GONGKAI_BIN" parse "$f" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).title??""))'; done \
  | sort -u | wc -l)
echo "input: $count report files, $bytes bytes, $titles distinct titles"

# ---- time -----------------------------------------------------------------------------------
ms() { echo $(($(date +%s%N) / 1000000)); }
times=()
for r in $(seq "$runs"); do
  rm -rf "$work/site"
  start=$(ms)
  "$GONGKAI_BIN" site "$work/reports"/*.txt --out "$work/site" --viewer dist >/dev/null
  times+=($(($(ms) - start)))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
# Report pages only: one folder deep (compare/<office>/ and preview/ are not reports).
report_pages() { find "$1" -mindepth 2 -maxdepth 2 -name index.html -not -path "$1/preview/*" "${@:2}"; }
pages=$(report_pages "$work/site" | wc -l)
offices=$(find "$work/site/compare" -mindepth 2 -maxdepth 2 -name index.html 2>/dev/null | wc -l)
echo "gongkai site, $count reports → $pages report pages and $offices 历年对比 pages: median ${median} ms of $runs runs (${times[*]} ms)"

# ---- bytes ----------------------------------------------------------------------------------
site="$work/site"
gz() { if [ -f "$1.gz" ]; then stat -c %s "$1.gz"; else gzip -9 -n -c "$1" | wc -c; fi; }
page="$site/bazhou-natural-resources-2023/index.html"
second="$site/county-justice-2023/index.html"
# What the page loads: the stylesheets, icon and loader it names; the JS glue and the wasm
# the loader imports and fetches (embed.js is for portals, not loaded here).
loader="$site/assets/gongkai-loader.js"
assets=$( { grep -o '\.\./assets/[^"]*' "$page" | sed 's|^\.\./assets/||'
            grep -oE "'\./[^']+\.(js|wasm)'" "$loader" | tr -d "'" | sed 's|^\./||'; } | sort -u)
echo
echo "| file (gzip, as served) | bytes |"
echo "|---|---|"
first=$(gz "$page")
echo "| real report's page ($(basename "$(dirname "$page")")/index.html, $(wc -c < "$page") B raw) | $first |"
for a in $assets; do
  size=$(gz "$site/assets/$a")
  first=$((first + size))
  echo "| assets/$a | $size |"
done
echo "| **first visit (page + viewer)** | **$first** |"
echo "| second report's page ($(basename "$(dirname "$second")")/index.html) | $(gz "$second") |"
largest=0
while IFS= read -r -d '' p; do
  size=$(gz "$p"); [ "$size" -gt "$largest" ] && largest=$size && largest_page=$p
done < <(report_pages "$site" -print0)
echo "| largest of the $pages pages ($(basename "$(dirname "$largest_page")")) | $largest |"
echo "| shelf page (index.html, $pages reports) | $(gz "$site/index.html") |"

# ---- one wasm for every site ----------------------------------------------------------------
"$GONGKAI_BIN" site reports/*.txt --out "$work/site-a" --viewer dist >/dev/null
"$GONGKAI_BIN" site tests/reports/*.txt --out "$work/site-b" --viewer dist >/dev/null
# Every wasm (the viewer's, the shelf search's) by name, byte for byte.
same=yes; names=()
while IFS= read -r -d '' wasm; do
  name=${wasm#"$work/site-a/"}
  names+=("$name")
  cmp -s "$wasm" "$work/site-b/$name" || same=no
done < <(find "$work/site-a/assets" -name '*.wasm' -print0)
[ "${#names[@]}" -gt 0 ] || same=no
echo
echo "wasm byte-identical in a site of reports/ and a site of tests/reports/: $same (${names[*]})"
assets_same=no
diff -rq "$work/site-a/assets" "$work/site-b/assets" >/dev/null && assets_same=yes
echo "every viewer file identical in both: $assets_same"

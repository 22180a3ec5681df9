#!/usr/bin/env bash
# Lighthouse (12.2.3, pinned in package-lock.json) on the real report's page of a site that
# `gongkai site` publishes, served by Debian's nginx with the shipped deploy/ config under
# /xxgk/2024/fzbg/: mobile, Lighthouse's default simulated throttling, 3 runs. Prints the
# median of each number as a markdown table row (the README's), and every audit that costs
# accessibility, best-practices or SEO points, with the elements it names.
#
#   scripts/lighthouse.sh            # 3 runs, the table row and the failing audits
#   scripts/lighthouse.sh --check    # CI: 1 run; fails unless accessibility, best practices
#                                    # and SEO are 100 and CLS is 0 (what does not vary by machine)
#   RUNS=5 scripts/lighthouse.sh     # more runs; KEEP_RESULTS=DIR keeps the JSON results there
#
# The site is built from reports/*.txt into a temporary folder with the release `gongkai`
# binary and the viewer in dist/ (built first when missing: after changing the viewer, run
# scripts/build-viewer.sh). GONGKAI_SITE=DIR measures an existing site instead.
# Performance depends on the machine and its load: numbers go in the README, never in a test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
source scripts/site-lib.sh

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: scripts/lighthouse.sh [--check]" >&2; exit 2 ;;
esac
runs=${RUNS:-3}
$check && runs=1
SLUG=bazhou-natural-resources-2023

work=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-lighthouse-XXXXXX")
trap 'stop_site_nginx; [ -n "${KEEP_RESULTS:-}" ] && cp "$work"/run-*.json "$KEEP_RESULTS"/; rm -rf "$work"' EXIT

if [ -n "${GONGKAI_SITE:-}" ]; then
  site=$GONGKAI_SITE
else
  build_site_tools
  site="$work/site"
  "$GONGKAI_BIN" site reports/*.txt --out "$site" --viewer dist >/dev/null
fi
if [ ! -f "$site/$SLUG/index.html" ]; then
  echo "lighthouse: $site/$SLUG/index.html is missing (the real report's page)" >&2
  exit 1
fi

start_site_nginx "$site"
url="$NGINX_URL$SLUG/"
echo "measuring $url ($runs run(s))" >&2

# Chromium as Debian ships it; no background traffic of its own to disturb the trace.
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
flags="--headless --no-sandbox --disable-gpu --disable-background-networking \
--disable-component-update --disable-sync --disable-quic --no-first-run"
results=()
for i in $(seq "$runs"); do
  out="$work/run-$i.json"
  lighthouse "$url" --quiet --output=json --output-path="$out" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$flags"
  results+=("$out")
done

# Which elements moved, the LCP element, the long tasks: Lighthouse 12.2.3 cannot say with
# this Chromium.
node scripts/lighthouse-probe.mjs "$url"
echo
if $check; then
  node scripts/lighthouse-summary.mjs --check "${results[@]}"
else
  node scripts/lighthouse-summary.mjs "${results[@]}"
fi

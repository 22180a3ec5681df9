#!/usr/bin/env bash
# Measures search keystroke latency in the browser (benches/search-browser.mjs) on the real
# report and on a 100-report corpus (≈ 1.2 M characters made from reports/ and tests/reports/),
# each published as a site page by `gongkai site` with the one release viewer; then each page's
# first text, the viewer's start and its memory (benches/large-page.mjs). Prints one JSON line
# per page and measurement.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
work=target/bench-search
mkdir -p "$work"

# The corpus: every report's text (decoded), repeated until 100 reports' worth is reached.
cargo build --quiet --release --bin gongkai
texts=()
for f in reports/*.txt tests/reports/*.txt; do
  "$CARGO_TARGET_DIR/release/gongkai" parse "$f" >/dev/null 2>&1 && texts+=("$f")
done
python3 - "$work/corpus.txt" "${texts[@]}" <<'PY'
import sys
out, paths = sys.argv[1], sys.argv[2:]
def read(p):
    raw = open(p, 'rb').read()
    for enc in ('utf-8-sig', 'gb18030'):
        try:
            return raw.decode(enc).replace('\r\n', '\n').replace('\r', '\n')
        except UnicodeDecodeError:
            pass
    return ''
bodies = [read(p) for p in paths]
parts, n = [], 0
while sum(len(p) for p in parts) < 1_200_000:
    parts.append(bodies[n % len(bodies)])
    n += 1
open(out, 'w', encoding='utf-8').write('语料标题\n' + '\n'.join(parts))
print(f"corpus: {len(parts)} report texts, {sum(len(p) for p in parts)} characters", file=sys.stderr)
PY

scripts/build-viewer.sh
rm -rf "$work/site"
"$CARGO_TARGET_DIR/release/gongkai" site reports/bazhou-natural-resources-2023.txt \
  "$work/corpus.txt" --out "$work/site" >/dev/null
for list in mixed everyday; do
  node benches/search-browser.mjs "$work/site" bazhou-natural-resources-2023 real-report "$list"
  node benches/search-browser.mjs "$work/site" corpus corpus-100 "$list"
done
# The large page itself: first text, the viewer's start, and memory before and after a search.
node benches/large-page.mjs "$work/site" bazhou-natural-resources-2023 real-report
node benches/large-page.mjs "$work/site" corpus corpus-100

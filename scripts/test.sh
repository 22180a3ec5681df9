#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy, the native
# tests (and the slow ones), the release build of the viewer, the site of every report
# (`gongkai site`, printing their sizes), Lighthouse's deterministic scores, a fuzzing smoke of
# each target, and last the browser tests against that site.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --all --check"
cargo fmt --all --check

step "cargo clippy --workspace --all-targets -- -D warnings (native and wasm)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -- -D warnings

step "cargo test --workspace (native)"
cargo test --workspace

step "slow tests: 10 MB inputs, 1,024 random cases per property"
GONGKAI_SLOW_TESTS=1 cargo test --workspace

step "scripts/build-viewer.sh: the viewer (dist/), the preview page (dist/preview/), the shelf's search (dist/shelf/)"
scripts/build-viewer.sh

step "gongkai site reports/*.txt tests/reports/*.txt tests/pages/*.html --out site"
# The debug build `cargo test` just made; the browser tests serve this folder.
rm -rf site
cargo run --quiet -- site reports/*.txt tests/reports/*.txt tests/pages/*.html --out site

step "one viewer for every report: two sites of different reports share the same wasm"
other=$(mktemp -d)
cargo run --quiet -- site tests/series/*.txt --out "$other" >/dev/null
for wasm in site/assets/*_bg.wasm; do
  cmp "$wasm" "$other/assets/$(basename "$wasm")"
done
echo "identical: $(basename site/assets/*_bg.wasm)"
rm -rf "$other"

step "bundle size"
echo "the viewer (dist/):"
scripts/bundle-size.sh dist
echo "the preview page (dist/preview/):"
scripts/bundle-size.sh dist/preview
echo "the shelf's search (dist/shelf/):"
scripts/bundle-size.sh dist/shelf
page=site/bazhou-natural-resources-2023/index.html
printf 'the real report'"'"'s page (%s): %d B, %d B gzip\n' \
  "$page" "$(stat -c %s "$page")" "$(gzip -9 -c "$page" | wc -c)"

step "Lighthouse: accessibility, best practices, SEO = 100 and no layout shift"
GONGKAI_SITE="$PWD/site" scripts/lighthouse.sh --check

# Coverage-guided fuzzing, a short smoke of each target (nightly for cargo-fuzz only; the long
# runs are in the README). Each step fails on a broken invariant and keeps the input.
for target in decode parse_text search route html compare site unpack; do
  step "fuzz smoke: $target (30 s)"
  scripts/fuzz.sh "$target" 30
done

step "browser tests"
node --test --test-reporter=spec tests/browser/

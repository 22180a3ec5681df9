#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy, the native
# tests, the release build (printing its size), and the browser tests against that build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --quiet --all-targets -- -D warnings

step "cargo test (native)"
cargo test

step "trunk build --release --offline"
trunk build --release --offline

step "bundle size"
scripts/bundle-size.sh dist

step "browser tests"
node --test --test-reporter=spec tests/browser/

#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy, the native
# tests, the release build (printing its size), and the browser tests against that build.
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
GONGKAI_SLOW_TESTS=1 cargo test --workspace --release

step "trunk build --release --offline"
trunk build --release --offline

step "bundle size"
scripts/bundle-size.sh dist

step "browser tests"
node --test --test-reporter=spec tests/browser/

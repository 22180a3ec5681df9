#!/usr/bin/env bash
# Installs what fuzzing needs, only when missing: the nightly toolchain (fuzzing only; the
# project stays on its pinned stable toolchain) and cargo-fuzz at a pinned version.
set -euo pipefail

CARGO_FUZZ_VERSION=0.13.2

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

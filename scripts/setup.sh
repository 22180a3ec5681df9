#!/usr/bin/env bash
# Installs every tool the project needs, at pinned versions, and only what is missing:
# a second run does nothing but check versions. Sourced by serve.sh and test.sh, which then
# find the tools on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
RUST_TOOLCHAIN=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
# wasm-bindgen-cli must match the wasm-bindgen library the app links, exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
# fonts-wqy-microhei: a CJK font, so screenshots and layout checks see real glyphs.
# nginx: the browser tests serve dist/ with deploy/nginx.conf, as a portal would, from an
# nginx of their own on 127.0.0.1 that they start and stop (not the system's service).
# zopfli: the smallest gzip for the viewer's precompressed files (scripts/post-build.sh).
APT_PACKAGES=(chromium chromium-driver fonts-wqy-microhei nginx zopfli)

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Rust toolchain and the wasm target, as rust-toolchain.toml pins them.
if ! rustup run "$RUST_TOOLCHAIN" rustc --version >/dev/null 2>&1 \
   || ! rustup target list --installed --toolchain "$RUST_TOOLCHAIN" | grep -qx wasm32-unknown-unknown; then
  say "installing Rust $RUST_TOOLCHAIN with wasm32-unknown-unknown"
  rustup toolchain install "$RUST_TOOLCHAIN" --profile minimal \
    --component rustfmt --component clippy --target wasm32-unknown-unknown
fi

# Trunk, pinned and built from the lock file it ships with.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli (not --locked: its lock names a crate version the registry no longer has).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Browser and web server for the tests, from Debian.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages (playwright-core, binaryen's wasm-opt) exactly as package-lock.json pins them;
# `npm ci` only when the lock changed since the last install.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.gongkai-lock 2>/dev/null)" != "$lock_hash" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.gongkai-lock
fi

#!/usr/bin/env bash
# Builds the viewer into dist/ and the preview page into dist/preview/ (release, offline: the
# tools are the setup's, never downloaded by Trunk). Two wasm files: the viewer every published
# page loads, without the parser, and the preview's, with the parser and the HTML reader.
# The viewer's build replaces dist/ (preview/ included), so it runs first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
trunk build --release --offline
trunk build preview.html --release --dist dist/preview --offline

#!/usr/bin/env bash
# Builds the viewer into dist/, the preview page into dist/preview/ and the shelf's search into
# dist/shelf/ (release, offline: the tools are the setup's, never downloaded by Trunk). Three
# wasm files: the viewer every published page loads, without the parser; the preview's, with
# the parser and the HTML reader; the shelf's, with the search across every report.
# The viewer's build replaces dist/ (preview/ and shelf/ included), so it runs first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
trunk build --release --offline
trunk build preview.html --release --dist dist/preview --offline
trunk build shelf.html --release --dist dist/shelf --offline

#!/usr/bin/env bash
# Installs what is missing, then serves the release build of the viewer at
# http://127.0.0.1:8080, rebuilding when a source file changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
exec trunk serve --release --offline "$@"

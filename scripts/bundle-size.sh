#!/usr/bin/env bash
# Prints the size of a built bundle (the files of one folder: dist/ for the viewer,
# dist/preview/ for the preview page), raw and gzip -9, per kind of file and in total: what a
# reader on a slow network downloads. (nginx sends the zopfli .gz files, a few per cent smaller.)
set -euo pipefail
dist=${1:-dist}
printf '%-6s %10s %10s\n' kind raw gzip
total_raw=0; total_gz=0
for ext in wasm js css html; do
  raw=0; gz=0
  while IFS= read -r -d '' f; do
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
  done < <(find "$dist" -maxdepth 1 -type f -name "*.$ext" -print0)
  printf '%-6s %10d %10d\n' "$ext" "$raw" "$gz"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
done
printf '%-6s %10d %10d  (bytes)\n' total "$total_raw" "$total_gz"

#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), run in the staging folder of every build:
#  1. writes gongkai-loader.js, the one script that starts the viewer (for the shelf's search
#     build, shelf.html, the one that starts the search across every report). It has a stable name (so
#     a portal page can point at it) and imports this build's hashed JS glue and wasm, named
#     relative to itself: it works from the viewer's index.html and from any portal page, under
#     any path. No inline script is left, so the page runs under a strict CSP.
#  2. writes a gzip copy (.gz, zopfli) of every text and wasm file beside it, for nginx's
#     gzip_static (deploy/nginx.conf). No brotli: Debian's nginx has no brotli_static module.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
cd "$stage"

# The one file whose name matches: gongkai-<hash>.js, never gongkai-page-<hash>.css and such.
one() {
  local found
  found=$(find . -maxdepth 1 -type f -printf '%f\n' | grep -E "$1" || true)
  if [ "$(printf '%s' "$found" | grep -c .)" != 1 ]; then
    echo "post-build: expected one file matching $1 in $stage, found: ${found:-none}" >&2
    exit 1
  fi
  printf '%s' "$found"
}
# Which wasm this build is: the viewer (index.html), the preview page (preview.html) or the
# shelf's search (shelf.html).
case "$(basename "${TRUNK_HTML_FILE:-index.html}")" in
  preview.html) bin=gongkai-preview ;;
  shelf.html) bin=gongkai-shelf ;;
  *) bin=gongkai ;;
esac
js=$(one "^$bin(-[0-9a-f]{12,16})?\\.js\$")
wasm=$(one "^$bin(-[0-9a-f]{12,16})?_bg\\.wasm\$")

# zopfli (scripts/setup.sh installs it) writes gzip that any client reads, 5 % smaller than
# gzip -9 on the wasm; it takes seconds, once per build. gzip -9 when it is missing.
compress() {
  if command -v zopfli >/dev/null; then zopfli "$1"; else gzip -9 -k -f -n "$1"; fi
}
compress_all() {
  find . -maxdepth 1 -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \
    -o -name '*.svg' -o -name '*.json' \) -print0 | while IFS= read -r -d '' file; do
    compress "$file"
  done
}

if [ "$bin" = gongkai-shelf ]; then
  cat > gongkai-loader.js <<LOADER
// Starts the shelf's search across every report (全库检索). Written by scripts/post-build.sh
// for this build's file names; the shelf page \`gongkai site\` writes loads it as a module.
// The search box is in the page's HTML; a reader without JavaScript never sees it (the page's
// <noscript> stylesheet hides it), and one without WebAssembly has it hidden here. The wasm
// downloads at low priority once the page is idle and starts on the box's first focus or
// keystroke (at once when the page was opened with ?q=…); the search text itself is fetched
// by the app when the box is first used.
const box = document.getElementById('gk-shelf-search');
const input = document.getElementById('gk-shelf-q');
if (box && input) {
  if (typeof WebAssembly !== 'object') {
    box.hidden = true;
  } else {
    const wasmUrl = new URL('./${wasm}', import.meta.url);
    let wasm;
    let glue;
    const download = () => {
      wasm ??= fetch(wasmUrl, { priority: 'low' });
      glue ??= import('./${js}');
    };
    let started = false;
    const start = async () => {
      if (started) return;
      started = true;
      download();
      const { default: init } = await glue;
      await init({ module_or_path: wasm });
    };
    if (input.value || /[?&]q=/.test(location.search) || document.activeElement === input) {
      start();
    } else {
      input.addEventListener('focus', start, { once: true });
      input.addEventListener('input', start, { once: true });
      if ('requestIdleCallback' in window) requestIdleCallback(download, { timeout: 3000 });
      else setTimeout(download, 1000);
    }
  }
}
LOADER
  compress_all
  exit 0
fi

css=$(one '^gongkai(-[0-9a-f]{12,16})?\.css$')

cat > gongkai-loader.js <<LOADER
// Starts the Gongkai viewer. Written by scripts/post-build.sh for this build's file names:
// serve it uncached, like index.html (what it imports is cached for good). Load it as
//   <script type="module" src="…/gongkai-loader.js"></script>
// In the viewer's own index.html the viewer takes the page; in a portal's page it renders
// into <div data-gongkai> only, and this adds its stylesheet (the viewer's own, nothing else).

const css = new URL('./${css}', import.meta.url).href;
if (![...document.querySelectorAll('link[rel~="stylesheet"]')].some((link) => link.href === css)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  document.head.append(link);
}
// A page gongkai site prerendered is readable as it is: the app takes it over (hydrates) on
// the reader's first move — a touch, a key, the mouse, a scroll — or at once when the address
// asks for more than the text (#/search, #/cards, a figure, a section). Until then the main
// thread stays free; the wasm downloads, at low priority, once the page is idle, so it is
// there when it is wanted. Any other page (a portal's mount, the preview) starts now.
// The JS glue too is fetched only then, so nothing but this file loads before the first paint.
const wasmUrl = new URL('./${wasm}', import.meta.url);
let wasm;
let glue;
const download = () => {
  wasm ??= fetch(wasmUrl, { priority: 'low' });
  glue ??= import('./${js}');
  return wasm;
};
let started = false;
const start = async () => {
  if (started) return;
  started = true;
  download();
  const { default: init } = await glue;
  await init({ module_or_path: wasm });
};
const MOVES = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel', 'scroll', 'focusin'];
const onMove = () => {
  for (const type of MOVES) removeEventListener(type, onMove, true);
  start();
};
// A reader who chose a type size or theme (src/settings.rs keys) gets it at once, not on
// their first move.
const chosenSettings = () => {
  try {
    const size = localStorage.getItem('gongkai.font-size');
    const theme = localStorage.getItem('gongkai.theme');
    return Boolean((size && size !== 'standard') || (theme && theme !== 'auto'));
  } catch {
    return false;
  }
};
const needsApp = () => /^#\/./.test(location.hash) || chosenSettings();
if (!document.getElementById('gongkai') || needsApp()) {
  start();
} else {
  for (const type of MOVES) addEventListener(type, onMove, { capture: true, passive: true });
  addEventListener('hashchange', start, { once: true });
  if ('requestIdleCallback' in window) requestIdleCallback(download, { timeout: 3000 });
  else setTimeout(download, 1000);
}
LOADER

compress_all

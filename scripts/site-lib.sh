# Sourced (not run) by scripts/lighthouse.sh, scripts/bench-site.sh and
# scripts/bench-shelf-search.sh, from the repository root.
#
# build_site_tools: builds the viewer (dist/, dist/preview/ and dist/shelf/,
# scripts/build-viewer.sh) when it is missing, and the release `gongkai` binary (a no-op when it
# is up to date); sets GONGKAI_BIN.
#
# bench_reports DIR writes the benchmarks' 100 report files into DIR: the repository's real
# report and test reports (every encoding they come in), each copied 8 or 9 times with its
# years moved back 0–8 years (titles, dates and text).
#
# start_site_nginx DIR starts Debian's nginx in the background on a free 127.0.0.1 port with
# the shipped deploy/nginx.conf — only its `listen` and `alias` changed, as
# tests/browser/embed.test.mjs does — serving DIR (a `gongkai site` folder) under
# /xxgk/2024/fzbg/, and sets NGINX_URL to that address (with the trailing slash).
# stop_site_nginx stops it and removes its temporary folder: call it from the caller's EXIT
# trap, so nginx never outlives the script.

build_site_tools() {
  if [ ! -f dist/gongkai-loader.js ] || [ ! -f dist/preview/gongkai-loader.js ] \
     || [ ! -f dist/shelf/gongkai-loader.js ]; then
    echo "building the viewer: scripts/build-viewer.sh" >&2
    scripts/build-viewer.sh
  fi
  # The release profile as it is (opt-level z, LTO): what `cargo install` would give a user.
  cargo build --release --quiet --bin gongkai
  GONGKAI_BIN="${CARGO_TARGET_DIR:-target}/release/gongkai"
}

bench_reports() {
  local out=$1 sources i src back stem dest
  sources=(reports/*.txt tests/reports/*.txt)
  mkdir -p "$out"
  for i in $(seq 0 99); do
    src=${sources[$((i % ${#sources[@]}))]}
    back=$((i / ${#sources[@]}))
    stem=$(basename "$src" .txt)
    # The first copy of each keeps its name, so the real report's page is at its usual slug.
    dest="$out/$stem$([ "$back" = 0 ] || echo "-$back").txt"
    if [ "$back" = 0 ]; then
      cp "$src" "$dest"
    elif iconv -f UTF-8 -t UTF-8 "$src" >/dev/null 2>&1; then
      shift_years "$back" < "$src" > "$dest"
    elif [ "$(head -c 2 "$src" | od -An -tx1 | tr -d ' ')" = fffe ] \
      || [ "$(head -c 2 "$src" | od -An -tx1 | tr -d ' ')" = feff ]; then
      cp "$src" "$dest"   # UTF-16: kept as it is
    else
      # GBK/GB18030 stays GB18030, so the parser decodes it as it would the original.
      iconv -f GB18030 -t UTF-8 "$src" | shift_years "$back" | iconv -f UTF-8 -t GB18030 > "$dest"
    fi
  done
}

# Moves every year (2021年, 2021-03-06, 2021.03) back by $1 years, in UTF-8 text.
shift_years() { perl -CSD -Mutf8 -pe "s/(?<!\\d)(20[0-3]\\d)(?=年|-\\d|\\.\\d)/\$1-$1/ge"; }

NGINX_SUB_PATH=/xxgk/2024/fzbg/
NGINX_PID=
NGINX_PREFIX=

stop_site_nginx() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=
  fi
  if [ -n "$NGINX_PREFIX" ]; then
    rm -rf "$NGINX_PREFIX"
    NGINX_PREFIX=
  fi
}

start_site_nginx() {
  local dir binary port conf from
  dir=$(cd "$1" && pwd)
  binary=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
  NGINX_PREFIX=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-nginx-XXXXXX")
  mkdir -p "$NGINX_PREFIX/snippets" "$NGINX_PREFIX/temp"
  cp deploy/gongkai.conf deploy/gongkai-headers.conf "$NGINX_PREFIX/snippets/"
  cp /etc/nginx/mime.types "$NGINX_PREFIX/mime.types"

  # The shipped server block must still have these lines exactly once, or this measures
  # something else than what a portal deploys.
  for from in 'listen 80;' 'alias /srv/gongkai/site/;'; do
    if [ "$(grep -cF "$from" deploy/nginx.conf)" != 1 ]; then
      echo "deploy/nginx.conf should have \`$from\` once" >&2
      return 1
    fi
  done
  port=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => {
    console.log(s.address().port); s.close(); });")
  conf="$NGINX_PREFIX/nginx.conf"
  {
    # Workers of a root master otherwise run as nobody, who may not read the checkout.
    [ "$(id -u)" = 0 ] && echo 'user root;'
    echo 'worker_processes 1;'
    echo "pid \"$NGINX_PREFIX/nginx.pid\";"
    echo "error_log \"$NGINX_PREFIX/error.log\" warn;"
    echo 'events { worker_connections 64; }'
    echo 'http {'
    echo '    include mime.types;'
    echo '    default_type application/octet-stream;'
    echo '    access_log off;'
    for t in client_body proxy fastcgi uwsgi scgi; do
      echo "    ${t}_temp_path \"$NGINX_PREFIX/temp/$t\";"
    done
    sed -e "s|listen 80;|listen 127.0.0.1:$port;|" \
        -e "s|alias /srv/gongkai/site/;|alias \"$dir/\";|" deploy/nginx.conf
    echo '}'
  } > "$conf"

  "$binary" -p "$NGINX_PREFIX" -c "$conf" -e "$NGINX_PREFIX/error.log" -g 'daemon off;' &
  NGINX_PID=$!
  NGINX_URL="http://127.0.0.1:$port$NGINX_SUB_PATH"
  local i
  for i in $(seq 100); do
    if curl -fsS -o /dev/null "$NGINX_URL" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$NGINX_PID" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "nginx ($binary) did not start (scripts/setup.sh installs it):" >&2
  cat "$NGINX_PREFIX/error.log" >&2 2>/dev/null || true
  stop_site_nginx
  return 1
}

#!/usr/bin/env bash
# Installs what is missing, builds the viewer and publishes every report in reports/ (the real
# report first) as a site, then serves it with nginx and the shipped config (deploy/) at
# http://127.0.0.1:8080/ — the shelf at /, each report at /<name>/, the preview page
# (打开本地报告) at /preview/. Ctrl-C stops it. PORT=… picks another port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
PORT=${PORT:-8080}

scripts/build-viewer.sh
cargo build --quiet --bin gongkai
rm -rf site
# The site holds the preview page too (preview/, from dist/preview/).
target/debug/gongkai site reports/*.txt --out site

prefix=$(mktemp -d)
trap 'kill "$(cat "$prefix/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$prefix"' EXIT
mkdir -p "$prefix/snippets" "$prefix/temp"
cp deploy/gongkai.conf deploy/gongkai-headers.conf "$prefix/snippets/"
server=$(sed -e "s#listen 80;#listen 127.0.0.1:$PORT;#" \
             -e "s#location /xxgk/2024/fzbg/ {#location / {#" \
             -e "s#alias /srv/gongkai/site/;#alias \"$PWD/site/\";#" \
             -e "/location = \/xxgk\/2024\/fzbg {/,/}/d" deploy/nginx.conf)
cat > "$prefix/nginx.conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo 'user root;' )
worker_processes 1;
pid "$prefix/nginx.pid";
error_log "$prefix/error.log" warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path "$prefix/temp/client_body";
    proxy_temp_path "$prefix/temp/proxy";
    fastcgi_temp_path "$prefix/temp/fastcgi";
    uwsgi_temp_path "$prefix/temp/uwsgi";
    scgi_temp_path "$prefix/temp/scgi";
$server
}
CONF
echo "serving http://127.0.0.1:$PORT/ (Ctrl-C stops)"
nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" -g 'daemon off;'

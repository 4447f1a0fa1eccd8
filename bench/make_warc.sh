#!/usr/bin/env bash
# Builds a multi-hundred-MB .warc.gz from the Zyte evaluation pages for bench/warc_bench.sh.
#
# Usage: bench/make_warc.sh [REPEATS] [OUT]   (defaults: 50, bench/out/zyte-x50.warc.gz)
# Each repeat writes, for every page, a `request` and a `response` record (one gzip member each) under a new
# target URI; odd repeats store the body with `Content-Encoding: gzip` (as crawlers record compressed responses),
# even repeats store it plain. A `warcinfo` record starts the file. Output goes to bench/out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-50}
out=${2:-bench/out/zyte-x${repeats}.warc.gz}
pages_dir=../shared/eval/extraction-zyte/html
[ -d "$pages_dir" ] || { echo "missing $pages_dir (evaluation pages)" >&2; exit 1; }
mkdir -p "$(dirname "$out")" bench/out/pages
# Decompress each page once.
for f in "$pages_dir"/*.html.gz; do
    name=$(basename "$f" .html.gz)
    [ -s "bench/out/pages/$name.html" ] || gzip -dc "$f" >"bench/out/pages/$name.html"
done

record() {  # record TYPE URI ID CONTENT-TYPE BLOCK-FILE -> one gzip member on stdout
    local length
    length=$(stat -c %s "$5")
    {
        printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-31T12:00:00Z\r\n' "$1" "$2"
        printf 'WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n' "$3" "$4" "$length"
        cat "$5"
        printf '\r\n\r\n'
    } | gzip -6
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'software: parallax bench/make_warc.sh\r\nformat: WARC File Format 1.0\r\n' >"$tmp/info"
record warcinfo "" "00000000-0000-0000-0000-000000000000" application/warc-fields "$tmp/info" >"$out"
n=0
for r in $(seq 1 "$repeats"); do
    for f in bench/out/pages/*.html; do
        name=$(basename "$f" .html)
        n=$((n + 1))
        uri="https://bench.example/r$r/$name"
        printf 'GET /r%s/%s HTTP/1.1\r\nHost: bench.example\r\nAccept-Encoding: gzip\r\n\r\n' "$r" "$name" >"$tmp/req"
        record request "$uri" "$(printf '%08x-0000-4000-8000-%012x' "$r" "$n")" "application/http; msgtype=request" "$tmp/req"
        if [ $((r % 2)) -eq 1 ]; then
            printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n' >"$tmp/resp"
            cat "$pages_dir/$name.html.gz" >>"$tmp/resp"
        else
            printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' >"$tmp/resp"
            cat "$f" >>"$tmp/resp"
        fi
        record response "$uri" "$(printf '%08x-0000-4000-9000-%012x' "$r" "$n")" "application/http; msgtype=response" "$tmp/resp"
    done >>"$out"
done
echo "$out: $((n * 2 + 1)) records, $(stat -c %s "$out") bytes"

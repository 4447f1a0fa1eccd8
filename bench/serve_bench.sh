#!/usr/bin/env bash
# Load on loopback: `parallax serve` over a corpus of COUNT generated articles, driven by wrk (Debian's package,
# installed here when missing) with CONNECTIONS connections for DURATION each on three pages: the story list
# (`/`), a story page (`/stories/ID`, the largest story's HTML report) and that story's JSON (`/api/stories/ID`), the
# last two also with `Accept-Encoding: gzip` as browsers send it.
# Prints requests/s, latency p50/p90/p99 and errors per page; keeps the report in bench/out/serve_bench.md.
#
#   swift build -c release --product parallax
#   COUNT=100000 bench/serve_bench.sh
#   DB=postgres://postgres@127.0.0.1:5432/bench bench/serve_bench.sh     # the same on PostgreSQL
#   scripts/test-postgres.sh bash -c 'DB=${PARALLAX_TEST_POSTGRES%/*}/bench bench/serve_bench.sh'   # private server
#
# Environment: BIN (default .build/release/parallax), COUNT (default 10000), CONNECTIONS (64), THREADS (2),
# DURATION (20s), PORT (18181), SEED (7), DB (default bench/out/serve-COUNT.sqlite; a postgres:// URL is
# ingested into when it holds no article yet).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/parallax}
COUNT=${COUNT:-10000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
PORT=${PORT:-18181}
SEED=${SEED:-7}
OUT=bench/out
mkdir -p "$OUT"
if ! command -v wrk >/dev/null; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi
CORPUS=$OUT/scale-$COUNT.jsonl
[ -f "$CORPUS" ] || python3 bench/make_scale_corpus.py --count "$COUNT" --seed "$SEED" --out "$CORPUS"
DB=${DB:-$OUT/serve-$COUNT.sqlite}
stored() { "$BIN" stats --db "$DB" --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])' 2>/dev/null || echo 0; }
case "$DB" in
postgres://* | postgresql://*)
    [ "$(stored)" -gt 0 ] || "$BIN" ingest -q --db "$DB" "$CORPUS" >/dev/null
    SIZE=$("$BIN" stats --db "$DB" --format json | python3 -c 'import json,sys; print("%.0fM" % (json.load(sys.stdin)["bytes"] / 1e6))')
    ;;
*)
    [ -f "$DB" ] || "$BIN" ingest -q --db "$DB" "$CORPUS" >/dev/null
    SIZE=$(du -h "$DB" | cut -f1)
    ;;
esac
"$BIN" serve --db "$DB" --port "$PORT" 2>"$OUT/serve.log" &
SERVER=$!
trap 'kill -INT $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/api/stats" >/dev/null && break; sleep 0.2; done
ID=$("$BIN" stories --db "$DB" --format json --limit 1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print((d[0] if isinstance(d,list) else d["stories"][0])["id"])')
ARTICLES=$(curl -fs "http://127.0.0.1:$PORT/api/stories/$ID" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["articles"]))')
# Warm each measured page once, as a reader would (the first request renders and caches it).
for page in "/" "/stories/$ID" "/api/stories/$ID"; do curl -fs "http://127.0.0.1:$PORT$page" >/dev/null; done
REPORT=$OUT/serve_bench.md
{
    echo "corpus: $COUNT articles (${DB%%\?*}, $SIZE); largest story $ID ($ARTICLES articles)"
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; $(nproc) cores; $(date -u +%FT%TZ)"
    echo
    echo "| page | requests/s | p50 ms | p90 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
} >"$REPORT"
ms() { # wrk latency (123.45us, 1.23ms, 1.20s) -> ms
    python3 -c 'import sys; v=sys.argv[1]; u={"us":1e-3,"ms":1,"s":1e3}; n=v.rstrip("usm"); s=v[len(n):]; print("%.2f" % (float(n)*u[s]))' "$1"
}
# Each page as wrk asks for it (no Accept-Encoding) and as a browser does (Accept-Encoding: gzip).
for run in "/" "/stories/$ID" "/api/stories/$ID" "gzip /stories/$ID" "gzip /api/stories/$ID"; do
    page=${run#gzip }
    headers=()
    [ "$run" != "$page" ] && headers=(-H "Accept-Encoding: gzip")
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "http://127.0.0.1:$PORT$page")
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1=="50%" {print $2}')
    p90=$(echo "$result" | awk '$1=="90%" {print $2}')
    p99=$(echo "$result" | awk '$1=="99%" {print $2}')
    errors=$(echo "$result" | awk '/Non-2xx|Socket errors/ {s=s $0 "; "} END {print (s=="" ? "0" : s)}')
    name=$page; [ "$page" = "/" ] && name="/ (story list)"
    [ "$run" != "$page" ] && name="$name, gzip"
    echo "| \`${name/$ID/ID}\` | $rps | $(ms "$p50") | $(ms "$p90") | $(ms "$p99") | $errors |" >>"$REPORT"
done
cat "$REPORT"

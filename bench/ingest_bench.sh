#!/usr/bin/env bash
# Ingest at scale: `parallax ingest` on the generated corpora of bench/make_scale_corpus.py, then query latency.
#
#   1. For each size in COUNTS (default "10000 100000"; "10000 100000 1000000" for the full run): a fresh database,
#      `parallax ingest --db DB --jobs JOBS CORPUS` under /usr/bin/time -v: wall time, articles/s, peak RSS,
#      database bytes per article (DB file + DB-wal).
#   2. Cost per article as the corpus grows: the largest corpus split into CHUNKS (default 10) files of equal
#      size, ingested one after another into one fresh database; articles/s and peak RSS per chunk (the goal:
#      flat).
#   3. On the database of step 2 (the largest corpus): latency of `parallax story ID` (ID from
#      `parallax stories --format json --limit 1`), `parallax stories --search WORD --limit 20`,
#      `parallax search WORD --limit 20` (median of RUNS=5 runs each) and of a full
#      `parallax export --what articles --format jsonl` (EXPORT_RUNS=1 runs; its peak RSS too).
#   4. With PEERS=1: bench/grouping_peers.py on the same sizes (datasketch LSH and TF-IDF + agglomerative), and
#      Parallax's grouping scored from its export when the export carries story ids (see grouping_peers.py).
#
# Prints Markdown tables and keeps them in bench/out/ingest_bench.md. Corpora and databases live in bench/out
# (git-ignored); missing corpora are generated (deterministic, --seed SEED). The big-story run of the issue:
#   BIG_STORY=10000 COUNTS=100000 bench/ingest_bench.sh
#
#   swift build -c release --product parallax
#   bench/ingest_bench.sh                                  # 10k and 100k
#   COUNTS="1000000" CHUNKS=10 bench/ingest_bench.sh       # 1M (the corpus is about 2 GB)
#   BIN=/tmp/fake-parallax COUNTS=2000 bench/ingest_bench.sh
#
# Environment: BIN (default .build/release/parallax), COUNTS, CHUNKS, RUNS, EXPORT_RUNS, JOBS (default nproc),
# WORD (default: the longest word of the first article's title), SEED (default 7), BIG_STORY (articles of one
# big story added to each corpus; corpora then get a -bigN suffix), PEERS (1 to run the peers), KEEP_DB (1 keeps
# the databases), GROW_ONLY (1 skips step 1: the largest corpus is ingested once, in chunks; its totals are the
# sums over the chunks).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/parallax}
COUNTS=${COUNTS:-"10000 100000"}
CHUNKS=${CHUNKS:-10}
RUNS=${RUNS:-5}
EXPORT_RUNS=${EXPORT_RUNS:-1}
JOBS=${JOBS:-$(nproc)}
SEED=${SEED:-7}
BIG_STORY=${BIG_STORY:-0}
PEERS=${PEERS:-0}
KEEP_DB=${KEEP_DB:-0}
GROW_ONLY=${GROW_ONLY:-0}
OUT=bench/out
PY=python3
[ -x bench/.venv/bin/python ] && PY=bench/.venv/bin/python
mkdir -p "$OUT"
REPORT=$OUT/ingest_bench.md
: > "$REPORT"
: > "$OUT/ingest_bench.rates.tsv"

[ -x "$BIN" ] || {
    echo "ingest_bench: no executable at BIN=$BIN (swift build -c release --product parallax)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "ingest_bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

corpus() { # corpus N -> path of the JSON Lines corpus of N articles (made when missing)
    local n=$1 suffix="" big=()
    if [ "$BIG_STORY" -gt 0 ]; then suffix="-big$BIG_STORY"; big=(--big-story "$BIG_STORY"); fi
    local path=$OUT/scale-$n$suffix.jsonl
    if [ ! -s "$path" ] || [ ! -s "${path%.jsonl}.gold.tsv" ]; then
        nice -n 10 python3 bench/make_scale_corpus.py --count "$n" --seed "$SEED" "${big[@]}" --out "$path" >&2
    fi
    echo "$path"
}

# timed LOG CMD...: runs CMD under /usr/bin/time -v (stdout to LOG.out, stderr and the report to LOG.err);
# sets WALL (seconds) and RSS_MB; fails the script when CMD fails.
timed() {
    local log=$1; shift
    if ! /usr/bin/time -v -o "$log.time" "$@" > "$log.out" 2> "$log.err"; then
        echo "ingest_bench: failed: $* (see $log.err)" >&2; tail -5 "$log.err" >&2; exit 1
    fi
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$log.time")
    RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")
}

db_bytes() { # db_bytes DB -> bytes of the database file and its WAL
    local total=0 f
    for f in "$1" "$1-wal"; do [ -f "$f" ] && total=$((total + $(stat -c %s "$f"))); done
    echo "$total"
}

fresh_db() { rm -f "$1" "$1-wal" "$1-shm"; }

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

# ms CMD...: milliseconds of one run of CMD (output discarded; fails the script when CMD fails)
ms() {
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null 2>> "$OUT/ingest_bench.query.err" || { echo "ingest_bench: failed: $*" >&2; exit 1; }
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}

latency() { # latency RUNS CMD... -> "median (min-max)" in ms
    local runs=$1 i v=(); shift
    for ((i = 0; i < runs; i++)); do v+=("$(ms "$@")") || return 1; done
    printf '%s\n' "${v[@]}" | spread
}

spread() { # numbers on stdin -> "median (min-max)"
    sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)); printf "%d (%d-%d)", m, v[1], v[NR] }'
}

lines() { wc -l < "$1" | tr -d ' '; }

say "## parallax ingest at scale ($(date -u +%Y-%m-%d), $(nproc) cores, BIN=$BIN, --jobs $JOBS)"
largest=0
if [ "$GROW_ONLY" = 1 ]; then
    for n in $COUNTS; do [ "$n" -gt "$largest" ] && largest=$n; done
    COUNTS=""
    say ""
    say "GROW_ONLY=1: the $largest-article corpus is ingested once, in $CHUNKS chunks (below)."
else
    say ""
    say "| articles | wall s | articles/s | peak RSS MB | DB MB | DB bytes/article |"
    say "|---:|---:|---:|---:|---:|---:|"
fi
for n in $COUNTS; do
    c=$(corpus "$n")
    db=$OUT/ingest-$n.sqlite
    fresh_db "$db"
    timed "$OUT/ingest-$n" "$BIN" ingest --db "$db" --jobs "$JOBS" "$c"
    articles=$(lines "$c")
    bytes=$(db_bytes "$db")
    say "| $articles | $WALL | $(rate "$articles" "$WALL") | $RSS_MB | $((bytes / 1048576)) | $((bytes / articles)) |"
    printf '%s\t%s\t%s\n' "$n" "$(rate "$articles" "$WALL")" "$RSS_MB" >> "$OUT/ingest_bench.rates.tsv"
    [ "$KEEP_DB" = 1 ] || fresh_db "$db"
    [ "$n" -gt "$largest" ] && largest=$n
done
if [ "$GROW_ONLY" != 1 ]; then
    say ""
    say "Summary of the last ingest (its stdout and stderr):"
    say ""
    say '```'
    tail -n 20 "$OUT/ingest-$largest.out" "$OUT/ingest-$largest.err" 2>/dev/null | grep -v '^==>' | grep -v '^$' |
        tail -n 20 | tee -a "$REPORT"
    say '```'
fi

# 2. cost per article as the corpus grows
c=$(corpus "$largest")
parts=$OUT/chunks-$largest
rm -rf "$parts"; mkdir -p "$parts"
split -n "l/$CHUNKS" -d -a 3 --additional-suffix=.jsonl "$c" "$parts/part-"
db=$OUT/grow-$largest.sqlite
fresh_db "$db"
say ""
say "## Cost per article as the corpus grows ($largest articles in $CHUNKS chunks, one database)"
say ""
say "| chunk | articles | in DB before | wall s | articles/s | peak RSS MB | DB bytes/article after |"
say "|---:|---:|---:|---:|---:|---:|---:|"
before=0
i=0
grow_wall=0
grow_rss=0
for part in "$parts"/part-*.jsonl; do
    i=$((i + 1))
    k=$(lines "$part")
    timed "$OUT/grow-$i" "$BIN" ingest --db "$db" --jobs "$JOBS" "$part"
    before_now=$before
    before=$((before + k))
    grow_wall=$(awk -v a="$grow_wall" -v b="$WALL" 'BEGIN { printf "%.3f", a + b }')
    [ "$RSS_MB" -gt "$grow_rss" ] && grow_rss=$RSS_MB
    say "| $i | $k | $before_now | $WALL | $(rate "$k" "$WALL") | $RSS_MB | $(($(db_bytes "$db") / before)) |"
done
say ""
say "All chunks: $before articles in $grow_wall s ($(rate "$before" "$grow_wall") articles/s), peak RSS $grow_rss MB, \
database $(($(db_bytes "$db") / 1048576)) MB."
rm -rf "$parts"

# 3. query latency on the grown database
word=${WORD:-$(head -n 1 "$c" | python3 -c 'import json, re, sys
title = json.loads(sys.stdin.readline()).get("title", "")
words = sorted(re.findall(r"[A-Za-z]{4,}", title), key=lambda w: (-len(w), w))
print(words[0] if words else "the")')}
"$BIN" stories --db "$db" --format json --limit 1 > "$OUT/stories-1.json"
id=$(python3 -c 'import json, sys
text = open(sys.argv[1]).read().strip()
try:
    docs = [json.loads(text)]
except ValueError:
    docs = [json.loads(l) for l in text.splitlines() if l.strip()]
def first_id(o):
    if isinstance(o, dict):
        for k in ("id", "story", "story_id", "storyID"):
            if isinstance(o.get(k), (int, str)):
                return o[k]
        for v in o.values():
            r = first_id(v)
            if r is not None:
                return r
    if isinstance(o, list):
        for v in o:
            r = first_id(v)
            if r is not None:
                return r
    return None
r = first_id(docs)
print("" if r is None else r)' "$OUT/stories-1.json")
[ -n "$id" ] || { echo "ingest_bench: no story id in: $(head -c 300 "$OUT/stories-1.json")" >&2; exit 1; }
say ""
say "## Query latency at $before articles (ms, median of $RUNS runs (min-max); story $id, word \"$word\")"
say ""
say "| command | ms |"
say "|---|---:|"
l_story=$(latency "$RUNS" "$BIN" story --db "$db" "$id") || exit 1
l_stories=$(latency "$RUNS" "$BIN" stories --db "$db" --search "$word" --limit 20) || exit 1
l_search=$(latency "$RUNS" "$BIN" search --db "$db" "$word" --limit 20) || exit 1
say "| \`parallax story $id\` | $l_story |"
say "| \`parallax stories --search $word --limit 20\` | $l_stories |"
say "| \`parallax search $word --limit 20\` | $l_search |"
export_ms=()
for ((r = 0; r < EXPORT_RUNS; r++)); do
    timed "$OUT/export" "$BIN" export --db "$db" --what articles --format jsonl
    export_ms+=("$(awk -v s="$WALL" 'BEGIN { printf "%d", s * 1000 }')")
done
l_export=$(printf '%s\n' "${export_ms[@]}" | spread)
exported=$(lines "$OUT/export.out")
say "| \`parallax export --what articles --format jsonl\` ($exported lines, peak RSS $RSS_MB MB) | $l_export |"

# 4. peers on the same corpora, and Parallax's grouping scored like theirs
if [ "$PEERS" = 1 ]; then
    sizes=$(echo $COUNTS | tr ' ' ',')
    say ""
    say "## Peers on the same corpora (bench/grouping_peers.py)"
    say ""
    nice -n 10 "$PY" bench/grouping_peers.py --sizes "$sizes" --lsh-sizes "$sizes" --seed "$SEED" \
        --big-story "$BIG_STORY" --json "$OUT/grouping_peers-ingest.json" | tee -a "$REPORT"
    say ""
    say "Ratios: Parallax's whole ingest (read, clean, annotate, dedupe, group, store) per second over each peer's"
    say "single step per second (> 1: Parallax faster while doing more); peak RSS side by side."
    say ""
    python3 - "$OUT/ingest_bench.rates.tsv" "$OUT/grouping_peers-ingest.json" <<'PYEOF' | tee -a "$REPORT"
import json, sys
rates = {}
for line in open(sys.argv[1]):
    n, rate, rss = line.rstrip("\n").split("\t")
    rates[int(n)] = (float(rate), rss)
runs = {(r["peer"], r["size"]): r for r in json.load(open(sys.argv[2]))["runs"]}
print("| articles | Parallax ingest art/s (RSS MB) | datasketch LSH art/s (RSS MB) | ratio"
      " | TF-IDF + agglomerative art/s (RSS MB) | ratio |")
print("|---:|---:|---:|---:|---:|---:|")
def cell(r, mine):
    if r is None:
        return "-", "-"
    if "error" in r:
        return "not usable (%s)" % r["error"], "-"
    rate = r["articles"] / max(r["seconds"], 1e-9)
    return "%.0f (%.0f)" % (rate, r["peak_rss_mb"]), "%.1f" % (mine / rate)
for n, (mine, rss) in sorted(rates.items()):
    lsh, lr = cell(runs.get(("lsh", n)), mine)
    agg, ar = cell(runs.get(("agglomerative", n)), mine)
    print("| %d | %.0f (%s) | %s | %s | %s | %s |" % (n, mine, rss, lsh, lr, agg, ar))
PYEOF
    say ""
    say "Parallax's grouping and copies at $before articles, from its export:"
    say ""
    say '```'
    "$PY" bench/grouping_peers.py --score-export "$OUT/export.out" --gold "${c%.jsonl}.gold.tsv" 2>&1 |
        tee -a "$REPORT" || true
    say '```'
fi
[ "$KEEP_DB" = 1 ] || fresh_db "$db"
echo "ingest_bench: report in $REPORT" >&2

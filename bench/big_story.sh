#!/usr/bin/env bash
# Times `parallax analyze` on one big story (docs/BENCHMARKS.md, "Big stories"): CPU seconds, wall and peak RSS.
#
#   bash bench/big_story.sh                          # release build, the three inputs below
#   BIN=/tmp/parallax-old bash bench/big_story.sh    # time a saved binary instead (before/after)
#   LIMIT=300 bash bench/big_story.sh                # give up on one input after 300 s (default 900)
#   INPUTS="templated" bash bench/big_story.sh       # a subset: templated identical recombined corpus10k
#
# Inputs (made by bench/make_big_story.py if missing, deterministic):
#   templated   10,000 tiny JSON Lines wire items of one event (one template, numbers and names varied)
#   identical   8,000 RSS items with the same text
#   recombined  10,000 articles of one story from real-text sentences (bench/out/corpus-10k.jsonl recombined)
#   corpus10k   the ordinary 10,000-article corpus of bench/make_corpus.py (3,185 small stories), for reference
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT="${LIMIT:-900}"
INPUTS="${INPUTS:-templated identical recombined corpus10k}"
mkdir -p bench/out
if [ ! -x /usr/bin/time ]; then
    echo "big_story: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 1
fi
[ -s bench/out/corpus-10k.jsonl ] || python3 bench/make_corpus.py --count 10000 --out bench/out/corpus-10k.jsonl
[ -s bench/out/big-templated.jsonl ] \
    || python3 bench/make_big_story.py --kind templated --count 10000 --out bench/out/big-templated.jsonl
[ -s bench/out/big-identical.rss ] \
    || python3 bench/make_big_story.py --kind identical --count 8000 --out bench/out/big-identical.rss
[ -s bench/out/big-recombined.jsonl ] || python3 bench/make_big_story.py --kind recombined --count 10000 \
    --source bench/out/corpus-10k.jsonl --out bench/out/big-recombined.jsonl

if [ -n "${BIN:-}" ]; then
    bin="$BIN"
else
    echo "big_story: building release" >&2
    swift build -c release --product parallax >&2
    bin=".build/release/parallax"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '%-11s %7s %8s %9s %10s %s\n' input status cpu_s wall peak_MiB load
for name in $INPUTS; do
    case "$name" in
        templated) file=bench/out/big-templated.jsonl ;;
        identical) file=bench/out/big-identical.rss ;;
        recombined) file=bench/out/big-recombined.jsonl ;;
        corpus10k) file=bench/out/corpus-10k.jsonl ;;
        *) echo "big_story: unknown input $name" >&2; exit 1 ;;
    esac
    load=$(cut -d' ' -f1 /proc/loadavg)
    set +e
    /usr/bin/time -v timeout "$LIMIT" "$bin" analyze "$file" --format json --output /dev/null 2> "$log"
    status=$?
    set -e
    [ $status -eq 124 ] && status="timeout"
    user_s=$(grep 'User time (seconds)' "$log" | awk '{print $NF}')
    sys_s=$(grep 'System time (seconds)' "$log" | awk '{print $NF}')
    wall=$(grep 'Elapsed (wall clock) time' "$log" | awk '{print $NF}')
    peak_kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
    cpu=$(awk -v u="$user_s" -v s="$sys_s" 'BEGIN { printf "%.1f", u + s }')
    printf '%-11s %7s %8s %9s %10d %s\n' "$name" "$status" "$cpu" "$wall" $((peak_kb / 1024)) "$load"
done

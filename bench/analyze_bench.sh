#!/usr/bin/env bash
# Times `parallax analyze` on the synthetic 10,000-article corpus in a release build: articles/s and peak memory.
#
#   bash bench/analyze_bench.sh                 # builds release, makes bench/out/corpus-10k.jsonl if missing
#   COUNT=2000 bash bench/analyze_bench.sh      # a smaller corpus (bench/out/corpus-2000.jsonl)
#   FORMAT=html bash bench/analyze_bench.sh     # time another output format (default json)
#
#   JOBS=1 bash bench/analyze_bench.sh         # one worker thread (default: all cores)
#   BIN=/tmp/parallax-old bash bench/analyze_bench.sh   # time that binary instead (no build)
#
# Prints wall time, articles/s (wall and per CPU-second: the latter is what to compare on a loaded machine), the
# load average and peak RSS (from /usr/bin/time -v). The figures go into docs/BENCHMARKS.md with
# this command line.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT="${COUNT:-10000}"
FORMAT="${FORMAT:-json}"
JOBS="${JOBS:-$(nproc)}"
if [ "$COUNT" = "10000" ]; then corpus="bench/out/corpus-10k.jsonl"; else corpus="bench/out/corpus-$COUNT.jsonl"; fi

if [ ! -x /usr/bin/time ]; then
    echo "analyze_bench: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 1
fi
if [ ! -s "$corpus" ]; then
    python3 bench/make_corpus.py --count "$COUNT" --out "$corpus"
fi
articles=$(wc -l < "$corpus" | tr -d ' ')

if [ -n "${BIN:-}" ]; then
    bin="$BIN"  # a binary built elsewhere (e.g. a copy of an older build, for before/after figures)
else
    echo "analyze_bench: building release" >&2
    swift build -c release --product parallax >&2
    bin=".build/release/parallax"
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
/usr/bin/time -v "$bin" analyze "$corpus" --format "$FORMAT" --jobs "$JOBS" --output /dev/null 2> "$log"
status=$?
set -e
if [ $status -ne 0 ]; then
    echo "analyze_bench: parallax analyze failed (exit $status); its stderr:" >&2
    grep -v -E '^\s+(Command being timed|User time|System time|Percent of CPU|Elapsed|Average|Maximum resident|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)' "$log" | tail -20 >&2
    exit $status
fi

elapsed=$(grep 'Elapsed (wall clock) time' "$log" | awk '{print $NF}')
peak_kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
user_s=$(grep 'User time (seconds)' "$log" | awk '{print $NF}')
sys_s=$(grep 'System time (seconds)' "$log" | awk '{print $NF}')
cpu=$(grep 'Percent of CPU' "$log" | awk '{print $NF}')
# Elapsed is [h:]mm:ss.ss
seconds=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
rate=$(awk -v n="$articles" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "inf" }')
cpu_rate=$(awk -v n="$articles" -v u="$user_s" -v s="$sys_s" 'BEGIN { if (u + s > 0) printf "%.0f", n / (u + s); else print "inf" }')
peak_mb=$(awk -v k="$peak_kb" 'BEGIN { printf "%.1f", k / 1024 }')

echo "command:      $bin analyze $corpus --format $FORMAT --jobs $JOBS --output /dev/null"
echo "articles:     $articles"
echo "wall time:    ${seconds} s (user ${user_s} s, system ${sys_s} s, CPU ${cpu}; other load on the machine shows here)"
echo "throughput:   ${rate} articles/s wall, ${cpu_rate} articles per CPU-second"
echo "load average: ${load_before} before, $(cut -d' ' -f1-3 /proc/loadavg) after ($(nproc) cores)"
echo "peak RSS:     ${peak_mb} MiB"

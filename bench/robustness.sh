#!/bin/bash
# Runs the CLI path (`parallax analyze` and `parallax extract`) over every evaluation set in ../shared/eval (every
# file of every folder, whatever its format) and over every file in ../shared/fuzz-repro, and reports the runs that
# trapped (exit status >= 128 or a "Fatal error" on standard error) or ran past the time limit.
#
#   BIN=.build/release/parallax bash bench/robustness.sh      # default BIN: .build/debug/parallax
#   LIMIT=300 JOBS=2 bash bench/robustness.sh                  # seconds per run; --jobs
#
# Output: one line per run (status, seconds, what ran); logs of failed runs in $OUT (default /tmp/parallax-robustness).
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/parallax}
SHARED=${SHARED:-../shared}
LIMIT=${LIMIT:-600}
JOBS=${JOBS:-2}
OUT=${OUT:-/tmp/parallax-robustness}
mkdir -p "$OUT"
[ -x "$BIN" ] || { echo "no binary at $BIN (swift build first, or set BIN)"; exit 2; }
[ -d "$SHARED/eval" ] || { echo "$SHARED/eval is absent; nothing to run"; exit 2; }

failures=0
run() {  # run NAME ARGS...: one parallax run, judged by its exit status and standard error
    local name=$1; shift
    local log="$OUT/$name.err"
    local start=$(date +%s.%N)
    timeout "$LIMIT" "$BIN" "$@" > /dev/null 2> "$log"
    local rc=$?
    local secs=$(echo "$(date +%s.%N) - $start" | bc)
    local verdict=ok
    if [ $rc -eq 124 ]; then verdict=TIMEOUT
    elif [ $rc -ge 128 ] || grep -q "Fatal error" "$log"; then verdict=TRAP
    fi
    printf '%-8s rc=%-3s %7.1fs  %s\n' "$verdict" "$rc" "$secs" "$name"
    if [ $verdict != ok ]; then
        failures=$((failures + 1))
        grep -m1 "Fatal error" "$log" | sed 's/^/         /'
        grep -m3 " in parallax at " "$log" | sed 's/^.* in parallax at /         at /'
    else
        rm -f "$log"
    fi
}

for set in "$SHARED"/eval/*/; do
    name=$(basename "$set")
    run "analyze-$name" analyze --quiet --jobs "$JOBS" --format json "$set"
    run "extract-$name" extract --jobs "$JOBS" --format ndjson "$set"
done
for file in "$SHARED"/fuzz-repro/*; do
    case $file in *.md|*.tsv) continue ;; esac
    name=$(basename "$file")
    run "analyze-$name" analyze --quiet --jobs "$JOBS" --format json "$file"
    run "analyze-text-$name" analyze --quiet --jobs "$JOBS" --format text "$file"
    run "extract-$name" extract --jobs "$JOBS" --format ndjson "$file"
done
echo "$failures run(s) trapped or timed out"
[ $failures -eq 0 ]

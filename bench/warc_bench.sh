#!/usr/bin/env bash
# WARC throughput: records/s, MB/s (compressed and uncompressed) and peak memory of WARCReader in a release build.
#
# Usage: bench/warc_bench.sh [ARCHIVE]   (default: bench/out/zyte-x50.warc.gz, built by bench/make_warc.sh)
# Runs the env-gated test WARCBenchTests under /usr/bin/time -v once per mode: `stream` (inflate + WARC + HTTP
# parsing, pages counted but not parsed), `full` (every page made an article by WARCReader's default page reader,
# which is now HTMLArticleBuilder), `article` (HTMLArticleBuilder named explicitly: the same as `full`).
# MODES="stream full" picks modes. With PEER=1 it also times warcio (Python, installed into bench/.venv)
# iterating the same archive and reading every response payload, for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-bench/out/zyte-x50.warc.gz}
[ -f "$archive" ] || bench/make_warc.sh 50 "$archive"
# Other test files use @testable import, which a release build only allows with -enable-testing.
flags=(-c release -Xswiftc -enable-testing)
swift build "${flags[@]}" --build-tests >/dev/null
# Run the test bundle directly: under `swift test` the measured process is larger than the reader's own needs.
tests="$(swift build "${flags[@]}" --show-bin-path)/ParallaxPackageTests.xctest"
for mode in ${MODES:-stream full article}; do
    log=$(mktemp)
    PARALLAX_WARC_BENCH="$archive" PARALLAX_WARC_BENCH_MODE=$mode /usr/bin/time -v \
        "$tests" --testing-library swift-testing --filter WARCBench 2>"$log" | grep -A4 '^WARCBench'
    grep -E 'Maximum resident set size|Elapsed \(wall' "$log" | sed 's/^\s*/  /'
    rm -f "$log"
done
if [ "${PEER:-0}" = 1 ]; then
    [ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv
    bench/.venv/bin/python -c 'import warcio' 2>/dev/null || bench/.venv/bin/pip install -q warcio
    log=$(mktemp)
    /usr/bin/time -v bench/.venv/bin/python - "$archive" 2>"$log" <<'PY'
import sys, time
from warcio.archiveiterator import ArchiveIterator
t = time.time(); c = time.process_time(); records = pages = payload = 0
with open(sys.argv[1], 'rb') as f:
    for rec in ArchiveIterator(f):
        records += 1
        if rec.rec_type == 'response' and 'html' in (rec.http_headers.get_header('Content-Type') or ''):
            payload += len(rec.content_stream().read()); pages += 1
dt = time.time() - t; cpu = time.process_time() - c
print(f"warcio: wallSeconds={dt:.2f} cpuSeconds={cpu:.2f} records={records} pages={pages} payloadMB={payload/1e6:.0f}")
print(f"  per CPU second: records/s={records/cpu:.1f} pages/s={pages/cpu:.1f}")
PY
    grep -E 'Maximum resident set size' "$log" | sed 's/^\s*/  /'
    rm -f "$log"
fi

#!/usr/bin/env bash
# Builds Parallax (release) and runs `parallax analyze` on the bundled example corpus.
# Extra arguments go to `parallax analyze` (e.g. --format html --output report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product parallax >&2
outlets=()
[ -f examples/outlets.json ] && outlets=(--outlets examples/outlets.json)
exec .build/release/parallax analyze "${outlets[@]}" "$@" examples/corpus

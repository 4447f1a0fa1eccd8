#!/usr/bin/env bash
# Times duplicate detection and story grouping (release build) on ECB+ and on a synthetic corpus built from it.
# Usage: bench/story-grouping.sh [articles]   (default 10000; reads ../shared/eval/events-ecbplus)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${ECBPLUS:-$here/../../shared/eval/events-ecbplus}"
cd "$here/StoryGrouping"
swift build -c release --product StoryGroupingBench >&2
"$(swift build -c release --show-bin-path)/StoryGroupingBench" "$data" "${1:-10000}"

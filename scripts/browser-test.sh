#!/usr/bin/env bash
# The real-browser test of the web UI: installs Debian's `chromium` if missing, builds what `swift test` builds, and
# runs the Swift Testing suite BrowserTests (Tests/ParallaxEndToEndTests/BrowserTests.swift) with
# PARALLAX_BROWSER_TEST=1. The suite ingests examples/corpus plus an invented hostile corpus into a temporary
# database, serves it with `parallax serve` on a free loopback port, loads pages in headless Chromium (--dump-dom and
# the DevTools protocol on a pipe) and asserts on what they show, their layout at phone and laptop sizes, and the
# server's HTTP answers (docs/SERVER.md, "The browser test"). PARALLAX_SCREENSHOTS=1 also writes the story page's
# screenshots to docs/screenshots/. Exits non-zero when any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
    echo "installing chromium" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
# The same build as `swift test` (a product-only build uses other flags and would rebuild half the packages).
swift build --build-tests >&2
start=$(date +%s)
status=0
PARALLAX_BROWSER_TEST=1 swift test --skip-build --filter BrowserTests || status=$?
echo "browser test took $(($(date +%s) - start)) s after the build"
exit "$status"

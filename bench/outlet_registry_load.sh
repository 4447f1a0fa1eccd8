#!/usr/bin/env bash
# Load time of the bundled outlet registry, optimized (-O), as a CLI run pays it: the hand-written table alone
# (outlets.json) and with the state-media list merged under it (outlets-state-media.json).
#
#   bench/outlet_registry_load.sh        # from the repository root; needs swiftc, no package build
#
# Compiles the registry's sources (OutletRegistry, Outlet, WebAddress, TextSpan, Day) with a small timing main;
# Bundle.module (SwiftPM's resource accessor) is replaced by the Resources folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
core="$root/Sources/ParallaxCore"
cat > "$work/Bundle+Module.swift" <<SWIFT
import Foundation
extension Bundle { static let module = Bundle(path: "$core/Resources")! }
SWIFT
cat > "$work/main.swift" <<'SWIFT'
import Foundation
let clock = ContinuousClock()
for stateMedia in [false, true] {
    var count = 0
    _ = OutletRegistry.loadBundled(stateMedia: stateMedia)  // warm the file cache
    let runs = 50
    let elapsed = clock.measure { for _ in 0..<runs { count = OutletRegistry.loadBundled(stateMedia: stateMedia).outlets.count } }
    let ms = Double(elapsed.components.attoseconds) / 1e15 / Double(runs) + Double(elapsed.components.seconds) * 1000 / Double(runs)
    print(String(format: "state media %@: %4d outlets, %.1f ms per load", stateMedia ? "yes" : "no ", count, ms))
}
SWIFT
swiftc -O -module-name ParallaxCore -o "$work/load" \
    "$core/Registry/OutletRegistry.swift" "$core/Registry/Outlet.swift" "$core/Web/WebAddress.swift" \
    "$core/Model/TextSpan.swift" "$core/Model/Day.swift" "$work/Bundle+Module.swift" "$work/main.swift" 2>&1 \
    | grep -v "warning" || true
"$work/load"

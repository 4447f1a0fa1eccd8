/// A small deterministic generator (SplitMix64): case `i` of seed `s` is the same input on every machine, so a
/// failure found in CI is reproduced with `parallax-fuzz --seed s --case i`.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64, index: Int) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (0 when `n` is not positive).
    mutating func below(_ n: Int) -> Int { n > 0 ? Int(next() % UInt64(n)) : 0 }

    /// A size that is small most of the time and sometimes large: `1...limit`, log-uniform.
    mutating func size(upTo limit: Int) -> Int {
        guard limit > 1 else { return 1 }
        let bits = below(Int(log2(Double(limit))) + 1)
        return min(limit, 1 + below(1 << bits))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

import Foundation

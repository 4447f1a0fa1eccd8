import ParallaxCore

extension DuplicateDetector {
    /// The LSH band keys of a signature (one per band, the same buckets as ``DuplicateIndex``), for a store's copy
    /// index; empty for a signature without values. O(signature length).
    public func bandKeys(of signature: MinHashSignature) -> [UInt64] {
        guard !signature.values.isEmpty else { return [] }
        let bands = max(1, configuration.bands)
        let rows = max(1, signature.values.count / bands)
        return (0..<bands).map { band in
            var h = Hashing.mix(UInt64(band))
            let lower = min(signature.values.count, band * rows)
            for value in signature.values[lower..<min(signature.values.count, (band + 1) * rows)] {
                h = Hashing.mix(h ^ value)
            }
            return h
        }
    }
}

/// Finds exact and near copies among articles (wire copies with small edits): MinHash over word shingles with LSH.
///
/// Exact copies share the hash of their normalized word sequence. Near copies are found by MinHash
/// (`permutations` hash functions over `shingleSize`-word shingles) and locality-sensitive hashing: the signature
/// is cut into `bands` bands and documents that agree on a whole band become candidates; a candidate is a copy when
/// the estimated Jaccard similarity of the shingle sets reaches `threshold`. Cost per document is
/// O(shingles x permutations) for the signature plus the candidates in its buckets, so it does not grow with the
/// corpus (the index keeps one entry per band per document). Use ``DuplicateIndex`` to insert documents one at a time.
public struct DuplicateDetector: Sendable {
    /// MinHash and LSH settings.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Words per shingle.
        public var shingleSize = 5
        /// Number of MinHash functions (signature length).
        public var permutations = 128
        /// Number of LSH bands; `permutations` must be a multiple. 32 bands of 4 rows find pairs from Jaccard ~0.4.
        public var bands = 32
        /// Minimum estimated Jaccard similarity of shingle sets for a near copy.
        public var threshold = 0.5

        public init() {}
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The MinHash signature of a document's words (numbers included, punctuation ignored). O(words x permutations).
    public func signature(of document: Document) -> MinHashSignature {
        var wordHashes: [UInt64] = []
        wordHashes.reserveCapacity(document.tokens.count)
        var exact: UInt64 = Hashing.fnvOffset
        for token in document.tokens where token.kind != .punctuation {
            let h = Hashing.fnv1a(token.norm)
            wordHashes.append(h)
            exact = (exact ^ h) &* Hashing.fnvPrime
        }
        let p = max(1, configuration.permutations)
        guard !wordHashes.isEmpty else { return MinHashSignature(values: [], exactKey: exact) }
        var mins = [UInt64](repeating: .max, count: p)
        let k = max(1, min(configuration.shingleSize, wordHashes.count))
        let seeds = (0..<p).map { Hashing.mix(UInt64($0) &+ 0x9E37_79B9_7F4A_7C15) }
        var seen = Set<UInt64>()
        for start in 0...(wordHashes.count - k) {
            var shingle: UInt64 = Hashing.fnvOffset
            for h in wordHashes[start..<(start + k)] { shingle = (shingle ^ h) &* Hashing.fnvPrime }
            guard seen.insert(shingle).inserted else { continue }
            mins.withUnsafeMutableBufferPointer { m in
                for i in 0..<p {
                    let v = Hashing.mix(shingle ^ seeds[i])
                    if v < m[i] { m[i] = v }
                }
            }
        }
        return MinHashSignature(values: mins, exactKey: exact)
    }

    /// Groups of copies among `documents`: each group has two or more ids in input order; groups are ordered by
    /// their first member. Near-linear: one index insertion per document.
    public func groups(_ documents: [Document]) -> [[String]] {
        var index = DuplicateIndex(detector: self)
        var sets = DisjointSets(count: documents.count)
        for (i, document) in documents.enumerated() {
            for match in index.insert(document, key: i) { sets.union(i, match.key) }
        }
        return sets.groups().map { $0.map { documents[$0].id } }
    }
}

/// 64-bit hashing helpers shared by the grouping stages (FNV-1a, SplitMix64 finalizer).
enum Hashing {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    static func fnv1a(_ s: String) -> UInt64 {
        var h = fnvOffset
        for b in s.utf8 { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

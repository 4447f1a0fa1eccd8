/// An incremental LSH index of MinHash signatures: insert documents one at a time, get their earlier copies.
///
/// Memory is one bucket entry per band per document. Insertion costs the signature plus the candidates that share
/// a band bucket, independent of the corpus size for ordinary text. A bucket holds at most `bucketCapacity`
/// documents: a template repeated thousands of times (wire items with only numbers and names changed) fills its
/// buckets, and later documents are compared with those first ones only (so insertion stays O(bands x capacity)
/// instead of growing with every near copy).
public struct DuplicateIndex: Sendable {
    /// An earlier document that the inserted one copies.
    public struct Match: Sendable, Hashable {
        /// The earlier document's id.
        public var id: String
        /// The caller's key of the earlier document (insertion order by default).
        public var key: Int
        /// Estimated Jaccard similarity of the shingle sets (1 for exact copies).
        public var similarity: Double
        /// Whether the normalized word sequences are identical.
        public var isExact: Bool
    }

    public let detector: DuplicateDetector
    /// Most documents kept in one band bucket (later ones are still compared with them, but not added).
    public var bucketCapacity = 64
    private var buckets: [UInt64: [Int]] = [:]
    private var exact: [UInt64: Int] = [:]
    private var signatures: [MinHashSignature] = []
    private var ids: [String] = []
    private var keys: [Int] = []

    public init(detector: DuplicateDetector = DuplicateDetector()) {
        self.detector = detector
    }

    /// Number of inserted documents.
    public var count: Int { ids.count }

    /// Inserts a document and returns the earlier documents it copies, most similar first; an exact copy returns its
    /// first exact twin only (the twin's near copies are linked to the twin).
    public mutating func insert(_ document: Document, key: Int? = nil) -> [Match] {
        insert(signature: detector.signature(of: document), id: document.id, key: key)
    }

    /// Inserts a document by its signature (made by this index's detector) and returns the earlier documents it
    /// copies, most similar first.
    public mutating func insert(signature: MinHashSignature, id: String, key: Int? = nil) -> [Match] {
        let slot = ids.count
        ids.append(id)
        keys.append(key ?? slot)
        signatures.append(signature)
        guard !signature.values.isEmpty else { return [] }
        if let earlier = exact[signature.exactKey] {
            // An exact copy: its earlier twin stands for it in the band buckets (which would otherwise grow with
            // every copy, making n copies of one text quadratic), and the twin's own copies are reached through it.
            return [Match(id: ids[earlier], key: keys[earlier], similarity: 1, isExact: true)]
        }
        exact[signature.exactKey] = slot
        var candidates = Set<Int>()
        var matches: [Match] = []
        let bands = max(1, detector.configuration.bands)
        let rows = max(1, signature.values.count / bands)
        for band in 0..<bands {
            var h = Hashing.mix(UInt64(band))
            for value in signature.values[(band * rows)..<min(signature.values.count, (band + 1) * rows)] {
                h = Hashing.mix(h ^ value)
            }
            let bucket = buckets[h] ?? []
            for other in bucket where candidates.insert(other).inserted {
                let similarity = signature.similarity(signatures[other])
                if similarity >= detector.configuration.threshold {
                    matches.append(Match(id: ids[other], key: keys[other], similarity: similarity, isExact: false))
                }
            }
            if bucket.count < bucketCapacity { buckets[h, default: []].append(slot) }
        }
        return matches.sorted { ($0.similarity, $1.key) > ($1.similarity, $0.key) }
    }
}

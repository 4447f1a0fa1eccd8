/// A sparse, L2-normalized term vector: term ids in ascending order with their weights.
public struct TermVector: Sendable, Hashable {
    /// Term ids (from a ``TermVocabulary``), ascending.
    public internal(set) var ids: [Int32]
    /// Weights, parallel to `ids`.
    public internal(set) var weights: [Float]

    public init() {
        ids = []
        weights = []
    }

    /// Builds a vector from unsorted `(id, weight)` pairs, normalizing it to unit length (zero stays zero).
    public init(pairs: [(Int32, Float)]) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        var norm: Float = 0
        for (_, w) in sorted { norm += w * w }
        let scale: Float = norm > 0 ? 1 / norm.squareRoot() : 0
        ids = sorted.map(\.0)
        weights = sorted.map { $0.1 * scale }
    }

    /// Builds a vector from ids already in ascending order and their weights, normalizing it to unit length.
    init(ascendingIDs: ArraySlice<Int32>, weights: ArraySlice<Float>) {
        var norm: Float = 0
        for w in weights { norm += w * w }
        let scale: Float = norm > 0 ? 1 / norm.squareRoot() : 0
        ids = Array(ascendingIDs)
        self.weights = weights.map { $0 * scale }
    }

    public var isEmpty: Bool { ids.isEmpty }

    /// Cosine similarity with another unit vector: a merge join, O(n + m).
    public func cosine(_ other: TermVector) -> Float {
        ids.withUnsafeBufferPointer { a in
            other.ids.withUnsafeBufferPointer { b in
                weights.withUnsafeBufferPointer { wa in
                    other.weights.withUnsafeBufferPointer { wb in
                        var i = 0
                        var j = 0
                        var sum: Float = 0
                        while i < a.count, j < b.count {
                            let x = a[i]
                            let y = b[j]
                            if x == y {
                                sum += wa[i] * wb[j]
                                i += 1
                                j += 1
                            } else if x < y {
                                i += 1
                            } else {
                                j += 1
                            }
                        }
                        return sum
                    }
                }
            }
        }
    }

    /// The `count` heaviest terms' ids, heaviest first.
    public func topTerms(_ count: Int) -> [Int32] {
        guard ids.count > count else {
            return zip(ids, weights).sorted { $0.1 > $1.1 }.map(\.0)
        }
        return zip(ids, weights).sorted { $0.1 > $1.1 }.prefix(count).map(\.0)
    }
}

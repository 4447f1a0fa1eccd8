/// A MinHash signature plus the hash of the exact normalized word sequence.
public struct MinHashSignature: Sendable, Hashable, Codable {
    /// Minimum hash per permutation (empty for a document without words).
    public var values: [UInt64]
    /// Hash of the document's normalized word sequence.
    public var exactKey: UInt64

    public init(values: [UInt64], exactKey: UInt64) {
        self.values = values
        self.exactKey = exactKey
    }

    /// The estimated Jaccard similarity of the two shingle sets (share of equal slots).
    public func similarity(_ other: MinHashSignature) -> Double {
        guard !values.isEmpty, values.count == other.values.count else { return 0 }
        var same = 0
        for i in values.indices where values[i] == other.values[i] { same += 1 }
        return Double(same) / Double(values.count)
    }
}

import Foundation

/// Term ids and document frequencies for TF-IDF weighting; grows as documents are observed.
///
/// Weights are `(1 + ln tf) * idf` (`tf` below 1 is kept as is) with smoothed `idf = ln((1 + N) / (1 + df)) + 1`.
/// Lookups are O(1) per term.
public struct TermVocabulary: Sendable {
    private var idOf: [String: Int32] = [:]
    private var documentFrequency: [Int] = []
    /// Number of observed documents.
    public private(set) var documentCount = 0

    public init() {}

    /// Number of distinct terms.
    public var count: Int { documentFrequency.count }

    /// The id of a term, assigning a new one when unseen.
    public mutating func id(of term: String) -> Int32 {
        if let id = idOf[term] { return id }
        let id = Int32(documentFrequency.count)
        idOf[term] = id
        documentFrequency.append(0)
        return id
    }

    /// The id of a term when known.
    public func existingID(of term: String) -> Int32? { idOf[term] }

    /// Counts one document holding these distinct terms. New terms get ids in sorted order, so ids (and every
    /// floating-point sum over them) do not depend on the hash order of the caller's collection.
    public mutating func observe<S: Sequence>(terms: S) where S.Element == String {
        documentCount += 1
        for term in terms.sorted() { documentFrequency[Int(id(of: term))] += 1 }
    }

    /// Document frequency of a term id.
    public func frequency(of id: Int32) -> Int { documentFrequency[Int(id)] }

    /// Smoothed inverse document frequency of a term id.
    public func idf(of id: Int32) -> Double {
        log(Double(1 + documentCount) / Double(1 + documentFrequency[Int(id)])) + 1
    }

    /// The unit TF-IDF vector of weighted term counts (unknown terms get ids with document frequency 0).
    public mutating func vector(of counts: [String: Double]) -> TermVector {
        var pairs: [(Int32, Float)] = []
        pairs.reserveCapacity(counts.count)
        for (term, tf) in counts.sorted(by: { $0.key < $1.key }) where tf > 0 {
            let id = id(of: term)
            pairs.append((id, Float((tf >= 1 ? 1 + log(tf) : tf) * idf(of: id))))
        }
        return TermVector(pairs: pairs)
    }

    /// ``vector(of:)`` of terms this vocabulary has all observed (sorted by term, as annotations store them):
    /// the same vector, without changing the vocabulary, so that many can be built concurrently.
    public func vector(ofObserved terms: [WeightedTerm]) -> TermVector {
        var pairs: [(Int32, Float)] = []
        pairs.reserveCapacity(terms.count)
        for t in terms where t.weight > 0 {
            guard let id = existingID(of: t.term) else { continue }
            let tf = t.weight
            pairs.append((id, Float((tf >= 1 ? 1 + log(tf) : tf) * idf(of: id))))
        }
        return TermVector(pairs: pairs)
    }
}

import ParallaxCore

/// What an ingest did: counts of articles read, stored, skipped and of the stories they made. Additive (`+=`), so
/// the summaries of batches add up to the run's.
public struct IngestSummary: Sendable, Hashable, Codable {
    /// Articles handed to the ingester.
    public var read = 0
    /// Articles stored for the first time.
    public var new = 0
    /// Articles already stored with the same content (skipped).
    public var unchanged = 0
    /// Stored articles replaced by a new text under the same id.
    public var updated = 0
    /// New articles that are exact or near copies of an earlier one.
    public var copies = 0
    public var storiesCreated = 0
    /// Existing stories that a new article joined (each join counted).
    public var storiesGrown = 0
    public var storiesMerged = 0
    /// Inputs skipped or cut, by kind (encoded as an object keyed by the kind's raw value).
    public var skipped: [IngestIssue.Kind: Int] = [:]

    public init() {}

    /// Adds the counts of `b` to `a`.
    public static func += (a: inout IngestSummary, b: IngestSummary) {
        a.read += b.read
        a.new += b.new
        a.unchanged += b.unchanged
        a.updated += b.updated
        a.copies += b.copies
        a.storiesCreated += b.storiesCreated
        a.storiesGrown += b.storiesGrown
        a.storiesMerged += b.storiesMerged
        a.skipped.merge(b.skipped, uniquingKeysWith: +)
    }

    private enum CodingKeys: String, CodingKey {
        case read, new, unchanged, updated, copies, storiesCreated, storiesGrown, storiesMerged, skipped
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = try c.decode(Int.self, forKey: .read)
        new = try c.decode(Int.self, forKey: .new)
        unchanged = try c.decode(Int.self, forKey: .unchanged)
        updated = try c.decode(Int.self, forKey: .updated)
        copies = try c.decode(Int.self, forKey: .copies)
        storiesCreated = try c.decode(Int.self, forKey: .storiesCreated)
        storiesGrown = try c.decode(Int.self, forKey: .storiesGrown)
        storiesMerged = try c.decode(Int.self, forKey: .storiesMerged)
        let raw = try c.decodeIfPresent([String: Int].self, forKey: .skipped) ?? [:]
        skipped = [:]
        for (k, v) in raw { skipped[IngestIssue.Kind(rawValue: k) ?? .other, default: 0] += v }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(read, forKey: .read)
        try c.encode(new, forKey: .new)
        try c.encode(unchanged, forKey: .unchanged)
        try c.encode(updated, forKey: .updated)
        try c.encode(copies, forKey: .copies)
        try c.encode(storiesCreated, forKey: .storiesCreated)
        try c.encode(storiesGrown, forKey: .storiesGrown)
        try c.encode(storiesMerged, forKey: .storiesMerged)
        try c.encode(Dictionary(uniqueKeysWithValues: skipped.map { ($0.key.rawValue, $0.value) }), forKey: .skipped)
    }
}

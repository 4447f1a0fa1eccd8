import Foundation

/// One stored article without its annotation: what lists, filters and exports show.
public struct ArticleRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var source: String
    public var outlet: String?
    /// The outlet's country (ISO 3166 alpha-2) from the outlet registry, when known.
    public var country: String?
    public var url: String?
    public var title: String?
    public var authors: [String]
    public var published: Day?
    public var language: String?
    /// Hash of the normalized text (``ArticleIdentity`` by content): a changed text under the same URL changes it.
    public var contentHash: String
    /// UTF-8 length of the text.
    public var textBytes: Int
    /// The live story the article belongs to (`nil` only while it is being stored).
    public var story: String?
    /// The earlier article this one copies (exact or near copy), if any.
    public var copyOf: String?
    /// Ingestion order (assigned by the store; ignored when writing).
    public var sequence: Int64

    public init(
        id: String, source: String, outlet: String? = nil, country: String? = nil, url: String? = nil,
        title: String? = nil, authors: [String] = [], published: Day? = nil, language: String? = nil,
        contentHash: String, textBytes: Int, story: String? = nil, copyOf: String? = nil, sequence: Int64 = 0
    ) {
        self.id = id
        self.source = source
        self.outlet = outlet
        self.country = country
        self.url = url
        self.title = title
        self.authors = authors
        self.published = published
        self.language = language
        self.contentHash = contentHash
        self.textBytes = textBytes
        self.story = story
        self.copyOf = copyOf
        self.sequence = sequence
    }
}

/// One story's row: what lists show without loading members.
public struct StoryRecord: Sendable, Hashable, Codable, Identifiable {
    /// Stable id from the founding article (`s-...`).
    public var id: String
    /// Creation order (assigned by the store).
    public var key: Int64
    /// A representative headline.
    public var title: String
    public var articleCount: Int
    /// Distinct outlet names of the members, sorted.
    public var outlets: [String]
    /// Distinct outlet countries of the members, sorted.
    public var countries: [String]
    public var firstDay: Day?
    public var lastDay: Day?
    /// The story this one was merged into (a merged story is not live), if any.
    public var mergedInto: String?
    /// Whether the stored comparison is missing or out of date.
    public var stale: Bool

    public init(
        id: String, key: Int64 = 0, title: String, articleCount: Int, outlets: [String] = [],
        countries: [String] = [], firstDay: Day? = nil, lastDay: Day? = nil, mergedInto: String? = nil,
        stale: Bool = true
    ) {
        self.id = id
        self.key = key
        self.title = title
        self.articleCount = articleCount
        self.outlets = outlets
        self.countries = countries
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.mergedInto = mergedInto
        self.stale = stale
    }
}

/// Which articles to list. Empty fields do not filter.
public struct ArticleFilter: Sendable, Hashable {
    /// Published on or after this day (undated articles never match a date bound).
    public var since: Day?
    /// Published on or before this day.
    public var until: Day?
    /// Outlet name, exact (case-insensitive).
    public var outlet: String?
    /// Outlet country code, exact (case-insensitive).
    public var country: String?
    /// Member of this story (resolved through merges by the caller).
    public var story: String?
    public var limit: Int?
    /// Only articles stored after the one with this ``ArticleRecord/sequence``: the cursor of a walk in storage
    /// order (``CorpusReader/forEachArticle(_:_:)``).
    public var afterSequence: Int64?

    public init(
        since: Day? = nil, until: Day? = nil, outlet: String? = nil, country: String? = nil, story: String? = nil,
        limit: Int? = nil, afterSequence: Int64? = nil
    ) {
        self.afterSequence = afterSequence
        self.since = since
        self.until = until
        self.outlet = outlet
        self.country = country
        self.story = story
        self.limit = limit
    }
}

/// Which stories to list. Empty fields do not filter.
public struct StoryFilter: Sendable, Hashable {
    /// Stories with an article on or after this day (their last day is on or after it).
    public var since: Day?
    /// Stories with an article on or before this day (their first day is on or before it).
    public var until: Day?
    /// Stories with an article of this outlet (case-insensitive).
    public var outlet: String?
    /// Stories with an article of an outlet of this country (case-insensitive).
    public var country: String?
    /// Stories with an article matching this full-text query (see ``CorpusReader/search(_:limit:)``).
    public var search: String?
    public var minArticles: Int
    public var limit: Int?
    /// Only stories created after the story with this key (``StoryRecord/key``): the cursor of a walk in creation
    /// order (``CorpusReader/forEachStory(_:_:)``), page after page.
    public var afterKey: Int64?

    public init(
        since: Day? = nil, until: Day? = nil, outlet: String? = nil, country: String? = nil, search: String? = nil,
        minArticles: Int = 1, limit: Int? = nil, afterKey: Int64? = nil
    ) {
        self.afterKey = afterKey
        self.since = since
        self.until = until
        self.outlet = outlet
        self.country = country
        self.search = search
        self.minArticles = minArticles
        self.limit = limit
    }
}

/// One full-text search result.
public struct SearchHit: Sendable, Hashable, Codable {
    public var article: ArticleRecord
    /// A short passage of the title or text around the matches.
    public var snippet: String
    /// The matched words in `snippet` (UTF-8 offsets into `snippet`).
    public var highlights: [TextSpan]
    /// Relevance, higher is better (comparable within one search only).
    public var score: Double

    public init(article: ArticleRecord, snippet: String, highlights: [TextSpan], score: Double) {
        self.article = article
        self.snippet = snippet
        self.highlights = highlights
        self.score = score
    }
}

/// An article that copies an earlier one.
public struct CopyLink: Sendable, Hashable, Codable {
    public var copy: String
    public var original: String

    public init(copy: String, original: String) {
        self.copy = copy
        self.original = original
    }
}

/// A story's stored comparison.
public struct StoredAnalysis: Sendable, Hashable {
    /// The stored form of a `StoryAnalysis` (binary, see `StoryAnalysisCodec`; JSON in rows of earlier versions).
    public var data: Data
    /// The pipeline version that made it.
    public var version: Int
    /// Whether the story changed since.
    public var stale: Bool

    public init(data: Data, version: Int, stale: Bool) {
        self.data = data
        self.version = version
        self.stale = stale
    }
}

/// A recorded merge: `from` now redirects to `into`.
public struct StoryMerge: Sendable, Hashable, Codable {
    public var from: String
    public var into: String
    /// Articles in the corpus when it happened.
    public var atArticleCount: Int

    public init(from: String, into: String, atArticleCount: Int) {
        self.from = from
        self.into = into
        self.atArticleCount = atArticleCount
    }
}

/// Counts of a corpus.
public struct CorpusStats: Sendable, Hashable, Codable {
    public var articles: Int
    public var copies: Int
    /// Live stories, and those of two or more articles.
    public var stories: Int
    public var multiArticleStories: Int
    public var merges: Int
    public var staleStories: Int
    public var issues: Int
    /// Articles per outlet, most first.
    public var outlets: [OutletCount]
    public var firstDay: Day?
    public var lastDay: Day?
    /// Bytes on disk (database and its journal), 0 in memory.
    public var bytes: Int64

    public struct OutletCount: Sendable, Hashable, Codable {
        public var outlet: String
        public var articles: Int

        public init(outlet: String, articles: Int) {
            self.outlet = outlet
            self.articles = articles
        }
    }

    public init(
        articles: Int, copies: Int, stories: Int, multiArticleStories: Int, merges: Int, staleStories: Int,
        issues: Int, outlets: [OutletCount], firstDay: Day?, lastDay: Day?, bytes: Int64
    ) {
        self.articles = articles
        self.copies = copies
        self.stories = stories
        self.multiArticleStories = multiArticleStories
        self.merges = merges
        self.staleStories = staleStories
        self.issues = issues
        self.outlets = outlets
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.bytes = bytes
    }
}

/// A term of the grouping vocabulary.
public struct TermEntry: Sendable, Hashable {
    public var id: Int32
    public var documentFrequency: Int

    public init(id: Int32, documentFrequency: Int) {
        self.id = id
        self.documentFrequency = documentFrequency
    }
}

/// What incremental grouping keeps of a live story: its centroid (sums of its members' unit term vectors, the
/// heaviest terms only), its days and its size.
public struct StoryGroupingState: Sendable, Hashable {
    /// Term ids and their summed weights: the `heaviest` first, then the others, each part in ascending id order.
    public var termIDs: [Int32]
    public var weights: [Float]
    /// How many leading entries are the heaviest sums (the story's centroid terms, kept apart so that reading a
    /// centroid needs no selection); 0 when not known (then all ids are ascending).
    public var heaviest: Int
    /// Days since 1970-01-01 of the oldest and newest dated member.
    public var firstDay: Int?
    public var lastDay: Int?
    public var size: Int

    public init(
        termIDs: [Int32] = [], weights: [Float] = [], heaviest: Int = 0, firstDay: Int? = nil, lastDay: Int? = nil,
        size: Int = 0
    ) {
        self.termIDs = termIDs
        self.weights = weights
        self.heaviest = heaviest
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.size = size
    }

    /// Marks the second layout (with `heaviest`) in the first word of ``encoded()``.
    private static let layoutFlag: UInt32 = 0x8000_0000

    /// A compact binary form (little-endian: count with a layout flag, heaviest, ids, weights, days, size) for
    /// storage.
    public func encoded() -> Data {
        // Written into one buffer of the final size (appending value by value to `Data` costs a call per value).
        let count = min(termIDs.count, weights.count)
        var bytes = [UInt8](repeating: 0, count: 32 + 8 * count)
        bytes.withUnsafeMutableBytes { raw in
            var at = 0
            func put<T: FixedWidthInteger>(_ v: T) {
                raw.storeBytes(of: v.littleEndian, toByteOffset: at, as: T.self)
                at += MemoryLayout<T>.size
            }
            put(UInt32(count) | Self.layoutFlag)
            put(UInt32(clamping: heaviest))
            for id in termIDs.prefix(count) { put(id) }
            for w in weights.prefix(count) { put(w.bitPattern) }
            put(Int64(firstDay ?? Int(Int32.min)))
            put(Int64(lastDay ?? Int(Int32.min)))
            put(Int64(size))
        }
        return Data(bytes)
    }

    /// Decodes ``encoded()`` (and the first layout, without `heaviest`); `nil` for bytes of another shape. One pass
    /// of aligned-free loads, O(bytes).
    public init?(encoded data: Data) {
        let decoded: StoryGroupingState? = data.withUnsafeBytes { raw in
            func load<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard raw.count >= 4 else { return nil }
            let word = load(UInt32.self, at: 0)
            let flagged = word & Self.layoutFlag != 0
            let count = Int(word & ~Self.layoutFlag)
            let head = flagged ? 8 : 4
            guard raw.count == head + 8 * count + 24 else { return nil }
            let heaviest = flagged ? Int(load(UInt32.self, at: 4)) : 0
            guard heaviest <= count else { return nil }
            var ids = [Int32](repeating: 0, count: count)
            var weights = [Float](repeating: 0, count: count)
            for i in 0..<count {
                ids[i] = load(Int32.self, at: head + 4 * i)
                weights[i] = Float(bitPattern: load(UInt32.self, at: head + 4 * count + 4 * i))
            }
            let tail = head + 8 * count
            let none = Int64(Int32.min)
            let first = load(Int64.self, at: tail)
            let last = load(Int64.self, at: tail + 8)
            let size = load(Int64.self, at: tail + 16)
            guard let firstDay = Int(exactly: first), let lastDay = Int(exactly: last), let n = Int(exactly: size)
            else { return nil }
            return StoryGroupingState(
                termIDs: ids, weights: weights, heaviest: heaviest, firstDay: first == none ? nil : firstDay,
                lastDay: last == none ? nil : lastDay, size: n)
        }
        guard let decoded else { return nil }
        self = decoded
    }
}

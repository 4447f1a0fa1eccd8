import Foundation
import ParallaxCore

/// Groups one annotated article at a time into the stories of a store, through the store's grouping index only.
///
/// The same ideas as ``StoryClusterer``, with every piece of state in the store: the article becomes a unit TF-IDF
/// vector over its annotation's `terms` with the store's growing document frequencies; an exact copy (same
/// exact-text key) or a near copy (a shared LSH band and a MinHash similarity at the copy threshold) joins its
/// original's story and is linked to it; otherwise candidate stories come from the postings of the vector's
/// `candidateTerms` heaviest terms (the `maxPostings` newest stories per term), the `maxCandidates` sharing most
/// terms are scored against their centroids, and the article joins the most similar one at `threshold`
/// (`outsideWindowThreshold` when its day lies more than `dateWindowDays` outside the story's days), or founds a
/// story (`StableID.make("s", articleID)`). The story that grew is then compared with its own candidates and a story
/// whose centroid reaches `mergeThreshold` is merged, the smaller into the larger (recorded by the store).
///
/// A centroid is the sum of its members' unit vectors, kept to the `keptTerms` heaviest sums; the `centroidTerms`
/// heaviest are compared and posted. Cost per article: O(terms + candidateTerms x maxPostings + (maxCandidates +
/// maxCopyCandidates) x keptTerms) store work, independent of the corpus size.
public struct IncrementalGrouper: Sendable {
    /// Thresholds and index sizes (defaults: those of ``StoryClusterer/Configuration``).
    public struct Configuration: Sendable, Hashable, Codable {
        /// Minimum cosine between an article and a story centroid to join it.
        public var threshold: Float
        /// Minimum cosine between two story centroids to merge them.
        public var mergeThreshold: Float
        /// Days an article may lie outside a story's date range and still join at `threshold`.
        public var dateWindowDays: Int
        /// Minimum cosine to join (or merge with) a story whose dates lie further away than `dateWindowDays`.
        public var outsideWindowThreshold: Float
        /// Heaviest article terms used to retrieve candidate stories.
        public var candidateTerms: Int
        /// Newest stories read per term posting list.
        public var maxPostings: Int
        /// Candidate stories scored in full (those sharing most retrieval terms).
        public var maxCandidates: Int
        /// Centroid terms compared and posted.
        public var centroidTerms: Int
        /// Centroid sums kept in the stored state (at least `centroidTerms`).
        public var keptTerms: Int
        /// Earlier articles sharing an LSH band whose signatures are compared (the earliest first).
        public var maxCopyCandidates: Int
        /// Minimum cosine to merge when one of the two stories is a single article (a late join of an article that
        /// founded its own story before the other story's centroid came close): the join threshold by default
        /// (ECB+ train F1 0.887 against 0.871 without it); above 1: off.
        public var loneMergeThreshold: Float
        /// Copy detection (must match the settings that made the annotations' signatures).
        public var duplicates: DuplicateDetector.Configuration

        public init() {
            let c = StoryClusterer.Configuration()
            threshold = c.threshold
            mergeThreshold = c.mergeThreshold
            dateWindowDays = c.dateWindowDays
            outsideWindowThreshold = c.outsideWindowThreshold
            candidateTerms = c.candidateTerms
            maxPostings = c.maxPostings
            maxCandidates = c.maxCandidates
            centroidTerms = c.centroidTerms
            keptTerms = 2 * c.centroidTerms
            maxCopyCandidates = 64
            loneMergeThreshold = c.threshold
            duplicates = c.duplicates
        }
    }

    /// What grouping one article did.
    public struct Outcome: Sendable, Hashable {
        /// The live story the article is in now.
        public var story: String
        /// Whether the article founded a new story.
        public var created: Bool
        /// The earlier article it copies, if any.
        public var copyOf: String?
        /// Stories merged away after it joined (each redirects to another).
        public var merged: [String]
    }

    public let configuration: Configuration
    private let detector: DuplicateDetector

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.detector = DuplicateDetector(configuration: configuration.duplicates)
    }

    /// Groups a new article and stores it: `record` gives its content hash and country; its story and copy link
    /// are set here. The article must not be stored yet. `storedForm`: the store's encoding of the annotation, when
    /// made beforehand (``CorpusStore/storedForm(of:)``).
    public func add(_ annotation: ArticleAnnotation, record: ArticleRecord, storedForm: Data? = nil,
        in store: any CorpusWriter) throws -> Outcome
    {
        let vector = try vector(of: annotation, in: store)
        let day = annotation.article.published?.daysSinceEpoch
        let copyOf = try original(of: annotation, in: store)
        var target: (id: String, key: Int64, state: StoryGroupingState)?
        var candidates: [Candidate]?
        if let original = copyOf, let story = try store.article(id: original)?.story,
            let live = try store.resolveStory(story), let r = try store.story(id: live),
            let state = try store.groupingState(ofStoryKey: r.key)
        {
            target = (live, r.key, state)
        } else {
            (target, candidates) = try bestStory(for: vector, day: day, in: store)
        }
        var stored = record
        stored.copyOf = copyOf
        let outcome: Outcome
        let grown: (key: Int64, state: StoryGroupingState)
        if let t = target {
            stored.story = t.id
            try store.putArticle(annotation, record: stored, storedForm: storedForm)
            guard var story = try store.story(id: t.id) else { throw missing(t.id) }
            story.articleCount += 1
            include(annotation.article, country: record.country, in: &story)
            try store.updateStory(story)
            var state = t.state
            try absorb(vector, day: day, into: &state, key: t.key, in: store)
            grown = (t.key, state)
            outcome = Outcome(story: t.id, created: false, copyOf: copyOf, merged: [])
        } else {
            let id = StableID.make("s", annotation.id)
            let firstSentence = annotation.document.sentences.first.map {
                String(annotation.document.text(of: $0.span))
            }
            var story = StoryRecord(
                id: id, title: annotation.article.title.flatMap { $0.isEmpty ? nil : $0 } ?? firstSentence ?? id,
                articleCount: 1)
            include(annotation.article, country: record.country, in: &story)
            var state = StoryGroupingState()
            let key = try store.createStory(story, state: state)
            stored.story = id
            try store.putArticle(annotation, record: stored, storedForm: storedForm)
            try absorb(vector, day: day, into: &state, key: key, in: store)
            grown = (key, state)
            outcome = Outcome(story: id, created: true, copyOf: copyOf, merged: [])
        }
        let keys = detector.bandKeys(of: annotation.signature)
        if !keys.isEmpty {
            // An exact copy is reached through its twin: the twin stands for it in the band buckets.
            try store.addCopyKeys(bandKeys: copyIsExact(annotation, copyOf, in: store) ? [] : keys,
                exactKey: annotation.signature.exactKey, article: annotation.id)
        }
        // The story that grew is compared with the candidates the article was scored against (read once); a copy
        // joined its original's story without a search, so its story's own candidates are read.
        var result = outcome
        (result.story, result.merged) = try mergeSimilar(
            to: outcome.story, key: grown.key, state: grown.state, candidates: candidates, in: store)
        return result
    }

    // MARK: Vectors

    /// The article's unit TF-IDF vector, after counting it in the store's document frequencies.
    private func vector(of annotation: ArticleAnnotation, in store: any CorpusWriter) throws -> TermVector {
        let terms = annotation.terms.filter { $0.weight > 0 }
        guard !terms.isEmpty else { return TermVector() }
        var seen = Set<String>()
        let distinct = terms.map(\.term).filter { seen.insert($0).inserted }
        let entries = try store.observe(terms: distinct)
        let n = Double(try store.documentCount())
        var weightOf: [String: Double] = [:]
        for t in terms where weightOf[t.term] == nil { weightOf[t.term] = t.weight }
        var pairs: [(Int32, Float)] = []
        pairs.reserveCapacity(distinct.count)
        for (term, entry) in zip(distinct, entries) {
            guard let tf = weightOf[term] else { continue }
            let idf = log(Double(1 + n) / Double(1 + entry.documentFrequency)) + 1
            pairs.append((entry.id, Float((tf >= 1 ? 1 + log(tf) : tf) * idf)))
        }
        return TermVector(pairs: pairs)
    }

    /// A story's centroid: its `centroidTerms` heaviest sums as a unit vector (ties: lower term ids first). The
    /// state's leading `heaviest` entries when it has them (O(centroid terms), no selection); else a selection
    /// finds the cut, O(kept terms), no sort by weight.
    private func centroid(_ state: StoryGroupingState) -> TermVector {
        let n = configuration.centroidTerms
        if state.heaviest > 0, state.heaviest == min(n, state.termIDs.count) {
            return TermVector(ascendingIDs: state.termIDs[..<state.heaviest], weights: state.weights[..<state.heaviest])
        }
        let pairs = zip(state.termIDs, state.weights)
        guard state.weights.count > n, n > 0 else { return TermVector(pairs: n > 0 ? Array(pairs) : []) }
        let cut = Self.largest(n - 1, in: state.weights)
        var ties = n - state.weights.reduce(0) { $1 > cut ? $0 + 1 : $0 }
        var kept: [(Int32, Float)] = []
        kept.reserveCapacity(n)
        for (id, w) in pairs {
            if w > cut {
                kept.append((id, w))
            } else if w == cut, ties > 0 {
                kept.append((id, w))
                ties -= 1
            }
        }
        return TermVector(pairs: kept)
    }

    /// The `k`-th largest value (0-based) of a non-empty array: Hoare selection, O(n) expected.
    static func largest(_ k: Int, in values: [Float]) -> Float {
        var a = values
        var lo = 0
        var hi = a.count - 1
        let k = min(max(0, k), hi)
        while lo < hi {
            let pivot = a[(lo + hi) / 2]
            var i = lo
            var j = hi
            while i <= j {
                while i < hi, a[i] > pivot { i += 1 }
                while j > lo, a[j] < pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return a[k]
            }
        }
        return a[k]
    }

    /// Adds `vector` (or another state's sums) to a story's state, stores it and posts the story under its new
    /// top terms.
    private func absorb(_ vector: TermVector, day: Int?, into state: inout StoryGroupingState, key: Int64,
        in store: any CorpusWriter) throws
    {
        let other = StoryGroupingState(termIDs: vector.ids, weights: vector.weights, firstDay: day, lastDay: day, size: 1)
        try combine(other, into: &state, key: key, in: store)
    }

    private func combine(_ other: StoryGroupingState, into state: inout StoryGroupingState, key: Int64,
        in store: any CorpusWriter) throws
    {
        let before = Set(centroid(state).ids)
        // The summed weights by id: each state is one or two runs of ascending ids, so the sums are merges, not a
        // dictionary of every term.
        var pairs = Self.mergedSums(Self.ascending(state), Self.ascending(other))
        // Heaviest first (ties: lower ids first), cut to the kept terms; the centroid terms lead the stored state.
        pairs.sort { ($0.1, $1.0) > ($1.1, $0.0) }
        pairs.removeSubrange(min(pairs.count, max(configuration.keptTerms, configuration.centroidTerms))...)
        let heaviest = min(configuration.centroidTerms, pairs.count)
        pairs[..<heaviest].sort { $0.0 < $1.0 }
        pairs[heaviest...].sort { $0.0 < $1.0 }
        state.termIDs = pairs.map(\.0)
        state.weights = pairs.map(\.1)
        state.heaviest = heaviest
        state.firstDay = [state.firstDay, other.firstDay].compactMap { $0 }.min()
        state.lastDay = [state.lastDay, other.lastDay].compactMap { $0 }.max()
        state.size += other.size
        try store.setGroupingState(state, ofStoryKey: key)
        let added = centroid(state).ids.filter { !before.contains($0) }
        if !added.isEmpty { try store.post(termIDs: added, story: key) }
    }

    /// A state's (id, weight) pairs in ascending id order: its heaviest run and the rest merged (each run is
    /// ascending; a state without `heaviest` is one run).
    static func ascending(_ state: StoryGroupingState) -> [(Int32, Float)] {
        let n = min(state.termIDs.count, state.weights.count)
        let split = min(max(state.heaviest, 0), n)
        return mergedSums(
            (0..<split).map { (state.termIDs[$0], state.weights[$0]) },
            (split..<n).map { (state.termIDs[$0], state.weights[$0]) })
    }

    /// Two lists of ascending ids merged into one, the weights of an id in both added. O(a + b).
    static func mergedSums(_ a: [(Int32, Float)], _ b: [(Int32, Float)]) -> [(Int32, Float)] {
        var out: [(Int32, Float)] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i].0 < b[j].0 {
                out.append(a[i])
                i += 1
            } else if b[j].0 < a[i].0 {
                out.append(b[j])
                j += 1
            } else {
                out.append((a[i].0, a[i].1 + b[j].1))
                i += 1
                j += 1
            }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    // MARK: Candidates

    /// Live stories sharing most of the vector's heaviest terms, at most `maxCandidates`, best first (more shared
    /// terms, then newer).
    private func candidates(for vector: TermVector, excluding excluded: Int64? = nil, in store: any CorpusReader)
        throws -> [Int64]
    {
        let terms = vector.topTerms(configuration.candidateTerms)
        guard !terms.isEmpty else { return [] }
        var shared: [Int64: Int] = [:]
        for key in try store.postings(of: terms, perTerm: configuration.maxPostings) where key != excluded {
            shared[key, default: 0] += 1
        }
        return Self.mostShared(shared, limit: configuration.maxCandidates)
    }

    /// The `limit` keys with the highest counts, best first (more shared terms, then the higher key): the order of
    /// sorting every `(count, key)` descending, without sorting them all. A posting list of a common term fills
    /// `shared` with thousands of stories once the corpus is large, and counts are small (at most one per retrieval
    /// term), so the keys are bucketed by count and only the buckets that reach the limit are sorted.
    static func mostShared(_ shared: [Int64: Int], limit: Int) -> [Int64] {
        guard limit > 0, let top = shared.values.max() else { return [] }
        var buckets = [[Int64]](repeating: [], count: top + 1)
        for (key, count) in shared where count > 0 { buckets[count].append(key) }
        var out: [Int64] = []
        out.reserveCapacity(min(limit, shared.count))
        for count in stride(from: top, through: 1, by: -1) where out.count < limit {
            out += buckets[count].sorted(by: >).prefix(limit - out.count)
        }
        return out
    }

    private func withinWindow(_ day: Int?, _ first: Int?, _ last: Int?) -> Bool {
        guard let d = day, let f = first, let l = last else { return true }
        return d >= f - configuration.dateWindowDays && d <= l + configuration.dateWindowDays
    }

    /// A candidate story of an article, with its grouping state as read and its centroid.
    private typealias Candidate = (key: Int64, state: StoryGroupingState, centroid: TermVector)

    /// The story the article joins (the most similar candidate at the needed threshold), if any, and every
    /// candidate scored (for the merge check of the story that grows).
    private func bestStory(for vector: TermVector, day: Int?, in store: any CorpusReader) throws
        -> (target: (id: String, key: Int64, state: StoryGroupingState)?, candidates: [Candidate])
    {
        var best: (key: Int64, state: StoryGroupingState, similarity: Float)?
        var scored: [Candidate] = []
        for key in try candidates(for: vector, in: store) {
            guard let state = try store.groupingState(ofStoryKey: key) else { continue }
            let centroid = centroid(state)
            scored.append((key, state, centroid))
            let similarity = vector.cosine(centroid)
            let needed = withinWindow(day, state.firstDay, state.lastDay)
                ? configuration.threshold : configuration.outsideWindowThreshold
            if similarity >= needed, similarity > (best?.similarity ?? -1) { best = (key, state, similarity) }
        }
        guard let b = best, let id = try storyID(ofKey: b.key, in: store) else { return (nil, scored) }
        return ((id, b.key, b.state), scored)
    }

    private func storyID(ofKey key: Int64, in store: any CorpusReader) throws -> String? {
        try store.storyID(ofKey: key)
    }

    // MARK: Copies

    /// The earlier article this one copies: its exact twin, else the most similar near copy among the band
    /// candidates (earlier first on ties).
    private func original(of annotation: ArticleAnnotation, in store: any CorpusReader) throws -> String? {
        let signature = annotation.signature
        guard !signature.values.isEmpty else { return nil }
        if let twin = try store.exactCopy(of: signature.exactKey), twin != annotation.id { return twin }
        let candidates = try store.copyCandidates(bandKeys: detector.bandKeys(of: signature))
            .filter { $0 != annotation.id }.prefix(configuration.maxCopyCandidates)
        var best: (id: String, similarity: Double)?
        for other in try store.annotations(of: Array(candidates)) {
            let similarity = signature.similarity(other.signature)
            if similarity >= detector.configuration.threshold, similarity > (best?.similarity ?? -1) {
                best = (other.id, similarity)
            }
        }
        return best?.id
    }

    private func copyIsExact(_ annotation: ArticleAnnotation, _ original: String?, in store: any CorpusReader) throws
        -> Bool
    {
        guard let original else { return false }
        return try store.exactCopy(of: annotation.signature.exactKey) == original
    }

    // MARK: Merges

    /// Merges into `story` (key `key`, grouping state `state` as just stored) or `story` into the live stories
    /// whose centroids reach the merge threshold; returns the live story of the article afterwards and the stories
    /// merged away.
    private func mergeSimilar(
        to story: String, key: Int64, state: StoryGroupingState, candidates known: [Candidate]?,
        in store: any CorpusWriter
    ) throws -> (String, [String]) {
        var current = story
        var merged: [String] = []
        var (key, state) = (key, state)
        var vector = centroid(state)
        let candidates = try known ?? candidates(for: vector, excluding: key, in: store).compactMap { other in
            try store.groupingState(ofStoryKey: other).map { (other, $0, centroid($0)) }
        }
        // Keys no longer to compare: the story itself and every story merged away here (states read before).
        var gone: Set<Int64> = [key]
        for (other, otherState, otherCentroid) in candidates where !gone.contains(other) && other != key {
            let near = withinWindow(otherState.firstDay, state.firstDay, state.lastDay)
                || withinWindow(otherState.lastDay, state.firstDay, state.lastDay)
            let merge = min(state.size, otherState.size) == 1
                ? min(configuration.mergeThreshold, configuration.loneMergeThreshold) : configuration.mergeThreshold
            let needed = near ? merge : max(merge, configuration.outsideWindowThreshold)
            guard vector.cosine(otherCentroid) >= needed, let otherID = try storyID(ofKey: other, in: store)
            else { continue }
            // The larger story survives (the older one on ties).
            let keep = (otherState.size, -other) > (state.size, -key)
            let (intoID, intoKey, fromID) = keep ? (otherID, other, current) : (current, key, otherID)
            var intoState = keep ? otherState : state
            let fromState = keep ? state : otherState
            guard var into = try store.story(id: intoID), let from = try store.story(id: fromID) else { continue }
            try store.mergeStory(fromID, into: intoID)
            into.articleCount += from.articleCount
            into.outlets = Array(Set(into.outlets + from.outlets)).sorted()
            into.countries = Array(Set(into.countries + from.countries)).sorted()
            into.firstDay = [into.firstDay, from.firstDay].compactMap { $0 }.min()
            into.lastDay = [into.lastDay, from.lastDay].compactMap { $0 }.max()
            try store.updateStory(into)
            try combine(fromState, into: &intoState, key: intoKey, in: store)
            merged.append(fromID)
            gone.insert(keep ? key : other)
            (current, key, state) = (intoID, intoKey, intoState)
            vector = centroid(state)
        }
        return (current, merged)
    }

    // MARK: Records

    private func include(_ article: Article, country: String?, in story: inout StoryRecord) {
        if let outlet = article.outlet, !story.outlets.contains(outlet) { story.outlets = (story.outlets + [outlet]).sorted() }
        if let country, !story.countries.contains(country) { story.countries = (story.countries + [country]).sorted() }
        if let day = article.published {
            story.firstDay = min(story.firstDay ?? day, day)
            story.lastDay = max(story.lastDay ?? day, day)
        }
    }

    private func missing(_ id: String) -> StoreError {
        StoreError(.corrupt, location: "grouping", message: "story \(id) is missing")
    }
}

/// Groups documents into stories: single-pass incremental clustering on TF-IDF centroids, then a merge pass.
///
/// Each document becomes a unit TF-IDF vector over content terms (``TermVectorizer``: stems, name skeletons so
/// that Kiev/Kyiv meet, boosted names and numbers). It joins the most similar story centroid when the cosine
/// reaches `threshold` (or `outsideWindowThreshold` when its day lies more than `dateWindowDays` outside the
/// story's days), else it starts a new story. Exact and near copies (``DuplicateIndex``) join their original's
/// story directly. Candidate stories come from an inverted index on centroid terms, queried with the document's
/// `candidateTerms` heaviest (rarest) terms and capped at the `maxPostings` latest stories per term, so one
/// insertion costs O(terms + candidateTerms x maxPostings + candidates x centroidTerms), independent of the corpus
/// size: near-linear overall. `stories()` then merges stories whose centroids reach `mergeThreshold` (same index)
/// and runs `refinementPasses` k-means-style passes that move each document to its most similar story centroid
/// (a document left alone may join a story at `loneDocumentFactor` times the join threshold).
///
/// Batch use: `StoryClusterer().cluster(documents)`. Incremental use: `add(_:)` per document, `stories()` at any time;
/// there document frequencies grow as documents arrive (early documents are weighted with the statistics so far).
public struct StoryClusterer: Sendable {
    /// Thresholds and index sizes.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Minimum cosine between a document and a story centroid to join it.
        public var threshold: Float = 0.25
        /// Minimum cosine between two story centroids to merge them in the final pass.
        public var mergeThreshold: Float = 0.6
        /// Days a document may lie outside a story's date range and still join at `threshold`.
        public var dateWindowDays = 3
        /// Minimum cosine to join a story whose dates lie further away than `dateWindowDays`.
        public var outsideWindowThreshold: Float = 0.6
        /// Heaviest document terms used to retrieve candidate stories.
        public var candidateTerms = 24
        /// Latest stories read per term posting list.
        public var maxPostings = 500
        /// Candidate stories scored in full (those sharing most retrieval terms).
        public var maxCandidates = 64
        /// Terms kept in a story centroid.
        public var centroidTerms = 300
        /// Passes that move each document to its most similar story centroid (k-means style) after the merge.
        public var refinementPasses = 2
        /// Factor on the join threshold for a document left alone when the refinement passes run.
        public var loneDocumentFactor: Float = 0.8
        /// Term weighting (names count 3x: events are told apart by who and where; two-word name terms off, they did not
        /// help on ECB+ train/dev).
        public var vectorizer: TermVectorizer.Configuration = {
            var c = TermVectorizer.Configuration()
            c.entityBoost = 3
            c.multiwordNameBoost = 0
            return c
        }()
        /// Copy detection; copies always join their original's story.
        public var duplicates = DuplicateDetector.Configuration()

        public init() {}
    }

    private struct Cluster: Sendable {
        var sum: [Int32: Float] = [:]
        var vector = TermVector()
        var members: [Int] = []
        var firstDay: Int?
        var lastDay: Int?
        var posted: Set<Int32> = []
        var alive = true
    }

    public let configuration: Configuration
    /// Threads used by the refinement passes (results do not depend on it).
    public var concurrency = 1
    private let vectorizer: TermVectorizer
    private var vocabulary = TermVocabulary()
    private var duplicateIndex: DuplicateIndex
    private var clusters: [Cluster] = []
    private var postings: [Int32: [Int]] = [:]
    /// What the clusterer keeps of each member: no text beyond a title.
    private struct Member: Sendable {
        var id: String
        var published: Day?
        /// The headline, else the first sentence, else the id.
        var title: String
        var hasTitle: Bool
    }

    private var documents: [Member] = []
    private var vectors: [TermVector] = []
    private var clusterOf: [Int] = []
    private var vocabularyIsFrozen = false
    private var copyLinks: [(Int, Int)] = []
    /// Scratch counts for candidate retrieval (sequential steps; concurrent ones use their own).
    private var counter = CandidateCounter()

    public init(configuration: Configuration = Configuration(), lexicon: TermVectorizer.Lexicon = .standard) {
        self.configuration = configuration
        self.vectorizer = TermVectorizer(configuration: configuration.vectorizer, lexicon: lexicon)
        self.duplicateIndex = DuplicateIndex(detector: DuplicateDetector(configuration: configuration.duplicates))
    }

    /// Groups `documents` into stories (see ``stories()`` for ids and order). Document frequencies are taken over
    /// the whole batch first; documents are added oldest first (undated ones after, then by id), so the result does
    /// not depend on the input order.
    public func cluster(_ documents: [Document]) -> [Story] {
        let detector = duplicateIndex.detector
        return cluster(documents.map { ($0, [WeightedTerm](termCounts(of: $0)), detector.signature(of: $0)) })
    }

    /// Groups annotated articles into stories, from the term weights and signatures of their annotations (made
    /// with this clusterer's ``termCounts(of:)`` and signature settings). Same order rules as ``cluster(_:)``.
    public func cluster(_ annotations: [ArticleAnnotation]) -> [Story] {
        cluster(annotations.map { ($0.document, $0.terms, $0.signature) })
    }

    private func cluster(_ inputs: [(document: Document, terms: [WeightedTerm], signature: MinHashSignature)])
        -> [Story]
    {
        var clusterer = self
        for input in inputs { clusterer.vocabulary.observe(terms: input.terms.lazy.map(\.term)) }
        clusterer.vocabularyIsFrozen = true
        // Every term is known now: the vectors are built concurrently, then added in order.
        let vocabulary = clusterer.vocabulary
        let vectors = ParallelMap.map(inputs, concurrency: concurrency) { vocabulary.vector(ofObserved: $0.terms) }
        let order = inputs.indices.sorted {
            Self.isOlder(inputs[$0].document.article.published, inputs[$1].document.article.published)
                ?? (inputs[$0].document.id < inputs[$1].document.id)
        }
        for i in order { _ = clusterer.add(inputs[i].document, vector: vectors[i], signature: inputs[i].signature) }
        return clusterer.stories()
    }

    /// The term weights this clusterer compares documents by (stored in each article's annotation).
    public func termCounts(of document: Document) -> [String: Double] {
        vectorizer.termCounts(of: document)
    }

    /// The copy-detection signature this clusterer uses (stored in each article's annotation).
    public func signature(of document: Document) -> MinHashSignature {
        duplicateIndex.detector.signature(of: document)
    }

    /// Adds one document and returns the provisional key of the story it joined (final ids come from `stories()`).
    public mutating func add(_ document: Document) -> Int {
        add(document, termCounts: termCounts(of: document), signature: signature(of: document))
    }

    /// Adds one annotated article and returns the provisional key of the story it joined.
    public mutating func add(_ annotation: ArticleAnnotation) -> Int {
        add(annotation.document, termCounts: annotation.terms.dictionary, signature: annotation.signature)
    }

    private mutating func add(_ document: Document, termCounts: [String: Double], signature: MinHashSignature) -> Int {
        if !vocabularyIsFrozen { vocabulary.observe(terms: termCounts.keys) }
        return add(document, vector: vocabulary.vector(of: termCounts), signature: signature)
    }

    private mutating func add(_ document: Document, vector: TermVector, signature: MinHashSignature) -> Int {
        let index = documents.count
        let title = document.article.title.flatMap { $0.isEmpty ? nil : $0 }
        documents.append(
            Member(
                id: document.id, published: document.article.published,
                title: title ?? document.sentences.first.map { String(document.text(of: $0.span)) } ?? document.id,
                hasTitle: title != nil))
        vectors.append(vector)
        let day = document.article.published?.daysSinceEpoch
        var target: Int?
        let copies = duplicateIndex.insert(signature: signature, id: document.id, key: index)
        for match in copies { copyLinks.append((index, match.key)) }
        if let original = copies.first {
            target = clusterOf[original.key]
        } else {
            target = bestCluster(for: vector, day: day)
        }
        let key: Int
        if let t = target {
            key = t
        } else {
            key = clusters.count
            clusters.append(Cluster())
        }
        clusterOf.append(key)
        absorb(member: index, into: key)
        return key
    }

    /// Live stories that share most of the vector's heaviest terms, at most `maxCandidates`, best first.
    private func candidates(
        for vector: TermVector, excluding excluded: Int? = nil, counter: inout CandidateCounter
    ) -> [Int] {
        counter.prepare(count: clusters.count)
        for term in vector.topTerms(configuration.candidateTerms) {
            guard let list = postings[term] else { continue }
            for c in list.suffix(configuration.maxPostings) where c != excluded && clusters[c].alive {
                counter.add(c)
            }
        }
        let shared = counter.drain()
        let limit = configuration.maxCandidates
        guard shared.count > limit else {
            return shared.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        }
        // Linear selection: a histogram of shared-term counts gives the cut; only the kept entries are sorted.
        var histogram = [Int](repeating: 0, count: configuration.candidateTerms + 2)
        for (_, v) in shared { histogram[min(v, histogram.count - 1)] += 1 }
        var cut = histogram.count - 1
        var above = 0
        while cut > 1, above + histogram[cut] < limit {
            above += histogram[cut]
            cut -= 1
        }
        var kept: [(key: Int, value: Int)] = []
        var ties: [Int] = []
        for (key, value) in shared {
            if value > cut { kept.append((key, value)) } else if value == cut { ties.append(key) }
        }
        ties.sort(by: >)  // most recent stories first among equals
        kept.append(contentsOf: ties.prefix(limit - kept.count).map { ($0, cut) })
        return kept.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// The cosine a document of `day` needs to join story `key` (stricter outside the date window).
    private func neededSimilarity(day: Int?, story key: Int) -> Float {
        withinWindow(day, clusters[key].firstDay, clusters[key].lastDay)
            ? configuration.threshold : configuration.outsideWindowThreshold
    }

    private mutating func bestCluster(for vector: TermVector, day: Int?) -> Int? {
        var best: (Int, Float)?
        var counter = self.counter
        defer { self.counter = counter }
        let candidates = candidates(for: vector, counter: &counter)
        counter.load(vector)
        defer { counter.unload(vector) }
        for c in candidates {
            let similarity = counter.dot(clusters[c].vector)
            if similarity >= neededSimilarity(day: day, story: c), similarity > (best?.1 ?? -1) {
                best = (c, similarity)
            }
        }
        return best?.0
    }

    private func withinWindow(_ day: Int?, _ first: Int?, _ last: Int?) -> Bool {
        guard let d = day, let f = first, let l = last else { return true }
        return d >= f - configuration.dateWindowDays && d <= l + configuration.dateWindowDays
    }

    private mutating func absorb(member: Int, into key: Int, refresh: Bool = true) {
        let vector = vectors[member]
        clusters[key].members.append(member)
        for (id, w) in zip(vector.ids, vector.weights) { clusters[key].sum[id, default: 0] += w }
        if let d = documents[member].published?.daysSinceEpoch {
            clusters[key].firstDay = min(clusters[key].firstDay ?? d, d)
            clusters[key].lastDay = max(clusters[key].lastDay ?? d, d)
        }
        if refresh { refreshCentroid(key) }
    }

    private mutating func refreshCentroid(_ key: Int) {
        let limit = configuration.centroidTerms
        var pairs = clusters[key].sum.map { ($0.key, $0.value) }
        if pairs.count > limit {
            pairs.sort { $0.1 > $1.1 }
            pairs.removeSubrange(limit...)
            if clusters[key].sum.count > 4 * limit {
                clusters[key].sum = Dictionary(uniqueKeysWithValues: pairs.prefix(2 * limit).map { ($0.0, $0.1) })
            }
        }
        clusters[key].vector = TermVector(pairs: pairs)
        for id in clusters[key].vector.ids where clusters[key].posted.insert(id).inserted {
            postings[id, default: []].append(key)
        }
    }

    /// The stories so far, after merging stories whose centroids reach `mergeThreshold`.
    ///
    /// Stories are ordered by size (largest first), then earliest date, then first article id; a story's id comes
    /// from its founding (oldest, then lowest-id) article (``StableID``), not from its rank. Articles are
    /// oldest first (undated last); the title is the headline (or first sentence) of the member nearest the
    /// centroid; `copies` are the copy groups found by ``DuplicateIndex``.
    public func stories() -> [Story] {
        var merged = self
        merged.mergeClusters()
        for _ in 0..<configuration.refinementPasses { merged.refine() }
        return merged.makeStories()
    }

    private mutating func mergeClusters() {
        let order = clusters.indices.filter { clusters[$0].alive }.sorted {
            (clusters[$0].members.count, $1) > (clusters[$1].members.count, $0)
        }
        var counter = self.counter
        defer { self.counter = counter }
        for key in order where clusters[key].alive {
            for c in candidates(for: clusters[key].vector, excluding: key, counter: &counter) where clusters[c].alive {
                let a = clusters[key]
                let b = clusters[c]
                let near =
                    withinWindow(b.firstDay, a.firstDay, a.lastDay) || withinWindow(b.lastDay, a.firstDay, a.lastDay)
                let needed =
                    near
                    ? configuration.mergeThreshold
                    : max(configuration.mergeThreshold, configuration.outsideWindowThreshold)
                guard a.vector.cosine(b.vector) >= needed else { continue }
                for m in b.members {
                    clusterOf[m] = key
                    absorb(member: m, into: key, refresh: false)
                }
                refreshCentroid(key)
                clusters[c].alive = false
                clusters[c].members = []
            }
        }
    }

    /// Moves each document to the most similar story centroid among its candidates, then recomputes centroids.
    /// Copies stay with their original. O(documents x candidates x centroidTerms).
    private mutating func refine() {
        let copied = Set(copyLinks.map(\.0))
        // Each document's best story against the centroids of the pass: read-only, so documents are scored
        // concurrently and the moves applied after (the same result at any concurrency).
        let clusterer = self
        let blocks = stride(from: 0, to: vectors.count, by: 256).map { $0..<min($0 + 256, vectors.count) }
        let targets = ParallelMap.map(blocks, concurrency: concurrency) { block -> [Int?] in
            var counter = CandidateCounter()
            return block.map { m in copied.contains(m) ? nil : clusterer.bestMove(for: m, counter: &counter) }
        }
        let moves = targets.joined().enumerated().compactMap { m, target in target.map { (m, $0) } }
        guard !moves.isEmpty else { return }
        for (m, c) in moves { clusterOf[m] = c }
        for (a, b) in copyLinks { clusterOf[a] = clusterOf[b] }
        for key in clusters.indices {
            clusters[key].members = []
            clusters[key].sum = [:]
            clusters[key].firstDay = nil
            clusters[key].lastDay = nil
        }
        for m in documents.indices { absorb(member: m, into: clusterOf[m], refresh: false) }
        for key in clusters.indices {
            clusters[key].alive = !clusters[key].members.isEmpty
            if clusters[key].alive { refreshCentroid(key) }
        }
    }

    /// The story document `m` should move to in a refinement pass, or `nil` to stay.
    private func bestMove(for m: Int, counter: inout CandidateCounter) -> Int? {
        let vector = vectors[m]
        let own = clusterOf[m]
        // A lone document is its own centroid (cosine 1): let it join the best story that accepts it.
        let alone = clusters[own].members.count == 1
        var best = (own, alone ? -1 : vector.cosine(clusters[own].vector))
        let day = documents[m].published?.daysSinceEpoch
        let factor: Float = alone ? configuration.loneDocumentFactor : 1
        let candidates = candidates(for: vector, excluding: own, counter: &counter)
        counter.load(vector)
        defer { counter.unload(vector) }
        for c in candidates where clusters[c].members.count > 1 {
            let similarity = counter.dot(clusters[c].vector)
            if similarity >= factor * neededSimilarity(day: day, story: c), similarity > best.1 {
                best = (c, similarity)
            }
        }
        return best.0 != own ? best.0 : nil
    }

    private func makeStories() -> [Story] {
        let dayOf: (Int) -> Day? = { documents[$0].published }
        var groups: [[Int]] = clusters.filter(\.alive).map(\.members).filter { !$0.isEmpty }
        for g in groups.indices {
            groups[g].sort { a, b in Self.isOlder(dayOf(a), dayOf(b)) ?? (documents[a].id < documents[b].id) }
        }
        groups.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            return Self.isOlder(dayOf(a[0]), dayOf(b[0])) ?? (documents[a[0]].id < documents[b[0]].id)
        }
        let copyGroups = copyGroupsByMember()
        return groups.map { members in
            let ids = members.map { documents[$0].id }
            let memberSet = Set(members)
            var copies: [[String]] = []
            var seen = Set<Int>()
            for m in members where !seen.contains(m) {
                guard let group = copyGroups[m] else { continue }
                let inside = group.filter { memberSet.contains($0) }
                seen.formUnion(inside)
                if inside.count > 1 { copies.append(members.filter { inside.contains($0) }.map { documents[$0].id }) }
            }
            // The id comes from the founding (oldest) member, so it does not depend on the other stories or on order.
            return Story(id: StableID.make("s", ids[0]), title: title(of: members), articles: ids, copies: copies)
        }
    }

    private func copyGroupsByMember() -> [Int: [Int]] {
        var sets = DisjointSets(count: documents.count)
        for (a, b) in copyLinks { sets.union(a, b) }
        var byMember: [Int: [Int]] = [:]
        for group in sets.groups() { for m in group { byMember[m] = group } }
        return byMember
    }

    /// Whether day `a` sorts before day `b` (dated before undated), or `nil` when they tie.
    private static func isOlder(_ a: Day?, _ b: Day?) -> Bool? {
        switch (a, b) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return nil
        }
    }

    private func title(of members: [Int]) -> String {
        var sum: [Int32: Float] = [:]
        for m in members { for (id, w) in zip(vectors[m].ids, vectors[m].weights) { sum[id, default: 0] += w } }
        let centroid = TermVector(pairs: sum.map { ($0.key, $0.value) })
        let titled = members.filter { documents[$0].hasTitle }
        let pool = titled.isEmpty ? members : titled
        let best = pool.max { vectors[$0].cosine(centroid) < vectors[$1].cosine(centroid) } ?? members[0]
        return documents[best].title
    }
}

/// Counts, per story, the retrieval terms a document shares with it: a dense array indexed by story key plus the
/// list of keys touched, reset in O(touched) after each query (a dictionary per query was most of grouping).
///
/// It also holds one document's vector as a dense array by term id, so that its cosine with many centroids is a
/// gather over each centroid's terms (``dot(_:)``), not a branchy merge join; the sum runs over the same shared
/// terms in the same ascending order, so the result is the same as ``TermVector/cosine(_:)``.
struct CandidateCounter: Sendable {
    private var counts: [Int32] = []
    private var touched: [Int] = []
    private var weights: [Float] = []

    /// Holds `vector` for ``dot(_:)``.
    mutating func load(_ vector: TermVector) {
        if let top = vector.ids.last, Int(top) >= weights.count {
            weights.append(contentsOf: repeatElement(0, count: Int(top) + 1 - weights.count))
        }
        for (id, w) in zip(vector.ids, vector.weights) { weights[Int(id)] = w }
    }

    /// Clears what ``load(_:)`` held.
    mutating func unload(_ vector: TermVector) {
        for id in vector.ids { weights[Int(id)] = 0 }
    }

    /// The dot product of the loaded vector with `other` (their cosine, both being unit vectors).
    func dot(_ other: TermVector) -> Float {
        weights.withUnsafeBufferPointer { dense in
            other.ids.withUnsafeBufferPointer { ids in
                other.weights.withUnsafeBufferPointer { w in
                    var sum: Float = 0
                    for k in 0..<ids.count {
                        let id = Int(ids[k])
                        if id < dense.count { sum += dense[id] * w[k] }
                    }
                    return sum
                }
            }
        }
    }

    /// Makes room for story keys below `count`.
    mutating func prepare(count: Int) {
        if counts.count < count { counts.append(contentsOf: repeatElement(0, count: count - counts.count)) }
    }

    mutating func add(_ key: Int) {
        if counts[key] == 0 { touched.append(key) }
        counts[key] += 1
    }

    /// The counted keys and their counts, in the order first counted; the counter is empty afterwards.
    mutating func drain() -> [(key: Int, value: Int)] {
        let result = touched.map { (key: $0, value: Int(counts[$0])) }
        for key in touched { counts[key] = 0 }
        touched.removeAll(keepingCapacity: true)
        return result
    }
}

import Foundation
@testable import ParallaxAnalysis
import ParallaxCore
import Testing

/// Counts the index reads of each write transaction (postings returned, grouping states and annotations read).
final class CountingStore: CorpusStore, @unchecked Sendable {
    let inner = InMemoryStore()
    private let lock = NSLock()
    private var counts: [Int] = []

    /// The reads counted for each write transaction so far.
    var perWrite: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any CorpusWriter) throws -> T) async throws -> T {
        let counter = ReadCounter()
        let result = try await inner.write { w in try body(CountingWriter(inner: w, counter: counter)) }
        lock.withLock { counts.append(counter.reads) }
        return result
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any CorpusReader) throws -> T) async throws -> T {
        try await inner.read(body)
    }
}

final class ReadCounter: @unchecked Sendable {
    var reads = 0
}

/// A writer that counts what it returns from the grouping index, then delegates.
struct CountingWriter: CorpusWriter {
    let inner: any CorpusWriter
    let counter: ReadCounter

    func article(id: String) throws -> ArticleRecord? { try inner.article(id: id) }
    func annotation(of articleID: String) throws -> ArticleAnnotation? {
        counter.reads += 1
        return try inner.annotation(of: articleID)
    }
    func annotations(of articleIDs: [String]) throws -> [ArticleAnnotation] {
        let result = try inner.annotations(of: articleIDs)
        counter.reads += result.count
        return result
    }
    func articles(ids articleIDs: [String]) throws -> [Article] { try inner.articles(ids: articleIDs) }
    func articles(_ filter: ArticleFilter) throws -> [ArticleRecord] { try inner.articles(filter) }
    func forEachArticle(_ filter: ArticleFilter, _ body: (ArticleRecord) throws -> Bool) throws {
        try inner.forEachArticle(filter, body)
    }
    func search(_ query: String, limit: Int) throws -> [SearchHit] { try inner.search(query, limit: limit) }
    func resolveStory(_ id: String) throws -> String? { try inner.resolveStory(id) }
    func story(id: String) throws -> StoryRecord? { try inner.story(id: id) }
    func storyID(ofKey key: Int64) throws -> String? { try inner.storyID(ofKey: key) }
    func stories(_ filter: StoryFilter) throws -> [StoryRecord] { try inner.stories(filter) }
    func forEachStory(_ filter: StoryFilter, _ body: (StoryRecord) throws -> Bool) throws {
        try inner.forEachStory(filter, body)
    }
    func members(ofStory id: String) throws -> [String] { try inner.members(ofStory: id) }
    func copyLinks(ofStory id: String) throws -> [CopyLink] { try inner.copyLinks(ofStory: id) }
    func analysis(ofStory id: String) throws -> StoredAnalysis? { try inner.analysis(ofStory: id) }
    func staleStories(limit: Int) throws -> [String] { try inner.staleStories(limit: limit) }
    func merges(limit: Int) throws -> [StoryMerge] { try inner.merges(limit: limit) }
    func issues(limit: Int) throws -> [IngestIssue] { try inner.issues(limit: limit) }
    func stats() throws -> CorpusStats { try inner.stats() }
    func meta(_ key: String) throws -> String? { try inner.meta(key) }
    func writeGeneration() throws -> Int { try inner.writeGeneration() }
    func documentCount() throws -> Int { try inner.documentCount() }
    func vocabulary(of terms: [String]) throws -> [TermEntry?] { try inner.vocabulary(of: terms) }
    func postings(of termIDs: [Int32], perTerm: Int) throws -> [Int64] {
        let result = try inner.postings(of: termIDs, perTerm: perTerm)
        counter.reads += result.count
        return result
    }
    func groupingState(ofStoryKey key: Int64) throws -> StoryGroupingState? {
        counter.reads += 1
        return try inner.groupingState(ofStoryKey: key)
    }
    func copyCandidates(bandKeys: [UInt64]) throws -> [String] {
        let result = try inner.copyCandidates(bandKeys: bandKeys)
        counter.reads += result.count
        return result
    }
    func exactCopy(of exactKey: UInt64) throws -> String? { try inner.exactCopy(of: exactKey) }
    func putArticle(_ annotation: ArticleAnnotation, record: ArticleRecord, storedForm: Data?) throws {
        try inner.putArticle(annotation, record: record, storedForm: storedForm)
    }
    func setStory(ofArticle id: String, to story: String) throws { try inner.setStory(ofArticle: id, to: story) }
    func createStory(_ record: StoryRecord, state: StoryGroupingState) throws -> Int64 {
        try inner.createStory(record, state: state)
    }
    func updateStory(_ record: StoryRecord) throws { try inner.updateStory(record) }
    func setGroupingState(_ state: StoryGroupingState, ofStoryKey key: Int64) throws {
        try inner.setGroupingState(state, ofStoryKey: key)
    }
    func mergeStory(_ from: String, into: String) throws { try inner.mergeStory(from, into: into) }
    func saveAnalysis(_ data: Data, version: Int, ofStory id: String) throws {
        try inner.saveAnalysis(data, version: version, ofStory: id)
    }
    func addIssue(_ issue: IngestIssue) throws { try inner.addIssue(issue) }
    func setMeta(_ key: String, _ value: String) throws { try inner.setMeta(key, value) }
    func observe(terms: [String]) throws -> [TermEntry] { try inner.observe(terms: terms) }
    func post(termIDs: [Int32], story key: Int64) throws { try inner.post(termIDs: termIDs, story: key) }
    func addCopyKeys(bandKeys: [UInt64], exactKey: UInt64, article id: String) throws {
        try inner.addCopyKeys(bandKeys: bandKeys, exactKey: exactKey, article: id)
    }
}

struct CorpusCostTests {
    /// Every article of many small topics (so postings lists grow long) is ingested alone; the index reads of one
    /// article stay under the configured caps and do not grow between the first and the last quarter.
    @Test func indexReadsPerArticleDoNotGrowWithTheCorpus() async throws {
        var configuration = IncrementalGrouper.Configuration()
        configuration.candidateTerms = 6
        configuration.maxPostings = 8
        configuration.maxCandidates = 5
        configuration.maxCopyCandidates = 4
        let ingester = CorpusIngester(pipeline: CorpusFixtures.pipeline, outlets: .bundled, grouping: configuration)
        let store = CountingStore()
        var articles: [Article] = []
        for n in 0..<4 { for topic in 0..<60 { articles.append(CorpusFixtures.article(topic: topic, n: n)) } }
        for annotation in CorpusFixtures.annotate(articles) {
            _ = try await ingester.ingest([annotation], issues: [], into: store)
        }
        let reads = store.perWrite
        #expect(reads.count == articles.count)
        // Postings (two retrievals) + states (two candidate sets, the target, merge partners) + copy candidates.
        let bound = 2 * configuration.candidateTerms * configuration.maxPostings + 4 * configuration.maxCandidates
            + 2 * configuration.maxCopyCandidates
        #expect(reads.allSatisfy { $0 <= bound }, "max \(reads.max() ?? 0) over \(bound)")
        let quarter = reads.count / 4
        let early = Double(reads[quarter..<(2 * quarter)].reduce(0, +)) / Double(quarter)
        let late = Double(reads.suffix(quarter).reduce(0, +)) / Double(quarter)
        #expect(late <= early * 1.5 + 4, "early \(early), late \(late)")
        let stats = try await store.read { try $0.stats() }
        #expect(stats.stories >= 50)
    }

    /// The selection behind a centroid's cut agrees with sorting, ties and repeats included.
    @Test(arguments: [1, 2, 7, 50, 601])
    func selectionFindsTheKthLargest(count: Int) {
        var state: UInt64 = UInt64(count)
        let values: [Float] = (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float((state >> 40) % 13) / 4
        }
        let sorted = values.sorted(by: >)
        for k in Set([0, count / 3, count / 2, count - 1]) {
            #expect(IncrementalGrouper.largest(k, in: values) == sorted[k], "k \(k)")
        }
    }

    /// The candidates by count agree with sorting every (count, key) pair, ties and short lists included.
    @Test(arguments: [0, 1, 5, 64, 3_000])
    func mostSharedAgreesWithSorting(count: Int) {
        var state: UInt64 = UInt64(count) &+ 17
        var shared: [Int64: Int] = [:]
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            shared[Int64((state >> 33) % 5_000)] = Int((state >> 20) % 24) + 1
        }
        for limit in [0, 1, 10, 64, 10_000] {
            let sorted = shared.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(limit).map(\.key)
            #expect(IncrementalGrouper.mostShared(shared, limit: limit) == sorted, "limit \(limit)")
        }
    }
}

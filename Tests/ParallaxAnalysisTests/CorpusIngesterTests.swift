import Foundation
@testable import ParallaxAnalysis
import ParallaxCore
import Testing

/// Invented articles for the corpus tests: each topic has its own names and words, all share common words.
enum CorpusFixtures {
    static let pipeline = AnalysisPipeline(outlets: .bundled, concurrency: 2)
    static let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "zo", "pe", "su"]

    /// A made-up word for `n`, one syllable per decimal digit.
    static func word(_ n: Int) -> String { String(n).compactMap { Int(String($0)) }.map { syllables[$0] }.joined() }

    static let common = [
        "the", "officials", "said", "on", "city", "people", "reported", "after", "government", "week", "local",
        "residents", "statement", "according", "police", "area",
    ]

    /// Article `n` of `topic`: four sentences mixing the topic's names and words with common words.
    static func article(topic: Int, n: Int, day: String? = "2024-03-10", outlet: String? = nil) -> Article {
        var state = UInt64(topic * 7919 + n * 104_729 + 1)
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func topicWord() -> String { word(1000 + topic * 40 + next(24)) }
        var sentences: [String] = []
        for _ in 0..<4 {
            var words: [String] = []
            for k in 0..<11 { words.append(k % 3 == 1 ? common[next(common.count)] : topicWord()) }
            words[0] = words[0].capitalized
            words[2] = word(5000 + topic * 10 + next(3)).capitalized
            sentences.append(words.joined(separator: " ") + ".")
        }
        let title = "\(word(5000 + topic * 10).capitalized) \(topicWord()) \(topicWord())"
        return Article(
            id: "t\(topic)-\(n)", source: "test", outlet: outlet, title: title, published: day.flatMap { Day(iso: $0) },
            text: sentences.joined(separator: " "))
    }

    static func annotate(_ articles: [Article]) -> [ArticleAnnotation] {
        ParallelMap.map(articles, concurrency: 2) { pipeline.annotator.annotate($0) }
    }

    /// Live stories and their members, for comparing stores.
    static func snapshot(_ store: any CorpusStore) async throws -> [String: [String]] {
        try await store.read { r in
            var result: [String: [String]] = [:]
            try r.forEachStory(StoryFilter()) { s in
                result[s.id] = try r.members(ofStory: s.id)
                return true
            }
            return result
        }
    }
}

struct CorpusIngesterTests {
    let ingester = CorpusIngester(pipeline: CorpusFixtures.pipeline, outlets: .bundled)

    static let mixed: [ArticleAnnotation] = {
        var articles: [Article] = []
        for n in 0..<6 {
            for topic in 0..<4 { articles.append(CorpusFixtures.article(topic: topic, n: n, day: "2024-03-1\(n)")) }
        }
        var copy = articles[0]
        copy.id = "copy-of-t0-0"
        articles.append(copy)
        return CorpusFixtures.annotate(articles)
    }()

    @Test func ingestingTheSameBatchTwiceChangesNothing() async throws {
        let store = InMemoryStore()
        let first = try await ingester.ingest(Self.mixed, issues: [], into: store)
        let before = try await CorpusFixtures.snapshot(store)
        let second = try await ingester.ingest(Self.mixed, issues: [], into: store)
        #expect(first.new == Self.mixed.count)
        #expect(second.unchanged == Self.mixed.count)
        #expect(second.new == 0)
        #expect(try await CorpusFixtures.snapshot(store) == before)
        let stats = try await store.read { try $0.stats() }
        #expect(stats.articles == Self.mixed.count)
    }

    @Test func topicsBecomeStories() async throws {
        let store = InMemoryStore()
        _ = try await ingester.ingest(Self.mixed, issues: [], into: store)
        let stories = try await CorpusFixtures.snapshot(store)
        let topicsPerStory = stories.values.map { Set($0.map { $0.split(separator: "-")[0] }) }
        #expect(stories.count == 4)
        #expect(topicsPerStory.allSatisfy { $0.count == 1 || $0 == ["t0", "copy"] })
    }

    @Test func aChangedTextReplacesTheArticleAndMarksItsStoryStale() async throws {
        let store = InMemoryStore()
        _ = try await ingester.ingest(Self.mixed, issues: [], into: store)
        let story = try #require(try await store.read { try $0.article(id: "t1-0")?.story })
        _ = try await ingester.refreshAnalyses(in: store, progress: nil)
        #expect(try await store.read { try $0.staleStories(limit: 99) }.isEmpty)
        var changed = CorpusFixtures.article(topic: 1, n: 0, day: "2024-03-10")
        changed.text += " A correction was added later by the editors."
        let summary = try await ingester.ingest(CorpusFixtures.annotate([changed]), issues: [], into: store)
        #expect(summary.updated == 1)
        let after = try await store.read { r in
            (try r.article(id: "t1-0")?.story, try r.annotation(of: "t1-0")?.article.text, try r.staleStories(limit: 9),
                try r.stats().articles)
        }
        #expect(after.0 == story)
        #expect(after.1 == changed.text)
        #expect(after.2 == [story])
        #expect(after.3 == Self.mixed.count)
    }

    @Test func copiesAreLinkedAndCounted() async throws {
        let store = InMemoryStore()
        var near = CorpusFixtures.article(topic: 2, n: 0)
        near.id = "near"
        near.text = near.text.replacingOccurrences(of: ".", with: ",", options: [], range: nil) + " Updated."
        let inputs = [CorpusFixtures.article(topic: 2, n: 0)] + [near]
        let summary = try await ingester.ingest(CorpusFixtures.annotate(inputs) + [Self.mixed[0], Self.mixed.last!],
            issues: [], into: store)
        #expect(summary.copies == 2)
        let links = try await store.read { r in try r.copyLinks(ofStory: r.article(id: "near")?.story ?? "") }
        #expect(links == [CopyLink(copy: "near", original: "t2-0")])
        let exact = try await store.read { r in (try r.article(id: "copy-of-t0-0"), try r.article(id: "t0-0")) }
        #expect(exact.0?.copyOf == "t0-0")
        #expect(exact.0?.story == exact.1?.story)
        let analysis = try await ingester.analysis(ofStory: exact.1?.story ?? "", in: store)
        #expect(analysis?.copies == [["t0-0", "copy-of-t0-0"]])
    }

    @Test func similarStoriesMergeAndRedirect() async throws {
        // Joining is made impossible, so every article founds a story and the merge check must unite them.
        var configuration = IncrementalGrouper.Configuration()
        configuration.threshold = 1.1
        configuration.outsideWindowThreshold = 1.1
        configuration.mergeThreshold = 0.2
        let ingester = CorpusIngester(pipeline: CorpusFixtures.pipeline, outlets: .bundled, grouping: configuration)
        let store = InMemoryStore()
        let inputs = CorpusFixtures.annotate((0..<3).map { CorpusFixtures.article(topic: 3, n: $0) })
        let summary = try await ingester.ingest(inputs, issues: [], into: store)
        #expect(summary.storiesCreated == 3)
        #expect(summary.storiesMerged == 2)
        let (merges, stories) = try await store.read { r in (try r.merges(limit: 9), try r.stories(StoryFilter())) }
        #expect(stories.count == 1)
        #expect(merges.count == 2)
        let live = try #require(stories.first?.id)
        #expect(stories.first?.articleCount == 3)
        for merge in merges {
            #expect(merge.into == live)
            #expect(try await store.read { try $0.resolveStory(merge.from) } == live)
            let analysis = try await ingester.analysis(ofStory: merge.from, in: store)
            #expect(analysis?.id == live)
            #expect(analysis?.articles.count == 3)
        }
    }

    @Test func storiesDoNotDependOnBatchCuts() async throws {
        var snapshots: [[String: [String]]] = []
        for size in [1, 7, Self.mixed.count] {
            let store = InMemoryStore()
            var total = IngestSummary()
            for start in stride(from: 0, to: Self.mixed.count, by: size) {
                total += try await ingester.ingest(
                    Array(Self.mixed[start..<min(start + size, Self.mixed.count)]), issues: [], into: store)
            }
            #expect(total.new == Self.mixed.count)
            snapshots.append(try await CorpusFixtures.snapshot(store))
        }
        #expect(snapshots[0] == snapshots[1])
        #expect(snapshots[0] == snapshots[2])
    }

    @Test func issuesAreRecordedAndCounted() async throws {
        let store = InMemoryStore()
        let issue = IngestIssue(input: "a.jsonl", location: "line 3", kind: .notJSON, message: "not valid JSON")
        let summary = try await ingester.ingest([], issues: [issue, issue], into: store)
        #expect(summary.skipped == [.notJSON: 2])
        #expect(try await store.read { try $0.issues(limit: 9) } == [issue])
        let data = try JSONEncoder().encode(summary)
        #expect(try JSONDecoder().decode(IngestSummary.self, from: data) == summary)
    }

    @Test func refreshStoresEveryStaleAnalysisOnce() async throws {
        let store = InMemoryStore()
        _ = try await ingester.ingest(Self.mixed, issues: [], into: store)
        let stories = try await store.read { try $0.stats().stories }
        #expect(try await ingester.refreshAnalyses(in: store, progress: nil) == stories)
        #expect(try await ingester.refreshAnalyses(in: store, progress: nil) == 0)
        #expect(try await ingester.analysis(ofStory: "s-unknown", in: store) == nil)
    }

    @Test func aRefreshChunkHoldsAtMostItsBudgetOfAnnotations() async throws {
        let store = InMemoryStore()
        _ = try await ingester.ingest(Self.mixed, issues: [], into: store)
        let ids = try await store.read { try $0.staleStories(limit: 100) }
        let sizes = try await store.read { r in try ids.map { try r.story(id: $0)?.articleCount ?? 0 } }
        #expect(ids.count == 4)
        // The first story alone when the second would pass the budget, whatever its own size.
        for budget in [1, sizes[0], sizes[0] + sizes[1] - 1] {
            let (inputs, tried) = try await store.read { try CorpusIngester.storyInputs(ids, in: $0, budget: budget) }
            #expect(inputs.map(\.story.id) == [ids[0]])
            #expect(tried == [ids[0]])
            #expect(inputs[0].annotations.count == sizes[0])
        }
        let (two, _) = try await store.read {
            try CorpusIngester.storyInputs(ids, in: $0, budget: sizes[0] + sizes[1])
        }
        #expect(two.map(\.story.id) == Array(ids.prefix(2)))
        let (all, tried) = try await store.read { try CorpusIngester.storyInputs(ids, in: $0) }
        #expect(all.count == 4)
        #expect(tried == ids)
    }
}

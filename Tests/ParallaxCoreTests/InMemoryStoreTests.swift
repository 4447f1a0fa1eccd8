import Foundation
import ParallaxCore
import Testing

struct InMemoryStoreTests {
    struct Boom: Error {}

    static func annotation(_ id: String, _ text: String, title: String? = nil, day: String? = nil, outlet: String? = nil)
        -> ArticleAnnotation
    {
        let article = Article(
            id: id, source: "test", outlet: outlet, title: title, published: day.flatMap { Day(iso: $0) }, text: text)
        return ArticleAnnotation(
            document: DocumentBuilder().build(article), language: "en", statements: [], citations: [],
            creditTokens: [], dates: [], names: [], framing: [], terms: [WeightedTerm("word", 1)],
            signature: MinHashSignature(values: [1, 2], exactKey: 7))
    }

    static func record(_ id: String, story: String? = nil) -> ArticleRecord {
        ArticleRecord(id: id, source: "", contentHash: "h-\(id)", textBytes: 0, story: story)
    }

    @Test func writeKeepsArticlesStoriesAndMembers() async throws {
        let store = InMemoryStore()
        try await store.write { w in
            let key = try w.createStory(StoryRecord(id: "s-1", title: "Quake", articleCount: 2), state: .init(size: 2))
            #expect(key == 1)
            try w.putArticle(Self.annotation("b", "Later text.", day: "2024-05-02"), record: Self.record("b", story: "s-1"))
            try w.putArticle(Self.annotation("a", "Earlier text.", day: "2024-05-01"), record: Self.record("a", story: "s-1"))
        }
        let (members, article, stats) = try await store.read { r in
            (try r.members(ofStory: "s-1"), try r.article(id: "b"), try r.stats())
        }
        #expect(members == ["a", "b"])  // oldest first, not ingestion order
        #expect(article?.story == "s-1")
        #expect(article?.sequence == 1)
        #expect(article?.published == Day(iso: "2024-05-02"))
        #expect(stats.articles == 2)
        #expect(stats.stories == 1)
    }

    @Test func aThrowingWriteKeepsNothing() async throws {
        let store = InMemoryStore()
        try await store.write { w in
            _ = try w.createStory(StoryRecord(id: "s-1", title: "Quake", articleCount: 1), state: .init(size: 1))
            try w.putArticle(Self.annotation("a", "Text one."), record: Self.record("a", story: "s-1"))
            _ = try w.observe(terms: ["quake"])
        }
        await #expect(throws: Boom.self) {
            try await store.write { w in
                try w.putArticle(Self.annotation("b", "Text two."), record: Self.record("b", story: "s-1"))
                try w.putArticle(Self.annotation("a", "Text one changed."), record: Self.record("a"))
                _ = try w.createStory(StoryRecord(id: "s-2", title: "Other", articleCount: 1), state: .init(size: 1))
                try w.mergeStory("s-2", into: "s-1")
                _ = try w.observe(terms: ["quake", "flood"])
                try w.post(termIDs: [0], story: 1)
                try w.addCopyKeys(bandKeys: [9], exactKey: 7, article: "b")
                try w.addIssue(IngestIssue(input: "x", kind: .empty, message: "empty"))
                try w.setMeta("k", "v")
                throw Boom()
            }
        }
        let state = try await store.read { r in
            (
                try r.stats(), try r.annotation(of: "a")?.article.text, try r.members(ofStory: "s-1"),
                try r.vocabulary(of: ["quake", "flood"]), try r.documentCount(), try r.postings(of: [0], perTerm: 9),
                try r.exactCopy(of: 7), try r.meta("k"), try r.story(id: "s-2")
            )
        }
        #expect(state.0.articles == 1)
        #expect(state.0.merges == 0)
        #expect(state.0.issues == 0)
        #expect(state.1 == "Text one.")
        #expect(state.2 == ["a"])
        #expect(state.3 == [TermEntry(id: 0, documentFrequency: 1), nil])
        #expect(state.4 == 1)
        #expect(state.5.isEmpty)
        #expect(state.6 == nil)
        #expect(state.7 == nil)
        #expect(state.8 == nil)
    }

    @Test func mergesRedirectAndMoveMembers() async throws {
        let store = InMemoryStore()
        try await store.write { w in
            let k1 = try w.createStory(StoryRecord(id: "s-1", title: "A", articleCount: 1), state: .init(size: 1))
            let k2 = try w.createStory(StoryRecord(id: "s-2", title: "B", articleCount: 1), state: .init(size: 1))
            try w.putArticle(Self.annotation("a", "One."), record: Self.record("a", story: "s-1"))
            try w.putArticle(Self.annotation("b", "Two."), record: Self.record("b", story: "s-2"))
            try w.mergeStory("s-2", into: "s-1")
            #expect(try w.groupingState(ofStoryKey: k2) == nil)
            #expect(try w.groupingState(ofStoryKey: k1) != nil)
            #expect(throws: StoreError.self) { try w.mergeStory("s-1", into: "s-1") }
        }
        let result = try await store.read { r in
            (try r.resolveStory("s-2"), try r.members(ofStory: "s-1"), try r.merges(limit: 9), try r.resolveStory("x"),
                try r.article(id: "b")?.story)
        }
        #expect(result.0 == "s-1")
        #expect(result.1 == ["a", "b"])
        #expect(result.2 == [StoryMerge(from: "s-2", into: "s-1", atArticleCount: 2)])
        #expect(result.3 == nil)
        #expect(result.4 == "s-1")
    }

    @Test func postingsAreNewestFirstCappedAndDeduplicated() async throws {
        let store = InMemoryStore()
        let ids = try await store.write { w in
            let entries = try w.observe(terms: ["alpha", "beta", "alpha"])
            #expect(entries.map(\.documentFrequency) == [1, 1, 1])
            let ids = entries.map(\.id)
            for key: Int64 in [3, 1, 2, 3] { try w.post(termIDs: [ids[0]], story: key) }
            try w.post(termIDs: [ids[1]], story: 1)
            return ids
        }
        #expect(ids[0] == ids[2])
        let (postings, vocabulary) = try await store.read { r in
            (try r.postings(of: [ids[0], ids[1]], perTerm: 2), try r.vocabulary(of: ["alpha", "gamma"]))
        }
        #expect(postings == [3, 2, 1])
        #expect(vocabulary == [TermEntry(id: ids[0], documentFrequency: 1), nil])
    }

    @Test func copyKeysFindCandidatesInIngestionOrder() async throws {
        let store = InMemoryStore()
        try await store.write { w in
            _ = try w.createStory(StoryRecord(id: "s-1", title: "A", articleCount: 2), state: .init(size: 2))
            try w.putArticle(Self.annotation("b", "Two."), record: Self.record("b", story: "s-1"))
            try w.putArticle(Self.annotation("a", "One."), record: Self.record("a", story: "s-1"))
            try w.addCopyKeys(bandKeys: [5, 6], exactKey: 1, article: "a")
            try w.addCopyKeys(bandKeys: [6], exactKey: 1, article: "b")
        }
        let (candidates, exact) = try await store.read { r in
            (try r.copyCandidates(bandKeys: [6, 5]), try r.exactCopy(of: 1))
        }
        #expect(candidates == ["b", "a"])
        #expect(exact == "a")
    }

    @Test func searchMatchesEveryWordWithASnippet() async throws {
        let store = InMemoryStore()
        try await store.write { w in
            _ = try w.createStory(StoryRecord(id: "s-1", title: "A", articleCount: 2), state: .init(size: 2))
            try w.putArticle(
                Self.annotation("a", "The earthquake struck the coastal city of Izmir on Friday.", title: "Quake"),
                record: Self.record("a", story: "s-1"))
            try w.putArticle(
                Self.annotation("b", "Rates rose in the city."), record: Self.record("b", story: "s-1"))
        }
        let (hits, none, stories) = try await store.read { r in
            (try r.search("IZMIR, city!", limit: 5), try r.search("izmir rates", limit: 5),
                try r.stories(StoryFilter(search: "rates")))
        }
        #expect(hits.map(\.article.id) == ["a"])
        #expect(hits.first?.snippet.contains("Izmir") == true)
        let bytes = Array((hits.first?.snippet ?? "").utf8)
        let marked = hits.first?.highlights.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(marked == ["city", "Izmir"])
        #expect(none.isEmpty)
        #expect(stories.map(\.id) == ["s-1"])
    }

    @Test func analysesAreStaleUntilSavedAndAfterUpdates() async throws {
        let store = InMemoryStore()
        try await store.write { w in
            _ = try w.createStory(StoryRecord(id: "s-1", title: "A", articleCount: 1), state: .init(size: 1))
        }
        #expect(try await store.read { try $0.staleStories(limit: 9) } == ["s-1"])
        try await store.write { try $0.saveAnalysis(Data("{}".utf8), version: 3, ofStory: "s-1") }
        let saved = try await store.read { r in (try r.staleStories(limit: 9), try r.analysis(ofStory: "s-1")) }
        #expect(saved.0.isEmpty)
        #expect(saved.1 == StoredAnalysis(data: Data("{}".utf8), version: 3, stale: false))
        try await store.write { w in
            guard let s = try w.story(id: "s-1") else { return }
            try w.updateStory(s)
        }
        #expect(try await store.read { try $0.analysis(ofStory: "s-1")?.stale } == true)
    }
}

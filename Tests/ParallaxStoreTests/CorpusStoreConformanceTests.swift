import Foundation
import ParallaxCore
import Testing

/// The contract of ``CorpusStore``, ``CorpusReader`` and ``CorpusWriter``: one set of tests run on every driver
/// (in memory, SQLite, and PostgreSQL when `PARALLAX_TEST_POSTGRES` names a server: `scripts/test-postgres.sh`).
struct CorpusStoreConformanceTests {
    @Test(
        .enabled(
            if: StoreKind.postgresURL != nil,
            "PARALLAX_TEST_POSTGRES is not set: the PostgreSQL conformance run is skipped (run under scripts/test-postgres.sh)"
        ))
    func postgresServerAnswers() async throws {
        #expect(StoreKind.available.contains(.postgres))
        let version = try await withStore(.postgres) { t in try await t.store.read { r in try r.meta("schema_version") } }
        #expect(version == "2")
    }

    @Test(arguments: StoreKind.available)
    func annotationRoundTripGivesAnEqualAnnotation(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let original = Fixture.annotation(
                id: "a-1", text: Fixture.text, title: "Dam holds", outlet: "Herald",
                published: Day(year: 2024, month: 5, day: 31),
                terms: [WeightedTerm("dam", 0.5), WeightedTerm("kyiv", 1.25)])
            #expect(original.document.tokens.contains { $0.norm != $0.norm.lowercased() || $0.isCapitalized })
            let form = try t.store.storedForm(of: original)
            try await t.store.write { w in try w.putArticle(original, record: Fixture.record(original), storedForm: form) }
            let (back, many, articles) = try await t.store.read { r in
                (try r.annotation(of: "a-1"), try r.annotations(of: ["a-1", "missing", "a-1"]),
                 try r.articles(ids: ["missing", "a-1"]))
            }
            #expect(back == original)
            #expect(many.count == 2)
            #expect(articles == [original.article])
        }
    }

    @Test(arguments: StoreKind.available)
    func putTwiceStoresOnceAndReplaceKeepsStoryAndSequence(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let first = Fixture.annotation(id: "a-1", text: "The harbour froze overnight.", outlet: "Herald")
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "Harbour", articleCount: 1), state: StoryGroupingState())
                try w.putArticle(first, record: Fixture.record(first, story: "s-1"))
                try w.putArticle(first, record: Fixture.record(first))
                try w.saveAnalysis(Data("{}".utf8), version: 1, ofStory: "s-1")
            }
            let before = try await t.store.read { r in try r.article(id: "a-1") }
            let changed = Fixture.annotation(id: "a-1", text: "The harbour thawed at noon.", outlet: "Ledger")
            try await t.store.write { w in try w.putArticle(changed, record: Fixture.record(changed)) }
            let (after, stats, oldHits, newHits, analysis) = try await t.store.read { r in
                (try r.article(id: "a-1"), try r.stats(), try r.search("froze", limit: 5),
                 try r.search("thawed", limit: 5), try r.analysis(ofStory: "s-1"))
            }
            #expect(stats.articles == 1)
            #expect(after?.sequence == before?.sequence)
            #expect(after?.story == "s-1")
            #expect(after?.outlet == "Ledger")
            #expect(stats.outlets == [CorpusStats.OutletCount(outlet: "Ledger", articles: 1)])
            #expect(oldHits.isEmpty)
            #expect(newHits.map(\.article.id) == ["a-1"])
            #expect(analysis?.stale == true)
        }
    }

    @Test(arguments: StoreKind.available)
    func articleFiltersOrdersAndCursors(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let specs: [(String, String?, String?, Day?)] = [
                ("a", "Herald", "GB", Day(year: 2024, month: 1, day: 2)),
                ("b", "Ledger", "US", Day(year: 2024, month: 1, day: 5)),
                ("c", "herald", "gb", nil),
                ("d", "Herald", "GB", Day(year: 2024, month: 1, day: 9)),
                ("e", nil, nil, Day(year: 2024, month: 1, day: 5)),
            ]
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "One", articleCount: 2), state: StoryGroupingState())
                for (id, outlet, country, day) in specs {
                    let a = Fixture.annotation(id: id, text: "Text of \(id).", outlet: outlet, published: day)
                    try w.putArticle(
                        a, record: Fixture.record(a, story: ["b", "d"].contains(id) ? "s-1" : nil, country: country))
                }
            }
            func ids(_ filter: ArticleFilter) async throws -> [String] {
                try await t.store.read { r in try r.articles(filter).map(\.id) }
            }
            func walked(_ filter: ArticleFilter) async throws -> [String] {
                try await t.store.read { r in
                    var seen: [String] = []
                    try r.forEachArticle(filter) { seen.append($0.id); return true }
                    return seen
                }
            }
            #expect(try await ids(ArticleFilter()) == ["d", "e", "b", "a", "c"])
            #expect(try await ids(ArticleFilter(outlet: "HERALD")) == ["d", "a", "c"])
            #expect(try await ids(ArticleFilter(country: "gb")) == ["d", "a", "c"])
            #expect(try await ids(ArticleFilter(since: Day(year: 2024, month: 1, day: 5))) == ["d", "e", "b"])
            #expect(try await ids(ArticleFilter(until: Day(year: 2024, month: 1, day: 5))) == ["e", "b", "a"])
            #expect(try await ids(ArticleFilter(story: "s-1")) == ["d", "b"])
            #expect(try await ids(ArticleFilter(story: "unknown")) == [])
            #expect(try await ids(ArticleFilter(limit: 2)) == ["d", "e"])
            let streamed = try await t.store.read { r in
                var seen: [String] = []
                try r.forEachArticle(ArticleFilter()) { seen.append($0.id); return seen.count < 3 }
                return seen
            }
            #expect(streamed == ["a", "b", "c"])
            // A walk page by page with the sequence cursor sees every article once, in storage order.
            var pages: [String] = []
            var cursor: Int64?
            while true {
                let after = cursor
                let page = try await t.store.read { r in
                    var seen: [ArticleRecord] = []
                    try r.forEachArticle(ArticleFilter(limit: 2, afterSequence: after)) { seen.append($0); return true }
                    return seen
                }
                guard let last = page.last else { break }
                pages += page.map(\.id)
                cursor = last.sequence
            }
            #expect(pages == ["a", "b", "c", "d", "e"])
            #expect(try await walked(ArticleFilter(outlet: "herald", limit: 2)) == ["a", "c"])
            let bSequence = try await t.store.read { r in try r.article(id: "b")?.sequence }
            #expect(try await ids(ArticleFilter(afterSequence: bSequence)) == ["d", "e", "c"])
            let record = try await t.store.read { r in try r.article(id: "a") }
            #expect(record?.authors == ["Ann Writer", "Bo \"Quote\" Smith"])
            #expect(record?.published == Day(year: 2024, month: 1, day: 2))
            #expect(record?.country == "GB")
            #expect(record?.textBytes == "Text of a.".utf8.count)
            let members = try await t.store.read { r in try r.members(ofStory: "s-1") }
            #expect(members == ["b", "d"])
        }
    }

    static let userQueries: [(String, Bool)] = [
        ("\"", false), ("*", false), ("NEAR(", true), ("'; DROP TABLE article; --", false), ("dam\" OR \"x", false),
        ("title:dam", true), ("^dam", true), ("dam*", true), ("(dam", true), ("AND", true), ("-dam", true),
        ("dam held", true), ("held dam", true), ("dam flood", false), ("DAM", true), ("", false),
    ]

    @Test(arguments: StoreKind.available)
    func searchNeverFailsOnUserText(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let a = Fixture.annotation(id: "a-1", text: "The dam held. AND near the title, NEAR(the) dam.", title: "Dam")
            try await t.store.write { w in try w.putArticle(a, record: Fixture.record(a)) }
            for (query, found) in Self.userQueries {
                let hits = try await t.store.read { r in try r.search(query, limit: 10) }
                #expect(hits.map(\.article.id) == (found ? ["a-1"] : []), "query \(query)")
            }
            let count = try await t.store.read { r in try r.stats().articles }
            #expect(count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func searchRanksAndHighlights(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let texts = [
                ("a", "The harbour froze. Nothing else happened in town."),
                ("b", "Harbour workers said the harbour froze again; the harbour was closed."),
                ("c", "A dam held in the hills."),
            ]
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "Dam", articleCount: 1), state: StoryGroupingState())
                for (id, text) in texts {
                    let a = Fixture.annotation(id: id, text: text, title: "News \(id)")
                    try w.putArticle(a, record: Fixture.record(a, story: id == "c" ? "s-1" : nil))
                }
            }
            let hits = try await t.store.read { r in try r.search("harbour, FROZE!", limit: 10) }
            #expect(Set(hits.map(\.article.id)) == ["a", "b"])
            #expect(hits.first?.article.id == "b")
            #expect(hits.count == 2 && hits[0].score >= hits[1].score)
            for hit in hits {
                #expect(!hit.highlights.isEmpty)
                for span in hit.highlights {
                    let word = hit.snippet[span: span].lowercased()
                    #expect(word == "harbour" || word == "froze")
                }
            }
            #expect(try await t.store.read { r in try r.search("harbour", limit: 1) }.count == 1)
            #expect(try await t.store.read { r in try r.search("   ", limit: 10) }.isEmpty)
            #expect(try await t.store.read { r in try r.search("harbour dam", limit: 10) }.isEmpty)
            // A word found only in the title.
            #expect(try await t.store.read { r in try r.search("news hills", limit: 10) }.map(\.article.id) == ["c"])
            let stories = try await t.store.read { r in
                (try r.stories(StoryFilter(search: "")), try r.stories(StoryFilter(search: "hills")).map(\.id))
            }
            #expect(stories.0.isEmpty)
            #expect(stories.1 == ["s-1"])
        }
    }

    @Test(arguments: StoreKind.available)
    func mergesMoveMembersAndRedirectThroughChains(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let keys = try await t.store.write { w in
                var keys: [Int64] = []
                for (n, id) in ["s-a", "s-b", "s-c"].enumerated() {
                    let key = try w.createStory(
                        StoryRecord(id: id, title: id, articleCount: 1),
                        state: StoryGroupingState(termIDs: [1], weights: [1], size: 1))
                    keys.append(key)
                    try w.post(termIDs: [1, 2], story: key)
                    let a = Fixture.annotation(
                        id: "a-\(n)", text: "Article \(n).", published: Day(year: 2024, month: 1, day: 3 - n))
                    try w.putArticle(a, record: Fixture.record(a, story: id))
                }
                try w.mergeStory("s-a", into: "s-b")
                #expect(try w.groupingState(ofStoryKey: keys[0]) == nil)
                #expect(try w.groupingState(ofStoryKey: keys[1]) != nil)
                try w.mergeStory("s-b", into: "s-c")
                return keys
            }
            let (resolvedA, resolvedC, unknown, members, merges, record, postings, state, live, article) =
                try await t.store.read { r in
                    (try r.resolveStory("s-a"), try r.resolveStory("s-c"), try r.resolveStory("s-x"),
                     try r.members(ofStory: "s-c"), try r.merges(limit: 10), try r.story(id: "s-a"),
                     try r.postings(of: [1, 2], perTerm: 10), try r.groupingState(ofStoryKey: keys[0]),
                     try r.stories(StoryFilter()).map(\.id), try r.article(id: "a-0"))
                }
            #expect(resolvedA == "s-c")
            #expect(resolvedC == "s-c")
            #expect(unknown == nil)
            #expect(members == ["a-2", "a-1", "a-0"])
            #expect(
                merges == [
                    StoryMerge(from: "s-a", into: "s-b", atArticleCount: 3),
                    StoryMerge(from: "s-b", into: "s-c", atArticleCount: 3),
                ])
            #expect(record?.mergedInto == "s-b")
            #expect(postings == [keys[2], keys[2]])
            #expect(state == nil)
            #expect(live == ["s-c"])
            #expect(article?.story == "s-c")
            await #expect(throws: StoreError.self) { try await t.store.write { w in try w.mergeStory("s-c", into: "s-c") } }
            await #expect(throws: StoreError.self) { try await t.store.write { w in try w.mergeStory("s-a", into: "s-c") } }
        }
    }

    /// Document frequencies counted across transactions (drivers may gather increments of known terms in memory
    /// and write them at commit): a write sees its own counts, a failed write's counts are gone, readers see the
    /// committed ones.
    @Test(arguments: StoreKind.available)
    func documentFrequenciesHoldAcrossWritesAndFailures(_ kind: StoreKind) async throws {
        struct Stop: Error {}
        try await withStore(kind) { t in
            _ = try await t.store.write { w in try w.observe(terms: ["quake"]) }
            let inside = try await t.store.write { w in
                _ = try w.observe(terms: ["quake", "flood"])
                return try w.vocabulary(of: ["quake", "flood"]).map { $0?.documentFrequency }
            }
            #expect(inside == [2, 1])
            await #expect(throws: Stop.self) {
                try await t.store.write { w in
                    _ = try w.observe(terms: ["quake", "flood", "storm"])
                    throw Stop()
                }
            }
            let next = try await t.store.write { w in try w.observe(terms: ["quake"]).map(\.documentFrequency) }
            #expect(next == [3])
            let read = try await t.store.read { r in
                (try r.vocabulary(of: ["quake", "flood", "storm"]).map { $0?.documentFrequency }, try r.documentCount())
            }
            #expect(read.0 == [3, 1, nil])
            #expect(read.1 == 3)
        }
    }

    @Test(arguments: StoreKind.available)
    func releasingTheWriterCachesLosesNothing(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let state = StoryGroupingState(termIDs: [1], weights: [0.5], heaviest: 0, firstDay: 19_000, lastDay: nil, size: 2)
            let key = try await t.store.write { w in
                _ = try w.observe(terms: ["quake", "flood"])
                let key = try w.createStory(StoryRecord(id: "s-1", title: "t", articleCount: 2), state: state)
                // Released in the middle of a transaction: the increments counted so far are still written.
                _ = try w.observe(terms: ["quake"])
                w.releaseCaches()
                #expect(try w.vocabulary(of: ["quake"]).map { $0?.documentFrequency } == [2])
                _ = try w.observe(terms: ["quake", "storm"])
                return key
            }
            let (inside, stored) = try await t.store.write { w in
                w.releaseCaches()
                return (try w.observe(terms: ["quake"]).map(\.documentFrequency), try w.groupingState(ofStoryKey: key))
            }
            #expect(inside == [4])
            #expect(stored == state)
            let read = try await t.store.read { r in try r.vocabulary(of: ["quake", "flood", "storm"]).map { $0?.documentFrequency } }
            #expect(read == [4, 1, 1])
        }
    }

    @Test(arguments: StoreKind.available)
    func aThrowingWriteKeepsNothing(_ kind: StoreKind) async throws {
        struct Stop: Error {}
        try await withStore(kind) { t in
            let kept = Fixture.annotation(id: "a", text: "Text one.")
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "Quake", articleCount: 1), state: .init(size: 1))
                try w.putArticle(kept, record: Fixture.record(kept, story: "s-1"))
                _ = try w.observe(terms: ["quake"])
            }
            let generation = try await t.store.read { r in try r.writeGeneration() }
            await #expect(throws: Stop.self) {
                try await t.store.write { w in
                    let b = Fixture.annotation(id: "b", text: "Text two.")
                    try w.putArticle(b, record: Fixture.record(b, story: "s-1"))
                    let changed = Fixture.annotation(id: "a", text: "Text one changed.")
                    try w.putArticle(changed, record: Fixture.record(changed))
                    let key = try w.createStory(StoryRecord(id: "s-2", title: "Other", articleCount: 1), state: .init(size: 1))
                    try w.mergeStory("s-2", into: "s-1")
                    let ids = try w.observe(terms: ["quake", "flood"]).map(\.id)
                    try w.post(termIDs: ids, story: key)
                    try w.addCopyKeys(bandKeys: [9], exactKey: 7, article: "b")
                    try w.addIssue(IngestIssue(input: "x", kind: .empty, message: "empty"))
                    try w.setMeta("k", "v")
                    throw Stop()
                }
            }
            let state = try await t.store.read { r in
                (
                    try r.stats(), try r.annotation(of: "a")?.article.text, try r.members(ofStory: "s-1"),
                    try r.vocabulary(of: ["quake", "flood"]).map { $0?.documentFrequency }, try r.documentCount(),
                    try r.exactCopy(of: 7), try r.meta("k"), try r.story(id: "s-2"), try r.article(id: "b"),
                    try r.writeGeneration()
                )
            }
            #expect(state.0.articles == 1 && state.0.stories == 1 && state.0.merges == 0 && state.0.issues == 0)
            #expect(state.1 == "Text one.")
            #expect(state.2 == ["a"])
            #expect(state.3 == [1, nil])
            #expect(state.4 == 1)
            #expect(state.5 == nil)
            #expect(state.6 == nil)
            #expect(state.7 == nil)
            #expect(state.8 == nil)
            #expect(state.9 == generation)
        }
    }

    @Test(arguments: StoreKind.available)
    func writeGenerationChangesWithEveryCommittedWrite(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            var seen: [Int] = [try await t.store.read { r in try r.writeGeneration() }]
            for n in 0..<3 {
                try await t.store.write { w in try w.setMeta("n", "\(n)") }
                seen.append(try await t.store.read { r in try r.writeGeneration() })
            }
            _ = try await t.store.read { r in try r.stats() }
            #expect(Set(seen).count == seen.count)
            #expect(try await t.store.read { r in try r.writeGeneration() } == seen.last)
            // Another handle (another process) sees the writes of the first, and the first sees its writes.
            let other = try await t.another()
            try await other.write { w in try w.setMeta("n", "other") }
            let after = try await t.store.read { r in (try r.writeGeneration(), try r.meta("n")) }
            #expect(!seen.contains(after.0))
            #expect(after.1 == "other")
        }
    }

    @Test(arguments: StoreKind.persistent)
    func reopeningKeepsEverything(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let a = Fixture.annotation(id: "a-1", text: Fixture.text, outlet: "Herald")
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "t", articleCount: 1), state: StoryGroupingState(size: 1))
                try w.putArticle(a, record: Fixture.record(a, story: "s-1"))
                try w.setMeta("grouping.threshold", "0.3")
                try w.addIssue(IngestIssue(input: "x.jsonl", location: "line 2", kind: .notJSON, message: "bad"))
            }
            try await t.reopen()
            let (annotation, story, meta, issues, hits, version) = try await t.store.read { r in
                (try r.annotation(of: "a-1"), try r.story(id: "s-1"), try r.meta("grouping.threshold"),
                 try r.issues(limit: 5), try r.search("dam", limit: 5), try r.meta("schema_version"))
            }
            #expect(annotation == a)
            #expect(story?.articleCount == 1)
            #expect(meta == "0.3")
            #expect(issues.map(\.kind) == [.notJSON])
            #expect(hits.count == 1)
            #expect(version == "2")
        }
    }

    @Test(arguments: StoreKind.available)
    func statsCountsCopiesStaleStoriesAndIssues(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "t", articleCount: 2), state: StoryGroupingState())
                _ = try w.createStory(StoryRecord(id: "s-2", title: "u", articleCount: 1), state: StoryGroupingState())
                let a = Fixture.annotation(id: "a-1", text: "One.", outlet: "Herald", published: Day(year: 2024, month: 2, day: 1))
                let b = Fixture.annotation(id: "a-2", text: "One.", outlet: "Ledger", published: Day(year: 2024, month: 3, day: 1))
                let c = Fixture.annotation(id: "a-3", text: "Two.", outlet: "Herald")
                try w.putArticle(a, record: Fixture.record(a, story: "s-1"))
                try w.putArticle(b, record: Fixture.record(b, story: "s-1", copyOf: "a-1"))
                try w.putArticle(c, record: Fixture.record(c, story: "s-2"))
                try w.saveAnalysis(Data("{}".utf8), version: 3, ofStory: "s-2")
                let issue = IngestIssue(input: "x", kind: .empty, message: "empty")
                try w.addIssue(issue)
                try w.addIssue(issue)
                try w.addIssue(IngestIssue(input: "y", location: "line 3", kind: .notJSON, message: "bad"))
            }
            let (stats, links, stale, analysis, issues) = try await t.store.read { r in
                (try r.stats(), try r.copyLinks(ofStory: "s-1"), try r.staleStories(limit: 10),
                 try r.analysis(ofStory: "s-2"), try r.issues(limit: 10))
            }
            #expect(stats.articles == 3)
            #expect(stats.copies == 1)
            #expect(stats.stories == 2)
            #expect(stats.multiArticleStories == 1)
            #expect(stats.staleStories == 1)
            #expect(stats.issues == 2)
            #expect(stats.merges == 0)
            #expect(stats.outlets == [.init(outlet: "Herald", articles: 2), .init(outlet: "Ledger", articles: 1)])
            #expect(stats.firstDay == Day(year: 2024, month: 2, day: 1))
            #expect(stats.lastDay == Day(year: 2024, month: 3, day: 1))
            #expect(kind == .memory ? stats.bytes == 0 : stats.bytes > 0)
            #expect(links == [CopyLink(copy: "a-2", original: "a-1")])
            #expect(stale == ["s-1"])
            #expect(analysis == StoredAnalysis(data: Data("{}".utf8), version: 3, stale: false))
            #expect(issues.map(\.input) == ["x", "y"])
            #expect(issues.last?.location == "line 3")
        }
    }

    @Test(arguments: StoreKind.available)
    func analysesAreStaleUntilSavedAndAfterUpdates(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "A", articleCount: 1), state: .init(size: 1))
            }
            #expect(try await t.store.read { try $0.staleStories(limit: 9) } == ["s-1"])
            #expect(try await t.store.read { try $0.analysis(ofStory: "s-1") } == nil)
            try await t.store.write { try $0.saveAnalysis(Data("{}".utf8), version: 3, ofStory: "s-1") }
            let saved = try await t.store.read { r in (try r.staleStories(limit: 9), try r.analysis(ofStory: "s-1")) }
            #expect(saved.0.isEmpty)
            #expect(saved.1 == StoredAnalysis(data: Data("{}".utf8), version: 3, stale: false))
            try await t.store.write { w in
                guard let s = try w.story(id: "s-1") else { return }
                try w.updateStory(s)
            }
            #expect(try await t.store.read { try $0.analysis(ofStory: "s-1")?.stale } == true)
            #expect(try await t.store.read { try $0.staleStories(limit: 9) } == ["s-1"])
            try await t.store.write { try $0.saveAnalysis(Data("[1]".utf8), version: 4, ofStory: "s-1") }
            #expect(try await t.store.read { try $0.analysis(ofStory: "s-1") }?.data == Data("[1]".utf8))
        }
    }

    @Test(arguments: StoreKind.available)
    func storyFiltersOrderAndCursors(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            try await t.store.write { w in
                let specs: [(String, Int, Day?, Day?)] = [
                    ("s-1", 1, Day(year: 2024, month: 1, day: 1), Day(year: 2024, month: 1, day: 2)),
                    ("s-2", 3, Day(year: 2024, month: 1, day: 5), Day(year: 2024, month: 1, day: 9)),
                    ("s-3", 3, Day(year: 2024, month: 1, day: 3), Day(year: 2024, month: 1, day: 4)),
                    ("s-4", 2, nil, nil),
                ]
                for (id, count, first, last) in specs {
                    // The record's outlets and countries are those of its members, as the grouping keeps them.
                    let (outlets, countries) = id == "s-3" ? (["Herald"], ["NO"]) : ([], [])
                    _ = try w.createStory(
                        StoryRecord(
                            id: id, title: id, articleCount: count, outlets: outlets, countries: countries,
                            firstDay: first, lastDay: last),
                        state: StoryGroupingState())
                }
                let a = Fixture.annotation(id: "a-1", text: "Glacier news.", outlet: "Herald")
                try w.putArticle(a, record: Fixture.record(a, story: "s-3", country: "NO"))
                try w.updateStory(
                    StoryRecord(id: "s-1", title: "renamed", articleCount: 1, outlets: ["Gazette"], countries: ["SE"]))
            }
            func ids(_ filter: StoryFilter) async throws -> [String] {
                try await t.store.read { r in try r.stories(filter).map(\.id) }
            }
            func walked(_ filter: StoryFilter) async throws -> [StoryRecord] {
                try await t.store.read { r in
                    var seen: [StoryRecord] = []
                    try r.forEachStory(filter) { seen.append($0); return true }
                    return seen
                }
            }
            #expect(try await ids(StoryFilter()) == ["s-2", "s-3", "s-4", "s-1"])
            #expect(try await ids(StoryFilter(minArticles: 2)) == ["s-2", "s-3", "s-4"])
            #expect(try await ids(StoryFilter(since: Day(year: 2024, month: 1, day: 4))) == ["s-2", "s-3"])
            #expect(try await ids(StoryFilter(until: Day(year: 2024, month: 1, day: 3))) == ["s-3"])
            #expect(try await ids(StoryFilter(outlet: "herald")) == ["s-3"])
            #expect(try await ids(StoryFilter(country: "no")) == ["s-3"])
            #expect(try await ids(StoryFilter(search: "glacier")) == ["s-3"])
            #expect(try await ids(StoryFilter(search: "glacier tundra")) == [])
            #expect(try await ids(StoryFilter(limit: 1)) == ["s-2"])
            let updated = try await t.store.read { r in try r.story(id: "s-1") }
            #expect(updated?.title == "renamed" && updated?.outlets == ["Gazette"] && updated?.firstDay == nil)
            #expect(updated?.countries == ["SE"] && updated?.stale == true)
            let created = try await t.store.read { r in
                var seen: [String] = []
                try r.forEachStory(StoryFilter()) { seen.append($0.id); return seen.count < 2 }
                return seen
            }
            #expect(created == ["s-1", "s-2"])
            // Paging with the key cursor walks every story once, in creation order; keys increase.
            let all = try await walked(StoryFilter())
            #expect(all.map(\.key) == all.map(\.key).sorted() && Set(all.map(\.key)).count == 4)
            var pages: [String] = []
            var cursor: Int64?
            while true {
                let page = try await walked(StoryFilter(limit: 3, afterKey: cursor))
                guard let last = page.last else { break }
                pages += page.map(\.id)
                cursor = last.key
            }
            #expect(pages == ["s-1", "s-2", "s-3", "s-4"])
            #expect(try await ids(StoryFilter(afterKey: all[1].key)) == ["s-3", "s-4"])
            #expect(try await t.store.read { r in try r.storyID(ofKey: all[2].key) } == "s-3")
            await #expect(throws: StoreError.self) {
                try await t.store.write { w in try w.updateStory(StoryRecord(id: "s-9", title: "", articleCount: 0)) }
            }
            await #expect(throws: StoreError.self) {
                try await t.store.write { w in
                    _ = try w.createStory(StoryRecord(id: "s-1", title: "again", articleCount: 1), state: StoryGroupingState())
                }
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func groupingPrimitives(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let (ids1, ids2, keys) = try await t.store.write { w in
                let ids1 = try w.observe(terms: ["dam", "kyiv", "flood"]).map(\.id)
                let seen = try w.observe(terms: ["flood", "rain"])
                #expect(seen.map(\.documentFrequency) == [2, 1])
                let ids2 = seen.map(\.id)
                var keys: [Int64] = []
                for n in 0..<4 {
                    keys.append(
                        try w.createStory(StoryRecord(id: "s-\(n)", title: "t", articleCount: 1), state: StoryGroupingState()))
                }
                for key in keys { try w.post(termIDs: [ids1[2]], story: key) }
                try w.post(termIDs: [ids1[2]], story: keys[0])
                try w.post(termIDs: [ids1[0]], story: keys[1])
                return (ids1, ids2, keys)
            }
            #expect(keys == keys.sorted() && Set(keys).count == 4)
            #expect(ids2[0] == ids1[2])
            let (docs, vocabulary, postings, none) = try await t.store.read { r in
                (try r.documentCount(), try r.vocabulary(of: ["flood", "nothing", "dam"]),
                 try r.postings(of: [ids1[2], ids1[0]], perTerm: 2), try r.postings(of: [ids1[1]], perTerm: 5))
            }
            #expect(docs == 2)
            #expect(
                vocabulary == [TermEntry(id: ids1[2], documentFrequency: 2), nil, TermEntry(id: ids1[0], documentFrequency: 1)])
            #expect(postings == [keys[3], keys[2], keys[1]])
            #expect(none.isEmpty)

            let state = StoryGroupingState(
                termIDs: [ids1[0], ids1[2]], weights: [0.25, 1.5], heaviest: 1, firstDay: 19_000, lastDay: nil, size: 7)
            try await t.store.write { w in try w.setGroupingState(state, ofStoryKey: keys[2]) }
            #expect(try await t.store.read { r in try r.groupingState(ofStoryKey: keys[2]) } == state)
            #expect(try await t.store.read { r in try r.groupingState(ofStoryKey: 999) } == nil)

            try await t.store.write { w in
                for (id, bands, exact) in [("a-1", [UInt64.max, 5], UInt64(9)), ("a-2", [5, 6, 6], 9), ("a-3", [7], 10)] {
                    let a = Fixture.annotation(id: id, text: "Copy \(id).")
                    try w.putArticle(a, record: Fixture.record(a))
                    try w.addCopyKeys(bandKeys: bands, exactKey: exact, article: id)
                }
            }
            let (candidates, exact, missing) = try await t.store.read { r in
                (try r.copyCandidates(bandKeys: [6, 5, UInt64.max, 42]), try r.exactCopy(of: 9), try r.exactCopy(of: 11))
            }
            #expect(candidates == ["a-1", "a-2"])
            #expect(exact == "a-1")
            #expect(missing == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func observeCountsARepeatedTermOnce(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let ids = try await t.store.write { w in try w.observe(terms: ["dam", "dam", "flood"]).map(\.id) }
            #expect(ids[0] == ids[1] && ids[0] != ids[2])
            let vocabulary = try await t.store.read { r in try r.vocabulary(of: ["dam", "dam"]) }
            #expect(vocabulary == [TermEntry(id: ids[0], documentFrequency: 1), TermEntry(id: ids[0], documentFrequency: 1)])
            let empty = try await t.store.write { w in
                (try w.observe(terms: []), try w.vocabulary(of: []), try w.postings(of: [], perTerm: 3))
            }
            #expect(empty.0.isEmpty && empty.1.isEmpty && empty.2.isEmpty)
            #expect(try await t.store.read { r in try r.documentCount() } == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func unknownReferencesAreInvalidOperations(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let a = Fixture.annotation(id: "a-1", text: "Text.")
            let location = t.location
            for body: @Sendable (any CorpusWriter) throws -> Void in [
                { try $0.putArticle(a, record: Fixture.record(a, story: "s-none")) },
                { try $0.putArticle(a, record: Fixture.record(a, copyOf: "a-none")) },
                { try $0.setStory(ofArticle: "a-none", to: "s-none") },
                { try $0.saveAnalysis(Data(), version: 1, ofStory: "s-none") },
                { try $0.addCopyKeys(bandKeys: [1], exactKey: 1, article: "a-none") },
                { try $0.setGroupingState(StoryGroupingState(), ofStoryKey: 77) },
                { try $0.mergeStory("s-none", into: "s-other") },
            ] {
                await #expect { try await t.store.write(body) } throws: { error in
                    (error as? StoreError)?.kind == .invalidOperation && (error as? StoreError)?.location == location
                }
            }
            let count = try await t.store.read { r in try r.stats().articles }
            #expect(count == 0)
        }
    }

    @Test(arguments: StoreKind.available)
    func metaValuesAndTextWithAnyCharacter(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let odd = "tab\there, quote \" back\\slash, 東京, RTL عربي, emoji 🙂"
            let a = Fixture.annotation(id: "a-\u{1F642}", text: "Text about \(odd).", title: odd, outlet: odd)
            try await t.store.write { w in
                try w.setMeta("k", "1")
                try w.setMeta("k", odd)
                try w.putArticle(a, record: Fixture.record(a, country: "ZZ"))
            }
            let (meta, missing, record, annotation) = try await t.store.read { r in
                (try r.meta("k"), try r.meta("none"), try r.article(id: a.id), try r.annotation(of: a.id))
            }
            #expect(meta == odd)
            #expect(missing == nil)
            #expect(record?.title == odd && record?.outlet == odd)
            #expect(annotation == a)
        }
    }

    /// What a writer keeps in memory between transactions (the SQLite and PostgreSQL writer caches: vocabulary,
    /// grouping states) stays right when another store (another process) writes the same corpus in between, and
    /// when a transaction fails.
    @Test(arguments: StoreKind.available)
    func writerCachesFollowOtherWritersAndFailures(_ kind: StoreKind) async throws {
        try await withStore(kind) { t in
            let other = try await t.another()
            struct Stop: Error {}
            let key = try await t.store.write { w in
                _ = try w.observe(terms: ["dam", "flood"])
                return try w.createStory(StoryRecord(id: "s-1", title: "t", articleCount: 1), state: StoryGroupingState(size: 1))
            }
            _ = try await t.store.write { w in try w.observe(terms: ["dam"]) }  // cached now: counted in memory
            try await other.write { w in
                _ = try w.observe(terms: ["dam"])
                try w.setGroupingState(StoryGroupingState(size: 2), ofStoryKey: key)
            }
            let (seen, state) = try await t.store.write { w in
                (try w.observe(terms: ["dam", "flood"]), try w.groupingState(ofStoryKey: key))
            }
            #expect(seen.map(\.documentFrequency) == [4, 2])
            #expect(state?.size == 2)
            await #expect(throws: Stop.self) {
                try await t.store.write { w in
                    _ = try w.observe(terms: ["dam"])
                    try w.setGroupingState(StoryGroupingState(size: 9), ofStoryKey: key)
                    throw Stop()
                }
            }
            let after = try await t.store.write { w in (try w.vocabulary(of: ["dam"]), try w.groupingState(ofStoryKey: key)) }
            #expect(after.0.first??.documentFrequency == 4)
            #expect(after.1?.size == 2)
            // What a reader sees once the writer's increments are written.
            let read = try await other.read { r in try r.vocabulary(of: ["dam", "flood"]) }
            #expect(read.map { $0?.documentFrequency } == [4, 2])
        }
    }
}

import Foundation
import GRDB
import ParallaxCore
import Testing

@testable import ParallaxSQLite

/// A store in a fresh temporary directory, removed with the value.
final class TemporaryStore: @unchecked Sendable {
    let directory: URL
    let path: String
    private(set) var store: SQLiteStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("corpus.sqlite").path
        store = try SQLiteStore(path: path)
    }

    /// Opens the same file again (a new pool).
    func reopen() throws {
        store = try SQLiteStore(path: path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// Small annotations built by hand from Core types.
enum Fixture {
    static func annotation(
        id: String, text: String, title: String? = nil, outlet: String? = nil, published: Day? = nil,
        terms: [WeightedTerm] = [], signature: [UInt64] = [1, 2, 3]
    ) -> ArticleAnnotation {
        let article = Article(
            id: id, source: "\(id).txt", outlet: outlet, url: "https://example.org/\(id)", title: title,
            authors: ["Ann Writer", "Bo \"Quote\" Smith"], published: published, dateline: "KYIV", language: "en",
            text: text)
        let document = DocumentBuilder().build(article)
        let first = document.sentences.first?.span ?? TextSpan(start: 0, end: 0)
        let speaker = Speaker(
            name: "Jane Doe", role: "spokeswoman", kind: .person, mention: TextSpan(start: 0, end: 0), isAnaphor: false)
        let statement = QuoteCandidate(
            article: id, text: "a statement", span: first, quoted: true, speaker: speaker, cue: "said",
            cueSpan: TextSpan(start: 0, end: 0), contentSpan: first, sentenceSpan: first, sentences: 0...0)
        let match = LexiconMatch(entry: "Kyiv", form: "Kiev", span: first, sentenceSpan: first)
        let citation = Citation(
            article: id, source: "Reuters", sourceKind: .outlet, cue: "according to", span: first, sentenceSpan: first)
        func date(_ rule: DateRule?, anchor: Day?) -> AnnotatedDate {
            let mention = DateMention(
                article: id, expression: "on Tuesday", resolution: rule == nil ? .absolute : .relative, anchor: anchor,
                span: first, sentenceSpan: first)
            return AnnotatedDate(
                mention: ResolvedDateMention(mention: mention, day: Day(year: 2024, month: 5, day: 28)!, rule: rule),
                words: [WeightedTerm("dam", 0.1 + 0.2)])
        }
        let anchor = Day(year: 2024, month: 5, day: 31)
        let dates = [date(nil, anchor: nil), date(.weekday(2, mode: .last, future: false), anchor: anchor), date(.offset(days: -1), anchor: anchor)]
        let unanchored = [
            date(.nearest(month: 5, day: 10), anchor: nil),
            date(.nearestOf([Day(year: 2024, month: 4, day: 5)!, Day(year: 2024, month: 5, day: 4)!]), anchor: nil),
        ]
        return ArticleAnnotation(
            document: document, language: "en", statements: [statement, statement], citations: [citation],
            creditTokens: [0, 2], dates: dates, unanchoredDates: unanchored, names: [match], framing: [match], terms: terms,
            signature: MinHashSignature(values: signature + [UInt64.max, 0x8000_0000_0000_0001], exactKey: UInt64.max - 7))
    }

    static func record(
        _ annotation: ArticleAnnotation, story: String? = nil, copyOf: String? = nil, country: String? = nil
    ) -> ArticleRecord {
        ArticleRecord(
            id: annotation.id, source: annotation.article.source, country: country,
            contentHash: "h-\(annotation.article.text.utf8.count)", textBytes: annotation.article.text.utf8.count,
            story: story, copyOf: copyOf)
    }

    static let text = """
        Officials in Kyiv said on Tuesday that the dam “will hold”, according to Reuters.
        The mayor, who didn’t comment, left. Café owners — and U.S. diplomats — were evacuated.
        Ünïcödé ÉTÉ 123,45 naïve façade 東京 is here.
        """
}

struct SQLiteStoreTests {
    @Test func annotationRoundTripGivesAnEqualAnnotation() async throws {
        let t = try TemporaryStore()
        let original = Fixture.annotation(
            id: "a-1", text: Fixture.text, title: "Dam holds", outlet: "Herald",
            published: Day(year: 2024, month: 5, day: 31), terms: [WeightedTerm("dam", 0.5), WeightedTerm("kyiv", 1.25)])
        #expect(original.document.tokens.contains { $0.norm != $0.norm.lowercased() || $0.isCapitalized })
        try await t.store.write { w in try w.putArticle(original, record: Fixture.record(original)) }
        let back = try await t.store.read { r in try r.annotation(of: "a-1") }
        #expect(back == original)
        let many = try await t.store.read { r in try r.annotations(of: ["a-1", "missing", "a-1"]) }
        #expect(many.count == 2)
        let articles = try await t.store.read { r in try r.articles(ids: ["missing", "a-1"]) }
        #expect(articles == [original.article])
    }

    @Test func blobDoesNotRepeatTheTextAndIsSmallerThanJSON() throws {
        let text = Array(repeating: Fixture.text, count: 20).joined(separator: "\n")
        let annotation = Fixture.annotation(id: "a-1", text: text)
        let blob = try AnnotationCodec.encode(annotation)
        let json = try JSONEncoder().encode(annotation)
        #expect(blob.count * 10 < json.count)
        #expect(try AnnotationCodec.decode(blob, text: text) == annotation)
        // Any damage is a thrown error, never a trap.
        var damaged = blob
        damaged[damaged.count / 2] ^= 0xFF
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(damaged, text: text) }
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(Data(blob.prefix(5)), text: text) }
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(Data(), text: text) }
    }

    @Test func jsonListsOfStringsRoundTrip() throws {
        let values = ["a\"b", "c\\d", "e\u{1}f\u{1F}", "東京\n\t\r", "", "🙂 é"]
        let json = SQLiteTransaction.json(values)
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == values)
        #expect(SQLiteTransaction.json([]) == "[]")
    }

    @Test func annotationDecodesAgainstAShorterTextWithoutTrapping() throws {
        let annotation = Fixture.annotation(id: "a-1", text: Fixture.text)
        let blob = try AnnotationCodec.encode(annotation)
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(blob, text: "short") }
    }

    @Test func putTwiceStoresOnceAndReplaceKeepsStoryAndSequence() async throws {
        let t = try TemporaryStore()
        let first = Fixture.annotation(id: "a-1", text: "The harbour froze overnight.", outlet: "Herald")
        let story = StoryRecord(id: "s-1", title: "Harbour", articleCount: 1)
        try await t.store.write { w in
            _ = try w.createStory(story, state: StoryGroupingState())
            try w.putArticle(first, record: Fixture.record(first, story: "s-1"))
            try w.putArticle(first, record: Fixture.record(first))
            try w.saveAnalysis(Data("{}".utf8), version: 1, ofStory: "s-1")
        }
        let before = try await t.store.read { r in try r.article(id: "a-1") }
        let changed = Fixture.annotation(id: "a-1", text: "The harbour thawed at noon.", outlet: "Ledger")
        try await t.store.write { w in try w.putArticle(changed, record: Fixture.record(changed)) }
        let (after, stats, oldHits, newHits, analysis) = try await t.store.read { r in
            (try r.article(id: "a-1"), try r.stats(), try r.search("froze", limit: 5), try r.search("thawed", limit: 5),
             try r.analysis(ofStory: "s-1"))
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

    @Test func articleFiltersAndOrders() async throws {
        let t = try TemporaryStore()
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
                try w.putArticle(a, record: Fixture.record(a, story: ["b", "d"].contains(id) ? "s-1" : nil, country: country))
            }
        }
        func ids(_ filter: ArticleFilter) async throws -> [String] {
            try await t.store.read { r in try r.articles(filter).map(\.id) }
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
        let record = try await t.store.read { r in try r.article(id: "a") }
        #expect(record?.authors == ["Ann Writer", "Bo \"Quote\" Smith"])
        #expect(record?.published == Day(year: 2024, month: 1, day: 2))
        #expect(record?.country == "GB")
        #expect(record?.textBytes == "Text of a.".utf8.count)
        let members = try await t.store.read { r in try r.members(ofStory: "s-1") }
        #expect(members == ["b", "d"])
    }

    @Test(arguments: [
        ("\"", false), ("*", false), ("NEAR(", true), ("'; DROP TABLE article; --", false), ("dam\" OR \"x", false),
        ("title:dam", true), ("^dam", true), ("dam*", true), ("(dam", true), ("AND", true), ("-dam", true),
        ("dam held", true), ("held dam", true), ("dam flood", false),
    ])
    func searchNeverFailsOnUserText(_ query: String, found: Bool) async throws {
        let t = try TemporaryStore()
        let a = Fixture.annotation(id: "a-1", text: "The dam held. AND near the title, NEAR(the) dam.", title: "Dam")
        try await t.store.write { w in try w.putArticle(a, record: Fixture.record(a)) }
        let hits = try await t.store.read { r in try r.search(query, limit: 10) }
        #expect(hits.map(\.article.id) == (found ? ["a-1"] : []))
        let count = try await t.store.read { r in try r.stats().articles }
        #expect(count == 1)
    }

    @Test func searchRanksAndHighlights() async throws {
        let t = try TemporaryStore()
        let texts = [
            ("a", "The harbour froze. Nothing else happened in town."),
            ("b", "Harbour workers said the harbour froze again; the harbour was closed."),
            ("c", "A dam held in the hills."),
        ]
        try await t.store.write { w in
            for (id, text) in texts {
                let a = Fixture.annotation(id: id, text: text, title: "News \(id)")
                try w.putArticle(a, record: Fixture.record(a))
            }
        }
        let hits = try await t.store.read { r in try r.search("harbour, froze!", limit: 10) }
        #expect(Set(hits.map(\.article.id)) == ["a", "b"])
        #expect(hits.first?.article.id == "b")
        #expect(hits[0].score >= hits[1].score)
        for hit in hits {
            #expect(!hit.highlights.isEmpty)
            for span in hit.highlights {
                let word = hit.snippet[span: span].lowercased()
                #expect(word == "harbour" || word == "froze")
            }
        }
        #expect(try await t.store.read { r in try r.search("   ", limit: 10) }.isEmpty)
        #expect(try await t.store.read { r in try r.search("", limit: 10) }.isEmpty)
        #expect(try await t.store.read { r in try r.search("harbour dam", limit: 10) }.isEmpty)
        let stories = try await t.store.read { r in try r.stories(StoryFilter(search: "")) }
        #expect(stories.isEmpty)
    }

    @Test func mergesMoveMembersAndRedirectThroughChains() async throws {
        let t = try TemporaryStore()
        try await t.store.write { w in
            for (n, id) in ["s-a", "s-b", "s-c"].enumerated() {
                let key = try w.createStory(
                    StoryRecord(id: id, title: id, articleCount: 1), state: StoryGroupingState(termIDs: [1], weights: [1], size: 1))
                try w.post(termIDs: [1, 2], story: key)
                let a = Fixture.annotation(id: "a-\(n)", text: "Article \(n).", published: Day(year: 2024, month: 1, day: 3 - n))
                try w.putArticle(a, record: Fixture.record(a, story: id))
            }
            try w.mergeStory("s-a", into: "s-b")
            try w.mergeStory("s-b", into: "s-c")
        }
        let (resolvedA, resolvedC, unknown, members, merges, record, postings, state, live) = try await t.store.read { r in
            (try r.resolveStory("s-a"), try r.resolveStory("s-c"), try r.resolveStory("s-x"), try r.members(ofStory: "s-c"),
             try r.merges(limit: 10), try r.story(id: "s-a"), try r.postings(of: [1, 2], perTerm: 10),
             try r.groupingState(ofStoryKey: 1), try r.stories(StoryFilter()).map(\.id))
        }
        #expect(resolvedA == "s-c")
        #expect(resolvedC == "s-c")
        #expect(unknown == nil)
        #expect(members == ["a-2", "a-1", "a-0"])
        #expect(merges == [StoryMerge(from: "s-a", into: "s-b", atArticleCount: 3), StoryMerge(from: "s-b", into: "s-c", atArticleCount: 3)])
        #expect(record?.mergedInto == "s-b")
        #expect(postings == [3, 3])
        #expect(state == nil)
        #expect(live == ["s-c"])
        await #expect(throws: StoreError.self) { try await t.store.write { w in try w.mergeStory("s-c", into: "s-c") } }
        await #expect(throws: StoreError.self) { try await t.store.write { w in try w.mergeStory("s-a", into: "s-c") } }
    }

    @Test func aThrowingBodyKeepsNothing() async throws {
        struct Stop: Error {}
        let t = try TemporaryStore()
        await #expect(throws: Stop.self) {
            try await t.store.write { w in
                let a = Fixture.annotation(id: "a-1", text: "Kept?")
                try w.putArticle(a, record: Fixture.record(a))
                _ = try w.createStory(StoryRecord(id: "s-1", title: "t", articleCount: 1), state: StoryGroupingState())
                _ = try w.observe(terms: ["kept"])
                throw Stop()
            }
        }
        let (stats, article, docs, vocabulary) = try await t.store.read { r in
            (try r.stats(), try r.article(id: "a-1"), try r.documentCount(), try r.vocabulary(of: ["kept"]))
        }
        #expect(stats.articles == 0 && stats.stories == 0)
        #expect(article == nil)
        #expect(docs == 0)
        #expect(vocabulary == [nil])
    }

    @Test func reopeningKeepsEverything() async throws {
        let t = try TemporaryStore()
        let a = Fixture.annotation(id: "a-1", text: Fixture.text, outlet: "Herald")
        try await t.store.write { w in
            _ = try w.createStory(StoryRecord(id: "s-1", title: "t", articleCount: 1), state: StoryGroupingState(size: 1))
            try w.putArticle(a, record: Fixture.record(a, story: "s-1"))
            try w.setMeta("grouping.threshold", "0.3")
            try w.addIssue(IngestIssue(input: "x.jsonl", location: "line 2", kind: .notJSON, message: "bad"))
        }
        try t.reopen()
        let (annotation, story, meta, issues, hits) = try await t.store.read { r in
            (try r.annotation(of: "a-1"), try r.story(id: "s-1"), try r.meta("grouping.threshold"), try r.issues(limit: 5),
             try r.search("dam", limit: 5))
        }
        #expect(annotation == a)
        #expect(story?.articleCount == 1)
        #expect(meta == "0.3")
        #expect(issues.map(\.kind) == [.notJSON])
        #expect(hits.count == 1)
        let version = try await t.store.read { r in try r.meta("schema_version") }
        #expect(version == "\(SQLiteSchema.version)")
    }

    @Test func aFileThatIsNotADatabaseIsIncompatible() throws {
        let t = try TemporaryStore()
        let path = t.directory.appendingPathComponent("notes.sqlite").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteStore(path: path)
            Issue.record("opened a text file as a database")
        } catch let error as StoreError {
            #expect(error.kind == .incompatible)
            #expect(error.location == path)
        }
    }

    @Test func aDatabaseFromANewerParallaxIsIncompatible() throws {
        let t = try TemporaryStore()
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        try queue.close()
        #expect { try SQLiteStore(path: t.path) } throws: { error in
            (error as? StoreError)?.kind == .incompatible && (error as? StoreError)?.location == t.path
        }
    }

    @Test func aPathThatCannotBeCreatedCannotOpen() throws {
        let path = "/nonexistent-\(UUID().uuidString)/corpus.sqlite"
        #expect { try SQLiteStore(path: path) } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.kind == .cannotOpen && e.location == path && e.description.contains(path)
        }
    }

    @Test func statsCountWithoutScanning() async throws {
        let t = try TemporaryStore()
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
        }
        let (stats, links, stale, analysis) = try await t.store.read { r in
            (try r.stats(), try r.copyLinks(ofStory: "s-1"), try r.staleStories(limit: 10), try r.analysis(ofStory: "s-2"))
        }
        #expect(stats.articles == 3)
        #expect(stats.copies == 1)
        #expect(stats.stories == 2)
        #expect(stats.multiArticleStories == 1)
        #expect(stats.staleStories == 1)
        #expect(stats.issues == 1)
        #expect(stats.merges == 0)
        #expect(stats.outlets.map(\.outlet) == ["Herald", "Ledger"])
        #expect(stats.firstDay == Day(year: 2024, month: 2, day: 1))
        #expect(stats.lastDay == Day(year: 2024, month: 3, day: 1))
        #expect(stats.bytes > 0)
        #expect(links == [CopyLink(copy: "a-2", original: "a-1")])
        #expect(stale == ["s-1"])
        #expect(analysis == StoredAnalysis(data: Data("{}".utf8), version: 3, stale: false))
    }

    @Test func storyFiltersAndOrder() async throws {
        let t = try TemporaryStore()
        try await t.store.write { w in
            let specs: [(String, Int, Day?, Day?)] = [
                ("s-1", 1, Day(year: 2024, month: 1, day: 1), Day(year: 2024, month: 1, day: 2)),
                ("s-2", 3, Day(year: 2024, month: 1, day: 5), Day(year: 2024, month: 1, day: 9)),
                ("s-3", 3, Day(year: 2024, month: 1, day: 3), Day(year: 2024, month: 1, day: 4)),
            ]
            for (id, count, first, last) in specs {
                _ = try w.createStory(
                    StoryRecord(id: id, title: id, articleCount: count, firstDay: first, lastDay: last), state: StoryGroupingState())
            }
            let a = Fixture.annotation(id: "a-1", text: "Glacier news.", outlet: "Herald")
            try w.putArticle(a, record: Fixture.record(a, story: "s-3", country: "NO"))
            try w.updateStory(StoryRecord(id: "s-1", title: "renamed", articleCount: 1, outlets: ["Herald"], countries: ["NO"]))
        }
        func ids(_ filter: StoryFilter) async throws -> [String] {
            try await t.store.read { r in try r.stories(filter).map(\.id) }
        }
        #expect(try await ids(StoryFilter()) == ["s-2", "s-3", "s-1"])
        #expect(try await ids(StoryFilter(minArticles: 2)) == ["s-2", "s-3"])
        #expect(try await ids(StoryFilter(since: Day(year: 2024, month: 1, day: 4))) == ["s-2", "s-3"])
        #expect(try await ids(StoryFilter(until: Day(year: 2024, month: 1, day: 3))) == ["s-3"])
        #expect(try await ids(StoryFilter(outlet: "herald")) == ["s-3"])
        #expect(try await ids(StoryFilter(country: "no")) == ["s-3"])
        #expect(try await ids(StoryFilter(search: "glacier")) == ["s-3"])
        #expect(try await ids(StoryFilter(limit: 1)) == ["s-2"])
        let updated = try await t.store.read { r in try r.story(id: "s-1") }
        #expect(updated?.title == "renamed" && updated?.outlets == ["Herald"] && updated?.firstDay == nil)
        let created = try await t.store.read { r in
            var seen: [String] = []
            try r.forEachStory(StoryFilter()) { seen.append($0.id); return seen.count < 2 }
            return seen
        }
        #expect(created == ["s-1", "s-2"])
        await #expect(throws: StoreError.self) {
            try await t.store.write { w in try w.updateStory(StoryRecord(id: "s-9", title: "", articleCount: 0)) }
        }
        await #expect(throws: StoreError.self) {
            try await t.store.write { w in
                _ = try w.createStory(StoryRecord(id: "s-1", title: "again", articleCount: 1), state: StoryGroupingState())
            }
        }
    }

    @Test func groupingPrimitives() async throws {
        let t = try TemporaryStore()
        let (ids1, ids2, keys) = try await t.store.write { w in
            let ids1 = try w.observe(terms: ["dam", "kyiv", "flood"]).map(\.id)
            let seen = try w.observe(terms: ["flood", "rain"])
            #expect(seen.map(\.documentFrequency) == [2, 1])
            let ids2 = seen.map(\.id)
            var keys: [Int64] = []
            for n in 0..<4 {
                keys.append(try w.createStory(StoryRecord(id: "s-\(n)", title: "t", articleCount: 1), state: StoryGroupingState()))
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
        #expect(vocabulary == [TermEntry(id: ids1[2], documentFrequency: 2), nil, TermEntry(id: ids1[0], documentFrequency: 1)])
        #expect(postings == [keys[3], keys[2], keys[1]])
        #expect(none.isEmpty)

        let state = StoryGroupingState(termIDs: [ids1[0], ids1[2]], weights: [0.25, 1.5], firstDay: 19_000, lastDay: nil, size: 7)
        try await t.store.write { w in try w.setGroupingState(state, ofStoryKey: keys[2]) }
        #expect(try await t.store.read { r in try r.groupingState(ofStoryKey: keys[2]) } == state)
        #expect(try await t.store.read { r in try r.groupingState(ofStoryKey: 999) } == nil)

        try await t.store.write { w in
            for (id, bands, exact) in [("a-1", [UInt64.max, 5], UInt64(9)), ("a-2", [5, 6], 9), ("a-3", [7], 10)] {
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

    @Test func aDamagedAnnotationBlobIsCorrupt() async throws {
        let t = try TemporaryStore()
        let a = Fixture.annotation(id: "a-1", text: Fixture.text)
        try await t.store.write { w in try w.putArticle(a, record: Fixture.record(a)) }
        let queue = try DatabaseQueue(path: t.path)
        try await queue.write { db in try db.execute(sql: "UPDATE annotation SET blob = x'01ff00ff'") }
        try queue.close()
        await #expect { try await t.store.read { r in try r.annotation(of: "a-1") } } throws: { error in
            (error as? StoreError)?.kind == .corrupt && (error as? StoreError)?.location == t.path
        }
    }

    /// The writer's in-memory vocabulary and grouping states (WriterCache) stay right when another store (another
    /// process) writes the same file in between, and when a transaction fails.
    @Test func writerCacheFollowsOtherWritersAndFailures() async throws {
        let t = try TemporaryStore()
        let other = try SQLiteStore(path: t.path)
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
        #expect(try await other.read { r in try r.vocabulary(of: ["dam", "flood"]) }.map { $0?.documentFrequency } == [4, 2])
    }

    @Test func observeCountsARepeatedTermOnce() async throws {
        let t = try TemporaryStore()
        let ids = try await t.store.write { w in try w.observe(terms: ["dam", "dam", "flood"]).map(\.id) }
        #expect(ids[0] == ids[1] && ids[0] != ids[2])
        let vocabulary = try await t.store.read { r in try r.vocabulary(of: ["dam", "dam"]) }
        #expect(vocabulary == [TermEntry(id: ids[0], documentFrequency: 1), TermEntry(id: ids[0], documentFrequency: 1)])
        let empty = try await t.store.write { w in (try w.observe(terms: []), try w.vocabulary(of: []), try w.postings(of: [], perTerm: 3)) }
        #expect(empty.0.isEmpty && empty.1.isEmpty && empty.2.isEmpty)
        #expect(try await t.store.read { r in try r.documentCount() } == 2)
    }

    @Test func unknownReferencesAreInvalidOperations() async throws {
        let t = try TemporaryStore()
        let a = Fixture.annotation(id: "a-1", text: "Text.")
        for body: @Sendable (any CorpusWriter) throws -> Void in [
            { try $0.putArticle(a, record: Fixture.record(a, story: "s-none")) },
            { try $0.putArticle(a, record: Fixture.record(a, copyOf: "a-none")) },
            { try $0.setStory(ofArticle: "a-none", to: "s-none") },
            { try $0.saveAnalysis(Data(), version: 1, ofStory: "s-none") },
            { try $0.addCopyKeys(bandKeys: [1], exactKey: 1, article: "a-none") },
            { try $0.setGroupingState(StoryGroupingState(), ofStoryKey: 77) },
        ] {
            await #expect { try await t.store.write(body) } throws: { error in
                (error as? StoreError)?.kind == .invalidOperation && (error as? StoreError)?.location == t.path
            }
        }
    }
}

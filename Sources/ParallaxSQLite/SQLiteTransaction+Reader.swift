import Foundation
import GRDB
import ParallaxCore
import ParallaxStorage

extension SQLiteTransaction {
    // MARK: Articles

    func article(id: String) throws -> ArticleRecord? {
        let sql = "SELECT \(Self.articleColumns) FROM article a WHERE a.id = ?"
        guard let row = try Row.fetchOne(statement(sql), arguments: [id]) else { return nil }
        return try articleRecord(row)
    }

    func annotation(of articleID: String) throws -> ArticleAnnotation? {
        let sql = "SELECT n.blob, a.text FROM article a JOIN annotation n ON n.article = a.sequence WHERE a.id = ?"
        guard let row = try Row.fetchOne(statement(sql), arguments: [articleID]) else { return nil }
        let blob: Data = try column(row, 0)
        do { return try AnnotationCodec.decode(blob, text: try column(row, 1)) } catch {
            throw corrupt("annotation of \(articleID): \(error)")
        }
    }

    func annotations(of articleIDs: [String]) throws -> [ArticleAnnotation] {
        try articleIDs.compactMap { try annotation(of: $0) }
    }

    func articles(ids articleIDs: [String]) throws -> [Article] {
        let sql = "SELECT n.blob, a.text FROM article a JOIN annotation n ON n.article = a.sequence WHERE a.id = ?"
        return try articleIDs.compactMap { id in
            guard let row = try Row.fetchOne(statement(sql), arguments: [id]) else { return nil }
            let blob: Data = try column(row, 0)
            do { return try AnnotationCodec.decodeArticle(blob, text: try column(row, 1)) } catch {
                throw corrupt("annotation of \(id): \(error)")
            }
        }
    }

    func articles(_ filter: ArticleFilter) throws -> [ArticleRecord] {
        try collect { try forEachArticle(filter, order: "a.day DESC, a.sequence DESC", $0) }
    }

    func forEachArticle(_ filter: ArticleFilter, _ body: (ArticleRecord) throws -> Bool) throws {
        try forEachArticle(filter, order: "a.sequence", body)
    }

    private func forEachArticle(
        _ filter: ArticleFilter, order: String, _ body: (ArticleRecord) throws -> Bool
    ) throws {
        var query = SQLConditions()
        query.add("a.day >= ?", filter.since?.daysSinceEpoch)
        query.add("a.day <= ?", filter.until?.daysSinceEpoch)
        query.add("a.outlet IN (SELECT id FROM outlet WHERE name = ? COLLATE NOCASE)", filter.outlet)
        query.add("a.country = ? COLLATE NOCASE", filter.country)
        query.add("a.sequence > ?", filter.afterSequence)
        if let story = filter.story {
            guard let key = try storyKey(story) else { return }
            query.add("a.story = ?", key)
        }
        let sql = "SELECT \(Self.articleColumns) FROM article a \(query.whereClause) ORDER BY \(order) LIMIT ?"
        try forEachRow(sql, query.arguments(limit: filter.limit), articleRecord, body)
    }

    func search(_ query: String, limit: Int) throws -> [SearchHit] {
        guard let match = FullTextQuery.match(query), limit > 0 else { return [] }
        // The best `limit` by rank first, then the rows and snippets of those only: a snippet or a joined row
        // computed before the sort would read the text of every match.
        let sql = """
            WITH best AS (
                SELECT rowid AS sequence, bm25(article_fts, 2.0, 1.0) AS score FROM article_fts
                WHERE article_fts MATCH ? ORDER BY score, rowid LIMIT ?
            )
            SELECT \(Self.articleColumns), snippet(article_fts, -1, char(1), char(2), '…', 16), best.score
            FROM best CROSS JOIN article_fts CROSS JOIN article a
            WHERE article_fts MATCH ? AND article_fts.rowid = best.sequence AND a.sequence = best.sequence
            ORDER BY best.score, best.sequence
            """
        return try Row.fetchAll(statement(sql), arguments: [match, limit, match]).map { row in
            let (snippet, highlights) = SnippetMarkers.highlights(in: try column(row, 14))
            let score: Double = try column(row, 15)
            return SearchHit(article: try articleRecord(row), snippet: snippet, highlights: highlights, score: -score)
        }
    }

    // MARK: Stories

    func resolveStory(_ id: String) throws -> String? {
        guard var key = try storyKey(id) else { return nil }
        var current = id
        let step = try statement("SELECT s.id, s.merged_into FROM story s WHERE s.key = ?")
        for _ in 0..<10_000 {
            guard let row = try Row.fetchOne(step, arguments: [key]) else { return current }
            current = try column(row, 0)
            guard let next: Int64 = try optionalColumn(row, 1) else { return current }
            key = next
        }
        throw corrupt("story \(id): merges form a cycle or a chain over 10,000 long")
    }

    func story(id: String) throws -> StoryRecord? {
        let sql = "SELECT \(Self.storyColumns) FROM story s WHERE s.id = ?"
        guard let row = try Row.fetchOne(statement(sql), arguments: [id]) else { return nil }
        return try storyRecord(row)
    }

    func storyID(ofKey key: Int64) throws -> String? {
        try String.fetchOne(statement("SELECT id FROM story WHERE key = ?"), arguments: [key])
    }

    func stories(_ filter: StoryFilter) throws -> [StoryRecord] {
        try collect { try forEachStory(filter, order: "s.article_count DESC, s.last_day DESC, s.id", $0) }
    }

    func forEachStory(_ filter: StoryFilter, _ body: (StoryRecord) throws -> Bool) throws {
        try forEachStory(filter, order: "s.key", body)
    }

    private func forEachStory(_ filter: StoryFilter, order: String, _ body: (StoryRecord) throws -> Bool) throws {
        var query = SQLConditions()
        query.add("s.merged_into IS NULL")
        query.add("s.article_count >= ?", filter.minArticles)
        query.add("s.last_day >= ?", filter.since?.description)
        query.add("s.first_day <= ?", filter.until?.description)
        query.add("s.key > ?", filter.afterKey)
        query.add(
            "s.key IN (SELECT story FROM article WHERE outlet IN (SELECT id FROM outlet WHERE name = ? COLLATE NOCASE))",
            filter.outlet)
        query.add("s.key IN (SELECT story FROM article WHERE country = ? COLLATE NOCASE)", filter.country)
        if let search = filter.search {
            guard let match = FullTextQuery.match(search) else { return }
            query.add(
                """
                s.key IN (SELECT a.story FROM article_fts CROSS JOIN article a INDEXED BY article_story_of
                    ON a.sequence = article_fts.rowid WHERE article_fts MATCH ?)
                """,
                match)
        }
        let sql = "SELECT \(Self.storyColumns) FROM story s \(query.whereClause) ORDER BY \(order) LIMIT ?"
        try forEachRow(sql, query.arguments(limit: filter.limit), storyRecord, body)
    }

    /// Every value a streaming walk hands to its body.
    private func collect<T>(_ walk: (_ body: (T) throws -> Bool) throws -> Void) throws -> [T] {
        var out: [T] = []
        try walk { out.append($0); return true }
        return out
    }

    /// Runs `sql` and hands each decoded row to `body` until it returns `false` (one row in memory at a time).
    private func forEachRow<T>(
        _ sql: String, _ arguments: StatementArguments, _ decode: (Row) throws -> T, _ body: (T) throws -> Bool
    ) throws {
        let rows = try Row.fetchCursor(statement(sql), arguments: arguments)
        while let row = try rows.next() {
            guard try body(decode(row)) else { return }
        }
    }

    func members(ofStory id: String) throws -> [String] {
        guard let key = try storyKey(id) else { return [] }
        let sql = "SELECT id FROM article WHERE story = ? ORDER BY day IS NULL, day, sequence"
        return try String.fetchAll(statement(sql), arguments: [key])
    }

    func copyLinks(ofStory id: String) throws -> [CopyLink] {
        guard let key = try storyKey(id) else { return [] }
        let sql = """
            SELECT a.id, c.id FROM article a JOIN article c ON c.sequence = a.copy_of
            WHERE a.story = ? ORDER BY a.sequence
            """
        return try Row.fetchAll(statement(sql), arguments: [key]).map {
            CopyLink(copy: try column($0, 0), original: try column($0, 1))
        }
    }

    func analysis(ofStory id: String) throws -> StoredAnalysis? {
        let sql = "SELECT x.json, x.version, s.stale FROM story s JOIN story_analysis x ON x.story = s.key WHERE s.id = ?"
        guard let row = try Row.fetchOne(statement(sql), arguments: [id]) else { return nil }
        return StoredAnalysis(data: try column(row, 0), version: try column(row, 1), stale: try column(row, 2))
    }

    func staleStories(limit: Int) throws -> [String] {
        let sql = "SELECT id FROM story WHERE stale AND merged_into IS NULL ORDER BY key LIMIT ?"
        return try String.fetchAll(statement(sql), arguments: [max(0, limit)])
    }

    func merges(limit: Int) throws -> [StoryMerge] {
        let sql = """
            SELECT f.id, i.id, m.at_article_count FROM story_merge m
            JOIN story f ON f.key = m.from_story JOIN story i ON i.key = m.into_story ORDER BY m.id LIMIT ?
            """
        return try Row.fetchAll(statement(sql), arguments: [max(0, limit)]).map {
            StoryMerge(from: try column($0, 0), into: try column($0, 1), atArticleCount: try column($0, 2))
        }
    }

    // MARK: Corpus

    func issues(limit: Int) throws -> [IngestIssue] {
        let sql = "SELECT input, location, kind, message FROM ingest_issue ORDER BY id LIMIT ?"
        return try Row.fetchAll(statement(sql), arguments: [max(0, limit)]).map {
            let kind: String = try column($0, 2)
            return IngestIssue(
                input: try column($0, 0), location: try optionalColumn($0, 1), kind: IngestIssue.Kind(rawValue: kind) ?? .other,
                message: try column($0, 3))
        }
    }

    func stats() throws -> CorpusStats {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(statement(sql)) ?? 0 }
        let outlets = try Row.fetchAll(
            statement("SELECT name, article_count FROM outlet WHERE article_count > 0 ORDER BY article_count DESC, name")
        ).map { CorpusStats.OutletCount(outlet: try column($0, 0), articles: try column($0, 1)) }
        func day(_ sql: String) throws -> Day? { try Int.fetchOne(statement(sql)).map { Day(daysSinceEpoch: $0) } }
        let pages = try count("PRAGMA page_count") * count("PRAGMA page_size")
        let wal = (try? FileManager.default.attributesOfItem(atPath: location + "-wal")[.size] as? NSNumber)??.int64Value ?? 0
        return CorpusStats(
            articles: try counter("article_count"), copies: try counter("copy_count"),
            stories: try count("SELECT count(*) FROM story WHERE merged_into IS NULL"),
            multiArticleStories: try count("SELECT count(*) FROM story WHERE merged_into IS NULL AND article_count >= 2"),
            merges: try count("SELECT count(*) FROM story_merge"),
            staleStories: try count("SELECT count(*) FROM story WHERE stale AND merged_into IS NULL"),
            issues: try count("SELECT count(*) FROM ingest_issue"), outlets: outlets,
            firstDay: try day("SELECT day FROM article WHERE day IS NOT NULL ORDER BY day LIMIT 1"),
            lastDay: try day("SELECT day FROM article WHERE day IS NOT NULL ORDER BY day DESC LIMIT 1"),
            bytes: Int64(pages) + wal)
    }

    func meta(_ key: String) throws -> String? {
        try String.fetchOne(statement("SELECT CAST(value AS TEXT) FROM meta WHERE key = ?"), arguments: [key])
    }

    func writeGeneration() throws -> Int { try meta(WriterCache.generationKey).flatMap { Int($0) } ?? 0 }

    // MARK: Grouping index

    func documentCount() throws -> Int { try counter("document_count") }

    func vocabulary(of terms: [String]) throws -> [TermEntry?] {
        var out = [TermEntry?](repeating: nil, count: terms.count)
        guard !terms.isEmpty else { return out }
        let sql = "SELECT j.key, t.id, t.df FROM json_each(?) j JOIN term t ON t.text = j.value"
        let rows = try Row.fetchCursor(statement(sql), arguments: [Self.json(terms)])
        while let row = try rows.next() {
            let index: Int = try column(row, 0)
            guard out.indices.contains(index) else { throw corrupt("json_each index \(index) out of range") }
            let id = try termID(column(row, 1))
            let stored: Int = try column(row, 2)
            out[index] = TermEntry(id: id, documentFrequency: stored + (cache?.pendingIncrement(of: id) ?? 0))
        }
        return out
    }

    func termID(_ value: Int64) throws -> Int32 {
        guard let id = Int32(exactly: value) else { throw corrupt("term id \(value) out of the 32-bit range") }
        return id
    }

    func postings(of termIDs: [Int32], perTerm: Int) throws -> [Int64] {
        guard perTerm > 0 else { return [] }
        let lookup = try statement("SELECT story_key FROM story_term WHERE term_id = ? ORDER BY story_key DESC LIMIT ?")
        var out: [Int64] = []
        for id in termIDs {
            out.append(contentsOf: try Int64.fetchAll(lookup, arguments: [id, perTerm]))
        }
        return out
    }

    func groupingState(ofStoryKey key: Int64) throws -> StoryGroupingState? {
        if let cached = cache?.state(ofStoryKey: key) { return cached }
        let sql = """
            SELECT c.state FROM story_centroid c JOIN story s ON s.key = c.story_key
            WHERE c.story_key = ? AND s.merged_into IS NULL
            """
        guard let data = try Data.fetchOne(statement(sql), arguments: [key]) else { return nil }
        guard let state = StoryGroupingState(encoded: data) else { throw corrupt("grouping state of story \(key)") }
        cache?.setState(state, ofStoryKey: key)
        return state
    }

    func copyCandidates(bandKeys: [UInt64]) throws -> [String] {
        guard !bandKeys.isEmpty else { return [] }
        let sql = """
            SELECT a.id FROM article a WHERE a.sequence IN
                (SELECT b.article FROM json_each(?) j JOIN copy_band b ON b.band_key = j.value)
            ORDER BY a.sequence
            """
        return try String.fetchAll(statement(sql), arguments: [Self.json(bandKeys.map { Int64(bitPattern: $0) })])
    }

    func exactCopy(of exactKey: UInt64) throws -> String? {
        let sql = "SELECT a.id FROM copy_exact e JOIN article a ON a.sequence = e.article WHERE e.exact_key = ?"
        return try String.fetchOne(statement(sql), arguments: [Int64(bitPattern: exactKey)])
    }
}

/// The `WHERE` clause of a list query, built from the filter fields that are set.
struct SQLConditions {
    private var clauses: [String] = []
    private var values: [any DatabaseValueConvertible] = []

    /// Adds `clause` with its one `?` bound to `value`, when `value` is set.
    mutating func add(_ clause: String, _ value: (any DatabaseValueConvertible)?) {
        guard let value else { return }
        clauses.append(clause)
        values.append(value)
    }

    /// Adds a clause without parameters.
    mutating func add(_ clause: String) { clauses.append(clause) }

    var whereClause: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }

    /// The bound values followed by the `LIMIT` (`-1`: none).
    func arguments(limit: Int?) -> StatementArguments {
        StatementArguments(values + [limit.map { max(0, $0) } ?? -1])
    }
}

import Foundation
import ParallaxCore
import ParallaxStorage
import PostgresNIO

extension PostgresTransaction {
    // MARK: Articles

    func article(id: String) throws -> ArticleRecord? {
        try rows("SELECT \(Self.articleColumns) FROM article a WHERE a.id = $1", id).first.map(articleRecord)
    }

    func annotation(of articleID: String) throws -> ArticleAnnotation? {
        try storedAnnotation(articleID) { try AnnotationCodec.decode($0, text: $1) }
    }

    func annotations(of articleIDs: [String]) throws -> [ArticleAnnotation] {
        try articleIDs.compactMap { try annotation(of: $0) }
    }

    func articles(ids articleIDs: [String]) throws -> [Article] {
        try articleIDs.compactMap { id in try storedAnnotation(id) { try AnnotationCodec.decodeArticle($0, text: $1) } }
    }

    /// Decodes the stored annotation of an article with its text; `nil` for an unknown article.
    private func storedAnnotation<T>(_ id: String, _ decode: (Data, String) throws -> T) throws -> T? {
        let sql = "SELECT n.blob, a.text FROM article a JOIN annotation n ON n.article = a.sequence WHERE a.id = $1"
        guard let row = try rows(sql, id).first else { return nil }
        let (blob, text): (Data, String) = (try row(0), try row(1))
        do { return try decode(blob, text) } catch { throw corrupt("annotation of \(id): \(error)") }
    }

    func articles(_ filter: ArticleFilter) throws -> [ArticleRecord] {
        guard var query = try articleConditions(filter) else { return [] }
        query.add("a.sequence > ?", filter.afterSequence)
        let sql = """
            SELECT \(Self.articleColumns) FROM article a \(query.whereClause)
            ORDER BY a.day DESC NULLS LAST, a.sequence DESC \(query.limit(filter.limit))
            """
        return try rows(sql, binding: query.values).map(articleRecord)
    }

    func forEachArticle(_ filter: ArticleFilter, _ body: (ArticleRecord) throws -> Bool) throws {
        guard let base = try articleConditions(filter) else { return }
        try walk(base, after: filter.afterSequence, limit: filter.limit, key: "a.sequence", body: body) { query in
            try rows("SELECT \(Self.articleColumns) FROM article a \(query)", binding: query.values).map(articleRecord)
        } next: { $0.sequence }
    }

    /// The conditions of an article filter; `nil` when nothing can match (an unknown story).
    private func articleConditions(_ filter: ArticleFilter) throws -> SQLConditions? {
        var query = SQLConditions()
        query.add("a.day >= ?", filter.since?.daysSinceEpoch)
        query.add("a.day <= ?", filter.until?.daysSinceEpoch)
        query.add("a.outlet IN (SELECT id FROM outlet WHERE lower(name) = lower(?))", filter.outlet)
        query.add("lower(a.country) = lower(?)", filter.country)
        if let story = filter.story {
            guard let key = try storyKey(story) else { return nil }
            query.add("a.story = ?", key)
        }
        return query
    }

    /// Hands `body` every row of a query in ascending `key` order, a page at a time (keyset pagination: each
    /// page is one indexed range scan after the last key seen), until `body` returns `false` or `limit` rows.
    private func walk<T>(
        _ base: SQLConditions, after: Int64?, limit: Int?, key: String, body: (T) throws -> Bool,
        page: (SQLConditions) throws -> [T], next: (T) -> Int64
    ) throws {
        var left = max(0, limit ?? Int.max)
        var cursor = after
        while left > 0 {
            var query = base
            query.add("\(key) > ?", cursor)
            let size = min(Self.pageSize, left)
            query.suffix = "ORDER BY \(key) LIMIT \(size)"
            let found = try page(query)
            for item in found {
                guard try body(item) else { return }
            }
            left -= found.count
            guard found.count == size, let last = found.last else { return }
            cursor = next(last)
        }
    }

    func search(_ query: String, limit: Int) throws -> [SearchHit] {
        let words = SearchWords.words(of: query)
        guard !words.isEmpty, limit > 0 else { return [] }
        // The best `limit` by rank first (GIN index), then snippets for those only.
        let sql = """
            WITH q AS (SELECT plainto_tsquery('simple', $1) AS query),
            best AS (
                SELECT a.sequence, ts_rank(a.search, q.query)::float8 AS score FROM article a, q
                WHERE a.search @@ q.query ORDER BY score DESC, a.sequence LIMIT $3
            )
            SELECT \(Self.articleColumns),
                ts_headline('simple',
                    CASE WHEN to_tsvector('simple', left(a.text, 100000)) @@ q.query THEN left(a.text, 100000)
                        ELSE coalesce(a.title, '') END,
                    q.query, $2),
                best.score
            FROM best JOIN article a ON a.sequence = best.sequence, q ORDER BY best.score DESC, a.sequence
            """
        return try rows(sql, words.joined(separator: " "), Self.headlineOptions, limit).map { row in
            let (snippet, highlights) = SnippetMarkers.highlights(in: try row(14))
            return SearchHit(article: try articleRecord(row), snippet: snippet, highlights: highlights, score: try row(15))
        }
    }

    /// `ts_headline` options: the markers of ``SnippetMarkers``, one passage of about 16 words.
    static let headlineOptions =
        "StartSel=\"\(Character(Unicode.Scalar(SnippetMarkers.open)))\", "
        + "StopSel=\"\(Character(Unicode.Scalar(SnippetMarkers.close)))\", "
        + "MaxWords=24, MinWords=10, ShortWord=0, MaxFragments=1, FragmentDelimiter=\" … \""

    // MARK: Stories

    func resolveStory(_ id: String) throws -> String? {
        guard var key = try storyKey(id) else { return nil }
        var current = id
        for _ in 0..<10_000 {
            guard let row = try rows("SELECT s.id, s.merged_into FROM story s WHERE s.key = $1", key).first else {
                return current
            }
            current = try row(0)
            guard let next: Int64 = try row(1) else { return current }
            key = next
        }
        throw corrupt("story \(id): merges form a cycle or a chain over 10,000 long")
    }

    func story(id: String) throws -> StoryRecord? {
        try rows("SELECT \(Self.storyColumns) FROM story s WHERE s.id = $1", id).first.map(storyRecord)
    }

    func storyID(ofKey key: Int64) throws -> String? {
        try rows("SELECT id FROM story WHERE key = $1", key).first?(0)
    }

    func stories(_ filter: StoryFilter) throws -> [StoryRecord] {
        guard var query = storyConditions(filter) else { return [] }
        query.add("s.key > ?", filter.afterKey)
        let sql = """
            SELECT \(Self.storyColumns) FROM story s \(query.whereClause)
            ORDER BY s.article_count DESC, s.last_day DESC NULLS LAST, s.id \(query.limit(filter.limit))
            """
        return try rows(sql, binding: query.values).map(storyRecord)
    }

    func forEachStory(_ filter: StoryFilter, _ body: (StoryRecord) throws -> Bool) throws {
        guard let base = storyConditions(filter) else { return }
        try walk(base, after: filter.afterKey, limit: filter.limit, key: "s.key", body: body) { query in
            try rows("SELECT \(Self.storyColumns) FROM story s \(query)", binding: query.values).map(storyRecord)
        } next: { $0.key }
    }

    /// The conditions of a story filter (without its cursor); `nil` when nothing can match (a search of no word).
    private func storyConditions(_ filter: StoryFilter) -> SQLConditions? {
        var query = SQLConditions()
        query.add("s.merged_into IS NULL")
        query.add("s.article_count >= ?", filter.minArticles)
        query.add("s.last_day >= DATE '1970-01-01' + ?::integer", Self.days(filter.since))
        query.add("s.first_day <= DATE '1970-01-01' + ?::integer", Self.days(filter.until))
        query.add(
            "s.key IN (SELECT story FROM article WHERE outlet IN (SELECT id FROM outlet WHERE lower(name) = lower(?)))",
            filter.outlet)
        query.add("s.key IN (SELECT story FROM article WHERE lower(country) = lower(?))", filter.country)
        if let search = filter.search {
            let words = SearchWords.words(of: search)
            guard !words.isEmpty else { return nil }
            query.add(
                "s.key IN (SELECT story FROM article WHERE search @@ plainto_tsquery('simple', ?))",
                words.joined(separator: " "))
        }
        return query
    }

    func members(ofStory id: String) throws -> [String] {
        guard let key = try storyKey(id) else { return [] }
        return try rows("SELECT id FROM article WHERE story = $1 ORDER BY day IS NULL, day, sequence", key).map { try $0(0) }
    }

    func copyLinks(ofStory id: String) throws -> [CopyLink] {
        guard let key = try storyKey(id) else { return [] }
        let sql = """
            SELECT a.id, c.id FROM article a JOIN article c ON c.sequence = a.copy_of
            WHERE a.story = $1 ORDER BY a.sequence
            """
        return try rows(sql, key).map { CopyLink(copy: try $0(0), original: try $0(1)) }
    }

    func analysis(ofStory id: String) throws -> StoredAnalysis? {
        let sql = """
            SELECT x.json, x.version::bigint, s.stale FROM story s JOIN story_analysis x ON x.story = s.key
            WHERE s.id = $1
            """
        return try rows(sql, id).first.map { StoredAnalysis(data: try $0(0), version: try $0(1), stale: try $0(2)) }
    }

    func staleStories(limit: Int) throws -> [String] {
        let sql = "SELECT id FROM story WHERE stale AND merged_into IS NULL ORDER BY key LIMIT $1"
        return try rows(sql, max(0, limit)).map { try $0(0) }
    }

    func merges(limit: Int) throws -> [StoryMerge] {
        let sql = """
            SELECT f.id, i.id, m.at_article_count FROM story_merge m
            JOIN story f ON f.key = m.from_story JOIN story i ON i.key = m.into_story ORDER BY m.id LIMIT $1
            """
        return try rows(sql, max(0, limit)).map {
            StoryMerge(from: try $0(0), into: try $0(1), atArticleCount: try $0(2))
        }
    }

    // MARK: Corpus

    func issues(limit: Int) throws -> [IngestIssue] {
        let sql = "SELECT input, location, kind, message FROM ingest_issue ORDER BY id LIMIT $1"
        return try rows(sql, max(0, limit)).map {
            IngestIssue(
                input: try $0(0), location: try $0(1), kind: IngestIssue.Kind(rawValue: try $0(2)) ?? .other,
                message: try $0(3))
        }
    }

    func stats() throws -> CorpusStats {
        func count(_ sql: String) throws -> Int { try rows(sql).first?(0) ?? 0 }
        let outlets = try rows(
            "SELECT name, article_count FROM outlet WHERE article_count > 0 ORDER BY article_count DESC, name"
        ).map { CorpusStats.OutletCount(outlet: try $0(0), articles: try $0(1)) }
        func day(_ sql: String) throws -> Day? { try rows(sql).first?.day(0) }
        return CorpusStats(
            articles: try counter("article_count"), copies: try counter("copy_count"),
            stories: try count("SELECT count(*) FROM story WHERE merged_into IS NULL"),
            multiArticleStories: try count(
                "SELECT count(*) FROM story WHERE merged_into IS NULL AND article_count >= 2"),
            merges: try count("SELECT count(*) FROM story_merge"),
            staleStories: try count("SELECT count(*) FROM story WHERE stale AND merged_into IS NULL"),
            issues: try count("SELECT count(*) FROM ingest_issue"), outlets: outlets,
            firstDay: try day("SELECT day::bigint FROM article WHERE day IS NOT NULL ORDER BY day LIMIT 1"),
            lastDay: try day("SELECT day::bigint FROM article WHERE day IS NOT NULL ORDER BY day DESC LIMIT 1"),
            bytes: try rows("SELECT pg_database_size(current_database())").first?(0) ?? 0)
    }

    func meta(_ key: String) throws -> String? {
        try rows("SELECT value FROM meta WHERE key = $1", key).first?(0)
    }

    func writeGeneration() throws -> Int { try counter(Self.generationKey) }

    // MARK: Grouping index

    func documentCount() throws -> Int { try counter("document_count") }

    func vocabulary(of terms: [String]) throws -> [TermEntry?] {
        guard !terms.isEmpty else { return [] }
        var found: [String: TermEntry] = [:]
        for row in try rows("SELECT text, id, df FROM term WHERE text = ANY($1)", terms) {
            let id: Int32 = try row(1)
            let stored: Int = try row(2)
            found[try row(0)] = TermEntry(id: id, documentFrequency: stored + (cache?.pendingIncrement(of: id) ?? 0))
        }
        return terms.map { found[Self.storable($0)] }
    }

    func postings(of termIDs: [Int32], perTerm: Int) throws -> [Int64] {
        guard perTerm > 0, !termIDs.isEmpty else { return [] }
        let sql = """
            SELECT p.story_key FROM unnest($1::integer[]) WITH ORDINALITY AS u(term, n)
            CROSS JOIN LATERAL (
                SELECT story_key FROM story_term WHERE term_id = u.term ORDER BY story_key DESC LIMIT $2
            ) p
            ORDER BY u.n, p.story_key DESC
            """
        return try rows(sql, termIDs, perTerm).map { try $0(0) }
    }

    func groupingState(ofStoryKey key: Int64) throws -> StoryGroupingState? {
        if let cached = cache?.state(ofStoryKey: key) { return cached }
        let sql = """
            SELECT c.state FROM story_centroid c JOIN story s ON s.key = c.story_key
            WHERE c.story_key = $1 AND s.merged_into IS NULL
            """
        guard let data: Data = try rows(sql, key).first?(0) else { return nil }
        guard let state = StoryGroupingState(encoded: data) else { throw corrupt("grouping state of story \(key)") }
        cache?.setState(state, ofStoryKey: key)
        return state
    }

    func copyCandidates(bandKeys: [UInt64]) throws -> [String] {
        guard !bandKeys.isEmpty else { return [] }
        let sql = """
            SELECT a.id FROM article a WHERE a.sequence IN (SELECT article FROM copy_band WHERE band_key = ANY($1))
            ORDER BY a.sequence
            """
        return try rows(sql, bandKeys.map { Int64(bitPattern: $0) }).map { try $0(0) }
    }

    func exactCopy(of exactKey: UInt64) throws -> String? {
        let sql = "SELECT a.id FROM copy_exact e JOIN article a ON a.sequence = e.article WHERE e.exact_key = $1"
        return try rows(sql, Int64(bitPattern: exactKey)).first?(0)
    }
}

/// The `WHERE` clause of a list query, built from the filter fields that are set; each `?` becomes the next `$n`.
struct SQLConditions: CustomStringConvertible {
    private var clauses: [String] = []
    private(set) var values: [(any PostgresThrowingDynamicTypeEncodable)?] = []
    /// What follows the `WHERE` clause (order and limit) in ``description``.
    var suffix = ""

    /// Adds `clause` with its one `?` bound to `value`, when `value` is set.
    mutating func add(_ clause: String, _ value: (any PostgresThrowingDynamicTypeEncodable)?) {
        guard let value else { return }
        values.append(value)
        clauses.append(clause.replacingOccurrences(of: "?", with: "$\(values.count)"))
    }

    /// Adds a clause without parameters.
    mutating func add(_ clause: String) { clauses.append(clause) }

    var whereClause: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }

    /// A `LIMIT` bound as the next parameter, or nothing.
    mutating func limit(_ limit: Int?) -> String {
        guard let limit else { return "" }
        values.append(max(0, limit))
        return "LIMIT $\(values.count)"
    }

    var description: String { whereClause + " " + suffix }
}

import Foundation
import ParallaxCore
import ParallaxStorage
import PostgresNIO

extension PostgresTransaction {
    func putArticle(_ annotation: ArticleAnnotation, record: ArticleRecord, storedForm: Data?) throws {
        let article = annotation.article
        let outlet = try article.outlet.map(outletID)
        let (story, copyOf) = try references(of: record)
        let columns: [(any PostgresThrowingDynamicTypeEncodable)?] = [
            article.source, outlet, record.country, article.url, article.title, article.authors,
            Self.days(article.published), article.language, record.contentHash, article.text,
            article.text.utf8.count, story, copyOf,
        ]
        let existing = try rows("SELECT sequence, outlet, copy_of, story FROM article WHERE id = $1", record.id).first
        let sequence: Int64
        if let existing {
            sequence = try existing(0)
            let (oldOutlet, oldCopy, oldStory): (Int64?, Int64?, Int64?) = (try existing(1), try existing(2), try existing(3))
            try rows(
                """
                UPDATE article SET source = $1, outlet = $2, country = $3, url = $4, title = $5, authors = $6,
                    published = DATE '1970-01-01' + $7::integer, day = $7::integer, language = $8, content_hash = $9,
                    text = $10, text_bytes = $11, story = coalesce($12, story), copy_of = coalesce($13, copy_of)
                WHERE sequence = $14
                """, binding: columns + [sequence])
            if oldOutlet != outlet {
                try countOutlet(oldOutlet, -1)
                try countOutlet(outlet, 1)
            }
            if oldCopy == nil, copyOf != nil { try addToCounter("copy_count", 1) }
            let touched = Array(Set([oldStory, story].compactMap { $0 }))
            if !touched.isEmpty { try execute("UPDATE story SET stale = true WHERE key = ANY($1)", touched) }
        } else {
            let inserted: Int64? = try rows(
                """
                INSERT INTO article (id, source, outlet, country, url, title, authors, published, day, language,
                    content_hash, text, text_bytes, story, copy_of)
                VALUES ($1, $2, $3, $4, $5, $6, $7, DATE '1970-01-01' + $8::integer, $8::integer, $9, $10, $11, $12,
                    $13, $14)
                RETURNING sequence
                """, binding: [record.id] + columns
            ).first?(0)
            guard let inserted else { throw corrupt("article \(record.id) not stored") }
            sequence = inserted
            try countOutlet(outlet, 1)
            try addToCounter("article_count", 1)
            if copyOf != nil { try addToCounter("copy_count", 1) }
        }
        let blob = try blob(of: annotation, storedForm: storedForm)
        try execute(
            """
            INSERT INTO annotation (article, version, blob) VALUES ($1, $2, $3)
            ON CONFLICT (article) DO UPDATE SET version = excluded.version, blob = excluded.blob
            """, sequence, Int32(clamping: annotation.version), blob)
    }

    /// The outlet's id, creating its row the first time (a read, not a write, for a known outlet).
    private func outletID(_ name: String) throws -> Int64 {
        if let id: Int64 = try rows("SELECT id FROM outlet WHERE name = $1", name).first?(0) { return id }
        guard let id: Int64 = try rows("INSERT INTO outlet (name) VALUES ($1) RETURNING id", name).first?(0) else {
            throw corrupt("outlet \(name) not stored")
        }
        return id
    }

    private func countOutlet(_ outlet: Int64?, _ delta: Int) throws {
        guard let outlet else { return }
        try execute("UPDATE outlet SET article_count = article_count + $1 WHERE id = $2", delta, outlet)
    }

    func setStory(ofArticle id: String, to story: String) throws {
        guard let key = try storyKey(story) else { throw invalid("unknown story \(story)") }
        guard try execute("UPDATE article SET story = $1 WHERE id = $2", key, id) > 0 else {
            throw invalid("unknown article \(id)")
        }
    }

    func createStory(_ record: StoryRecord, state: StoryGroupingState) throws -> Int64 {
        guard try storyKey(record.id) == nil else { throw invalid("story \(record.id) exists already") }
        let sql = """
            INSERT INTO story (id, title, article_count, outlets, countries, first_day, last_day, stale)
            VALUES ($1, $2, $3, $4, $5, DATE '1970-01-01' + $6::integer, DATE '1970-01-01' + $7::integer, true)
            RETURNING key
            """
        guard let key: Int64 = try rows(sql, binding: storyValues(record)).first?(0) else {
            throw corrupt("story \(record.id) not stored")
        }
        try setGroupingState(state, ofStoryKey: key)
        return key
    }

    private func storyValues(_ record: StoryRecord) -> [(any PostgresThrowingDynamicTypeEncodable)?] {
        [
            record.id, record.title, record.articleCount, record.outlets, record.countries, Self.days(record.firstDay),
            Self.days(record.lastDay),
        ]
    }

    func updateStory(_ record: StoryRecord) throws {
        let sql = """
            UPDATE story SET title = $2, article_count = $3, outlets = $4, countries = $5,
                first_day = DATE '1970-01-01' + $6::integer, last_day = DATE '1970-01-01' + $7::integer, stale = true
            WHERE id = $1
            """
        let changed = try run(sql, storyValues(record)).metadata.rows ?? 0
        guard changed > 0 else { throw invalid("unknown story \(record.id)") }
    }

    func setGroupingState(_ state: StoryGroupingState, ofStoryKey key: Int64) throws {
        let changed = try execute(
            """
            INSERT INTO story_centroid (story_key, state) SELECT key, $2 FROM story WHERE key = $1
            ON CONFLICT (story_key) DO UPDATE SET state = excluded.state
            """, key, state.encoded())
        guard changed > 0 else { throw invalid("unknown story key \(key)") }
        cache?.setState(state, ofStoryKey: key)
    }

    func mergeStory(_ from: String, into: String) throws {
        guard from != into else { throw invalid("story \(from) cannot be merged into itself") }
        let live = "SELECT key FROM story WHERE id = $1 AND merged_into IS NULL"
        guard let fromKey: Int64 = try rows(live, from).first?(0) else {
            throw invalid("story \(from) is unknown or merged already")
        }
        guard let intoKey: Int64 = try rows(live, into).first?(0) else {
            throw invalid("story \(into) is unknown or merged already")
        }
        try execute("UPDATE article SET story = $1 WHERE story = $2", intoKey, fromKey)
        try execute("UPDATE story SET merged_into = $1, stale = false WHERE key = $2", intoKey, fromKey)
        try execute("UPDATE story SET stale = true WHERE key = $1", intoKey)
        try execute(
            "INSERT INTO story_merge (from_story, into_story, at_article_count) VALUES ($1, $2, $3)", fromKey, intoKey,
            try counter("article_count"))
        try execute("DELETE FROM story_term WHERE story_key = $1", fromKey)
        try execute("DELETE FROM story_centroid WHERE story_key = $1", fromKey)
        cache?.setState(nil, ofStoryKey: fromKey)
    }

    func saveAnalysis(_ data: Data, version: Int, ofStory id: String) throws {
        guard let key = try storyKey(id) else { throw invalid("unknown story \(id)") }
        try execute(
            """
            INSERT INTO story_analysis (story, version, json) VALUES ($1, $2, $3)
            ON CONFLICT (story) DO UPDATE SET version = excluded.version, json = excluded.json, made_at = now()
            """, key, Int32(clamping: version), data)
        try execute("UPDATE story SET stale = false WHERE key = $1", key)
    }

    func addIssue(_ issue: IngestIssue) throws {
        try execute(
            "INSERT INTO ingest_issue (kind, input, location, message) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            issue.kind.rawValue, issue.input, issue.location, issue.message)
    }

    func setMeta(_ key: String, _ value: String) throws {
        try execute(
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key,
            value)
    }

    func observe(terms: [String]) throws -> [TermEntry] {
        // Distinct terms, as stored (NUL replaced), in first-seen order; those the writer's cache knows are counted
        // there (written once per transaction by ``writePendingFrequencies()``).
        var seen = Set<String>()
        let distinct = terms.map(Self.storable).filter { seen.insert($0).inserted }
        var entries: [String: TermEntry] = [:]
        entries.reserveCapacity(distinct.count)
        var uncached: [String] = []
        for term in distinct {
            if let entry = cache?.count(term) { entries[term] = entry } else { uncached.append(term) }
        }
        func collect(_ found: [Row]) throws {
            for row in found {
                let term: String = try row(0)
                let entry = TermEntry(id: try row(1), documentFrequency: try row(2))
                entries[term] = entry
                cache?.remember(term, entry)
            }
        }
        if !uncached.isEmpty {
            // Known terms counted in one statement, unknown ones inserted in another: writers run one at a time
            // (the advisory lock), so no other transaction inserts the same term meanwhile.
            try collect(rows("UPDATE term SET df = df + 1 WHERE text = ANY($1) RETURNING text, id, df", uncached))
            let unknown = uncached.filter { entries[$0] == nil }
            if !unknown.isEmpty {
                try collect(
                    rows(
                        """
                        INSERT INTO term (text, df) SELECT t, 1 FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n)
                        ORDER BY n RETURNING text, id, df
                        """, unknown))
            }
        }
        try addToCounter("document_count", 1)
        return try terms.map { term in
            guard let entry = entries[Self.storable(term)] else { throw corrupt("term \(term) not stored") }
            return entry
        }
    }

    /// Writes the document-frequency increments the writer's cache gathered in this transaction (one statement).
    func writePendingFrequencies() throws {
        guard let pending = cache?.takePending(), !pending.isEmpty else { return }
        try execute(
            """
            UPDATE term SET df = term.df + u.inc FROM unnest($1::integer[], $2::bigint[]) AS u(id, inc)
            WHERE term.id = u.id
            """, pending.map(\.id), pending.map { Int64($0.increment) })
    }

    func post(termIDs: [Int32], story key: Int64) throws {
        guard !termIDs.isEmpty else { return }
        try execute(
            "INSERT INTO story_term (term_id, story_key) SELECT unnest($1::integer[]), $2 ON CONFLICT DO NOTHING",
            termIDs, key)
    }

    func addCopyKeys(bandKeys: [UInt64], exactKey: UInt64, article id: String) throws {
        guard let sequence = try articleSequence(id) else { throw invalid("unknown article \(id)") }
        if !bandKeys.isEmpty {
            try execute(
                """
                INSERT INTO copy_band (band_key, article) SELECT DISTINCT unnest($1::bigint[]), $2
                ON CONFLICT DO NOTHING
                """, bandKeys.map { Int64(bitPattern: $0) }, sequence)
        }
        try execute(
            "INSERT INTO copy_exact (exact_key, article) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            Int64(bitPattern: exactKey), sequence)
    }
}

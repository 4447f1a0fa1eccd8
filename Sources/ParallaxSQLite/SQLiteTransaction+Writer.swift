import Foundation
import GRDB
import ParallaxCore
import ParallaxStorage

extension SQLiteTransaction {
    func putArticle(_ annotation: ArticleAnnotation, record: ArticleRecord, storedForm: Data?) throws {
        let article = annotation.article
        let outlet = try article.outlet.map(outletID)
        let (story, copyOf) = try references(of: record)
        let columns: [any DatabaseValueConvertible & Sendable] = [
            article.source, outlet, record.country, article.url, article.title, Self.json(article.authors),
            article.published?.description, article.published?.daysSinceEpoch, article.language, record.contentHash,
            article.text, article.text.utf8.count, story, copyOf,
        ]
        let existing = try Row.fetchOne(
            statement("SELECT sequence, outlet, copy_of, story FROM article WHERE id = ?"), arguments: [record.id])
        let sequence: Int64
        if let existing {
            sequence = try column(existing, 0)
            let oldOutlet: Int64? = try optionalColumn(existing, 1)
            let oldCopy: Int64? = try optionalColumn(existing, 2)
            let oldStory: Int64? = try optionalColumn(existing, 3)
            try statement(
                """
                UPDATE article SET source = ?, outlet = ?, country = ?, url = ?, title = ?, authors = ?, published = ?,
                    day = ?, language = ?, content_hash = ?, text = ?, text_bytes = ?, story = coalesce(?, story),
                    copy_of = coalesce(?, copy_of)
                WHERE sequence = ?
                """
            ).execute(arguments: StatementArguments(columns + [sequence]))
            if oldOutlet != outlet {
                try countOutlet(oldOutlet, -1)
                try countOutlet(outlet, 1)
            }
            if oldCopy == nil, copyOf != nil { try addToCounter("copy_count", 1) }
            for key in Set([oldStory, story].compactMap { $0 }) {
                try statement("UPDATE story SET stale = 1 WHERE key = ?").execute(arguments: [key])
            }
        } else {
            try statement(
                """
                INSERT INTO article (id, source, outlet, country, url, title, authors, published, day, language,
                    content_hash, text, text_bytes, story, copy_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).execute(arguments: StatementArguments([record.id] + columns))
            sequence = db.lastInsertedRowID
            try countOutlet(outlet, 1)
            try addToCounter("article_count", 1)
            if copyOf != nil { try addToCounter("copy_count", 1) }
        }
        let blob = try blob(of: annotation, storedForm: storedForm)
        try statement(
            """
            INSERT INTO annotation (article, version, blob) VALUES (?, ?, ?)
            ON CONFLICT (article) DO UPDATE SET version = excluded.version, blob = excluded.blob
            """
        ).execute(arguments: [sequence, annotation.version, blob])
    }

    /// The outlet's id, creating its row the first time (a read, not a write, for a known outlet).
    private func outletID(_ name: String) throws -> Int64 {
        if let id = try Int64.fetchOne(statement("SELECT id FROM outlet WHERE name = ?"), arguments: [name]) { return id }
        try statement("INSERT INTO outlet (name) VALUES (?)").execute(arguments: [name])
        return db.lastInsertedRowID
    }

    private func countOutlet(_ outlet: Int64?, _ delta: Int) throws {
        guard let outlet else { return }
        try statement("UPDATE outlet SET article_count = article_count + ? WHERE id = ?").execute(arguments: [delta, outlet])
    }

    func setStory(ofArticle id: String, to story: String) throws {
        guard let key = try storyKey(story) else { throw invalid("unknown story \(story)") }
        try statement("UPDATE article SET story = ? WHERE id = ?").execute(arguments: [key, id])
        guard db.changesCount > 0 else { throw invalid("unknown article \(id)") }
    }

    func createStory(_ record: StoryRecord, state: StoryGroupingState) throws -> Int64 {
        guard try storyKey(record.id) == nil else { throw invalid("story \(record.id) exists already") }
        try statement(
            """
            INSERT INTO story (id, title, article_count, outlets, countries, first_day, last_day, stale)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1)
            """
        ).execute(arguments: storyArguments(record))
        let key = db.lastInsertedRowID
        try setGroupingState(state, ofStoryKey: key)
        return key
    }

    private func storyArguments(_ record: StoryRecord) -> StatementArguments {
        [
            record.id, record.title, record.articleCount, Self.json(record.outlets), Self.json(record.countries),
            record.firstDay?.description, record.lastDay?.description,
        ]
    }

    func updateStory(_ record: StoryRecord) throws {
        try statement(
            """
            UPDATE story SET title = ?2, article_count = ?3, outlets = ?4, countries = ?5, first_day = ?6,
                last_day = ?7, stale = 1
            WHERE id = ?1
            """
        ).execute(arguments: storyArguments(record))
        guard db.changesCount > 0 else { throw invalid("unknown story \(record.id)") }
    }

    func setGroupingState(_ state: StoryGroupingState, ofStoryKey key: Int64) throws {
        try statement(
            """
            INSERT INTO story_centroid (story_key, state) VALUES (?, ?)
            ON CONFLICT (story_key) DO UPDATE SET state = excluded.state
            """
        ).execute(arguments: [key, state.encoded()])
        cache?.setState(state, ofStoryKey: key)
    }

    func mergeStory(_ from: String, into: String) throws {
        guard from != into else { throw invalid("story \(from) cannot be merged into itself") }
        let live = try statement("SELECT key FROM story WHERE id = ? AND merged_into IS NULL")
        guard let fromKey = try Int64.fetchOne(live, arguments: [from]) else {
            throw invalid("story \(from) is unknown or merged already")
        }
        guard let intoKey = try Int64.fetchOne(live, arguments: [into]) else {
            throw invalid("story \(into) is unknown or merged already")
        }
        try statement("UPDATE article SET story = ? WHERE story = ?").execute(arguments: [intoKey, fromKey])
        try statement("UPDATE story SET merged_into = ?, stale = 0 WHERE key = ?").execute(arguments: [intoKey, fromKey])
        try statement("UPDATE story SET stale = 1 WHERE key = ?").execute(arguments: [intoKey])
        try statement("INSERT INTO story_merge (from_story, into_story, at_article_count) VALUES (?, ?, ?)")
            .execute(arguments: [fromKey, intoKey, counter("article_count")])
        try statement("DELETE FROM story_term WHERE story_key = ?").execute(arguments: [fromKey])
        try statement("DELETE FROM story_centroid WHERE story_key = ?").execute(arguments: [fromKey])
        cache?.setState(nil, ofStoryKey: fromKey)
    }

    func saveAnalysis(_ data: Data, version: Int, ofStory id: String) throws {
        guard let key = try storyKey(id) else { throw invalid("unknown story \(id)") }
        try statement(
            """
            INSERT INTO story_analysis (story, version, json) VALUES (?, ?, ?)
            ON CONFLICT (story) DO UPDATE SET version = excluded.version, json = excluded.json,
                made_at = excluded.made_at
            """
        ).execute(arguments: [key, version, data])
        try statement("UPDATE story SET stale = 0 WHERE key = ?").execute(arguments: [key])
    }

    func addIssue(_ issue: IngestIssue) throws {
        try statement("INSERT OR IGNORE INTO ingest_issue (kind, input, location, message) VALUES (?, ?, ?, ?)")
            .execute(arguments: [issue.kind.rawValue, issue.input, issue.location, issue.message])
    }

    func setMeta(_ key: String, _ value: String) throws {
        try statement("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .execute(arguments: [key, value])
    }

    func observe(terms: [String]) throws -> [TermEntry] {
        var unknown: [String] = []
        var entries: [String: TermEntry] = [:]
        entries.reserveCapacity(terms.count)
        for term in terms where entries[term] == nil {
            if let entry = cache?.count(term) {
                entries[term] = entry
            } else {
                entries[term] = TermEntry(id: -1, documentFrequency: 0)  // placeholder until read below
                unknown.append(term)
            }
        }
        if !unknown.isEmpty {
            // One statement for the terms not cached (json_each), so the cost per article is one call, not one
            // per term.
            let upsert = try statement(
                """
                INSERT INTO term (text, df) SELECT value, 1 FROM json_each(?) WHERE true
                ON CONFLICT (text) DO UPDATE SET df = df + 1 RETURNING text, id, df
                """)
            let rows = try Row.fetchCursor(upsert, arguments: [Self.json(unknown)])
            while let row = try rows.next() {
                let term: String = try column(row, 0)
                let entry = TermEntry(id: try termID(column(row, 1)), documentFrequency: try column(row, 2))
                entries[term] = entry
                cache?.remember(term, entry)
            }
        }
        try addToCounter("document_count", 1)
        return try terms.map { term in
            guard let entry = entries[term], entry.id >= 0 else { throw corrupt("term \(term) not stored") }
            return entry
        }
    }

    func post(termIDs: [Int32], story key: Int64) throws {
        guard !termIDs.isEmpty else { return }
        try statement("INSERT OR IGNORE INTO story_term (term_id, story_key) SELECT value, ? FROM json_each(?)")
            .execute(arguments: [key, Self.json(termIDs)])
    }

    func addCopyKeys(bandKeys: [UInt64], exactKey: UInt64, article id: String) throws {
        guard let sequence = try articleSequence(id) else { throw invalid("unknown article \(id)") }
        if !bandKeys.isEmpty {
            try statement("INSERT OR IGNORE INTO copy_band (band_key, article) SELECT value, ? FROM json_each(?)")
                .execute(arguments: [sequence, Self.json(bandKeys.map { Int64(bitPattern: $0) })])
        }
        try statement("INSERT OR IGNORE INTO copy_exact (exact_key, article) VALUES (?, ?)")
            .execute(arguments: [Int64(bitPattern: exactKey), sequence])
    }
}

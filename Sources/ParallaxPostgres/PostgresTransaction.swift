import Foundation
import ParallaxCore
import ParallaxStorage
import PostgresNIO

/// ``CorpusReader`` and ``CorpusWriter`` over one connection, inside one transaction of ``PostgresStore``.
///
/// Each call is one or a few statements on indexed columns (the same plan as the SQLite driver: see
/// docs/SCHEMA.md); lists of values travel as arrays (`unnest`, `= ANY`), never as one statement per value.
struct PostgresTransaction: CorpusWriter, KeyedCorpusTransaction {
    let session: PostgresSession
    let location: String
    /// The writer's cache of grouping states, in write transactions only (reads see the database as it is).
    var cache: PostgresWriterCache? = nil

    /// The `meta` key of the number bumped by every committed write transaction.
    static let generationKey = "write_generation"

    /// Rows fetched per round trip by the streaming walks (`forEach...`): their memory stays bounded.
    static let pageSize = 256

    // MARK: Statements

    /// Runs `sql` with `values` bound to `$1`, `$2`, ... (`nil` binds NULL) and returns its rows.
    @discardableResult
    func rows(_ sql: String, _ values: (any PostgresThrowingDynamicTypeEncodable)?...) throws -> [Row] {
        try rows(sql, binding: values)
    }

    func rows(_ sql: String, binding values: [(any PostgresThrowingDynamicTypeEncodable)?]) throws -> [Row] {
        try run(sql, values).rows.map { Row(cells: PostgresRandomAccessRow($0), transaction: self) }
    }

    /// Runs `sql` and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: (any PostgresThrowingDynamicTypeEncodable)?...) throws -> Int {
        try run(sql, values).metadata.rows ?? 0
    }

    func run(_ sql: String, _ values: [(any PostgresThrowingDynamicTypeEncodable)?]) throws
        -> PostgresQueryResult
    {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            guard let value else {
                binds.appendNull()
                continue
            }
            // PostgreSQL text holds no NUL: one byte for one byte, so UTF-8 offsets into stored text stay valid.
            if let text = value as? String {
                binds.append(Self.storable(text))
            } else if let texts = value as? [String] {
                binds.append(texts.map(Self.storable))
            } else {
                try binds.append(value)
            }
        }
        return try session.query(sql, binds)
    }

    /// `text` with each NUL (which PostgreSQL text cannot hold) replaced by U+001A SUBSTITUTE, also one byte.
    static func storable(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(decoding: text.utf8.map { $0 == 0 ? 0x1A : $0 }, as: UTF8.self)
    }

    /// One result row, decoded column by column; a value of another shape is ``StoreError/Kind/corrupt``.
    struct Row {
        let cells: PostgresRandomAccessRow
        let transaction: PostgresTransaction

        func callAsFunction<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
            guard index < cells.count else { throw transaction.corrupt("no column \(index)") }
            do { return try cells[index].decode(T.self) } catch {
                throw transaction.corrupt("column \(cells[index].columnName): \(String(reflecting: error))")
            }
        }

        func day(_ index: Int) throws -> Day? { try self(index, as: Int?.self).map { Day(daysSinceEpoch: $0) } }
    }

    func corrupt(_ message: String) -> StoreError { StoreError(.corrupt, location: location, message: message) }

    func invalid(_ message: String) -> StoreError { StoreError(.invalidOperation, location: location, message: message) }

    /// A day as a bind: days since 1970-01-01 (`'1970-01-01'::date + $n` in SQL).
    static func days(_ day: Day?) -> Int32? { day.map { Int32(clamping: $0.daysSinceEpoch) } }

    /// SQL for a stored date as days since 1970-01-01 (`NULL` stays `NULL`).
    static func daysOf(_ column: String) -> String { "(\(column) - DATE '1970-01-01')::bigint" }

    func storyKey(_ id: String) throws -> Int64? {
        try rows("SELECT key FROM story WHERE id = $1", id).first?(0)
    }

    func articleSequence(_ id: String) throws -> Int64? {
        try rows("SELECT sequence FROM article WHERE id = $1", id).first?(0)
    }

    func counter(_ key: String) throws -> Int {
        try rows("SELECT value::bigint FROM meta WHERE key = $1", key).first?(0, as: Int.self) ?? 0
    }

    func addToCounter(_ key: String, _ delta: Int) throws {
        guard delta != 0 else { return }
        try execute("UPDATE meta SET value = (value::bigint + $1)::text WHERE key = $2", delta, key)
    }

    // MARK: Article rows

    /// The columns of an ``ArticleRecord``, in ``articleRecord(_:)`` order; `a` is the article table.
    static let articleColumns = """
        a.id, a.source, (SELECT name FROM outlet WHERE id = a.outlet), a.country, a.url, a.title, a.authors,
        \(daysOf("a.published")), a.language, a.content_hash, a.text_bytes, (SELECT id FROM story WHERE key = a.story),
        (SELECT id FROM article WHERE sequence = a.copy_of), a.sequence
        """

    func articleRecord(_ row: Row) throws -> ArticleRecord {
        ArticleRecord(
            id: try row(0), source: try row(1), outlet: try row(2), country: try row(3), url: try row(4),
            title: try row(5), authors: try row(6), published: try row.day(7), language: try row(8),
            contentHash: try row(9), textBytes: try row(10), story: try row(11), copyOf: try row(12),
            sequence: try row(13))
    }

    // MARK: Story rows

    static let storyColumns = """
        s.id, s.key, s.title, s.article_count, s.outlets, s.countries, \(daysOf("s.first_day")),
        \(daysOf("s.last_day")), (SELECT id FROM story WHERE key = s.merged_into), s.stale
        """

    func storyRecord(_ row: Row) throws -> StoryRecord {
        StoryRecord(
            id: try row(0), key: try row(1), title: try row(2), articleCount: try row(3), outlets: try row(4),
            countries: try row(5), firstDay: try row.day(6), lastDay: try row.day(7), mergedInto: try row(8),
            stale: try row(9))
    }
}

extension PostgresTransaction {
    func releaseCaches() { cache?.dropCaches() }
}

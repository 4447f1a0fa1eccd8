import Foundation
import GRDB
import ParallaxCore
import ParallaxStorage

/// ``CorpusReader`` and ``CorpusWriter`` over one GRDB connection, inside one transaction of ``SQLiteStore``.
///
/// Every statement is cached on the connection; lookups go through integer keys and indexes, so each call costs
/// a bounded number of index operations (see docs/SCHEMA.md).
struct SQLiteTransaction: CorpusWriter, KeyedCorpusTransaction {
    let db: Database
    let location: String
    /// The writer's cache, in write transactions only (reads see the file as it is).
    var cache: WriterCache? = nil

    // MARK: Helpers

    func statement(_ sql: String) throws -> Statement { try db.cachedStatement(sql: sql) }

    func corrupt(_ message: String) -> StoreError { StoreError(.corrupt, location: location, message: message) }

    func invalid(_ message: String) -> StoreError { StoreError(.invalidOperation, location: location, message: message) }

    /// A column of a row, typed; a value of another shape is ``StoreError/Kind/corrupt``.
    func column<T: DatabaseValueConvertible & StatementColumnConvertible>(_ row: Row, _ index: Int) throws -> T {
        do { return try row.decode(atIndex: index) } catch { throw corrupt("column \(index): \(error)") }
    }

    func optionalColumn<T: DatabaseValueConvertible & StatementColumnConvertible>(_ row: Row, _ index: Int) throws -> T? {
        do { return try row.decode(atIndex: index) } catch { throw corrupt("column \(index): \(error)") }
    }

    func storyKey(_ id: String) throws -> Int64? {
        try Int64.fetchOne(statement("SELECT key FROM story WHERE id = ?"), arguments: [id])
    }

    func articleSequence(_ id: String) throws -> Int64? {
        try Int64.fetchOne(statement("SELECT sequence FROM article WHERE id = ?"), arguments: [id])
    }

    func counter(_ key: String) throws -> Int {
        try Int.fetchOne(statement("SELECT value FROM meta WHERE key = ?"), arguments: [key]) ?? 0
    }

    func addToCounter(_ key: String, _ delta: Int) throws {
        guard delta != 0 else { return }
        try statement("UPDATE meta SET value = value + ? WHERE key = ?").execute(arguments: [delta, key])
    }

    /// A JSON array of integers (for `json_each` batches).
    static func json<T: BinaryInteger>(_ values: [T]) -> String {
        "[" + values.map { String($0) }.joined(separator: ",") + "]"
    }

    /// A JSON array of strings (written by hand: this runs for every stored article).
    static func json(_ strings: [String]) -> String {
        var out = "["
        out.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        for (i, s) in strings.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                out += s
                out += "\""
                continue
            }
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }

    func strings(json: String?) throws -> [String] {
        guard let json, !json.isEmpty else { return [] }
        do { return try JSONDecoder().decode([String].self, from: Data(json.utf8)) } catch {
            throw corrupt("not a JSON list of strings: \(json.prefix(80))")
        }
    }

    // MARK: Article rows

    /// The columns of an ``ArticleRecord``, in ``articleRecord(_:)`` order; `a` is the article table.
    static let articleColumns = """
        a.id, a.source, (SELECT name FROM outlet WHERE id = a.outlet), a.country, a.url, a.title, a.authors,
        a.published, a.language, a.content_hash, a.text_bytes, (SELECT id FROM story WHERE key = a.story),
        (SELECT id FROM article WHERE sequence = a.copy_of), a.sequence
        """

    func articleRecord(_ row: Row) throws -> ArticleRecord {
        let published: String? = try optionalColumn(row, 7)
        return ArticleRecord(
            id: try column(row, 0), source: try column(row, 1), outlet: try optionalColumn(row, 2),
            country: try optionalColumn(row, 3), url: try optionalColumn(row, 4), title: try optionalColumn(row, 5),
            authors: try strings(json: try optionalColumn(row, 6)), published: published.flatMap { Day(iso: $0) },
            language: try optionalColumn(row, 8), contentHash: try column(row, 9), textBytes: try column(row, 10),
            story: try optionalColumn(row, 11), copyOf: try optionalColumn(row, 12), sequence: try column(row, 13))
    }

    // MARK: Story rows

    static let storyColumns = """
        s.id, s.key, s.title, s.article_count, s.outlets, s.countries, s.first_day, s.last_day,
        (SELECT id FROM story WHERE key = s.merged_into), s.stale
        """

    func storyRecord(_ row: Row) throws -> StoryRecord {
        let first: String? = try optionalColumn(row, 6)
        let last: String? = try optionalColumn(row, 7)
        return StoryRecord(
            id: try column(row, 0), key: try column(row, 1), title: try column(row, 2),
            articleCount: try column(row, 3), outlets: try strings(json: try optionalColumn(row, 4)),
            countries: try strings(json: try optionalColumn(row, 5)), firstDay: first.flatMap { Day(iso: $0) },
            lastDay: last.flatMap { Day(iso: $0) }, mergedInto: try optionalColumn(row, 8),
            stale: try column(row, 9))
    }
}

extension SQLiteTransaction {
    func releaseCaches() { cache?.dropCaches() }
}

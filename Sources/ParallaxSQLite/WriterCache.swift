import GRDB
import ParallaxCore

/// What the writer of one ``SQLiteStore`` keeps in memory between its write transactions: the vocabulary (term ->
/// id and document frequency) and the grouping states of recently touched stories, the two things read for
/// every ingested article.
///
/// Valid only while this process is the database's only writer: every write transaction bumps the
/// `write_generation` counter, and a transaction that finds another generation than the one it left (another
/// process wrote, or a commit failed) starts from an empty cache. Document-frequency increments of known terms
/// are gathered in memory and written once per transaction (``finish(_:)``), before the commit, so the file is
/// always consistent with the articles it holds. A transaction that fails empties the cache.
///
/// Only touched inside `DatabasePool.write`, which runs one transaction at a time: no lock of its own.
final class WriterCache: @unchecked Sendable {
    /// Terms kept at most (emptied when full, at the start of a transaction: the pending increments are written
    /// by then) and states kept at most (emptied when full: states are written through, so at any time).
    static let maxTerms = 2_000_000
    static let maxStates = 16_384
    static let generationKey = "write_generation"

    private var generation: Int?
    private(set) var terms: [String: TermEntry] = [:]
    /// Document-frequency increments of cached terms not yet written, by term id.
    private(set) var pending: [Int32: Int] = [:]
    private(set) var states: [Int64: StoryGroupingState] = [:]

    /// Starts a write transaction: drops everything when the database was written by someone else since.
    func begin(_ db: Database) throws {
        let current = try Int.fetchOne(
            db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.generationKey]) ?? 0
        if current != generation { reset() }
        if terms.count > Self.maxTerms { terms.removeAll() }
        generation = current
    }

    /// Ends a write transaction's body: writes the pending document frequencies and bumps the generation.
    func finish(_ db: Database) throws {
        if !pending.isEmpty {
            let update = try db.cachedStatement(sql: "UPDATE term SET df = df + ? WHERE id = ?")
            for (id, delta) in pending { try update.execute(arguments: [delta, id]) }
            pending.removeAll(keepingCapacity: true)
        }
        let next = (generation ?? 0) + 1
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [Self.generationKey, next])
        generation = next
    }

    /// Forgets everything (a failed transaction, another writer).
    func reset() {
        terms.removeAll()
        pending.removeAll()
        states.removeAll()
        generation = nil
    }

    // MARK: Vocabulary

    /// Counts one more document for a cached term; its entry after the count, or `nil` when not cached.
    func count(_ term: String) -> TermEntry? {
        guard var entry = terms[term] else { return nil }
        entry.documentFrequency += 1
        terms[term] = entry
        pending[entry.id, default: 0] += 1
        return entry
    }

    /// Caches a term's entry as the database holds it now (no increment pending for it).
    func remember(_ term: String, _ entry: TermEntry) { terms[term] = entry }

    /// A term's document frequency with the increments not yet written.
    func pendingIncrement(of id: Int32) -> Int { pending[id] ?? 0 }

    // MARK: Grouping states

    func state(ofStoryKey key: Int64) -> StoryGroupingState? { states[key] }

    func setState(_ state: StoryGroupingState?, ofStoryKey key: Int64) {
        if state != nil, states.count >= Self.maxStates, states[key] == nil { states.removeAll(keepingCapacity: true) }
        states[key] = state
    }
}

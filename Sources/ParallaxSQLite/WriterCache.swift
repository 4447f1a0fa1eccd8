import GRDB
import ParallaxCore
import ParallaxStorage

/// The writer's ``WriterMemory`` of one ``SQLiteStore`` (vocabulary and grouping states) and its I/O: every write
/// transaction reads the `write_generation` counter first (``begin(_:)``), and writes the pending
/// document-frequency increments and the next generation last (``finish(_:)``), before the commit, so the file is
/// always consistent with the articles it holds. A transaction that fails empties the memory.
///
/// Only touched inside `DatabasePool.write`, which runs one transaction at a time: no lock of its own.
final class WriterCache: @unchecked Sendable {
    static let generationKey = "write_generation"

    private var memory = WriterMemory()

    /// Starts a write transaction: drops everything when the database was written by someone else since.
    func begin(_ db: Database) throws {
        let current = try Int.fetchOne(
            db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.generationKey]) ?? 0
        memory.begin(generation: current)
    }

    /// Ends a write transaction's body: writes the pending document frequencies and bumps the generation.
    func finish(_ db: Database) throws {
        let pending = memory.takePending()
        if !pending.isEmpty {
            let update = try db.cachedStatement(sql: "UPDATE term SET df = df + ? WHERE id = ?")
            for (id, delta) in pending { try update.execute(arguments: [delta, id]) }
        }
        let next = (memory.generation ?? 0) + 1
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [Self.generationKey, next])
        memory.finished(generation: next)
    }

    /// Forgets everything (a failed transaction, another writer).
    func reset() { memory.reset() }

    /// Frees the cached vocabulary and states (``WriterMemory/dropCaches()``).
    func dropCaches() { memory.dropCaches() }

    func count(_ term: String) -> TermEntry? { memory.count(term) }

    func remember(_ term: String, _ entry: TermEntry) { memory.remember(term, entry) }

    func pendingIncrement(of id: Int32) -> Int { memory.pendingIncrement(of: id) }

    func state(ofStoryKey key: Int64) -> StoryGroupingState? { memory.state(ofStoryKey: key) }

    func setState(_ state: StoryGroupingState?, ofStoryKey key: Int64) { memory.setState(state, ofStoryKey: key) }
}

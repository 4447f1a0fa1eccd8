import ParallaxCore

/// What a store's single writer keeps in memory between its write transactions, whatever the database: the
/// vocabulary (term -> id and document frequency) and the grouping states of recently touched stories, the two
/// things the incremental grouping reads for every ingested article.
///
/// Valid only while this process wrote last: a transaction starts with ``begin(generation:)`` and the database's
/// `write_generation`, and any other value than the one left by ``finished(generation:)`` (another process wrote, a
/// commit failed) empties it. Document-frequency increments of known terms are gathered here and written by the
/// driver once per transaction (``takePending()``, before the commit), so the database always matches the articles
/// it holds. States are written through. No I/O and no lock of its own: the driver's writer owns it.
public struct WriterMemory: Sendable {
    /// Terms kept at most (emptied when full, at the start of a transaction: the pending increments are written
    /// by then) and states kept at most (emptied when full: states are written through, so at any time).
    public static let maxTerms = 2_000_000
    public static let maxStates = 16_384

    /// The write generation this memory matches, `nil` when empty.
    public private(set) var generation: Int?
    private var terms: [String: TermEntry] = [:]
    /// Document-frequency increments of cached terms not yet written, by term id.
    private var pending: [Int32: Int] = [:]
    private var states: [Int64: StoryGroupingState] = [:]

    public init() {}

    /// Starts a write transaction that found `current` in the database's write generation.
    public mutating func begin(generation current: Int) {
        if current != generation { reset() }
        if terms.count > Self.maxTerms { terms.removeAll() }
        generation = current
    }

    /// Ends a write transaction's body that set the write generation to `next` (committed right after).
    public mutating func finished(generation next: Int) { generation = next }

    /// Forgets everything (a failed transaction, another writer).
    public mutating func reset() {
        terms.removeAll()
        pending.removeAll()
        states.removeAll()
        generation = nil
    }

    /// Frees the cached vocabulary and grouping states (they are read again from the database when needed); the
    /// pending increments and the generation stay, so the transaction in progress ends as it would have.
    public mutating func dropCaches() {
        terms = [:]
        states = [:]
    }

    // MARK: Vocabulary

    /// Counts one more document for a cached term; its entry after the count, or `nil` when not cached.
    public mutating func count(_ term: String) -> TermEntry? {
        guard var entry = terms[term] else { return nil }
        entry.documentFrequency += 1
        terms[term] = entry
        pending[entry.id, default: 0] += 1
        return entry
    }

    /// Caches a term's entry as the database holds it now (no increment pending for it).
    public mutating func remember(_ term: String, _ entry: TermEntry) { terms[term] = entry }

    /// A term's document-frequency increments not yet written.
    public func pendingIncrement(of id: Int32) -> Int { pending[id] ?? 0 }

    /// The increments to write now (by term id, ascending), forgotten here.
    public mutating func takePending() -> [(id: Int32, increment: Int)] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Grouping states

    public func state(ofStoryKey key: Int64) -> StoryGroupingState? { states[key] }

    public mutating func setState(_ state: StoryGroupingState?, ofStoryKey key: Int64) {
        if state != nil, states.count >= Self.maxStates, states[key] == nil { states.removeAll(keepingCapacity: true) }
        states[key] = state
    }
}

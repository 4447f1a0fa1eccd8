import Foundation
import ParallaxCore

/// The vocabulary (term -> id and document frequency) and the grouping states of recently touched stories, kept by
/// one ``PostgresStore`` between its write transactions: the incremental grouping reads both for every ingested
/// article (up to 64 candidate states, a few hundred terms), each a round trip to the server otherwise, and
/// counting a document in every known term's row was most of the server's time (common terms are updated by every
/// article). Document-frequency increments of known terms are gathered here and written once per transaction
/// (``takePending()``, before the commit), as the SQLite writer does.
///
/// Valid only while this process wrote last: every write transaction reads `meta.write_generation` right after
/// taking the writer lock, and a value other than the one this cache left (another process wrote, or a commit
/// failed) empties it. States are written through (the database always holds them); a failed transaction empties
/// the cache. Touched only by the transaction holding the writer lock, and behind its own lock as well.
final class PostgresWriterCache: @unchecked Sendable {
    /// States kept at most (emptied when full).
    static let maxStates = 16_384
    /// Terms kept at most (emptied when full, at the start of a transaction, when no increment is pending).
    static let maxTerms = 2_000_000

    private let lock = NSLock()
    private var generation: Int?
    private var states: [Int64: StoryGroupingState] = [:]
    private var terms: [String: TermEntry] = [:]
    /// Document-frequency increments of cached terms not yet written, by term id.
    private var pending: [Int32: Int] = [:]

    /// Starts a write transaction that found `current` in `meta.write_generation`.
    func begin(generation current: Int) {
        lock.withLock {
            if current != generation {
                states.removeAll()
                terms.removeAll()
                pending.removeAll()
            }
            if terms.count > Self.maxTerms { terms.removeAll() }
            generation = current
        }
    }

    /// Counts one more document for a cached term; its entry after the count, or `nil` when not cached.
    func count(_ term: String) -> TermEntry? {
        lock.withLock {
            guard var entry = terms[term] else { return nil }
            entry.documentFrequency += 1
            terms[term] = entry
            pending[entry.id, default: 0] += 1
            return entry
        }
    }

    /// Caches a term's entry as the database holds it now (no increment pending for it).
    func remember(_ term: String, _ entry: TermEntry) { lock.withLock { terms[term] = entry } }

    /// A term's document-frequency increments not yet written.
    func pendingIncrement(of id: Int32) -> Int { lock.withLock { pending[id] ?? 0 } }

    /// The increments to write now (by term id, ascending), forgotten here.
    func takePending() -> [(id: Int32, increment: Int)] {
        lock.withLock {
            defer { pending.removeAll(keepingCapacity: true) }
            return pending.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Ends a write transaction's body that set the generation to `next` (committed right after).
    func finish(generation next: Int) { lock.withLock { generation = next } }

    /// Forgets everything (a failed transaction).
    func reset() {
        lock.withLock {
            states.removeAll()
            terms.removeAll()
            pending.removeAll()
            generation = nil
        }
    }

    func state(ofStoryKey key: Int64) -> StoryGroupingState? { lock.withLock { states[key] } }

    func setState(_ state: StoryGroupingState?, ofStoryKey key: Int64) {
        lock.withLock {
            if state != nil, states.count >= Self.maxStates, states[key] == nil { states.removeAll(keepingCapacity: true) }
            states[key] = state
        }
    }
}

import Foundation
import ParallaxCore

/// The grouping states of recently touched stories, kept by one ``PostgresStore`` between its write transactions:
/// the incremental grouping reads the states of up to 64 candidate stories for every ingested article, each a
/// round trip to the server otherwise.
///
/// Valid only while this process wrote last: every write transaction reads `meta.write_generation` right after
/// taking the writer lock, and a value other than the one this cache left (another process wrote, or a commit
/// failed) empties it. States are written through (the database always holds them); a failed transaction empties
/// the cache. Touched only by the transaction holding the writer lock, and behind its own lock as well.
final class PostgresWriterCache: @unchecked Sendable {
    /// States kept at most (emptied when full).
    static let maxStates = 16_384

    private let lock = NSLock()
    private var generation: Int?
    private var states: [Int64: StoryGroupingState] = [:]

    /// Starts a write transaction that found `current` in `meta.write_generation`.
    func begin(generation current: Int) {
        lock.withLock {
            if current != generation { states.removeAll() }
            generation = current
        }
    }

    /// Ends a write transaction's body that set the generation to `next` (committed right after).
    func finish(generation next: Int) { lock.withLock { generation = next } }

    /// Forgets everything (a failed transaction).
    func reset() {
        lock.withLock {
            states.removeAll()
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

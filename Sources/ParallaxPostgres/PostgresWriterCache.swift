import Foundation
import ParallaxCore
import ParallaxStorage

/// The writer's ``WriterMemory`` of one ``PostgresStore`` (vocabulary and grouping states), behind a lock: the
/// incremental grouping reads both for every ingested article (up to 64 candidate states, a few hundred terms),
/// each a round trip to the server otherwise, and counting a document in every known term's row was most of the
/// server's time (common terms are updated by every article). Every write transaction reads `meta.write_generation`
/// right after taking the writer lock; a failed transaction empties the memory.
final class PostgresWriterCache: @unchecked Sendable {
    private let lock = NSLock()
    private var memory = WriterMemory()

    /// Starts a write transaction that found `current` in `meta.write_generation`.
    func begin(generation current: Int) { lock.withLock { memory.begin(generation: current) } }

    /// Ends a write transaction's body that set the generation to `next` (committed right after).
    func finish(generation next: Int) { lock.withLock { memory.finished(generation: next) } }

    /// Forgets everything (a failed transaction).
    func reset() { lock.withLock { memory.reset() } }

    /// Frees the cached vocabulary and states (``WriterMemory/dropCaches()``).
    func dropCaches() { lock.withLock { memory.dropCaches() } }

    func count(_ term: String) -> TermEntry? { lock.withLock { memory.count(term) } }

    func remember(_ term: String, _ entry: TermEntry) { lock.withLock { memory.remember(term, entry) } }

    func pendingIncrement(of id: Int32) -> Int { lock.withLock { memory.pendingIncrement(of: id) } }

    func takePending() -> [(id: Int32, increment: Int)] { lock.withLock { memory.takePending() } }

    func state(ofStoryKey key: Int64) -> StoryGroupingState? { lock.withLock { memory.state(ofStoryKey: key) } }

    func setState(_ state: StoryGroupingState?, ofStoryKey key: Int64) {
        lock.withLock { memory.setState(state, ofStoryKey: key) }
    }
}

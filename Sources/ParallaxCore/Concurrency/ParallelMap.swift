import Foundation

/// Maps an array on several threads, keeping input order: the one parallel loop the pipeline stages share.
///
/// Workers take the next item as they become free (not a fixed share each), so a thread the system schedules
/// less, or a few large items, do not leave the other threads idle. Results never depend on `concurrency`.
public enum ParallelMap {
    /// `transform` applied to every item on up to `concurrency` threads, in input order. `progress` is called
    /// with the number of items done, from any thread but never concurrently with itself.
    public static func map<T: Sendable, R: Sendable>(
        _ items: [T], concurrency: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ transform: @Sendable (T) -> R
    ) -> [R] {
        let slots = Slots<R>(count: items.count)
        let workers = min(max(1, concurrency), max(1, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = slots.claim() {
                let done = slots.set(i, transform(items[i]))
                if let progress { slots.serialized { progress(done) } }
            }
        }
        return slots.values()
    }

    /// `first()` on the calling thread while `second()` runs on another, both results once both are done. A
    /// ``map(_:concurrency:progress:_:)`` inside `first` still spreads over the cores (it would run on one thread
    /// inside another `map`'s transform, where the system runs nested parallel loops serially).
    public static func pair<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let slot = Slots<B>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { _ = slot.set(0, second()) }
        let a = first()
        group.wait()
        return (a, slot.values()[0])
    }

    /// Fixed slots written by concurrent workers, each slot once.
    private final class Slots<R>: @unchecked Sendable {
        private var slots: [R?]
        private var done = 0
        private var claimed = 0
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// The next index no worker has taken yet, or `nil` when all are taken.
        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard claimed < slots.count else { return nil }
            claimed += 1
            return claimed - 1
        }

        /// Stores a result and returns how many are done.
        func set(_ index: Int, _ value: R) -> Int {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = value
            done += 1
            return done
        }

        func serialized(_ body: () -> Void) {
            lock.lock()
            defer { lock.unlock() }
            body()
        }

        func values() -> [R] { slots.map { $0! } }
    }
}

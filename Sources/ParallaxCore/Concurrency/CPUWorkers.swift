import Dispatch

/// Runs CPU-bound work from `async` code without blocking Swift's cooperative thread pool, at most `limit` items
/// at once.
///
/// Each item runs on a thread of a private concurrent Dispatch queue while the calling task is suspended, so an
/// async consumer (a store, a server) keeps its threads; at most `limit` items compute at once. The ordered
/// ``map(_:transform:consume:)`` keeps at most `4 * limit` items started but not yet consumed (so the workers go
/// on while the consumer writes) and hands results to the consumer in input order as soon as they are ready:
/// memory stays bounded by `limit` whatever the input size, and results never depend on `limit`.
public struct CPUWorkers: Sendable {
    /// Items processed at once.
    public let limit: Int
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore

    /// Workers running at most `limit` items at once (at least one).
    public init(limit: Int) {
        self.limit = max(1, limit)
        self.queue = DispatchQueue(label: "parallax.cpu-workers", attributes: .concurrent)
        self.slots = DispatchSemaphore(value: self.limit)
    }

    /// Runs `body` on a worker thread; the calling task is suspended until it returns.
    public func run<R: Sendable>(_ body: @escaping @Sendable () -> R) async -> R {
        await withCheckedContinuation { continuation in
            queue.async { [slots] in
                // Waiting here blocks a thread of this private queue, never one of the cooperative pool.
                slots.wait()
                let result = body()
                slots.signal()
                continuation.resume(returning: result)
            }
        }
    }

    /// Applies `transform` to every element of `input` on the workers, at most `limit` at once, and passes the
    /// results to `consume` in input order. A consumer error stops the map and is rethrown.
    public func map<S: AsyncSequence, R: Sendable>(
        _ input: S, transform: @escaping @Sendable (S.Element) -> R, consume: (R) async throws -> Void
    ) async throws where S.Element: Sendable {
        try await withThrowingTaskGroup(of: (Int, R).self) { group in
            var pending: [Int: R] = [:]
            var next = 0
            var started = 0
            func drain(_ finished: (Int, R)) async throws {
                pending[finished.0] = finished.1
                while let ready = pending.removeValue(forKey: next) {
                    try await consume(ready)
                    next += 1
                }
            }
            for try await element in input {
                while started - next >= 4 * limit, let finished = try await group.next() { try await drain(finished) }
                let index = started
                started += 1
                group.addTask { (index, await run { transform(element) }) }
            }
            while let finished = try await group.next() { try await drain(finished) }
        }
    }

    /// ``map(_:transform:consume:)`` over an array.
    public func map<T: Sendable, R: Sendable>(
        _ items: [T], transform: @escaping @Sendable (T) -> R, consume: (R) async throws -> Void
    ) async throws {
        try await map(ArrayAsyncSequence(items), transform: transform, consume: consume)
    }
}

/// An array as an `AsyncSequence` (for feeding stored items to async stages).
public struct ArrayAsyncSequence<Element: Sendable>: AsyncSequence, Sendable {
    let items: [Element]

    public init(_ items: [Element]) { self.items = items }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: IndexingIterator<[Element]>
        public mutating func next() async -> Element? { base.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: items.makeIterator()) }
}

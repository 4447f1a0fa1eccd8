import Foundation

extension Ingestor {
    /// The articles and issues of all `paths` as an asynchronous sequence, in input order (the same events, in the
    /// same order, for any `jobs`).
    ///
    /// Reading starts when iteration starts. It runs on a thread of its own, with up to `jobs` more for small
    /// files (``ingest(paths:jobs:emit:)``), never on Swift's cooperative pool, so CPU-bound parsing and extraction
    /// do not starve other tasks. Back-pressure: at most `bufferSize` events wait for the consumer; then reading
    /// pauses. When the consumer stops iterating (or its task is cancelled) reading stops before the next input.
    public func events(
        paths: [String], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, bufferSize: Int = 256
    ) -> IngestEvents {
        IngestEvents(ingestor: self, paths: paths, jobs: max(1, jobs), bufferSize: max(1, bufferSize))
    }
}

/// The events of an ingest as an `AsyncSequence` (``Ingestor/events(paths:jobs:bufferSize:)``).
///
/// Each iterator starts its own reading of the paths; iterate once.
public struct IngestEvents: AsyncSequence, Sendable {
    public typealias Element = IngestEvent

    let ingestor: Ingestor
    let paths: [String]
    let jobs: Int
    let bufferSize: Int

    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: EventChannel
        let owner: Owner

        public mutating func next() async -> IngestEvent? { await channel.receive() }
    }

    /// Stops the reading when the last copy of the iterator goes away.
    final class Owner: Sendable {
        let channel: EventChannel
        init(_ channel: EventChannel) { self.channel = channel }
        deinit { channel.cancel() }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        let channel = EventChannel(capacity: bufferSize)
        let (ingestor, paths, jobs) = (ingestor, paths, jobs)
        let thread = Thread {
            ingestor.ingest(paths: paths, jobs: jobs, stop: { channel.isCancelled }) { event in
                channel.send(event)
            }
            channel.finish()
        }
        thread.name = "parallax-ingest"
        thread.stackSize = 8 << 20  // deep HTML trees are walked iteratively, but libxml2 recurses
        thread.start()
        return AsyncIterator(channel: channel, owner: Owner(channel))
    }
}

/// A bounded queue from one producer thread to one async consumer: the producer blocks while it is full, the
/// consumer suspends (without blocking a thread) while it is empty.
final class EventChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [IngestEvent] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var cancelled = false
    private var waiter: CheckedContinuation<IngestEvent?, Never>?

    init(capacity: Int) { self.capacity = capacity }

    /// Whether the consumer has gone.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Hands `event` to the consumer, waiting while the buffer is full; dropped once the consumer has gone.
    func send(_ event: IngestEvent) {
        condition.lock()
        while buffer.count - head >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return condition.unlock() }
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: event)
            return
        }
        buffer.append(event)
        condition.unlock()
    }

    /// No more events: the consumer gets `nil` after the buffered ones.
    func finish() {
        condition.lock()
        finished = true
        let waiter = self.waiter
        self.waiter = nil
        condition.unlock()
        waiter?.resume(returning: nil)
    }

    /// The consumer has gone: the producer stops waiting and further events are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        buffer.removeAll()
        head = 0
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume(returning: nil)
    }

    /// The next event, or `nil` when the producer finished (or the consuming task was cancelled).
    func receive() async -> IngestEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<IngestEvent?, Never>) in
                condition.lock()
                if head < buffer.count {
                    let event = buffer[head]
                    head += 1
                    if head > 1024, head * 2 > buffer.count {
                        buffer.removeFirst(head)
                        head = 0
                    }
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: event)
                } else if finished || cancelled {
                    condition.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiter = continuation
                    condition.unlock()
                }
            }
        } onCancel: {
            cancel()
        }
    }
}

import Synchronization
import Testing
@testable import ParallaxCore

struct ParallelMapTests {
    @Test(arguments: [1, 2, 7])
    func keepsOrderAndCountsProgress(concurrency: Int) {
        let items = Array(0..<500)
        let calls = Atomic<Int>(0)
        let out = ParallelMap.map(items, concurrency: concurrency, progress: { _ in
            calls.add(1, ordering: .relaxed)
        }) { $0 * 2 }
        #expect(out == items.map { $0 * 2 })
        #expect(calls.load(ordering: .relaxed) == items.count)
    }

    @Test func emptyInput() {
        #expect(ParallelMap.map([Int](), concurrency: 4) { $0 }.isEmpty)
    }
}

import Foundation
import Testing

@testable import ParallaxCore

struct StoryGroupingStateTests {
    @Test func binaryFormRoundTrips() {
        let states = [
            StoryGroupingState(),
            StoryGroupingState(termIDs: [1, 7, 900_000], weights: [0.5, 1.25, -3], firstDay: 19_873, lastDay: 19_880, size: 12),
            StoryGroupingState(termIDs: [Int32.max], weights: [.infinity], firstDay: nil, lastDay: -5, size: 1),
        ]
        for state in states { #expect(StoryGroupingState(encoded: state.encoded()) == state) }
    }

    @Test func bytesOfAnotherShapeAreRejected() {
        let good = StoryGroupingState(termIDs: [1, 2], weights: [1, 2], size: 2).encoded()
        #expect(StoryGroupingState(encoded: Data()) == nil)
        #expect(StoryGroupingState(encoded: good.dropLast()) == nil)
        #expect(StoryGroupingState(encoded: good + [0]) == nil)
        // A count far larger than the bytes that follow.
        #expect(StoryGroupingState(encoded: Data([0xFF, 0xFF, 0xFF, 0x7F] + [UInt8](repeating: 0, count: 24))) == nil)
    }
}

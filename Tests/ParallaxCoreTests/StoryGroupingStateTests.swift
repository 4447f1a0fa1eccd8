import Foundation
import Testing

@testable import ParallaxCore

struct StoryGroupingStateTests {
    @Test func binaryFormRoundTrips() {
        let states = [
            StoryGroupingState(),
            StoryGroupingState(termIDs: [1, 7, 900_000], weights: [0.5, 1.25, -3], firstDay: 19_873, lastDay: 19_880, size: 12),
            StoryGroupingState(termIDs: [Int32.max], weights: [.infinity], firstDay: nil, lastDay: -5, size: 1),
            StoryGroupingState(termIDs: [4, 9, 2, 3], weights: [3, 2, 1, 0.5], heaviest: 2, firstDay: 1, lastDay: 2, size: 3),
        ]
        for state in states { #expect(StoryGroupingState(encoded: state.encoded()) == state) }
    }

    @Test func theFirstLayoutStillDecodes() {
        // count 2, ids 5 and 8, weights 1.5 and 0.25, no first day, last day 19 000, size 2 (as written before
        // the `heaviest` field existed).
        var bytes: [UInt8] = [2, 0, 0, 0, 5, 0, 0, 0, 8, 0, 0, 0]
        for w: Float in [1.5, 0.25] { withUnsafeBytes(of: w.bitPattern.littleEndian) { bytes += $0 } }
        for v: Int64 in [Int64(Int32.min), 19_000, 2] { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        let expected = StoryGroupingState(termIDs: [5, 8], weights: [1.5, 0.25], heaviest: 0, lastDay: 19_000, size: 2)
        #expect(StoryGroupingState(encoded: Data(bytes)) == expected)
    }

    @Test func bytesOfAnotherShapeAreRejected() {
        let good = StoryGroupingState(termIDs: [1, 2], weights: [1, 2], size: 2).encoded()
        #expect(StoryGroupingState(encoded: Data()) == nil)
        #expect(StoryGroupingState(encoded: good.dropLast()) == nil)
        #expect(StoryGroupingState(encoded: good + [0]) == nil)
        // A count far larger than the bytes that follow.
        #expect(StoryGroupingState(encoded: Data([0xFF, 0xFF, 0xFF, 0x7F] + [UInt8](repeating: 0, count: 24))) == nil)
        // More heaviest entries than entries.
        var wrong = StoryGroupingState(termIDs: [1], weights: [1], heaviest: 1, size: 1).encoded()
        wrong[4] = 2
        #expect(StoryGroupingState(encoded: wrong) == nil)
    }
}

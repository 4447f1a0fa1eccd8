import Testing

@testable import ParallaxAnalysis

struct WordDiffTests {
    let diff = WordDiff()

    @Test func identicalTextIsOneSameRun() {
        #expect(diff.diff("the river rose overnight", against: "the river rose overnight") == [
            DiffSegment(kind: .same, text: "the river rose overnight")
        ])
    }

    @Test func typographyIsNotAChange() {
        let segments = diff.diff("U.S.-made turbines, he said.", against: "US-made turbines he said")
        #expect(segments.allSatisfy { $0.kind == .same })
    }

    @Test func substitutionShowsRemovedThenAdded() {
        let segments = diff.diff("the river rose quickly overnight", against: "the river rose slowly overnight")
        #expect(segments == [
            DiffSegment(kind: .same, text: "the river rose"),
            DiffSegment(kind: .removed, text: "slowly"),
            DiffSegment(kind: .added, text: "quickly"),
            DiffSegment(kind: .same, text: "overnight"),
        ])
    }

    @Test func partialWordingShowsWhatIsMissing() {
        let segments = diff.diff("ensure the dam holds", against: "we must ensure the dam holds this winter")
        #expect(segments.map(\.kind) == [.removed, .same, .removed])
        #expect(segments.last?.text == "this winter")
    }

    @Test func emptyInputs() {
        #expect(diff.diff("", against: "") == [])
        #expect(diff.diff("new words", against: "") == [DiffSegment(kind: .added, text: "new words")])
    }

    @Test func largeInputsFallBackToPrefixAndSuffix() {
        var small = WordDiff()
        small.maxCells = 4
        let segments = small.diff("a b x c", against: "a b y c")
        #expect(segments.map(\.kind) == [.same, .removed, .added, .same])
    }
}

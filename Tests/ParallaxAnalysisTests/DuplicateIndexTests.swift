import ParallaxAnalysis
import Testing

struct DuplicateIndexTests {
    @Test func insertReturnsEarlierCopies() {
        var index = DuplicateIndex()
        let documents = StoryFixtures.documents([
            ("a", nil, nil, StoryFixtures.quakeA), ("b", nil, nil, StoryFixtures.rates),
            ("c", nil, nil, StoryFixtures.quakeA),
        ])
        #expect(index.insert(documents[0]).isEmpty)
        #expect(index.insert(documents[1]).isEmpty)
        let matches = index.insert(documents[2])
        #expect(matches.map(\.id) == ["a"])
        #expect(matches.first?.isExact == true)
        #expect(matches.first?.key == 0)
        #expect(index.count == 3)
    }

    /// Many exact copies of one text (a feed repeating one item): each is linked to the first copy only, and a
    /// near copy arriving later still finds the group through it.
    @Test func exactCopiesLinkToTheFirstTwin() {
        var index = DuplicateIndex()
        let original = StoryFixtures.documents([("first", nil, nil, StoryFixtures.quakeA)])[0]
        let signature = index.detector.signature(of: original)
        #expect(index.insert(signature: signature, id: "first").isEmpty)
        for n in 1...500 {
            let matches = index.insert(signature: signature, id: "copy-\(n)")
            #expect(matches.map(\.id) == ["first"] && matches[0].isExact)
        }
        let near = StoryFixtures.documents([("near", nil, nil, StoryFixtures.quakeA + " Officials gave no further details.")])[0]
        #expect(index.insert(near).map(\.id) == ["first"])
    }
}

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
}

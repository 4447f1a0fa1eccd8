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
    @Test func fullBucketsStillFindTheirNearCopies() {
        var index = DuplicateIndex()
        index.bucketCapacity = 4
        // Near copies of one template: a full bucket takes no more documents, so a later one meets at most four
        // candidates per band.
        let documents = (0..<40).map { n in
            StoryFixtures.documents([("t\(n)", nil, nil, StoryFixtures.quakeA + " Update number \(n) followed.")])[0]
        }
        var found: [Int] = []
        for d in documents { found.append(index.insert(d).count) }
        #expect(found[0] == 0)
        #expect(found.dropFirst().allSatisfy { $0 >= 1 })
        #expect(found.allSatisfy { $0 <= 4 * index.detector.configuration.bands })
        #expect(found.suffix(10).allSatisfy { $0 < 39 })
    }

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

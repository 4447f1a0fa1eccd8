import ParallaxAnalysis
import Testing

struct DuplicateDetectorTests {
    static let wire = StoryFixtures.quakeA + "\n" + StoryFixtures.quakeB

    @Test func findsExactAndNearCopiesButNotRelatedArticles() {
        let edited =
            Self.wire.replacingOccurrences(of: "at least 37 people", with: "at least 38 people")
            .replacingOccurrences(of: "Rescue teams", with: "Rescuers") + "\nThis story has been updated."
        let documents = StoryFixtures.documents([
            ("original", nil, nil, Self.wire),
            ("related", nil, nil, StoryFixtures.quakeC),
            ("exact", nil, nil, "  " + Self.wire),
            ("edited", nil, nil, edited),
            ("other", nil, nil, StoryFixtures.rates),
        ])
        let groups = DuplicateDetector().groups(documents)
        #expect(groups == [["original", "exact", "edited"]])
    }

    @Test func signatureSimilarityTracksOverlap() {
        let detector = DuplicateDetector()
        let documents = StoryFixtures.documents([
            ("a", nil, nil, Self.wire), ("b", nil, nil, Self.wire + "\n" + StoryFixtures.rates),
            ("c", nil, nil, StoryFixtures.football),
        ])
        let a = detector.signature(of: documents[0])
        let b = detector.signature(of: documents[1])
        let c = detector.signature(of: documents[2])
        #expect(a.similarity(a) == 1)
        #expect(a.similarity(b) > 0.4)
        #expect(a.similarity(b) < 0.9)
        #expect(a.similarity(c) < 0.1)
        #expect(a.exactKey != b.exactKey)
    }

    @Test func emptyAndTinyDocumentsDoNotCrash() {
        let documents = StoryFixtures.documents([("e", nil, nil, ""), ("f", nil, nil, "Hi."), ("g", nil, nil, "Hi.")])
        #expect(DuplicateDetector().groups(documents) == [["f", "g"]])
    }
}

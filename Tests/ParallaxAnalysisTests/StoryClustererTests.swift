import ParallaxCore
import ParallaxAnalysis
import Testing

struct StoryClustererTests {
    static func corpus() -> [Document] {
        StoryFixtures.documents([
            ("rates", "Finance Daily", "2026-03-05", StoryFixtures.rates),
            ("quake-b", "Coastal Times", "2026-03-03", StoryFixtures.quakeB),
            ("football", "Sports Now", "2026-03-07", StoryFixtures.football),
            ("quake-a", "Daily Ledger", "2026-03-03", StoryFixtures.quakeA),
            ("quake-c", "World Wire", "2026-03-04", StoryFixtures.quakeC),
            ("quake-a-copy", "Regional Post", "2026-03-04", StoryFixtures.quakeA + "\nStaff contributed."),
        ])
    }

    @Test func groupsOneEventAndSeparatesUnrelated() throws {
        let stories = StoryClusterer().cluster(Self.corpus())
        #expect(stories.count == 3)
        let quake = try #require(stories.first)
        // The id comes from the founding (oldest) article.
        #expect(quake.id == StableID.make("s", "quake-a"))
        #expect(quake.articles == ["quake-a", "quake-b", "quake-a-copy", "quake-c"])
        #expect(quake.copies == [["quake-a", "quake-a-copy"]])
        // Equal sizes: the earlier story first.
        #expect(stories[1].articles == ["rates"])
        #expect(stories[2].articles == ["football"])
        #expect(stories.map(\.id) == ["quake-a", "rates", "football"].map { StableID.make("s", $0) })
        // The same stories, with the same ids, from the documents in reverse order.
        #expect(StoryClusterer().cluster(Array(Self.corpus().reversed())) == stories)
        #expect(!quake.title.isEmpty)
    }

    @Test func titleIsAMemberHeadline() throws {
        var documents = Self.corpus()
        let a = documents[3].article
        documents[3] = DocumentBuilder().build(
            Article(
                id: a.id, source: a.source, title: "Deadly quake hits Veloria", published: a.published, text: a.text))
        let stories = StoryClusterer().cluster(documents)
        #expect(stories[0].title == "Deadly quake hits Veloria")
    }

    @Test func incrementalAddMatchesStories() {
        var clusterer = StoryClusterer()
        let keys = Self.corpus().map { clusterer.add($0) }
        #expect(keys[1] == keys[3])
        #expect(keys[0] != keys[1])
        #expect(keys[2] != keys[0] && keys[2] != keys[1])
        #expect(clusterer.stories().count == 3)
    }

    @Test func sameWordsFarApartInTimeNeedMoreSimilarity() {
        var configuration = StoryClusterer.Configuration()
        configuration.outsideWindowThreshold = 1.01
        let documents = StoryFixtures.documents([
            ("a", nil, "2026-03-03", StoryFixtures.quakeA), ("b", nil, "2026-06-03", StoryFixtures.quakeB),
        ])
        #expect(StoryClusterer(configuration: configuration).cluster(documents).count == 2)
        #expect(
            StoryClusterer().cluster(
                documents.map { d in
                    var a = d.article
                    a.published = Day(iso: "2026-03-03")
                    return DocumentBuilder().build(a)
                }
            ).count == 1)
    }

    @Test func emptyInputGivesNoStories() {
        #expect(StoryClusterer().cluster([Document]()).isEmpty)
        #expect(StoryClusterer().cluster(StoryFixtures.documents([("e", nil, nil, "")])).count == 1)
    }
}

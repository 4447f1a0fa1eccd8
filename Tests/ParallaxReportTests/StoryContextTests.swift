import Testing

@testable import ParallaxReport

struct StoryContextTests {
    @Test func numbersMembersAndNamesTheirOutlets() {
        let noOutlet = Article(id: "n", source: "n.txt", url: "https://www.some-paper.example:8080/x", text: "")
        let bare = Article(id: "bare", source: "bare.txt", text: "")
        let story = StoryAnalysis(story: Story(id: "s", title: "t", articles: ["n", "bare", "missing", "n"]))
        let c = StoryContext(story: story, articles: ["n": noOutlet, "bare": bare])
        #expect(c.members.map(\.number) == [1, 2, 3])
        #expect(c.members.map(\.outletName) == ["some-paper.example", "bare", "missing"])
        #expect(c.label("bare") == "2 bare")
        #expect(c.number("elsewhere") == "elsewhere")
    }

    @Test func ranksCitedSources() {
        let c = StoryContext.all(in: ReportFixture.report)[0]
        #expect(c.citedSources.first?.source == "Ilse Varga")
        #expect(c.citedSources.first?.citations == 4)
        #expect(c.citedSources.first?.articles == 4)
        #expect(c.outletCount == 4)
    }

    @Test(
        arguments: [
            ("https://user@host.example/a", "host.example"), ("http://www.x.example?q", "x.example"),
            ("no-scheme", nil),
        ] as [(String, String?)])
    func findsHosts(url: String, host: String?) {
        #expect(StoryContext.host(of: url) == host)
    }
}

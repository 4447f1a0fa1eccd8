import Testing

@testable import ParallaxReport

struct CitationGraphTests {
    @Test func makesOneEdgePerArticleAndSource() {
        let graph = CitationGraph(StoryContext.all(in: ReportFixture.report)[0])
        #expect(graph.articles == ["1 Northgate Herald", "2 Calder Ledger", "3 Northgate Wire", "4 Valley Courier"])
        #expect(graph.sources.count == 4)
        #expect(graph.edges.count == 7)
        let varga = graph.sources.firstIndex { $0.name == "Ilse Varga" }
        #expect(graph.edges.filter { $0.right == varga }.count == 4)
    }

    @Test func mergesCuesOfOnePairAndOrdersSourcesByBarycenter() {
        func cite(_ article: String, _ source: String, _ cue: String) -> Citation {
            Citation(
                article: article, source: source, sourceKind: .outlet, cue: cue, span: TextSpan(start: 0, end: 0), sentenceSpan: TextSpan(start: 0, end: 0))
        }
        let story = StoryAnalysis(
            story: Story(id: "s", title: "t", articles: ["a", "b", "c"]),
            citations: [cite("c", "Low", "told"), cite("a", "High", "said"), cite("a", "High", "according to")])
        let graph = CitationGraph(StoryContext(story: story, articles: [:]))
        #expect(graph.sources.map(\.name) == ["High", "Low"])
        #expect(graph.edges.first { $0.right == 0 }?.cues == ["said", "according to"])
        #expect(graph.svg().contains(">said, according to</text>"))
    }

    @Test func limitsKeepTheMostCitedSourcesAndSayWhatWasLeftOut() throws {
        let context = StoryContext.all(in: ReportFixture.report)[0]
        #expect(CitationGraph(context).cut == nil)
        #expect(CitationGraph(context, limits: (sources: 10, articles: 10)).cut == nil)
        let graph = CitationGraph(context, limits: (sources: 1, articles: 3))
        // Ilse Varga is cited by all four articles (and is the original source): she stays, with the first three.
        #expect(graph.sources.map(\.name) == ["Ilse Varga"])
        #expect(graph.articles == ["1 Northgate Herald", "2 Calder Ledger", "3 Northgate Wire"])
        #expect(graph.edges.count == 3)
        let cut = try #require(graph.cut)
        #expect(cut.sources == (1, 4) && cut.articles == (3, 4))
    }

    @Test func marksTheOriginalSource() {
        let graph = CitationGraph(StoryContext.all(in: ReportFixture.report)[0])
        #expect(graph.original == "Ilse Varga")
        let svg = graph.svg()
        #expect(svg.components(separatedBy: " original\">").count == 2)  // one node drawn as the original
        #expect(svg.contains("<title>original (most-cited) source: Ilse Varga</title>"))
        #expect(svg.contains(">★ Ilse Varga</text>"))
    }
}

import Testing

@testable import ParallaxAnalysis

struct ProvenanceGraphTests {
    func citation(_ article: String, _ source: String, _ kind: Citation.SourceKind, at start: Int = 0) -> Citation {
        Citation(
            article: article, source: source, sourceKind: kind, cue: "said", span: TextSpan(start: start, end: start + 1), sentenceSpan: TextSpan(start: 0, end: 100))
    }

    @Test func mostCitedByDistinctArticles() {
        let graph = ProvenanceGraph(citations: [
            citation("a", "Reuters", .outlet), citation("a", "Reuters", .outlet), citation("a", "Reuters", .outlet),
            citation("b", "Kyodo", .outlet), citation("c", "Kyodo", .outlet), citation("c", "Reuters", .outlet, at: 5),
            citation("d", "Kyodo", .outlet),
        ])
        #expect(graph.originalSource == "Kyodo")
        #expect(graph.edges.count == 5)
        #expect(graph.sources.map(\.articles.count) == [3, 2])
        #expect(graph.sources(citedBy: "c") == ["Kyodo", "Reuters"])
    }

    @Test func outletsBeforeAnonymousSourcesOnTies() {
        let graph = ProvenanceGraph(citations: [
            citation("a", "a senior official", .anonymous), citation("a", "Politico", .outlet, at: 9),
            citation("b", "a senior official", .anonymous), citation("b", "Politico", .outlet, at: 9),
        ])
        #expect(graph.originalSource == "Politico")
    }

    @Test func leadCitationBreaksTiesBetweenOutlets() {
        let graph = ProvenanceGraph(citations: [
            citation("a", "Politico", .outlet), citation("a", "Axios", .outlet, at: 50),
            citation("b", "Politico", .outlet), citation("b", "Axios", .outlet, at: 50),
            citation("c", "Axios", .outlet), citation("c", "Politico", .outlet, at: 50),
            citation("d", "Politico", .outlet),
        ])
        #expect(graph.originalSource == "Politico")
        #expect(ProvenanceGraph(citations: []).originalSource == nil)
    }
}

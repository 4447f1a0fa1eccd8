import Testing

@testable import ParallaxReport

struct CoverageMatrixTests {
    private let context = StoryContext.all(in: ReportFixture.report)[0]

    @Test func ordersClaimsByCoverage() {
        let matrix = CoverageMatrix(context)
        #expect(matrix.rows.map(\.claim.id) == ["c1", "c3", "c2"])
        #expect(matrix.rows.map(\.count) == [4, 2, 1])
    }

    @Test func keepsTheSentenceOfEachReportingArticle() throws {
        let row = try #require(CoverageMatrix(context).rows.first { $0.claim.id == "c3" })
        #expect(row.cell(2) == nil)
        let ledger = try #require(row.cell(1))
        #expect(ledger.first.map { ReportFixture.ledger.text[span: $0.sentenceSpan].hasSuffix("according to documents seen by the Ledger.") } == true)
    }

    @Test func countsArticlesNamedOnlyInOccurrences() {
        let ref = SpanReference(
            article: "b", span: TextSpan(start: 0, end: 1), sentenceSpan: TextSpan(start: 0, end: 2))
        let story = StoryAnalysis(
            story: Story(id: "s", title: "t", articles: ["a", "b"]),
            claims: [Claim(id: "c", text: "x", articles: ["a"], occurrences: [ref])])
        let matrix = CoverageMatrix(StoryContext(story: story, articles: [:]))
        #expect(matrix.rows[0].count == 2)
    }
}

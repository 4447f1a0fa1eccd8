import Testing

@testable import ParallaxReport

struct MarkdownRendererTests {
    @Test func matchesGoldenFile() {
        Snapshot.check(MarkdownRenderer().render(ReportFixture.report), named: "report.md")
    }

    @Test func writesDriftAsStrikeAndBold() {
        let md = MarkdownRenderer().render(ReportFixture.report)
        #expect(md.contains("~~months of~~"))
        #expect(md.contains("~~will~~ **would**"))
        #expect(md.contains("| 1 | ● | ● | ● | ● |") == false)  // the claim text comes first
        #expect(
            md.contains(
                "| **c1** The Harlow dam gave way on Tuesday, flooding three villages. | ● | ● | ● | ● |"))
    }

    @Test func escapesArticleTextThatWouldBreakTheMarkup() {
        var report = ReportFixture.report
        report.articles[0].title = "A | B *bold* [link](javascript:alert(1)) <script>x</script>"
        report.articles[0].url = "javascript:alert(1)"
        let md = MarkdownRenderer().render(report)
        #expect(md.contains("A \\| B \\*bold\\* \\[link\\](javascript:alert(1)) &lt;script&gt;x&lt;/script&gt;"))
        #expect(!md.contains("(<javascript:"))
        #expect(!md.contains("<script>"))
    }

    /// With an item limit, the Markdown report lists the top items as the text report does, and a story of more
    /// articles than the limit gets counts per claim instead of a column per article (a story of thousands of
    /// articles made a table of claims times articles: hundreds of megabytes).
    @Test func anItemLimitKeepsABigStoryReadable() {
        let whole = MarkdownRenderer().render(ReportFixture.report)
        let short = MarkdownRenderer(itemLimit: 3).render(ReportFixture.report)
        let dam = String(short[..<(short.range(of: "## Story 2")?.lowerBound ?? short.endIndex)])
        #expect(dam.contains("| Claim | Articles | Outlets |"))
        #expect(dam.contains("| **c1** The Harlow dam gave way on Tuesday, flooding three villages. | 4 | 4 |"))
        #expect(dam.contains("*… and 1 more article (--format json lists all)*"))
        #expect(dam.contains("| Cited source | Citations | Articles |"))
        #expect(!whole.contains("| Claim | Articles | Outlets |") && !whole.contains("more article"))
        // The strike story (2 articles) keeps a line per citation.
        let strike = String(short[(short.range(of: "## Story 2")?.lowerBound ?? short.endIndex)...])
        #expect(strike.contains("| Article | Cited source | Kind | Cue |"))
        #expect(ReportRenderer.render(ReportFixture.report, format: .markdown) == MarkdownRenderer(itemLimit: 50).render(ReportFixture.report))
    }

    @Test func linksOnlyHTTPURLs() {
        let md = MarkdownRenderer().render(ReportFixture.report)
        #expect(md.contains("](<https://northgate-herald.example/news/2025/03/11/harlow-dam-breach>)"))
    }
}

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

    @Test func linksOnlyHTTPURLs() {
        let md = MarkdownRenderer().render(ReportFixture.report)
        #expect(md.contains("](<https://northgate-herald.example/news/2025/03/11/harlow-dam-breach>)"))
    }
}

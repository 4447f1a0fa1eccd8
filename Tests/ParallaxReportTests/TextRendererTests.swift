import Testing

@testable import ParallaxReport

struct TextRendererTests {
    private let plain = TextRenderer().render(ReportFixture.report)

    @Test func matchesGoldenFile() {
        Snapshot.check(plain, named: "report.txt")
    }

    @Test func keepsEveryLineWithinOneHundredColumns() {
        for line in plain.split(separator: "\n") {
            #expect(TerminalText.width(line) <= 100, "too wide: \(line)")
        }
        let colored = TextRenderer(color: true).render(ReportFixture.report)
        for line in colored.split(separator: "\n") {
            #expect(TerminalText.width(TextRenderer.stripANSI(line)) <= 100)
        }
    }

    @Test func listsTheTopItemsAndCountsTheRest() {
        var renderer = TextRenderer()
        renderer.itemLimit = 1
        let short = renderer.render(ReportFixture.report)
        // The dam story has three claims and four occurrences of its quote: one of each is shown, the rest counted.
        #expect(short.contains("… and 2 more claims (--format json lists all)"))
        #expect(short.contains("… and 3 more occurrences (--format json lists all)"))
        #expect(!plain.contains("… and"))
        renderer.itemLimit = nil
        #expect(renderer.render(ReportFixture.report) == plain)
    }

    /// A story of more articles than the limit lists its first articles, each cited source once with its counts, and a
    /// few article numbers per finding: the report stays readable whatever the story's size.
    @Test func capsTheListsThatGrowWithTheArticlesOfABigStory() {
        var renderer = TextRenderer()
        renderer.itemLimit = 3
        let short = renderer.render(ReportFixture.report)
        // The dam story has 4 articles: three listed, one counted; the strike story (2 articles) is listed whole.
        #expect(short.contains("… and 1 more article (--format json lists all)"))
        #expect(short.contains("cited sources, most citing articles first"))
        #expect(short.contains("article → cited source (cue)"))  // the strike story's citations, one line each
        let dam = String(short[..<(short.range(of: "STORY 2")?.lowerBound ?? short.endIndex)])
        #expect(dam.contains(" — cited ") && !dam.contains(" → "))
        #expect(!plain.contains("cited sources, most citing articles first"))
    }

    @Test func numbersOfAFindingAreCappedWithACountOfTheRest() {
        let context = StoryContext(
            story: ReportFixture.dam, articles: Dictionary(uniqueKeysWithValues: ReportFixture.report.articles.map { ($0.id, $0) }))
        let ids = context.members.map(\.id)
        #expect(context.numbers(ids) == "1,2,3,4")
        #expect(context.numbers(ids, limit: 2) == "1,2,+2")
        #expect(context.numbers(ids, separator: " = ", limit: 4) == "1 = 2 = 3 = 4")
        #expect(context.numbers([], limit: 2) == "")
    }

    /// A story of more articles than the limit gets counts per claim, not a column per article.
    @Test func countsCoverageOfAStoryOverTheLimit() {
        var renderer = TextRenderer()
        renderer.itemLimit = 3
        let short = renderer.render(ReportFixture.report)
        // The dam story: 4 articles, 4 outlets; its first claim is carried by all four.
        #expect(short.contains("claims by how many of the 4 articles and 4 outlets report them"))
        #expect(short.contains("4 art · 4 outlets"))
        // No grid for it (the strike story has no claims to draw).
        #expect(!short.contains("claims × articles"))
        for line in short.split(separator: "\n") { #expect(TerminalText.width(line) <= 100, "too wide: \(line)") }
    }

    @Test func showsQuoteDriftCompactly() {
        #expect(plain.contains("[-months of-]"))
        #expect(plain.contains("[-will-] {+would+}"))
        #expect(plain.contains("~ The breach was caused by"))  // the Ledger dropped the quotation marks
    }

    @Test func drawsTheCoverageMatrixMostReportedClaimFirst() throws {
        let lines = plain.split(separator: "\n").map(String.init)
        let c1 = try #require(lines.firstIndex { $0.hasPrefix("  c1 ") })
        let c2 = try #require(lines.firstIndex { $0.hasPrefix("  c2 ") })
        #expect(c1 < c2)
        #expect(lines[c1].hasSuffix("● ● ● ●"))
        #expect(lines[c2].hasSuffix("● · · ·"))
    }

    @Test func showsProvenanceAndTheMostCitedSource() {
        #expect(plain.contains("2 Calder Ledger"))
        #expect(plain.contains("→ Ilse Varga (told the Ledger, person)"))
        #expect(plain.contains("Most-cited source: Ilse Varga — cited 4× in 4 of 4 articles"))
        #expect(plain.contains("copies of one text (counted once): 3 = 4"))
    }

    @Test func colorsOnlyWhenAsked() {
        #expect(!plain.contains("\u{1B}"))
        #expect(TextRenderer(color: true).render(ReportFixture.report).contains("\u{1B}[1m"))
    }

    @Test func stripsTerminalEscapesFromArticleText() {
        var report = ReportFixture.report
        report.articles[0].title = "Evil \u{1B}]0;pwned\u{07}\u{1B}[2J title"
        report.stories[0].title = "Story \u{1B}[31mred"
        let out = TextRenderer(color: false).render(report)
        #expect(!out.contains("\u{1B}"))
        #expect(!out.contains("\u{07}"))
    }

    @Test func listsSkippedInputs() {
        #expect(plain.contains("SKIPPED INPUTS (1)"))
        #expect(plain.contains("examples/corpus/broken.jsonl (line 3): not valid JSON"))
    }

    @Test func splitsAWideMatrixIntoBlocks() {
        let articles = (1...40).map { Article(id: "a\($0)", source: "a\($0)", outlet: "Outlet \($0)", text: "Text.") }
        let claim = Claim(id: "c1", text: "Something happened.", articles: ["a1", "a40"], occurrences: [])
        let story = StoryAnalysis(
            story: Story(id: "s", title: "Wide", articles: articles.map(\.id)), claims: [claim])
        let out = TextRenderer().render(AnalysisReport(articles: articles, stories: [story]))
        for line in out.split(separator: "\n") { #expect(TerminalText.width(line) <= 100) }
        #expect(out.split(separator: "\n").filter { $0.hasPrefix("  c1 ") }.count >= 2)
    }

    @Test func saysSoWhenThereAreNoStories() {
        #expect(TextRenderer().render(AnalysisReport(articles: [], stories: [])).contains("No stories found."))
    }
}

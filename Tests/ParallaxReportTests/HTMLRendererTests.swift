import Foundation
import Testing

@testable import ParallaxReport

struct HTMLRendererTests {
    private let html = HTMLRenderer().render(ReportFixture.report)

    /// All values of `attribute="..."` in `html`.
    private func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
            .map(String.init)
    }

    /// Every opened element is closed in order (void and self-closed elements aside); script and style bodies
    /// skipped. Returns the first problem, or nil.
    private func balanceProblem(_ html: String) -> String? {
        let void: Set<String> = ["meta", "br", "img", "hr", "input", "link", "!doctype"]
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return "unclosed tag at end" }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let isEnd = tag.hasPrefix("/")
            let name = String((isEnd ? tag.dropFirst() : tag).prefix { $0 != " " && $0 != "/" }).lowercased()
            if isEnd {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else if !void.contains(name), !tag.hasSuffix("/") {
                stack.append(name)
                if name == "script" || name == "style", let end = rest.range(of: "</\(name)>") {
                    rest = rest[end.lowerBound...]
                }
            }
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: "> <"))>"
    }

    @Test func anItemLimitShowsTheMostSharedFirstAndSaysHowManyMore() throws {
        let story = try #require(ReportFixture.report.stories.first)
        let claims = story.claims.count
        try #require(claims > 1, "the fixture needs two claims")
        var limited = ""
        HTMLRenderer(itemLimit: 1, allHref: "/stories/x?all=1").renderContent(ReportFixture.report, to: &limited)
        #expect(limited.contains("… and \(claims - 1) more claims (<a href=\"/stories/x?all=1\">show all</a>)"))
        #expect(limited.components(separatedBy: "<th class=\"claim\"><span class=\"cid\">").count == 2)
        #expect(!html.contains("more claims"))
        #expect(balanceProblem(limited) == nil)
    }

    @Test func aStoryOverTheLimitIsCompactWhenArticlesHavePagesOfTheirOwn() {
        // The dam story has 4 articles (over the limit of 3), the strike story 2.
        var page = ""
        HTMLRenderer(itemLimit: 3, allHref: "/stories/x?all=1", articlePages: "/articles/")
            .renderContent(ReportFixture.report, to: &page)
        #expect(balanceProblem(page) == nil)
        // The dam story's texts are on their own pages, its findings link there; the strike story stays inline.
        #expect(!page.contains("id=\"art-0\"") && !page.contains("id=\"art-3\""))
        #expect(page.contains("id=\"art-4\"") && page.contains("id=\"art-5\""))
        #expect(page.contains("href=\"/articles/herald-dam#s-"))
        #expect(page.contains("href=\"/articles/ledger-dam\""))
        #expect(page.contains("each article's text is on its own page"))
        // The matrix has a column per outlet, the three with most articles of four.
        #expect(page.contains("for the 3 outlets with most articles of 4"))
        let dam = String(page[..<(page.range(of: "id=\"story-2\"")?.lowerBound ?? page.endIndex)])
        let heads = dam.components(separatedBy: "<h3>Coverage</h3>").last?.components(separatedBy: "</thead>").first ?? ""
        #expect(heads.components(separatedBy: "<th>").count - 1 == 3)
        #expect(!heads.contains("Valley Courier"))
        // Without article pages (a self-contained report) the matrix is by outlet all the same, and every text is
        // in the page, findings linking to it.
        var inline = ""
        HTMLRenderer(itemLimit: 3).renderContent(ReportFixture.report, to: &inline)
        #expect(balanceProblem(inline) == nil)
        #expect(inline.contains("id=\"art-0\"") && !inline.contains("/articles/"))
        #expect(inline.contains("for the 3 outlets with most articles of 4"))
        #expect(inline.contains("href=\"#s-0-") && !inline.contains("on its own page"))
    }

    /// A self-contained report of a story over the limit lists its first articles and carries only the texts that
    /// something shown links to; every link still lands on an anchor.
    @Test func aCompactSelfContainedReportCarriesOnlyTheTextsItLinksTo() {
        // The dam story with 20 more articles that no finding points at.
        var report = ReportFixture.report
        let extra = (1...20).map {
            Article(id: "extra-\($0)", source: "extra.jsonl:\($0)", outlet: "Outlet \($0)", title: "Extra \($0)", text: "Text \($0).")
        }
        report.articles += extra
        report.stories[0].articles += extra.map(\.id)
        var page = ""
        HTMLRenderer(itemLimit: 3).renderContent(report, to: &page)
        #expect(balanceProblem(page) == nil)
        #expect(page.contains("… and 21 more articles"))
        let ids = Set(values(of: "id", in: page))
        let links = values(of: "href", in: page).filter { $0.hasPrefix("#") }
        for link in links { #expect(ids.contains(String(link.dropFirst())), "dangling link \(link)") }
        let texts = page.components(separatedBy: "<section class=\"texts\">").last ?? ""
        let written = texts.components(separatedBy: "<article id=\"art-").count - 1
        // The six articles with findings are linked and written; the extra ones are not.
        #expect(written == ReportFixture.report.articles.count)
        #expect(!texts.contains("Extra 1<") && !texts.contains("Text 20."))
        #expect(html.components(separatedBy: "<article id=\"art-").count - 1 == ReportFixture.report.articles.count)
    }

    /// `compactAbove` keeps a big story compact when every item is listed.
    @Test func aBigStoryStaysCompactWhenEveryItemIsListed() {
        var page = ""
        HTMLRenderer(itemLimit: nil, allHref: "/stories/x?all=1", articlePages: "/articles/", compactAbove: 3)
            .renderContent(ReportFixture.report, to: &page)
        #expect(balanceProblem(page) == nil)
        #expect(!page.contains("id=\"art-0\"") && page.contains("id=\"art-4\""))  // dam on pages, strike inline
        #expect(page.contains("Which outlet reports which claim"))
        #expect(!page.contains("outlets with most articles of"))  // every outlet is a column
        #expect(!page.contains("show all"))
    }

    @Test func closesEveryElement() {
        #expect(balanceProblem("<div><span></div>") != nil)  // the checker itself catches a stray tag
        #expect(balanceProblem(html) == nil)
    }

    @Test func matchesGoldenFile() {
        Snapshot.check(html, named: "report.html")
    }

    @Test func isSelfContained() {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(html.components(separatedBy: "<script").count == 2)  // our one inline script
    }

    @Test func everyFindingLinkHasItsSentenceAnchor() {
        let ids = Set(values(of: "id", in: html))
        let links = values(of: "href", in: html).filter { $0.hasPrefix("#") }
        #expect(!links.isEmpty)
        for link in links { #expect(ids.contains(String(link.dropFirst())), "dangling link \(link)") }
    }

    @Test func anchorsWrapTheSentenceTheFindingPointsAt() throws {
        let claim = try #require(ReportFixture.dam.claims.first { $0.id == "c3" })
        let ref = try #require(claim.occurrences.first { $0.article == ReportFixture.ledger.id })
        let id = "s-1-\(ref.sentenceSpan.start)-\(ref.sentenceSpan.end)"
        #expect(html.contains("id=\"\(id)\">\(HTMLEscaping.escape(String(ReportFixture.ledger.text[span: ref.sentenceSpan])))</span>"))
    }

    @Test func showsDriftAndTheGraph() {
        #expect(html.contains("<del>months of</del>"))
        #expect(html.contains("<del>will</del> <ins>would</ins>"))
        #expect(html.contains("<svg class=\"graph\""))
        #expect(html.contains(">told the Ledger</text>"))
        #expect(html.contains("<th class=\"claim\">Claim</th>"))
        #expect(html.contains("title=\"Calder Ledger: Engineers had warned"))
    }

    @Test func escapesHostileArticles() {
        let hostile = "<script>alert(1)</script>\"onmouseover=\"alert(2)' <img src=x onerror=alert(3)>"
        let a = Article(
            id: "evil\"><script>", source: "<b>src</b>", outlet: hostile, url: "javascript:alert(4)", title: hostile,
            authors: [hostile], published: Day(year: 2025, month: 1, day: 1), text: "Body " + hostile + " end.")
        let b = Article(id: "b", source: "b", outlet: "B", url: "JAVASCRIPT:alert(5)", title: "ok", text: "Fine.")
        let sentenceSpan = TextSpan(start: 0, end: a.text.utf8.count)
        let ref = SpanReference(article: a.id, span: sentenceSpan, sentenceSpan: sentenceSpan)
        let occurrence = QuoteOccurrence(
            article: a.id, text: hostile, quoted: true, speaker: hostile, cue: hostile, span: sentenceSpan, sentenceSpan: sentenceSpan,
            diff: [.init(kind: .added, text: hostile), .init(kind: .removed, text: hostile)])
        let story = StoryAnalysis(
            story: Story(id: "s", title: hostile, articles: [a.id, b.id], copies: [[a.id, b.id]]),
            quotes: [
                Quote(id: hostile, speaker: hostile, speakerRole: hostile, text: hostile, occurrences: [occurrence])
            ],
            citations: [
                Citation(
                    article: a.id, source: hostile, sourceKind: .person, cue: hostile, span: sentenceSpan, sentenceSpan: sentenceSpan)
            ],
            originalSource: hostile,
            naming: [NamingChoice(entity: hostile, variants: [NamingVariant(form: hostile, articles: [a.id])])],
            framing: [
                FramingUse(
                    phrase: hostile, note: hostile, articles: [a.id],
                    occurrences: [
                        FramingOccurrence(
                            article: ref.article, span: ref.span, sentenceSpan: ref.sentenceSpan, usage: .qualified,
                            qualifier: hostile)
                    ])
            ],
            claims: [Claim(id: hostile, text: hostile, articles: [a.id], occurrences: [ref])],
            timeline: [TimelineEvent(date: a.published!, text: hostile, articles: [a.id], occurrences: [])],
            synthesis: [
                SynthesisPoint(
                    text: hostile, claim: hostile, articles: [a.id], outlets: [hostile],
                    independentSources: 2)
            ])
        let out = HTMLRenderer().render(
            AnalysisReport(articles: [a, b], stories: [story], issues: [IngestIssue(input: hostile, kind: .other, message: hostile)]))
        #expect(out.components(separatedBy: "<script").count == 2)
        #expect(balanceProblem(out) == nil)
        #expect(!out.contains("<img"))
        #expect(!out.contains("\"onmouseover"))
        #expect(!out.contains("'alert"))
        #expect(!out.lowercased().contains("href=\"javascript"))
        #expect(!out.lowercased().contains("javascript:alert(5)\""))
        #expect(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=&quot;alert(2)&#39;"))
        for id in values(of: "id", in: out) {
            #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }, "unsafe id \(id)")
        }
    }

    @Test func writesEachArticleTextOnce() {
        for a in ReportFixture.report.articles.indices {
            let article = ReportFixture.report.articles[a]
            let lang = article.language.map { " lang=\"\($0)\"" } ?? ""
            #expect(html.components(separatedBy: "<article id=\"art-\(a)\"\(lang) dir=\"auto\">").count == 2)
        }
    }

    @Test func contentForAPageOfItsOwn() {
        var content = ""
        HTMLRenderer().renderContent(ReportFixture.report, to: &content)
        #expect(content.hasPrefix("<section class=\"story\""))
        for absent in ["<html", "<head", "<style", "<script", " style=\""] { #expect(!content.contains(absent), "\(absent)") }
        #expect(html.contains(content))  // the page holds the same content
    }

    @Test func groupsMatrixColumnsByCountryAndOwnershipWhenOutletsAreKnown() {
        let outlets = OutletRegistry(outlets: [
            Outlet(name: "Northgate Herald", country: "GB", ownership: .privatelyOwned),
            Outlet(name: "Calder Ledger", country: "GB", ownership: .publicService),
            Outlet(name: "Valley Courier", country: "GB", ownership: .privatelyOwned),
        ])
        var content = ""
        HTMLRenderer(outlets: outlets).renderContent(ReportFixture.report, to: &content)
        let groups = content.components(separatedBy: "<tr class=\"groups\">").dropFirst().first?
            .components(separatedBy: "</tr>").first ?? ""
        #expect(groups.contains("<th colspan=\"1\" scope=\"colgroup\">GB · public</th>"))
        #expect(groups.contains("<th colspan=\"2\" scope=\"colgroup\">GB · private</th>"))
        #expect(groups.hasSuffix("<th colspan=\"1\" scope=\"colgroup\">country unknown · ownership unknown</th>"))
        // Without a registry, no groups (the CLI's report).
        #expect(!html.contains("<tr class=\"groups\">"))
    }

    @Test func marksCopiesParaphrasesAndUsageByOutlet() {
        #expect(html.contains("<span class=\"copy\">copy of 3</span>"))
        #expect(html.contains(">paraphrased</span>"))
        #expect(html.contains("<h3>Names and stance-marked phrases by outlet</h3>"))
    }
}

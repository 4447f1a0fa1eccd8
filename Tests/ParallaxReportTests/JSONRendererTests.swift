import Foundation
import Testing

@testable import ParallaxReport

struct JSONRendererTests {
    private func object(_ json: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// The API's one-line JSON, written member by member, is the line the whole JSON tree writes.
    @Test func theStreamedLineIsTheTreeLine() {
        let report = ReportFixture.report
        #expect(ReportRenderer.json(report) == JSONValue(report).compact + "\n")
        let totals = [report.stories[0].id: report.stories[0].listSizes]
        guard case .object(var members) = JSONValue(report) else { return }
        members["totals"] = .object(totals.mapValues { .object($0.mapValues(JSONValue.int)) })
        #expect(ReportRenderer.json(report, totals: totals) == JSONValue.object(members).compact + "\n")
        let empty = AnalysisReport(articles: [], stories: [])
        #expect(ReportRenderer.json(empty) == JSONValue(empty).compact + "\n")
    }

    @Test func decodesBackIntoAnEqualReport() throws {
        let json = JSONRenderer().render(ReportFixture.report)
        let decoded = try JSONDecoder().decode(AnalysisReport.self, from: Data(json.utf8))
        #expect(decoded == ReportFixture.report)
    }

    @Test func keepsEveryContractFieldWithNullForAbsentValues() throws {
        let bare = Article(id: "x", source: "x.txt", text: "Text.")
        let occurrence = QuoteOccurrence(
            article: "x", text: "Text", quoted: false, speaker: nil, span: TextSpan(start: 0, end: 4), sentenceSpan: TextSpan(start: 0, end: 5))
        let story = StoryAnalysis(
            story: Story(id: "s", title: "T", articles: ["x"]),
            quotes: [Quote(id: "q", speaker: nil, text: "Text", occurrences: [occurrence])])
        let root = try object(JSONRenderer().render(AnalysisReport(articles: [bare], stories: [story])))
        let article = try #require((root["articles"] as? [[String: Any]])?.first)
        for key in ["outlet", "url", "title", "published"] {
            #expect(article[key] is NSNull, "article.\(key) should be null")
        }
        #expect(Set(article.keys).isSuperset(of: ["id", "source", "outlet", "url", "title", "published", "text"]))
        let s = try #require((root["stories"] as? [[String: Any]])?.first)
        #expect(
            Set(s.keys).isSuperset(of: [
                "id", "title", "articles", "quotes", "citations", "naming", "framing", "claims", "timeline",
                "synthesis",
            ]))
        let q = try #require((s["quotes"] as? [[String: Any]])?.first)
        #expect(q["speaker"] is NSNull)
        let o = try #require((q["occurrences"] as? [[String: Any]])?.first)
        #expect(o["speaker"] is NSNull)
        #expect(o["quoted"] as? Bool == false)
        #expect(Set(o.keys).isSuperset(of: ["article", "text", "quoted", "speaker", "sentence"]))
        #expect(root["issues"] is [Any])
    }

    @Test func writesDatesAsDaysAndSpansAsByteOffsets() throws {
        let root = try object(JSONRenderer().render(ReportFixture.report))
        let article = try #require((root["articles"] as? [[String: Any]])?.first)
        #expect(article["published"] as? String == "2025-03-11")
        let story = try #require((root["stories"] as? [[String: Any]])?.first)
        let event = try #require((story["timeline"] as? [[String: Any]])?.first)
        #expect(event["date"] as? String == "2025-03-11")
        let cite = try #require((story["citations"] as? [[String: Any]])?.first)
        let span = try #require(cite["span"] as? [String: Int])
        let text = ReportFixture.herald.text
        #expect(String(text[span: TextSpan(start: span["start"]!, end: span["end"]!)]) == "Ilse Varga")
    }

    @Test func escapesHostileText() throws {
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{00} emoji 🌊 </script>"
        let report = AnalysisReport(articles: [Article(id: "n", source: "n", title: nasty, text: nasty)], stories: [])
        let decoded = try JSONDecoder().decode(AnalysisReport.self, from: Data(JSONRenderer().render(report).utf8))
        #expect(decoded.articles.first?.text == nasty)
        #expect(decoded.articles.first?.title == nasty)
    }

    @Test func matchesGoldenFile() {
        Snapshot.check(JSONRenderer().render(ReportFixture.report), named: "report.json")
    }

    @Test func rendersAnEmptyReport() throws {
        let root = try object(JSONRenderer().render(AnalysisReport(articles: [], stories: [])))
        #expect((root["articles"] as? [Any])?.isEmpty == true)
        #expect((root["stories"] as? [Any])?.isEmpty == true)
    }
}

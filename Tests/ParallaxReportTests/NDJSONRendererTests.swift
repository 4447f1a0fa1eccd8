import Foundation
import Testing

@testable import ParallaxReport

struct NDJSONRendererTests {
    @Test func writesOneTypedLinePerArticleStoryAndIssue() throws {
        let out = NDJSONRenderer().render(ReportFixture.report)
        #expect(out.hasSuffix("\n"))
        let lines = out.split(separator: "\n")
        let report = ReportFixture.report
        #expect(lines.count == 1 + report.articles.count + report.stories.count + report.issues.count)
        var types: [String] = []
        for line in lines {
            let obj = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            types.append(try #require(obj["type"] as? String))
        }
        #expect(
            types == ["report"] + Array(repeating: "article", count: report.articles.count)
                + Array(repeating: "story", count: report.stories.count) + ["issue"])
    }

    @Test func linesDecodeAsTheModelTypes() throws {
        let lines = NDJSONRenderer().render(ReportFixture.report).split(separator: "\n")
        #expect(lines[0] == "{\"type\":\"report\",\"version\":\(reportContractVersion)}")
        let article = try JSONDecoder().decode(Article.self, from: Data(lines[1].utf8))
        #expect(article == ReportFixture.herald)
        let story = try JSONDecoder().decode(StoryAnalysis.self, from: Data(lines[7].utf8))
        #expect(story == ReportFixture.dam)
    }

    @Test func matchesGoldenFile() {
        Snapshot.check(NDJSONRenderer().render(ReportFixture.report), named: "report.ndjson")
    }
}

import Foundation
import ParallaxAnalysis
import ParallaxIngest
import ParallaxReport
import Testing

/// The pipeline on the bundled example corpus (written by us, always present): two events, mixed formats.
struct ExampleCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples").standardizedFileURL.path

    static func run(concurrency: Int) throws -> (Ingestor.Result, [StoryAnalysis]) {
        let registry = try OutletRegistry.load(extraFile: root + "/outlets.json")
        let ingested = Ingestor(readers: Ingestor.allReaders(registry: registry)).ingest(paths: [root + "/corpus"])
        return (ingested, AnalysisPipeline(outlets: registry, concurrency: concurrency).run(ingested.articles))
    }

    @Test func twoEventsFromMixedFormats() throws {
        let (ingested, stories) = try Self.run(concurrency: 2)
        #expect(ingested.issues.isEmpty, "\(ingested.issues)")
        #expect(ingested.articles.count == 8)
        #expect(stories.map(\.articles.count) == [5, 3])
        let dam = try #require(stories.first)
        // The wire copy and its partner's reprint are one text.
        #expect(dam.copies.count == 1)
        // The minister's statement is one quote carried by several outlets, one of them without quotation marks.
        let minister = dam.quotes.first { q in q.occurrences.contains { $0.text.contains("neglected maintenance") } }
        let occurrences = try #require(minister?.occurrences)
        #expect(occurrences.count >= 3)
        #expect(occurrences.contains { !$0.quoted })
        #expect(minister?.speaker?.contains("Varga") == true)
        // "on Tuesday" in articles of Tuesday 11 March 2025 resolves to that day.
        #expect(dam.timeline.contains { $0.date == Day(iso: "2025-03-11") && $0.articles.count >= 3 })
        #expect(dam.synthesis.allSatisfy { $0.independentSources >= 2 })
    }

    @Test func resultsDoNotDependOnConcurrency() throws {
        let (_, one) = try Self.run(concurrency: 1)
        let (_, two) = try Self.run(concurrency: 2)
        #expect(one == two)
    }

    @Test func everyFormatRenders() throws {
        let (ingested, stories) = try Self.run(concurrency: 2)
        let report = AnalysisReport(articles: ingested.articles, stories: stories, issues: ingested.issues)
        for format in ReportFormat.allCases {
            let out = ReportRenderer.render(report, format: format)
            #expect(out.contains("Harlow"), "\(format)")
        }
        let json = ReportRenderer.render(report, format: .json)
        let decoded = try JSONDecoder().decode(AnalysisReport.self, from: Data(json.utf8))
        #expect(decoded == report)
    }
}

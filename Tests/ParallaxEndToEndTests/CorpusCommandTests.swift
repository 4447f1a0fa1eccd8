import Foundation
import Testing

/// The corpus commands through the built binary: `ingest` (idempotent, updates, summary), `stories`, `story`,
/// `articles`, `search`, `export` and `stats` on one database, and what they do with a missing database.
extension CommandLineTests {
    /// Counts of `ingest --format json`.
    struct IngestSummaryJSON: Decodable {
        struct Summary: Decodable {
            var read: Int
            var new: Int
            var unchanged: Int
            var updated: Int
            var copies: Int
            var storiesCreated: Int
        }

        var summary: Summary
        var database: String
    }

    struct StoryRow: Decodable, Equatable {
        var id: String
        var title: String
        var articleCount: Int
        var outlets: [String]
    }

    struct StoriesJSON: Decodable {
        var stories: [StoryRow]
    }

    struct ArticleRow: Decodable, Equatable {
        var id: String
        var story: String?
        var copy_of: String?
        var outlet: String?
    }

    static var examples: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/corpus").path
    }

    @Test func ingestIsIdempotentAndTheCorpusAnswersQueries() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let db = workspace.path("corpus.sqlite")
        let first = try parallax(["ingest", "--db", db, "--format", "json", Self.examples], in: workspace)
        #expect(first.status == 0, "\(first)")
        let summary = try JSONDecoder().decode(IngestSummaryJSON.self, from: Data(first.stdout.utf8)).summary
        #expect(summary.read > 5 && summary.new == summary.read && summary.unchanged == 0)
        #expect(summary.storiesCreated >= 2)

        let stories = try JSONDecoder().decode(
            StoriesJSON.self, from: Data(try parallax(["stories", "--db", db, "--format", "json"], in: workspace).stdout.utf8)
        ).stories
        #expect(!stories.isEmpty)
        #expect(stories.map(\.articleCount).reduce(0, +) == summary.new)

        // The same input again stores nothing new and changes no story.
        let again = try parallax(["ingest", "--db", db, "--format", "json", Self.examples], in: workspace)
        let second = try JSONDecoder().decode(IngestSummaryJSON.self, from: Data(again.stdout.utf8)).summary
        #expect(second.new == 0 && second.unchanged == summary.read && second.storiesCreated == 0)
        let storiesAgain = try JSONDecoder().decode(
            StoriesJSON.self, from: Data(try parallax(["stories", "--db", db, "--format", "json"], in: workspace).stdout.utf8)
        ).stories
        #expect(storiesAgain == stories)

        // One story's whole comparison, in the report format of `analyze`.
        let biggest = try #require(stories.first)
        let story = try parallax(["story", biggest.id, "--db", db, "--format", "json"], in: workspace)
        #expect(story.status == 0, "\(story)")
        let report = try story.report
        #expect(report.stories.count == 1 && report.stories.first?.id == biggest.id)
        #expect(report.articles.count == biggest.articleCount)
        for format in ["text", "md", "html", "ndjson"] {
            let run = try parallax(["story", biggest.id, "--db", db, "--format", format], in: workspace)
            #expect(run.status == 0 && !run.stdout.isEmpty, "\(format): \(run)")
        }
        let unknown = try parallax(["story", "s-0000000000000000", "--db", db], in: workspace)
        #expect(unknown.failedWithoutUsage && unknown.stderr.contains("s-0000000000000000"))

        // Articles of a story, search, stats.
        let members = try parallax(["articles", "--db", db, "--story", biggest.id, "--format", "ndjson"], in: workspace)
        let rows = try members.lines(ArticleRow.self)
        #expect(rows.count == biggest.articleCount && rows.allSatisfy { $0.story == biggest.id })
        let word = try #require(biggest.title.split(separator: " ").first { $0.count > 4 }.map(String.init))
        let search = try parallax(["search", word, "--db", db, "--format", "ndjson"], in: workspace)
        #expect(search.status == 0 && !search.stdout.isEmpty, "\(search)")
        let stats = try parallax(["stats", "--db", db], in: workspace)
        #expect(stats.status == 0 && stats.stdout.contains("articles"))

        // Exports: one JSON object per article; CSV with a header; the citation graph as GEXF.
        let exported = try parallax(["export", "--db", db, "--what", "articles"], in: workspace)
        #expect(try exported.lines(ArticleRow.self).count == summary.new)
        let csv = try parallax(["export", "--db", db, "--what", "stories", "--format", "csv"], in: workspace)
        #expect(csv.stdout.hasPrefix("id,title,articles,outlets"))
        let gexf = try parallax(["export", "--db", db, "--what", "citations", "--format", "gexf"], in: workspace)
        #expect(gexf.status == 0 && gexf.stdout.contains("<gexf") && gexf.stdout.hasSuffix("</gexf>\n"), "\(gexf)")
        for what in ["quotes", "claims", "timeline", "citations"] {
            let run = try parallax(["export", "--db", db, "--what", what], in: workspace)
            #expect(run.status == 0, "\(what): \(run)")
            for line in run.stdout.split(separator: "\n") {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(what): \(line)")
            }
        }
    }

    @Test func aChangedTextUnderTheSameURLReplacesTheStoredArticle() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let db = workspace.path("c.sqlite")
        let url = "https://news.example.org/2024/03/12/bridge"
        let v1 = "date 2024-03-12\n\(url)\nHarbor bridge reopens\n\n" + Self.goodArticles[0].text.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        try workspace.write("in/bridge.txt", v1)
        let first = try parallax(["ingest", "--db", db, "--format", "json", workspace.path("in")], in: workspace)
        #expect(try JSONDecoder().decode(IngestSummaryJSON.self, from: Data(first.stdout.utf8)).summary.new == 1, "\(first)")
        try workspace.write("in/bridge.txt", v1 + "\nThe mayor said a second bridge would follow in 2026.\n")
        let second = try parallax(["ingest", "--db", db, "--format", "json", workspace.path("in")], in: workspace)
        let summary = try JSONDecoder().decode(IngestSummaryJSON.self, from: Data(second.stdout.utf8)).summary
        #expect(summary.updated == 1 && summary.new == 0, "\(second)")
        let exported = try parallax(["export", "--db", db, "--what", "articles"], in: workspace)
        #expect(try exported.lines(ArticleRow.self).count == 1)
        #expect(exported.stdout.contains("second bridge"))
    }

    @Test func readingCommandsNeedAnExistingCorpus() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let db = workspace.path("none.sqlite")
        for command in [["stories"], ["story", "s-1"], ["articles"], ["search", "bridge"], ["stats"], ["export", "--what", "articles"]] {
            let run = try parallax(command + ["--db", db], in: workspace)
            #expect(run.failedWithoutUsage && run.stderr.contains(db), "\(command): \(run)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
        try workspace.write("junk.sqlite", "this is not a database, just text that fills more than a header of bytes....")
        let junk = try parallax(["stats", "--db", workspace.path("junk.sqlite")], in: workspace)
        #expect(junk.failedWithoutUsage && junk.stderr.contains("junk.sqlite"), "\(junk)")
    }
}

import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxReport

/// `parallax stories`: the corpus's stories, largest first, with filters.
struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories", abstract: "List the corpus's stories, largest first.",
        discussion: """
            Examples:
              parallax stories --since 2024-05-01 --outlet TASS
              parallax stories --search "Kharkiv weapons" --format json
            """)

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "Stories with an article on or after this day (YYYY-MM-DD).") var since: Day?
    @Option(help: "Stories with an article on or before this day (YYYY-MM-DD).") var until: Day?
    @Option(help: "Stories with an article of this outlet.") var outlet: String?
    @Option(help: "Stories with an article of an outlet of this country (ISO code, e.g. RU).") var country: String?
    @Option(help: "Stories with an article matching these words (full-text search).") var search: String?
    @Option(help: "Only stories with at least this many articles.") var minArticles: Int = 1
    @Option(help: "At most this many stories.") var limit: Int = 50
    @Option(name: .shortAndLong, help: "Output format: text, json, ndjson, md, html or csv.") var format: ListFormat = .text

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let store = try await corpus.openExisting()
        let filter = StoryFilter(
            since: since, until: until, outlet: outlet, country: country, search: search, minArticles: minArticles,
            limit: limit)
        let stories = try await store.read { try $0.stories(filter) }
        writeListing("stories", stories, format: format) {
            RecordTable(
                columns: ["story", "articles", "outlets", "first", "last", "title"],
                rows: stories.map {
                    [$0.id, String($0.articleCount), String($0.outlets.count), $0.firstDay?.description ?? "",
                     $0.lastDay?.description ?? "", $0.title]
                }, numeric: [1, 2])
        }
    }
}

/// `parallax articles`: the corpus's articles, newest first, with filters.
struct ArticlesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles", abstract: "List the corpus's articles, newest first.")

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "Published on or after this day (YYYY-MM-DD).") var since: Day?
    @Option(help: "Published on or before this day (YYYY-MM-DD).") var until: Day?
    @Option(help: "Articles of this outlet.") var outlet: String?
    @Option(help: "Articles of outlets of this country (ISO code).") var country: String?
    @Option(help: "Articles of this story (a merged story's id works too).") var story: String?
    @Option(help: "At most this many articles.") var limit: Int = 50
    @Option(name: .shortAndLong, help: "Output format: text, json, ndjson, md, html or csv.") var format: ListFormat = .text

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let store = try await corpus.openExisting()
        let storyID = story
        let (articles, known) = try await store.read { reader -> ([ArticleRecord], Bool) in
            var filter = ArticleFilter(since: since, until: until, outlet: outlet, country: country, limit: limit)
            if let storyID {
                guard let live = try reader.resolveStory(storyID) else { return ([], false) }
                filter.story = live
            }
            return (try reader.articles(filter), true)
        }
        guard known else { throw CommandLineError(path: corpus.location, problem: "no story \(storyID ?? "")") }
        writeListing("articles", articles, format: format) {
            RecordTable(columns: ["article", "published", "outlet", "title", "story"], rows: articles.map(Self.row))
        }
    }

    static func row(_ a: ArticleRecord) -> [String] {
        [a.id, a.published?.description ?? "", a.outlet ?? "", a.title ?? "", a.story ?? ""]
    }
}

/// `parallax search`: full-text search over titles and texts, best match first.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the corpus's titles and texts (every word must occur).",
        discussion: """
            Words are matched as words (case and accents folded); punctuation is not syntax.
            Example: parallax search Kharkiv weapons --limit 10
            """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "The words to search for.") var words: [String]
    @Option(help: "At most this many results.") var limit: Int = 20
    @Option(name: .shortAndLong, help: "Output format: text, json, ndjson, md, html or csv.") var format: ListFormat = .text

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1.") }
        guard !words.joined().trimmingWhitespace().isEmpty else { throw ValidationError("Give words to search for.") }
    }

    func run() async throws {
        let store = try await corpus.openExisting()
        let query = words.joined(separator: " ")
        let hits = try await store.read { try $0.search(query, limit: limit) }
        writeListing("results", hits, format: format, maxWidth: 80) {
            RecordTable(
                columns: ["article", "published", "outlet", "title", "story", "snippet"],
                rows: hits.map { ArticlesCommand.row($0.article) + [Self.marked($0)] })
        }
    }

    /// The snippet with its matches between « and ».
    static func marked(_ hit: SearchHit) -> String {
        let bytes = Array(hit.snippet.utf8)
        var out: [UInt8] = []
        var at = 0
        for h in hit.highlights.sorted() where h.start >= at && h.end <= bytes.count && h.start <= h.end {
            out += bytes[at..<h.start] + Array("«".utf8) + bytes[h.start..<h.end] + Array("»".utf8)
            at = h.end
        }
        out += bytes[at...]
        return String(decoding: out, as: UTF8.self)
    }
}

/// `parallax stats`: what the corpus holds.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Counts, outlets, date range and size of the corpus.")

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "Outlets listed (most articles first).") var outlets: Int = 10
    @Option(name: .shortAndLong, help: "Output format: text, json, md, html or csv.") var format: ListFormat = .text

    func run() async throws {
        let store = try await corpus.openExisting()
        let stats = try await store.read { try $0.stats() }
        var out = StandardOutput()
        guard let table = format.table else {
            out.write(RecordJSON.line(stats) + "\n")
            out.flush()
            return
        }
        func n(_ v: Int) -> String { v.formatted(.number) }
        var rows: [[String]] = [
            ["articles", n(stats.articles)], ["copies", n(stats.copies)], ["stories", n(stats.stories)],
            ["stories of 2+ articles", n(stats.multiArticleStories)], ["merges", n(stats.merges)],
            ["stories to re-analyse", n(stats.staleStories)], ["ingest issues", n(stats.issues)],
            ["outlets", n(stats.outlets.count)],
            ["dates", [stats.firstDay?.description, stats.lastDay?.description].compactMap { $0 }.joined(separator: " .. ")],
            ["database", "\(corpus.location), \(String(format: "%.1f MB", Double(stats.bytes) / 1_000_000))"],
        ]
        for o in stats.outlets.prefix(max(0, outlets)) { rows.append(["  " + o.outlet, n(o.articles)]) }
        RecordTable(columns: ["", "corpus"], rows: rows).render(table, to: &out)
        out.flush()
    }
}

/// Writes a listing to standard output: the records as JSON or NDJSON, else the table in the chosen format.
func writeListing<T: Encodable>(
    _ key: String, _ records: [T], format: ListFormat, maxWidth: Int = 60, table: () -> RecordTable
) {
    var out = StandardOutput()
    if let tableFormat = format.table {
        table().render(tableFormat, maxWidth: maxWidth, to: &out)
    } else {
        writeRecords(key, records, ndjson: format == .ndjson, to: &out)
    }
    out.flush()
}

/// Writes records as one JSON document (`{"<key>": [...]}`) or NDJSON (one record a line).
func writeRecords<T: Encodable>(_ key: String, _ records: [T], ndjson: Bool, to out: inout some TextOutputStream) {
    if ndjson {
        for r in records { out.write(RecordJSON.line(r) + "\n") }
    } else {
        RecordJSON.document(key: key, records, to: &out)
    }
}
